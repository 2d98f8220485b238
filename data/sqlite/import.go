package sqlite

import (
	"context"
	"errors"

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
// A field whose column the file did not have (b.Absent) keeps its stored value (see
// KeepStored); the rules are checked on the records so completed. The batch is expected to
// be validated by the importer; a record with errors or a key given twice is still refused
// here, as a guard.
func (s *Store) Import(ctx context.Context, b data.Batch, source string) (data.ImportResult, error) {
	p, _, err := s.runImport(ctx, b, source, nil)
	return p.ImportResult, err
}

// PlanImport runs Import in a transaction that is rolled back, and says what it would have
// done: the counts and each field of a stored record it would change. Nothing is written,
// the audit log included; an import Import refuses is refused with the same error.
func (s *Store) PlanImport(ctx context.Context, b data.Batch, source string) (data.ImportPlan, error) {
	p, _, err := s.runImport(ctx, b, source, func(data.ImportPlan) bool { return false })
	return p, err
}

// ImportIf runs Import collecting what it changes, as PlanImport does, and commits only
// when ok, given that plan before the commit, returns true. committed says which it did.
func (s *Store) ImportIf(ctx context.Context, b data.Batch, source string, ok func(data.ImportPlan) bool) (plan data.ImportPlan, committed bool, err error) {
	if ok == nil {
		ok = func(data.ImportPlan) bool { return true }
	}
	return s.runImport(ctx, b, source, ok)
}

// errDryRun rolls back the transaction of an import its caller did not want committed.
var errDryRun = errors.New("dry run")

// runImport is Import when ok is nil; otherwise the changes are collected and the
// transaction committed only when ok(plan) is true.
func (s *Store) runImport(ctx context.Context, b data.Batch, source string, ok func(data.ImportPlan) bool) (data.ImportPlan, bool, error) {
	var plan data.ImportPlan
	// refused keeps checkBatch's message as it is (write would call it a database failure).
	var refused error
	err := s.writeImport(ctx, len(b.Members), func(w *tx) error {
		// The fields the file did not have come from the stored records first, so that the
		// rules, the locks and the comparison see each record as it will be stored.
		b, err := keepStored(w.ctx, w.tx, b)
		if err != nil {
			return err
		}
		// Records are stored as saved by hand (a member's 性别 and 出生日期 from the ID when
		// absent); the caller's slices are left alone.
		for _, k := range kinds {
			k.normalize(&b)
		}
		if refused = checkBatch(b, s.now()); refused != nil {
			return refused
		}
		// An import writes records of the townships its file names only: the figures kept
		// for the others stay valid (parts.go).
		w.scope = batchTownshipNames(b)
		if err := w.checkBatchLocks(b); err != nil {
			return err
		}
		// The audit rows are written batchRows at a time, in the order logged.
		if batchImports {
			// at, os_user and source are the same for every row of a file
			w.audits = newRowBatch(w, insertAudit, false, 0, 1, 7)
		}
		im, err := w.newImporter(source, b)
		if err != nil {
			return err
		}
		if ok != nil {
			im.plan = &plan
		}
		if err := im.upsertAll(b); err != nil {
			return err
		}
		plan.ImportResult = im.res
		if err := im.logFile(); err != nil {
			return err
		}
		if w.audits != nil {
			if err := w.audits.flush(); err != nil {
				return err
			}
			w.audits = nil
		}
		if err := w.recordSubmissions(source, b); err != nil {
			return err
		}
		if ok != nil && !ok(plan) {
			return errDryRun
		}
		return nil
	})
	committed := err == nil
	switch {
	case refused != nil:
		err = refused
	case errors.Is(err, errDryRun):
		err = nil
	}
	if err != nil {
		return data.ImportPlan{}, false, err
	}
	return plan, committed, nil
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
	if err := im.upsertRoundRest(b); err != nil {
		return err
	}
	return im.upsertPartyWork(b)
}
