package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"liangwei/data"
)

func villageKeyText(township, village string) string { return township + "/" + village }

// villageKind: a village names its township, which a save or restore makes when missing
// (or takes out of the recycle bin). A deleted village hides its elections, members and
// party ledger: their live conditions require it.
var villageKind = &kindSpec[data.Village]{
	code:          data.CodeVillage,
	table:         "villages",
	alias:         "v",
	up:            inTownship,
	names:         func(v data.Village) (string, string) { return v.Township, "" },
	makesTownship: true,
	keyCols:       [2]string{"name", ""},
	key:           func(v data.Village) (string, int) { return v.Name, 0 },
	sel: `SELECT v.id, t.name, v.name, v.kind, v.households, v.population, v.code, v.status
		FROM villages v JOIN townships t ON t.id = v.township_id`,
	live:  "v.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, v.name",
	insert: `INSERT INTO villages (township_id, name, kind, households, population, code, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE villages SET township_id = ?, name = ?, kind = ?, households = ?, population = ?, code = ?, status = ?,
		updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan: func(sc scanner) (data.Village, error) {
		var v data.Village
		var kind, status string
		err := sc.Scan(&v.ID, &v.Township, &v.Name, &kind, &v.Households, &v.Population, &v.Code, &status)
		v.Kind, v.Status = data.VillageKind(kind), data.VillageStatus(status)
		return v, err
	},
	id: func(v data.Village) int64 { return v.ID },
	args: func(_ refs, townshipID int64, v data.Village) ([]any, error) {
		return []any{townshipID, v.Name, string(v.Kind), v.Households, v.Population, v.Code, string(v.Status)}, nil
	},
	desc:    data.VillageDesc,
	keyText: func(v data.Village) string { return villageKeyText(v.Township, v.Name) },
	label:   func(v data.Village) string { return "村庄“" + villageKeyText(v.Township, v.Name) + "”" },
	taken:   func(v data.Village) string { return "乡镇“" + v.Township + "”已有村庄“" + v.Name + "”" },
	everyRound: func(old, new *data.Village) bool {
		return old == nil || new == nil || old.Township != new.Township || old.Name != new.Name ||
			old.Kind != new.Kind || old.Status != new.Status
	},
}

// Villages lists the villages that are not deleted, by township and name.
func (s *Store) Villages(ctx context.Context) ([]data.Village, error) {
	return listRead(ctx, s, villageKind, villageKind.live)
}

// DeletedVillages lists the villages in the recycle bin, by township and name.
func (s *Store) DeletedVillages(ctx context.Context) ([]data.Village, error) {
	return listRead(ctx, s, villageKind, deletedWhere(villageKind))
}

// SaveVillage inserts a village (ID 0; a deleted one with the same key is restored) or
// updates one; renaming or moving it to another township is allowed when the new key is free.
// A township named for the first time is created.
func (s *Store) SaveVillage(ctx context.Context, v *data.Village) error {
	return save(ctx, s, villageKind, *v, &v.ID, v.Validate())
}

// DeleteVillage moves a village to the recycle bin; its elections are hidden with it.
func (s *Store) DeleteVillage(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, villageKind, id)
}

// RestoreVillage takes a village out of the recycle bin, with its elections (and its
// township, when that is deleted).
func (s *Store) RestoreVillage(ctx context.Context, id int64) error {
	return restoreRec(ctx, s, villageKind, id)
}

// liveVillageID finds a village that is not deleted by its names.
func (w *tx) liveVillageID(township, village string) (int64, error) {
	var id int64
	var del sql.NullString
	err := w.queryRow(`SELECT v.id, coalesce(v.deleted_at, t.deleted_at) FROM villages v JOIN townships t ON t.id = v.township_id
		WHERE t.name = ? AND v.name = ?`, township, village).Scan(&id, &del)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, refuse(data.ErrUnknownVillage, "找不到村庄“%s/%s”，请先在村庄台账中添加", township, village)
	}
	if err != nil {
		return 0, err
	}
	if del.Valid {
		return 0, refuse(data.ErrUnknownVillage, "村庄“%s/%s”在回收站中，请先从回收站恢复", township, village)
	}
	return id, nil
}
