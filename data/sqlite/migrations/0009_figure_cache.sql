-- 0009: a cache of computed figures (issue 19). ledger_version has one row whose version
-- every write transaction of the store raises (Store.writeOn, a restore), in the same
-- transaction as the change; figure_cache keeps a computed result (stats, the summary's
-- data and prints) under the version and the program (a hash of its executable) it was
-- computed with (the desktop program and the CLI each keep their own), and is read only
-- while both are still current. Writing the cache raises no version and writes no audit
-- row. Shipped migrations are never edited.

CREATE TABLE ledger_version (
    one     INTEGER PRIMARY KEY CHECK (one = 1),
    version INTEGER NOT NULL
);
INSERT INTO ledger_version (one, version) VALUES (1, 0);

CREATE TABLE figure_cache (
    key     TEXT NOT NULL,
    program TEXT NOT NULL,
    version INTEGER NOT NULL,
    value   BLOB NOT NULL,
    PRIMARY KEY (key, program)
);
