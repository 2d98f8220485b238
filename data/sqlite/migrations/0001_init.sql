-- 0001: townships, villages, the two bodies' elections, settings and the audit log.
-- Shipped migrations are never edited; later changes go in 0002_….sql and up.

CREATE TABLE townships (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    county     TEXT NOT NULL DEFAULT '',
    contact    TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

CREATE TABLE villages (
    id          INTEGER PRIMARY KEY,
    township_id INTEGER NOT NULL REFERENCES townships (id),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT '村' CHECK (kind IN ('村', '社区')),
    households  INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
    population  INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
    code        TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT '正常' CHECK (status IN ('正常', '已撤并')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    UNIQUE (township_id, name)
);

CREATE TABLE elections (
    id           INTEGER PRIMARY KEY,
    village_id   INTEGER NOT NULL REFERENCES villages (id),
    round        INTEGER NOT NULL,
    body         TEXT NOT NULL CHECK (body IN ('党组织', '村委会')),
    status       TEXT NOT NULL CHECK (status IN ('未启动', '进行中', '已完成', '未完成')),
    completed_on TEXT CHECK (completed_on IS NULL OR completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    one_time     INTEGER NOT NULL DEFAULT 0 CHECK (one_time IN (0, 1)),
    eligible     INTEGER NOT NULL DEFAULT 0 CHECK (eligible >= 0),
    participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
    seats        INTEGER NOT NULL DEFAULT 0 CHECK (seats >= 0),
    candidates   INTEGER NOT NULL DEFAULT 0 CHECK (candidates >= 0),
    elected      INTEGER NOT NULL DEFAULT 0 CHECK (elected >= 0),
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    UNIQUE (village_id, round, body)
);

-- Listing a round's elections (the summary, the 换届 ledger) filters on round first.
CREATE INDEX elections_round ON elections (round, village_id, body);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    os_user   TEXT NOT NULL,
    action    TEXT NOT NULL,
    kind      TEXT NOT NULL,
    record    TEXT NOT NULL,
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT '',
    source    TEXT NOT NULL DEFAULT ''
);
