package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"liangwei/data"
)

// Townships lists the townships that are not deleted, by name.
func (s *Store) Townships(ctx context.Context) ([]data.Township, error) {
	var out []data.Township
	err := s.read(ctx, func(q *sql.Tx) error {
		var err error
		out, err = queryTownships(ctx, q)
		return err
	})
	return out, err
}

// queryTownships lists the townships that are not deleted on q, by name.
func queryTownships(ctx context.Context, q *sql.Tx) ([]data.Township, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, county, contact, phone FROM townships
		WHERE deleted_at IS NULL ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Township
	for rows.Next() {
		var t data.Township
		if err := rows.Scan(&t.ID, &t.Name, &t.County, &t.Contact, &t.Phone); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// SaveTownship inserts a township (ID 0; a deleted one of the same name is restored) or
// updates one, renaming it when the new name is free.
func (s *Store) SaveTownship(ctx context.Context, t *data.Township) error {
	if ps := t.Validate(); ps.HasErrors() {
		return ps
	}
	return s.write(ctx, func(w *tx) error {
		other, err := w.townshipByName(t.Name)
		if err != nil {
			return err
		}
		if t.ID == 0 {
			switch {
			case other == nil:
				id, err := w.insertTownship(*t)
				if err != nil {
					return err
				}
				t.ID = id
				return w.log(ActionCreate, data.CodeTownship, t.Name, nil, townshipVal(*t), "")
			case other.deleted:
				t.ID = other.t.ID
				if err := w.updateTownship(*t); err != nil {
					return err
				}
				return w.log(ActionRestore, data.CodeTownship, t.Name, townshipVal(other.t), townshipVal(*t), "")
			default:
				return refuse(data.ErrDuplicate, "已有乡镇“%s”", t.Name)
			}
		}
		old, err := w.townshipByID(t.ID)
		if err != nil {
			return err
		}
		if other != nil && other.t.ID != t.ID {
			return refuse(data.ErrDuplicate, "已有乡镇“%s”%s", t.Name, binNote(other.deleted))
		}
		if *townshipVal(old) == *townshipVal(*t) {
			return nil
		}
		if err := w.updateTownship(*t); err != nil {
			return err
		}
		return w.log(ActionUpdate, data.CodeTownship, t.Name, townshipVal(old), townshipVal(*t), "")
	})
}

// binNote is added to a duplicate-key refusal when the record holding the key is deleted.
func binNote(deleted bool) string {
	if deleted {
		return "（在回收站中，可从回收站恢复）"
	}
	return ""
}

type townshipRow struct {
	t       data.Township
	deleted bool
}

func (w *tx) townshipByName(name string) (*townshipRow, error) {
	var r townshipRow
	var del sql.NullString
	err := w.queryRow(`SELECT id, name, county, contact, phone, deleted_at FROM townships WHERE name = ?`, name).
		Scan(&r.t.ID, &r.t.Name, &r.t.County, &r.t.Contact, &r.t.Phone, &del)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	r.deleted = del.Valid
	return &r, err
}

func (w *tx) townshipByID(id int64) (data.Township, error) {
	var t data.Township
	err := w.queryRow(`SELECT id, name, county, contact, phone FROM townships WHERE id = ? AND deleted_at IS NULL`, id).
		Scan(&t.ID, &t.Name, &t.County, &t.Contact, &t.Phone)
	if errors.Is(err, sql.ErrNoRows) {
		return t, data.ErrNotFound
	}
	return t, err
}

const (
	sqlInsertTownship = `INSERT INTO townships (name, county, contact, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`
	sqlUpdateTownship = `UPDATE townships SET name = ?, county = ?, contact = ?, phone = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`
)

func (w *tx) insertTownship(t data.Township) (int64, error) {
	res, err := w.exec(sqlInsertTownship, t.Name, t.County, t.Contact, t.Phone, w.now, w.now)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// updateTownship writes t's values over row t.ID, restoring it when it was deleted.
func (w *tx) updateTownship(t data.Township) error {
	_, err := w.exec(sqlUpdateTownship, t.Name, t.County, t.Contact, t.Phone, w.now, t.ID)
	return err
}

// ensureTownship returns the ID of the township named name, creating it (or restoring it from
// the recycle bin) when needed, with its audit row.
func (w *tx) ensureTownship(name string) (int64, error) {
	r, err := w.townshipByName(name)
	if err != nil {
		return 0, err
	}
	if r == nil {
		t := data.Township{Name: name}
		id, err := w.insertTownship(t)
		if err != nil {
			return 0, err
		}
		return id, w.log(ActionCreate, data.CodeTownship, name, nil, townshipVal(t), "")
	}
	if r.deleted {
		if _, err := w.exec(`UPDATE townships SET deleted_at = NULL, updated_at = ? WHERE id = ?`, w.now, r.t.ID); err != nil {
			return 0, err
		}
		return r.t.ID, w.log(ActionRestore, data.CodeTownship, name, nil, townshipVal(r.t), "")
	}
	return r.t.ID, nil
}
