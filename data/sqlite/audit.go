package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"liangwei/data"
)

// Audit actions.
const (
	ActionCreate  = "create"
	ActionUpdate  = "update"
	ActionDelete  = "delete"
	ActionRestore = "restore" // out of the recycle bin, by hand or by a save or import of its key
	ActionImport  = "import"  // one row per imported file, with the counts
	ActionLock    = "lock"    // a round marked 已上报
	ActionUnlock  = "unlock"  // a lock lifted; new_value holds the reason
	ActionBackup  = "backup"  // a backup written; record is the backup file
	// ActionRestoreBackup replaces the data by a backup; record is the backup file.
	ActionRestoreBackup = "restore-backup"
)

// AuditLog lists the audit log, newest first, narrowed by f: Kind exactly, Village as a
// substring of the record key, Since and Until by calendar day (inclusive; the day is taken
// in the location of the given time, so a date picked in local time means that local day),
// and at most Limit entries (0: all).
func (s *Store) AuditLog(ctx context.Context, f data.AuditFilter) ([]data.AuditEntry, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		where = append(where, "kind = ?")
		args = append(args, f.Kind)
	}
	if f.Village != "" {
		where = append(where, "instr(record, ?) > 0")
		args = append(args, f.Village)
	}
	if !f.Since.IsZero() {
		y, m, d := f.Since.Date()
		where = append(where, "at >= ?")
		args = append(args, time.Date(y, m, d, 0, 0, 0, 0, f.Since.Location()).UTC().Format(time.RFC3339))
	}
	if !f.Until.IsZero() {
		y, m, d := f.Until.Date()
		where = append(where, "at < ?")
		args = append(args, time.Date(y, m, d+1, 0, 0, 0, 0, f.Until.Location()).UTC().Format(time.RFC3339))
	}
	query := `SELECT id, at, os_user, action, kind, record, old_value, new_value, source FROM audit_log`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY id DESC"
	if f.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, f.Limit)
	}
	var out []data.AuditEntry
	err := s.read(ctx, func(q *sql.Tx) error {
		rows, err := q.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e data.AuditEntry
			var at string
			if err := rows.Scan(&e.ID, &at, &e.OSUser, &e.Action, &e.Kind, &e.Record, &e.OldValue, &e.NewValue, &e.Source); err != nil {
				return err
			}
			e.At, _ = time.Parse(time.RFC3339, at)
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}

const insertAudit = `INSERT INTO audit_log (at, os_user, action, kind, record, old_value, new_value, source)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

// log writes one audit row in the transaction. old and new are marshalled to JSON; nil
// gives "".
func (t *tx) log(action string, kind data.KindCode, record string, old, new any, source string) error {
	if t.audits != nil {
		o, err := toJSON(old)
		if err != nil {
			return err
		}
		n, err := toJSON(new)
		if err != nil {
			return err
		}
		return t.audits.add(t.now, t.s.osUser, action, string(kind), record, o, n, source)
	}
	if t.audit == nil {
		st, err := t.tx.PrepareContext(t.ctx, insertAudit)
		if err != nil {
			return err
		}
		t.audit = st
	}
	o, err := toJSON(old)
	if err != nil {
		return err
	}
	n, err := toJSON(new)
	if err != nil {
		return err
	}
	_, err = t.audit.ExecContext(t.ctx, t.now, t.s.osUser, action, string(kind), record, o, n, source)
	return err
}

func toJSON(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	if a, ok := v.(auditValue); ok {
		// Already compact JSON with json.Marshal's escaping (data.Kind.AuditValue), which
		// json.Marshal would only copy through its compaction.
		return string(a), nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// auditValue is a record as the audit log stores it: the JSON text its kind's description
// gives (data.Kind.AuditValue). It is comparable, so an unchanged record is seen as one, and
// it is written to the log as it is.
type auditValue string

// MarshalJSON writes the value's JSON text unchanged.
func (v auditValue) MarshalJSON() ([]byte, error) { return []byte(v), nil }

// auditOf is r's audit value by the description k.
func auditOf[R any](k *data.Kind[R], r R) auditValue { return auditValue(k.AuditValue(&r)) }
