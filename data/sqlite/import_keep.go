package sqlite

import (
	"context"
	"database/sql"

	"liangwei/data"
)

// What a file does not hold is not changed: before an import checks and writes its batch,
// each field whose column the file did not have (b.Absent) is set, in every record whose
// key is stored, to the stored value. The importer asks for the same completion (KeepStored)
// to check the rows as they will be stored.

// KeepStored returns b with the fields its file did not have set to their stored values in
// each record whose key is stored (in the recycle bin too, since an import restores it as
// it was); b itself is left alone. Only the kinds with absent columns are read, under the
// townships the batch names.
func (s *Store) KeepStored(ctx context.Context, b data.Batch) (data.Batch, error) {
	if !hasAbsent(b) {
		return b, nil
	}
	err := s.read(ctx, func(q *sql.Tx) error {
		var err error
		b, err = keepStored(ctx, q, b)
		return err
	})
	return b, err
}

// hasAbsent reports whether a kind of b with records lacks a column.
func hasAbsent(b data.Batch) bool {
	for _, hs := range b.Absent {
		if len(hs) > 0 {
			return true
		}
	}
	return false
}

// keepStored completes b in transaction q (see KeepStored).
func keepStored(ctx context.Context, q *sql.Tx, b data.Batch) (data.Batch, error) {
	if !hasAbsent(b) {
		return b, nil
	}
	towns := batchTownships(b)
	for _, k := range kinds {
		if err := k.keep(ctx, q, towns, &b); err != nil {
			return b, err
		}
	}
	return b, nil
}

// keepKind returns a copy of b's records of kind k completed from the stored records
// under towns (a JSON array of township names), or the records themselves when the kind
// lacks no column.
func keepKind[R any](ctx context.Context, q *sql.Tx, k *kindSpec[R], towns string, b data.Batch) ([]R, error) {
	d := k.desc
	rs := *d.Records(&b)
	hs := b.Absent[k.code]
	if len(rs) == 0 || len(hs) == 0 {
		return rs, nil
	}
	stored, err := list(ctx, q, k, inTowns, towns)
	if err != nil {
		return nil, err
	}
	out := append([]R(nil), rs...)
	d.KeepStored(out, stored, hs)
	return out, nil
}
