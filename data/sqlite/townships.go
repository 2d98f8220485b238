package sqlite

import (
	"context"
	"errors"

	"liangwei/data"
)

var townshipKind = &kindSpec[data.Township]{
	names:   func(t data.Township) (string, string) { return t.Name, "" },
	code:    data.CodeTownship,
	table:   "townships",
	alias:   "t",
	up:      noParent,
	keyCols: [2]string{"name", ""},
	key:     func(t data.Township) (string, int) { return t.Name, 0 },
	sel:     `SELECT t.id, t.name, t.county, t.contact, t.phone FROM townships t`,
	live:    "t.deleted_at IS NULL",
	order:   "t.name",
	insert:  `INSERT INTO townships (name, county, contact, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
	update:  `UPDATE townships SET name = ?, county = ?, contact = ?, phone = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan: func(sc scanner) (data.Township, error) {
		var t data.Township
		err := sc.Scan(&t.ID, &t.Name, &t.County, &t.Contact, &t.Phone)
		return t, err
	},
	id: func(t data.Township) int64 { return t.ID },
	args: func(_ refs, _ int64, t data.Township) ([]any, error) {
		return []any{t.Name, t.County, t.Contact, t.Phone}, nil
	},
	desc:    data.TownshipDesc,
	keyText: func(t data.Township) string { return t.Name },
	label:   func(t data.Township) string { return "乡镇“" + t.Name + "”" },
	taken:   func(t data.Township) string { return "已有乡镇“" + t.Name + "”" },
	everyRound: func(old, new *data.Township) bool {
		return old == nil || new == nil || old.Name != new.Name
	},
}

// Townships lists the townships that are not deleted, by name.
func (s *Store) Townships(ctx context.Context) ([]data.Township, error) {
	return listRead(ctx, s, townshipKind, townshipKind.live)
}

// SaveTownship inserts a township (ID 0; a deleted one of the same name is restored) or
// updates one, renaming it when the new name is free.
func (s *Store) SaveTownship(ctx context.Context, t *data.Township) error {
	return save(ctx, s, townshipKind, *t, &t.ID, t.Validate())
}

// ensureTownship returns the ID of the township named name, creating it (or restoring it from
// the recycle bin) when needed, with its audit row: a village may name a township first.
func (w *tx) ensureTownship(name string) (int64, error) {
	t, deleted, err := byKey(w, townshipKind, natKey{text: name})
	switch {
	case errors.Is(err, data.ErrNotFound):
		t = data.Township{Name: name}
		if err := guard(w, townshipKind, nil, &t); err != nil {
			return 0, err
		}
		args, _ := townshipKind.args(nil, 0, t)
		id, err := insertRec(w, townshipKind, args)
		if err != nil {
			return 0, err
		}
		return id, w.log(ActionCreate, data.CodeTownship, name, nil, auditOf(data.TownshipDesc, t), "")
	case err != nil:
		return 0, err
	case deleted:
		if err := guard(w, townshipKind, nil, &t); err != nil {
			return 0, err
		}
		if err := unbin(w, townshipKind, t.ID); err != nil {
			return 0, err
		}
		return t.ID, w.log(ActionRestore, data.CodeTownship, name, nil, auditOf(data.TownshipDesc, t), "")
	}
	return t.ID, nil
}

// liveTownshipID finds a township that is not deleted by its name.
func (w *tx) liveTownshipID(name string) (int64, error) {
	t, deleted, err := byKey(w, townshipKind, natKey{text: name})
	switch {
	case errors.Is(err, data.ErrNotFound):
		return 0, refuse(data.ErrUnknownTownship, "找不到乡镇“%s”，请先添加该乡镇", name)
	case err != nil:
		return 0, err
	case deleted:
		return 0, refuse(data.ErrUnknownTownship, "乡镇“%s”在回收站中，请先从回收站恢复", name)
	}
	return t.ID, nil
}
