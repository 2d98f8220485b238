-- 0011: figures kept township by township (issue 19). figure_stamps holds, for each township
-- name, the ledger version (ledger_version) of the last write transaction that may have
-- changed its records, and under the name '' the version of the last write that may have
-- changed anything (every write but an import, which names the townships it reads from its
-- file). figure_parts keeps a township's share of a figure (its sums for stats) under the
-- version it was computed at, the program and the day; it is read only while that version is
-- at least the township's stamp and the '' stamp. Writing parts raises no version and
-- writes no audit row. Shipped migrations are never edited.

CREATE TABLE figure_stamps (
    township TEXT PRIMARY KEY,
    version  INTEGER NOT NULL
);
INSERT INTO figure_stamps (township, version) SELECT '', version FROM ledger_version;

CREATE TABLE figure_parts (
    key      TEXT NOT NULL,
    township TEXT NOT NULL,
    program  TEXT NOT NULL,
    day      TEXT NOT NULL,
    version  INTEGER NOT NULL,
    value    BLOB NOT NULL,
    PRIMARY KEY (key, township, program)
);
