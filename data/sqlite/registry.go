package sqlite

import (
	"context"
	"database/sql"
	"time"

	"liangwei/data"
)

// kinds lists every kind's spec, in the order an import writes them and the recycle bin
// ranks records deleted at the same second. What an import, the recycle bin and a restore
// do for every kind alike loops over it; a new kind is one line here.
var kinds = []anyKind{
	townshipKind, villageKind, electionKind, memberKind, leadershipKind, partyOrgKind, complaintKind, talkKind,
	candidateKind, supervisorKind, changeKind, auditKind,
	developmentKind, commendationKind,
}

// anyKind is what the store does for every kind alike, whatever its record type.
type anyKind interface {
	kindCode() data.KindCode
	// binned and restore serve the recycle bin.
	binned(ctx context.Context, q *sql.Tx, add func(kind data.KindCode, id int64, record string, deleted map[int64]time.Time)) error
	restore(ctx context.Context, s *Store, id int64) error
	// townshipsOf adds the township every record of the kind in b names.
	townshipsOf(b *data.Batch, add func(string))
	// normalize completes the kind's records of b as a save by hand would (性别 and 出生日期
	// from the 身份证号), on a copy: the caller's slice is left alone.
	normalize(b *data.Batch)
	// keep fills the fields of b's records whose column their file lacked from the stored
	// records under towns (see KeepStored).
	keep(ctx context.Context, q *sql.Tx, towns string, b *data.Batch) error
	// checkAll refuses the first record of b with errors or with a key met before.
	checkAll(b *data.Batch, today time.Time) error
	// lockedAll refuses the first record of b whose round is locked.
	lockedAll(w *tx, b *data.Batch) error
	// digest appends the kind's code and its records' audit values in l.
	digest(out []auditValue, l *data.Ledger) []auditValue
	// count and listInto serve ReadKinds: the listed records that meet a condition.
	count(ctx context.Context, q *sql.Tx, cond string, args ...any) (int, error)
	listInto(ctx context.Context, q *sql.Tx, l *data.Ledger, cond string, args ...any) error
}

// val is r's audit value, as the description gives it.
func (k *kindSpec[R]) val(r R) auditValue { return auditOf(k.desc, r) }

func (k *kindSpec[R]) records(b *data.Batch) []R { return *k.desc.Records(b) }

func (k *kindSpec[R]) townshipsOf(b *data.Batch, add func(string)) {
	for _, r := range k.records(b) {
		t, _ := k.names(r)
		add(t)
	}
}

func (k *kindSpec[R]) normalize(b *data.Batch) {
	if k.desc.Normalize == nil || len(k.records(b)) == 0 {
		return
	}
	rs := append([]R(nil), k.records(b)...)
	for i := range rs {
		k.desc.Normalize(&rs[i])
	}
	*k.desc.Records(b) = rs
}

func (k *kindSpec[R]) keep(ctx context.Context, q *sql.Tx, towns string, b *data.Batch) error {
	rs, err := keepKind(ctx, q, k, towns, *b)
	if err != nil {
		return err
	}
	*k.desc.Records(b) = rs
	return nil
}

func (k *kindSpec[R]) checkAll(b *data.Batch, today time.Time) error {
	on := today
	if k.checkOn != nil {
		on = k.checkOn(today)
	}
	return checkRecords(k, k.records(b), func(r R) data.Problems { return k.desc.Validate(&r, on) })
}

func (k *kindSpec[R]) lockedAll(w *tx, b *data.Batch) error { return lockedIn(w, k, k.records(b)) }

func (k *kindSpec[R]) digest(out []auditValue, l *data.Ledger) []auditValue {
	return appendVals(out, k, *k.desc.Records(l))
}
