package sqlite

import (
	"strings"

	"liangwei/data"
)

// How an import writes: each record is inserted, restored, updated or left as it is, by its
// natural key in the preloaded table of its kind.

// upsertKind upserts the batch's records of one kind, in order. t is the kind's table when
// already read (townships, villages); nil reads it now, and not at all when rs is empty.
// It returns the IDs of what the records belong to, each once, in the order first met.
func upsertKind[R any](im *importer, k *kindSpec[R], t *table, rs []R) ([]int64, error) {
	if len(rs) == 0 {
		return nil, nil
	}
	if t == nil {
		var err error
		if t, err = readTable(im, k); err != nil {
			return nil, err
		}
	}
	seen := map[int64]bool{}
	var parents []int64
	for _, r := range rs {
		parent, err := parentOf(im, k, r)
		if err != nil {
			return nil, err
		}
		args, err := k.args(im, parent, r)
		if err != nil {
			return nil, err
		}
		if !seen[parent] {
			seen[parent] = true
			parents = append(parents, parent)
		}
		if err := upsert(im, k, t, k.natKey(parent, r), r, args); err != nil {
			return nil, err
		}
	}
	// What comes next may read the kind's rows (the posts of the villages, the townships an
	// import creates by a single insert): they are written now.
	t.next = 0
	if t.batch != nil {
		if err := t.batch.flush(); err != nil {
			return nil, err
		}
	}
	return parents, nil
}

// upsert inserts, restores, updates or leaves one batch record; args are the columns of
// the kind's insert and update statements.
func upsert[R any](im *importer, k *kindSpec[R], t *table, key natKey, r R, args []any) error {
	val := k.val(r)
	old := t.keys[key]
	if old != nil && old.fresh {
		return refuse(data.ErrDuplicate, "导入的数据中%s出现了不止一次", k.label(r)) // as checkBatch
	}
	if old == nil || old.deleted || old.val != val {
		if err := guardUpsert(im.w, k, old, r); err != nil {
			return err
		}
	}
	switch {
	case old == nil && !batchImports:
		res, err := t.ins.ExecContext(im.w.ctx, append(args, im.w.now, im.w.now)...)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		t.keys[key] = &rec{id: id, fresh: true}
		return im.outcome(k.code, k.keyText(r), nil, val, true, false)
	case old == nil:
		if t.batch == nil {
			// created_at and updated_at: the import's time
			n := strings.Count(k.insert, "?") + 1
			t.batch = newRowBatch(im.w, k.insert, true, n-2, n-1)
		}
		if t.next == 0 {
			var err error
			if t.next, err = im.w.nextID(tableOf(k.insert)); err != nil {
				return err
			}
		}
		id := t.next
		t.next++
		if err := t.batch.addRow(id, args, im.w.now, im.w.now); err != nil {
			return err
		}
		t.keys[key] = &rec{id: id, fresh: true}
		return im.outcome(k.code, k.keyText(r), nil, val, true, false)
	case !old.deleted && old.val == val:
		im.res.Unchanged++
		return nil
	}
	if _, err := t.upd.ExecContext(im.w.ctx, append(args, im.w.now, old.id)...); err != nil {
		return err
	}
	was, restored := old.val, old.deleted
	old.val, old.deleted = val, false
	return im.outcome(k.code, k.keyText(r), was, val, false, restored)
}

// township returns the ID of a township of the batch or the database, creating or restoring
// it (audited, not counted) when a record names it: an import creates the townships its
// villages, leaderships, complaints and talks name.
func (im *importer) township(name string) (int64, error) {
	key := natKey{text: name}
	r := im.towns.keys[key]
	switch {
	case r == nil:
		t := data.Township{Name: name}
		if err := guardUpsert(im.w, townshipKind, nil, t); err != nil {
			return 0, err
		}
		args, err := townshipKind.args(im, 0, t)
		if err != nil {
			return 0, err
		}
		res, err := im.towns.ins.ExecContext(im.w.ctx, append(args, im.w.now, im.w.now)...)
		if err != nil {
			return 0, err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return 0, err
		}
		val := auditOf(data.TownshipDesc, t)
		im.towns.keys[key] = &rec{id: id, val: val}
		return id, im.w.log(ActionCreate, data.CodeTownship, name, nil, val, im.source)
	case r.deleted:
		if err := guardUpsert(im.w, townshipKind, r, data.Township{Name: name}); err != nil {
			return 0, err
		}
		if err := unbin(im.w, townshipKind, r.id); err != nil {
			return 0, err
		}
		r.deleted = false
		return r.id, im.w.log(ActionRestore, data.CodeTownship, name, nil, r.val, im.source)
	}
	return r.id, nil
}
