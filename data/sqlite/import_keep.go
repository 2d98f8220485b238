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
	var err error
	if b.Townships, err = keepKind(ctx, q, townshipKind, data.TownshipDesc, towns, b); err != nil {
		return b, err
	}
	if b.Villages, err = keepKind(ctx, q, villageKind, data.VillageDesc, towns, b); err != nil {
		return b, err
	}
	if b.Elections, err = keepKind(ctx, q, electionKind, data.ElectionDesc, towns, b); err != nil {
		return b, err
	}
	if b.Members, err = keepKind(ctx, q, memberKind, data.MemberDesc, towns, b); err != nil {
		return b, err
	}
	if b.Leaderships, err = keepKind(ctx, q, leadershipKind, data.LeadershipDesc, towns, b); err != nil {
		return b, err
	}
	if b.PartyOrgs, err = keepKind(ctx, q, partyOrgKind, data.PartyOrgDesc, towns, b); err != nil {
		return b, err
	}
	if b.Complaints, err = keepKind(ctx, q, complaintKind, data.ComplaintDesc, towns, b); err != nil {
		return b, err
	}
	if b.Talks, err = keepKind(ctx, q, talkKind, data.TalkDesc, towns, b); err != nil {
		return b, err
	}
	if b.Candidates, err = keepKind(ctx, q, candidateKind, data.CandidateDesc, towns, b); err != nil {
		return b, err
	}
	if b.Supervisors, err = keepKind(ctx, q, supervisorKind, data.SupervisorDesc, towns, b); err != nil {
		return b, err
	}
	if b.Changes, err = keepKind(ctx, q, changeKind, data.ChangeDesc, towns, b); err != nil {
		return b, err
	}
	if b.Audits, err = keepKind(ctx, q, auditKind, data.AuditDesc, towns, b); err != nil {
		return b, err
	}
	return b, nil
}

// keepKind returns a copy of b's records of kind k completed from the stored records
// under towns (a JSON array of township names), or the records themselves when the kind
// lacks no column.
func keepKind[R any](ctx context.Context, q *sql.Tx, k *kindSpec[R], d *data.Kind[R], towns string, b data.Batch) ([]R, error) {
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
