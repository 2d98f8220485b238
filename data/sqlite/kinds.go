package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"liangwei/data"
)

// scanner is a row to scan: *sql.Row, *sql.Rows or a prefixScan.
type scanner interface{ Scan(...any) error }

// prefixScan scans some leading columns (the importer's parent ID and deleted flag) into pre
// and the rest into the destinations a kind's scan function gives.
type prefixScan struct {
	rows *sql.Rows
	pre  []any
}

func (p prefixScan) Scan(dest ...any) error {
	return p.rows.Scan(append(append([]any(nil), p.pre...), dest...)...)
}

// kindSpec describes a record kind of migration 0002 (members, leaderships, party ledger,
// complaints, talks) for the list, save, delete, restore and import code they share. R is the
// data record, V its audit value: comparable, keyed by the Chinese column headers.
type kindSpec[R any, V comparable] struct {
	audit  data.KindCode // audit kind
	table  string        // table name
	alias  string        // the table's alias in sel
	parent string        // the column naming the village or township, with alias
	sel    string        // SELECT <the columns scan reads> FROM <table> <alias> JOIN …
	live   string        // the condition of a listed record (it and what it belongs to not deleted)
	order  string        // ORDER BY of listings
	insert string        // INSERT of the columns of args, then created_at, updated_at
	update string        // UPDATE of the columns of args, then updated_at, deleted_at = NULL, WHERE id = ?

	scan    func(scanner) (R, error)
	id      func(R) int64
	val     func(R) V
	keyText func(R) string // the readable key of the audit log
	label   func(R) string // the record in a Chinese message
	// round is the round (or year) that binds the record to a lock; 0 when none.
	round func(R) int
	// restorable is checked before a record leaves the recycle bin: what it belongs to must
	// be listed (and, for members, its posts free).
	restorable func(w *tx, r R) error
}

// list runs the kind's select on q with a condition, in listing order.
func list[R any, V comparable](ctx context.Context, q *sql.Tx, k *kindSpec[R, V], where string, args ...any) ([]R, error) {
	rows, err := q.QueryContext(ctx, k.sel+" WHERE "+where+" ORDER BY "+k.order, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []R
	for rows.Next() {
		r, err := k.scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// listRead is list in a read transaction of its own.
func listRead[R any, V comparable](ctx context.Context, s *Store, k *kindSpec[R, V], where string, args ...any) ([]R, error) {
	var out []R
	err := s.read(ctx, func(q *sql.Tx) error {
		var err error
		out, err = list(ctx, q, k, where, args...)
		return err
	})
	return out, err
}

// byID reads record id when it meets cond, or returns data.ErrNotFound.
func byID[R any, V comparable](w *tx, k *kindSpec[R, V], id int64, cond string) (R, error) {
	r, err := k.scan(w.queryRow(k.sel+" WHERE "+k.alias+".id = ? AND "+cond, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, data.ErrNotFound
	}
	return r, err
}

// saveRec inserts r (id 0; a deleted record with the same key is restored) or updates
// record *id, setting *id on success. keyWhere/keyArgs find the record holding r's natural
// key; args are the column values of k.insert and k.update. check, when not nil, runs before
// anything is written, with the ID the record will have (0 for a new row).
func saveRec[R any, V comparable](w *tx, k *kindSpec[R, V], r R, id *int64, keyWhere string, keyArgs, args []any,
	check func(self int64) error) error {
	if err := w.checkLocked(k.round(r)); err != nil {
		return err
	}
	var otherID int64
	var otherDeleted bool
	err := w.queryRow("SELECT id, deleted_at IS NOT NULL FROM "+k.table+" WHERE "+keyWhere, keyArgs...).Scan(&otherID, &otherDeleted)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if check == nil {
		check = func(int64) error { return nil }
	}
	val, key := k.val(r), k.keyText(r)
	if *id == 0 {
		switch {
		case !found:
			if err := check(0); err != nil {
				return err
			}
			res, err := w.exec(k.insert, append(args, w.now, w.now)...)
			if err != nil {
				return err
			}
			newID, err := res.LastInsertId()
			if err != nil {
				return err
			}
			*id = newID
			return w.log(ActionCreate, k.audit, key, nil, val, "")
		case otherDeleted:
			old, err := byID(w, k, otherID, "1")
			if err != nil {
				return err
			}
			if err := w.checkLocked(k.round(old)); err != nil {
				return err
			}
			if err := check(otherID); err != nil {
				return err
			}
			if _, err := w.exec(k.update, append(args, w.now, otherID)...); err != nil {
				return err
			}
			*id = otherID
			return w.log(ActionRestore, k.audit, key, k.val(old), val, "")
		default:
			return refuse(data.ErrDuplicate, "%s已存在", k.label(r))
		}
	}
	old, err := byID(w, k, *id, k.live)
	if err != nil {
		return err
	}
	if err := w.checkLocked(k.round(old)); err != nil {
		return err
	}
	if found && otherID != *id {
		return refuse(data.ErrDuplicate, "%s已存在%s", k.label(r), binNote(otherDeleted))
	}
	if k.val(old) == val {
		return nil
	}
	if err := check(*id); err != nil {
		return err
	}
	if _, err := w.exec(k.update, append(args, w.now, *id)...); err != nil {
		return err
	}
	return w.log(ActionUpdate, k.audit, key, k.val(old), val, "")
}

// deleteRec moves a listed record to the recycle bin.
func deleteRec[R any, V comparable](ctx context.Context, s *Store, k *kindSpec[R, V], id int64) error {
	return s.write(ctx, func(w *tx) error {
		old, err := byID(w, k, id, k.live)
		if err != nil {
			return err
		}
		if err := w.checkLocked(k.round(old)); err != nil {
			return err
		}
		if _, err := w.exec("UPDATE "+k.table+" SET deleted_at = ?, updated_at = ? WHERE id = ?", w.now, w.now, id); err != nil {
			return err
		}
		return w.log(ActionDelete, k.audit, k.keyText(old), k.val(old), nil, "")
	})
}

// restoreRec takes a record out of the recycle bin.
func restoreRec[R any, V comparable](ctx context.Context, s *Store, k *kindSpec[R, V], id int64) error {
	return s.write(ctx, func(w *tx) error {
		r, err := byID(w, k, id, k.alias+".deleted_at IS NOT NULL")
		if err != nil {
			return err
		}
		if err := w.checkLocked(k.round(r)); err != nil {
			return err
		}
		if err := k.restorable(w, r); err != nil {
			return err
		}
		if _, err := w.exec("UPDATE "+k.table+" SET deleted_at = NULL, updated_at = ? WHERE id = ?", w.now, id); err != nil {
			return err
		}
		return w.log(ActionRestore, k.audit, k.keyText(r), nil, k.val(r), "")
	})
}

// deletedWhere is the condition of a kind's recycle-bin listing: deleted itself, not only
// hidden by its village.
func deletedWhere[R any, V comparable](k *kindSpec[R, V]) string {
	return k.alias + ".deleted_at IS NOT NULL"
}

// yearRange is the condition of a date column within a calendar year, on the YYYY-MM-DD
// text so that the column's index serves it.
func yearRange(col string, year int) (string, []any) {
	return col + " >= ? AND " + col + " < ?", []any{yearStart(year), yearStart(year + 1)}
}

func yearStart(year int) string { return fmt.Sprintf("%04d-01-01", year) }
