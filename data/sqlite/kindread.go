package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"liangwei/data"
)

// ReadKinds calls fn, in one read transaction, with a reader of every listed record of every
// round and year (what Ledger(0) reads) kind by kind and township by township: an export
// streams its sheets through it in the memory of one township's records of one kind. With
// township not "" it reads that township's records only (none when there is no such
// township).
//
// fn's error is returned as it is (an export's refusal, a full disk), the reader's own as
// the store's errors.
func (s *Store) ReadKinds(ctx context.Context, township string, fn func(data.KindReader) error) error {
	var fnErr error
	err := s.read(ctx, func(q *sql.Tx) error {
		where, args := townshipKind.live, []any(nil)
		if township != "" {
			where, args = where+" AND t.name = ?", []any{township}
		}
		ts, err := list(ctx, q, townshipKind, where, args...)
		if err != nil {
			return err
		}
		r := &kindReader{ctx: ctx, q: q, one: township}
		for _, t := range ts {
			r.towns = append(r.towns, t.Name)
		}
		fnErr = fn(r)
		return nil
	})
	if fnErr != nil {
		return fnErr
	}
	return err
}

// kindReader is ReadKinds' reader.
type kindReader struct {
	ctx   context.Context
	q     *sql.Tx
	one   string   // the township read, "" for all
	towns []string // the townships read, in listing order
}

func kindByCode(code data.KindCode) (anyKind, error) {
	for _, k := range kinds {
		if k.kindCode() == code {
			return k, nil
		}
	}
	return nil, fmt.Errorf("sqlite: no kind %q", code)
}

// Count is how many records of the kind the reader lists.
func (r *kindReader) Count(code data.KindCode) (int, error) {
	k, err := kindByCode(code)
	if err != nil || len(r.towns) == 0 {
		return 0, err
	}
	var n int
	if r.one != "" {
		n, err = k.count(r.ctx, r.q, "t.name = ?", r.one)
	} else {
		n, err = k.count(r.ctx, r.q, "1")
	}
	return n, dbErr(err)
}

// EachTownship calls fn with each township's records of the kind, in township order: a
// ledger holding that kind only, as Ledger(0).ForTownship holds it.
func (r *kindReader) EachTownship(code data.KindCode, fn func(data.Ledger) error) error {
	k, err := kindByCode(code)
	if err != nil {
		return err
	}
	for _, t := range r.towns {
		var l data.Ledger
		if err := k.listInto(r.ctx, r.q, &l, "t.name = ?", t); err != nil {
			return dbErr(err)
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	return nil
}

// count is how many listed records of the kind meet cond.
func (k *kindSpec[R]) count(ctx context.Context, q *sql.Tx, cond string, args ...any) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM ("+k.sel+" WHERE "+k.live+" AND "+cond+")", args...).Scan(&n)
	return n, err
}

// listInto sets l's records of the kind to the listed ones that meet cond, in listing order.
func (k *kindSpec[R]) listInto(ctx context.Context, q *sql.Tx, l *data.Ledger, cond string, args ...any) error {
	rs, err := list(ctx, q, k, k.live+" AND "+cond, args...)
	*k.desc.Records(l) = rs
	return err
}
