package sqlite

import (
	"context"

	"liangwei/data"
)

// An import is one transaction in four steps, one file each: check the batch on its own
// and against the locks (import_check.go), read what the batch touches under its townships
// (import_read.go), upsert every record on its natural key (import_upsert.go) and audit each
// change and the file (import_audit.go).

// Import upserts a batch on the natural keys in one transaction: all or nothing. Townships
// come first, then villages (a township they name that is neither in the batch nor the
// database is created), then elections (whose village must be in the batch or the database,
// not in the recycle bin), members, leaderships, party organizations, complaints and talks.
// Members and party organizations need a village like elections; a township named by a
// leadership, complaint or talk is created like for villages; a complaint's 村名, when
// given, must be a village of its township. After the members, no village may have two
// 书记 or two 主任 in a round, counting the members already in the database. A key matching
// a deleted record restores it (counted as Inserted).
// Inserted+Updated+Unchanged is always b.Len(): townships created only because a village
// names them are not counted, but they are audited. The audit log gets one row per record
// inserted, restored or updated (with Source = source) and one "import" row with the counts.
// The batch is expected to be validated by the importer; a record with errors or a key given
// twice is still refused here, as a guard.
func (s *Store) Import(ctx context.Context, b data.Batch, source string) (data.ImportResult, error) {
	// Members are stored as saved by hand: 性别 and 出生日期 from the ID when absent. The
	// caller's slice is left alone.
	if len(b.Members) > 0 {
		ms := make([]data.Member, len(b.Members))
		copy(ms, b.Members)
		for i := range ms {
			ms[i].FillFromID()
		}
		b.Members = ms
	}
	b = normalizeRoundRest(b)
	if err := checkBatch(b, s.now()); err != nil {
		return data.ImportResult{}, err
	}
	var res data.ImportResult
	err := s.write(ctx, func(w *tx) error {
		if err := w.checkBatchLocks(b); err != nil {
			return err
		}
		im, err := w.newImporter(source, b)
		if err != nil {
			return err
		}
		if err := im.upsertAll(b); err != nil {
			return err
		}
		res = im.res
		return im.logFile()
	})
	if err != nil {
		return data.ImportResult{}, err
	}
	return res, nil
}

// upsertAll writes the batch's records, kind by kind in the order of Import, and checks
// the posts of the villages whose members it wrote.
func (im *importer) upsertAll(b data.Batch) error {
	if _, err := upsertKind(im, townshipKind, im.towns, b.Townships); err != nil {
		return err
	}
	if _, err := upsertKind(im, villageKind, im.vills, b.Villages); err != nil {
		return err
	}
	if _, err := upsertKind(im, electionKind, nil, b.Elections); err != nil {
		return err
	}
	vids, err := upsertKind(im, memberKind, nil, b.Members)
	if err != nil {
		return err
	}
	if len(vids) > 0 {
		if err := im.checkPosts(vids); err != nil {
			return err
		}
	}
	if _, err := upsertKind(im, leadershipKind, nil, b.Leaderships); err != nil {
		return err
	}
	if _, err := upsertKind(im, partyOrgKind, nil, b.PartyOrgs); err != nil {
		return err
	}
	if _, err := upsertKind(im, complaintKind, nil, b.Complaints); err != nil {
		return err
	}
	if _, err = upsertKind(im, talkKind, nil, b.Talks); err != nil {
		return err
	}
	return im.upsertRoundRest(b)
}
