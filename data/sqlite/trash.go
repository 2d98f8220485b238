package sqlite

import (
	"context"
	"database/sql"
	"sort"
	"time"

	"liangwei/data"
)

// Trash lists the recycle bin: every record deleted itself (not only hidden by a deleted
// village), with its readable key (as in the audit log) and when it was deleted, newest
// first.
func (s *Store) Trash(ctx context.Context) ([]data.TrashItem, error) {
	var out []data.TrashItem
	err := s.read(ctx, func(q *sql.Tx) error {
		add := func(kind data.KindCode, id int64, record string, deleted map[int64]time.Time) {
			out = append(out, data.TrashItem{Kind: string(kind), ID: id, Record: record, DeletedAt: deleted[id]})
		}
		for _, k := range kinds {
			if err := k.binned(ctx, q, add); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rank := map[string]int{}
	for i, k := range kinds {
		rank[string(k.kindCode())] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.DeletedAt.Equal(b.DeletedAt) {
			return a.DeletedAt.After(b.DeletedAt)
		}
		if a.Kind != b.Kind {
			return rank[a.Kind] < rank[b.Kind]
		}
		return a.ID > b.ID
	})
	return out, nil
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
	for _, k := range kinds {
		if string(k.kindCode()) == kind {
			return k.restore(ctx, s, id)
		}
	}
	return refuse(data.ErrUnknownKind, "回收站中没有“%s”类的记录", kind)
}
