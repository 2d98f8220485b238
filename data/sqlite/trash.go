package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"time"

	"liangwei/data"
)

// kindOrder ranks the kinds for listing records deleted at the same second.
var kindOrder = map[data.KindCode]int{
	data.CodeTownship: 0, data.CodeVillage: 1, data.CodeElection: 2, data.CodeMember: 3, data.CodeLeadership: 4,
	data.CodePartyOrg: 5, data.CodeComplaint: 6, data.CodeTalk: 7,
}

// Trash lists the recycle bin: every record deleted itself (not only hidden by a deleted
// village), with its readable key (as in the audit log) and when it was deleted, newest
// first.
func (s *Store) Trash(ctx context.Context) ([]data.TrashItem, error) {
	var out []data.TrashItem
	err := s.read(ctx, func(q *sql.Tx) error {
		add := func(kind data.KindCode, id int64, record string, deleted map[int64]time.Time) {
			out = append(out, data.TrashItem{Kind: string(kind), ID: id, Record: record, DeletedAt: deleted[id]})
		}
		deleted, err := deletedTimes(ctx, q, "townships")
		if err != nil {
			return err
		}
		rows, err := q.QueryContext(ctx, `SELECT id, name FROM townships WHERE deleted_at IS NOT NULL`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return err
			}
			add(data.CodeTownship, id, name, deleted)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}

		if deleted, err = deletedTimes(ctx, q, "villages"); err != nil {
			return err
		}
		vs, err := queryVillages(ctx, q, "v.deleted_at IS NOT NULL")
		if err != nil {
			return err
		}
		for _, v := range vs {
			add(data.CodeVillage, v.ID, villageKeyText(v.Township, v.Name), deleted)
		}

		if deleted, err = deletedTimes(ctx, q, "elections"); err != nil {
			return err
		}
		es, err := queryElections(ctx, q, "e.deleted_at IS NOT NULL")
		if err != nil {
			return err
		}
		for _, e := range es {
			add(data.CodeElection, e.ID, electionKeyText(e), deleted)
		}

		for _, f := range []func() error{
			func() error { return trashOf(ctx, q, memberKind, add) },
			func() error { return trashOf(ctx, q, leadershipKind, add) },
			func() error { return trashOf(ctx, q, partyOrgKind, add) },
			func() error { return trashOf(ctx, q, complaintKind, add) },
			func() error { return trashOf(ctx, q, talkKind, add) },
		} {
			if err := f(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.DeletedAt.Equal(b.DeletedAt) {
			return a.DeletedAt.After(b.DeletedAt)
		}
		if a.Kind != b.Kind {
			return kindOrder[data.KindCode(a.Kind)] < kindOrder[data.KindCode(b.Kind)]
		}
		return a.ID > b.ID
	})
	return out, nil
}

// trashOf adds the deleted records of a kind of migration 0002.
func trashOf[R any, V comparable](ctx context.Context, q *sql.Tx, k *kindSpec[R, V],
	add func(kind data.KindCode, id int64, record string, deleted map[int64]time.Time)) error {
	deleted, err := deletedTimes(ctx, q, k.table)
	if err != nil {
		return err
	}
	rs, err := list(ctx, q, k, deletedWhere(k))
	if err != nil {
		return err
	}
	for _, r := range rs {
		add(k.audit, k.id(r), k.keyText(r), deleted)
	}
	return nil
}

// deletedTimes maps the deleted rows of a table to when they were deleted.
func deletedTimes(ctx context.Context, q *sql.Tx, table string) (map[int64]time.Time, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, deleted_at FROM "+table+" WHERE deleted_at IS NOT NULL")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]time.Time{}
	for rows.Next() {
		var id int64
		var at string
		if err := rows.Scan(&id, &at); err != nil {
			return nil, err
		}
		out[id], _ = time.Parse(time.RFC3339, at)
	}
	return out, rows.Err()
}

// Restore takes one record of the recycle bin back, kind being a TrashItem.Kind. What it
// belongs to must not be deleted; a record of a locked round is refused with a
// *data.LockedError.
func (s *Store) Restore(ctx context.Context, kind string, id int64) error {
	switch kind {
	case string(data.CodeTownship):
		return s.restoreTownship(ctx, id)
	case string(data.CodeVillage):
		return s.RestoreVillage(ctx, id)
	case string(data.CodeElection):
		return s.RestoreElection(ctx, id)
	case string(data.CodeMember):
		return s.RestoreMember(ctx, id)
	case string(data.CodeLeadership):
		return s.RestoreLeadership(ctx, id)
	case string(data.CodePartyOrg):
		return s.RestorePartyOrg(ctx, id)
	case string(data.CodeComplaint):
		return s.RestoreComplaint(ctx, id)
	case string(data.CodeTalk):
		return s.RestoreTalk(ctx, id)
	}
	return refuse(data.ErrUnknownKind, "回收站中没有“%s”类的记录", kind)
}

// restoreTownship takes a township out of the recycle bin.
func (s *Store) restoreTownship(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *tx) error {
		var t data.Township
		err := w.queryRow(`SELECT id, name, county, contact, phone FROM townships WHERE id = ? AND deleted_at IS NOT NULL`, id).
			Scan(&t.ID, &t.Name, &t.County, &t.Contact, &t.Phone)
		if errors.Is(err, sql.ErrNoRows) {
			return data.ErrNotFound
		}
		if err != nil {
			return err
		}
		if _, err := w.exec(`UPDATE townships SET deleted_at = NULL, updated_at = ? WHERE id = ?`, w.now, id); err != nil {
			return err
		}
		return w.log(ActionRestore, data.CodeTownship, t.Name, nil, townshipVal(t), "")
	})
}
