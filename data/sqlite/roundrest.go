package sqlite

import (
	"context"

	"liangwei/data"
)

// The four kinds of the rest of a round (vetting.go, changes.go) in the code every kind
// shares: the ledger read, the import and the recycle bin call these.

// readRoundRest reads the round's candidates, supervisors, changes and audits (every round
// when round is 0) into l.
func readRoundRest(ctx context.Context, q rowSource, l *data.Ledger, round int, in func(string, ...any) (string, []any), plus string) error {
	where := func(alias, live string) (string, []any) {
		if round == 0 {
			return in(live)
		}
		return in(plus+alias+".round = ? AND "+live, round)
	}
	var err error
	w, args := where("c", candidateKind.live)
	if l.Candidates, err = listFrom(ctx, q, candidateKind, w, args...); err != nil {
		return err
	}
	w, args = where("s", supervisorKind.live)
	if l.Supervisors, err = listFrom(ctx, q, supervisorKind, w, args...); err != nil {
		return err
	}
	w, args = where("g", changeKind.live)
	if l.Changes, err = listFrom(ctx, q, changeKind, w, args...); err != nil {
		return err
	}
	w, args = where("a", auditKind.live)
	l.Audits, err = listFrom(ctx, q, auditKind, w, args...)
	return err
}

// upsertRoundRest writes the four kinds' records after the others, then checks the one 主任
// of each supervision committee written and the vetting rule over everyone the batch names.
func (im *importer) upsertRoundRest(b data.Batch) error {
	if _, err := upsertKind(im, candidateKind, nil, b.Candidates); err != nil {
		return err
	}
	vids, err := upsertKind(im, supervisorKind, nil, b.Supervisors)
	if err != nil {
		return err
	}
	if len(vids) > 0 {
		if err := im.checkChairs(vids); err != nil {
			return err
		}
	}
	if _, err := upsertKind(im, changeKind, nil, b.Changes); err != nil {
		return err
	}
	if _, err := upsertKind(im, auditKind, nil, b.Audits); err != nil {
		return err
	}
	return im.checkVetting(b)
}
