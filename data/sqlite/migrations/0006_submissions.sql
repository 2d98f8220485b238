-- 0006: who has sent what (issue 18). One row per township of every imported workbook or CSV
-- file, with the data fingerprint the file carried and the one of its rows, and the 退回 a
-- county may mark it with; one row per township of every PDF verified against the database.
-- Shipped migrations are never edited.

CREATE TABLE submissions (
    id            INTEGER PRIMARY KEY,
    township      TEXT NOT NULL,
    file          TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    os_user       TEXT NOT NULL DEFAULT '',
    declared      TEXT NOT NULL DEFAULT '',
    actual        TEXT NOT NULL DEFAULT '',
    returned_at   TEXT,
    returned_by   TEXT NOT NULL DEFAULT '',
    return_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX submissions_township ON submissions (township, id);

CREATE TABLE verifications (
    id          INTEGER PRIMARY KEY,
    township    TEXT NOT NULL,
    file        TEXT NOT NULL,
    verified_at TEXT NOT NULL,
    os_user     TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL,
    round       INTEGER NOT NULL,
    result      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX verifications_township ON verifications (township, id);
