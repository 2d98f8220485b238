package sqlite

import (
	"context"
	"database/sql"

	"liangwei/data"
)

// The four kinds of the rest of a round (vetting.go, changes.go) in the code every kind
// shares: the ledger read, the import and the recycle bin call these.

// readRoundRest reads the round's candidates, supervisors, changes and audits (every round
// when round is 0) into l.
func readRoundRest(ctx context.Context, q *sql.Tx, l *data.Ledger, round int) error {
	where := func(alias, live string) (string, []any) {
		if round == 0 {
			return live, nil
		}
		return alias + ".round = ? AND " + live, []any{round}
	}
	var err error
	w, args := where("c", candidateKind.live)
	if l.Candidates, err = list(ctx, q, candidateKind, w, args...); err != nil {
		return err
	}
	w, args = where("s", supervisorKind.live)
	if l.Supervisors, err = list(ctx, q, supervisorKind, w, args...); err != nil {
		return err
	}
	w, args = where("g", changeKind.live)
	if l.Changes, err = list(ctx, q, changeKind, w, args...); err != nil {
		return err
	}
	w, args = where("a", auditKind.live)
	l.Audits, err = list(ctx, q, auditKind, w, args...)
	return err
}

// normalizeRoundRest completes the four kinds' records as a hand save does (ID numbers
// normalised, a supervisor's 性别 and 出生日期 from the ID), leaving the caller's slices alone.
func normalizeRoundRest(b data.Batch) data.Batch {
	b.Candidates = normalized(b.Candidates, data.CandidateDesc.Normalize)
	b.Supervisors = normalized(b.Supervisors, data.SupervisorDesc.Normalize)
	b.Changes = normalized(b.Changes, data.ChangeDesc.Normalize)
	return b
}

func normalized[R any](rs []R, norm func(*R)) []R {
	if len(rs) == 0 {
		return rs
	}
	out := append([]R(nil), rs...)
	for i := range out {
		norm(&out[i])
	}
	return out
}

// checkRoundRest refuses records of the four kinds with errors and keys given twice.
func checkRoundRest(b data.Batch) error {
	if err := checkRecords(candidateKind, b.Candidates, data.Candidate.Validate); err != nil {
		return err
	}
	if err := checkRecords(supervisorKind, b.Supervisors, data.Supervisor.Validate); err != nil {
		return err
	}
	if err := checkRecords(changeKind, b.Changes, data.Change.Validate); err != nil {
		return err
	}
	return checkRecords(auditKind, b.Audits, data.DepartureAudit.Validate)
}

// lockedRoundRest refuses the first record of the four kinds whose round (a change: the year
// it is dated in) is locked.
func lockedRoundRest(w *tx, b data.Batch) error {
	if err := lockedIn(w, candidateKind, b.Candidates); err != nil {
		return err
	}
	if err := lockedIn(w, supervisorKind, b.Supervisors); err != nil {
		return err
	}
	if err := lockedIn(w, changeKind, b.Changes); err != nil {
		return err
	}
	return lockedIn(w, auditKind, b.Audits)
}

// roundRestTownships adds the townships the four kinds' records name.
func roundRestTownships(b data.Batch, add func(string)) {
	for _, c := range b.Candidates {
		add(c.Township)
	}
	for _, s := range b.Supervisors {
		add(s.Township)
	}
	for _, c := range b.Changes {
		add(c.Township)
	}
	for _, a := range b.Audits {
		add(a.Township)
	}
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
