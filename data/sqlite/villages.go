package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"liangwei/data"
)

const selectVillage = `SELECT v.id, t.name, v.name, v.kind, v.households, v.population, v.code, v.status
	FROM villages v JOIN townships t ON t.id = v.township_id`

func scanVillage(sc interface{ Scan(...any) error }) (data.Village, error) {
	var v data.Village
	var kind, status string
	err := sc.Scan(&v.ID, &v.Township, &v.Name, &kind, &v.Households, &v.Population, &v.Code, &status)
	v.Kind, v.Status = data.VillageKind(kind), data.VillageStatus(status)
	return v, err
}

func (s *Store) listVillages(ctx context.Context, where string) ([]data.Village, error) {
	var out []data.Village
	err := s.read(ctx, func(q *sql.Tx) error {
		var err error
		out, err = queryVillages(ctx, q, where)
		return err
	})
	return out, err
}

// queryVillages lists the villages meeting where on q, by township and name.
func queryVillages(ctx context.Context, q *sql.Tx, where string) ([]data.Village, error) {
	rows, err := q.QueryContext(ctx, selectVillage+" WHERE "+where+" ORDER BY t.name, v.name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Village
	for rows.Next() {
		v, err := scanVillage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Villages lists the villages that are not deleted, by township and name.
func (s *Store) Villages(ctx context.Context) ([]data.Village, error) {
	return s.listVillages(ctx, "v.deleted_at IS NULL AND t.deleted_at IS NULL")
}

// DeletedVillages lists the villages in the recycle bin, by township and name.
func (s *Store) DeletedVillages(ctx context.Context) ([]data.Village, error) {
	return s.listVillages(ctx, "v.deleted_at IS NOT NULL")
}

// SaveVillage inserts a village (ID 0; a deleted one with the same key is restored) or
// updates one; renaming or moving it to another township is allowed when the new key is free.
// A township named for the first time is created.
func (s *Store) SaveVillage(ctx context.Context, v *data.Village) error {
	if ps := v.Validate(); ps.HasErrors() {
		return ps
	}
	return s.write(ctx, func(w *tx) error {
		tid, err := w.ensureTownship(v.Township)
		if err != nil {
			return err
		}
		other, err := w.villageByKey(tid, v.Name)
		if err != nil {
			return err
		}
		key := villageKeyText(v.Township, v.Name)
		if v.ID == 0 {
			switch {
			case other == nil:
				id, err := w.insertVillage(tid, *v)
				if err != nil {
					return err
				}
				v.ID = id
				return w.log(ActionCreate, data.CodeVillage, key, nil, villageVal(*v), "")
			case other.deleted:
				v.ID = other.v.ID
				if err := w.updateVillage(tid, *v); err != nil {
					return err
				}
				return w.log(ActionRestore, data.CodeVillage, key, villageVal(other.v), villageVal(*v), "")
			default:
				return refuse(data.ErrDuplicate, "乡镇“%s”已有村庄“%s”", v.Township, v.Name)
			}
		}
		old, err := w.villageByID(v.ID)
		if err != nil {
			return err
		}
		if other != nil && other.v.ID != v.ID {
			return refuse(data.ErrDuplicate, "乡镇“%s”已有村庄“%s”%s", v.Township, v.Name, binNote(other.deleted))
		}
		if *villageVal(old) == *villageVal(*v) {
			return nil
		}
		if err := w.updateVillage(tid, *v); err != nil {
			return err
		}
		return w.log(ActionUpdate, data.CodeVillage, key, villageVal(old), villageVal(*v), "")
	})
}

// DeleteVillage moves a village to the recycle bin; its elections are hidden with it.
func (s *Store) DeleteVillage(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *tx) error {
		old, err := w.villageByID(id)
		if err != nil {
			return err
		}
		if _, err := w.exec(`UPDATE villages SET deleted_at = ?, updated_at = ? WHERE id = ?`, w.now, w.now, id); err != nil {
			return err
		}
		return w.log(ActionDelete, data.CodeVillage, villageKeyText(old.Township, old.Name), villageVal(old), nil, "")
	})
}

// RestoreVillage takes a village out of the recycle bin, with its elections.
func (s *Store) RestoreVillage(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *tx) error {
		v, err := scanVillage(w.queryRow(selectVillage+` WHERE v.id = ? AND v.deleted_at IS NOT NULL`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return data.ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := w.ensureTownship(v.Township); err != nil {
			return err
		}
		if _, err := w.exec(`UPDATE villages SET deleted_at = NULL, updated_at = ? WHERE id = ?`, w.now, id); err != nil {
			return err
		}
		return w.log(ActionRestore, data.CodeVillage, villageKeyText(v.Township, v.Name), nil, villageVal(v), "")
	})
}

type villageRow struct {
	v       data.Village
	deleted bool
}

func (w *tx) villageByKey(townshipID int64, name string) (*villageRow, error) {
	var r villageRow
	var del sql.NullString
	var kind, status string
	err := w.queryRow(`SELECT v.id, t.name, v.name, v.kind, v.households, v.population, v.code, v.status, v.deleted_at
		FROM villages v JOIN townships t ON t.id = v.township_id WHERE v.township_id = ? AND v.name = ?`, townshipID, name).
		Scan(&r.v.ID, &r.v.Township, &r.v.Name, &kind, &r.v.Households, &r.v.Population, &r.v.Code, &status, &del)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	r.v.Kind, r.v.Status, r.deleted = data.VillageKind(kind), data.VillageStatus(status), del.Valid
	return &r, err
}

// villageByID returns a village that is not deleted, or data.ErrNotFound.
func (w *tx) villageByID(id int64) (data.Village, error) {
	v, err := scanVillage(w.queryRow(selectVillage+` WHERE v.id = ? AND v.deleted_at IS NULL AND t.deleted_at IS NULL`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, data.ErrNotFound
	}
	return v, err
}

const (
	sqlInsertVillage = `INSERT INTO villages (township_id, name, kind, households, population, code, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlUpdateVillage = `UPDATE villages SET township_id = ?, name = ?, kind = ?, households = ?, population = ?, code = ?, status = ?,
		updated_at = ?, deleted_at = NULL WHERE id = ?`
)

func (w *tx) insertVillage(townshipID int64, v data.Village) (int64, error) {
	res, err := w.exec(sqlInsertVillage, townshipID, v.Name, string(v.Kind), v.Households, v.Population, v.Code, string(v.Status), w.now, w.now)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// updateVillage writes v's values over row v.ID, restoring it when it was deleted.
func (w *tx) updateVillage(townshipID int64, v data.Village) error {
	_, err := w.exec(sqlUpdateVillage, townshipID, v.Name, string(v.Kind), v.Households, v.Population, v.Code, string(v.Status), w.now, v.ID)
	return err
}
