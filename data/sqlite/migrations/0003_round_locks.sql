-- 0003: rounds marked 已上报 (locked). Shipped migrations are never edited.
--
-- A locked round's elections, members and leaderships, the party ledger of its year and the
-- complaints and talks dated in that year are refused every change by the store until the
-- round is unlocked with a reason; locking and unlocking are in the audit log.

CREATE TABLE round_locks (
    round     INTEGER PRIMARY KEY,
    locked_at TEXT NOT NULL,
    os_user   TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
);

-- The audit log is filtered by kind and listed newest first (操作日志).
CREATE INDEX audit_log_kind ON audit_log (kind, id);
