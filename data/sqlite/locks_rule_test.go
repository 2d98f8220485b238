package sqlite

import (
	"reflect"
	"sort"
	"testing"

	"liangwei/data"
)

// lockCase is one change a lock of round 2026 must refuse, by the store method it goes
// through.
type lockCase struct {
	method string // the *Store method the case calls
	name   string
	do     func() error
}

// storeReads are the *Store methods that change nothing.
var storeReads = []string{
	"AuditLog", "Audits", "BackupDir", "Candidates", "Changes", "Backups", "CheckIntegrity", "Commendations", "Complaints", "DeletedComplaints", "DeletedElections",
	"DeletedLeaderships", "DeletedMembers", "DeletedPartyOrgs", "DeletedTalks", "DeletedVillages", "Developments", "EachTownship", "EachTownshipInOrder", "EachTownshipVetted", "Elections",
	"IntegrityCheck", "KeepStored", "Leaderships", "Ledger", "Locks", "Members", "MembersIn", "NewestSoundBackup", "PartyOrgs",
	"Path", "PlanImport", "ReadKinds", "ReadOnly", "Rounds", "Settings", "Supervisors", "Talks", "Townships", "Trash", "Villages",
	"Submissions", "Verifications",
}

// storeLockFree are the *Store methods that write without touching a round's records, and
// why.
var storeLockFree = map[string]string{
	"Lock": "the lock itself",
	// County collection (issue 18): what was received and verified, not a round's records.
	"RecordVerifications": "the result of verifying a PDF, no record",
	"ReturnSubmission":    "marks a received file 退回, with a reason; no record",
	"Unlock":              "lifts a lock, with a reason",
	"SaveSettings":        "the signature block of reports and the current round, no record",
	"BackupNow":           "writes a copy and its audit row",
	"AutoBackup":          "writes a copy and its audit row",
	"Backup":              "writes a copy and its audit row",
	"Close":               "closes the pool",
}

// checkEveryWriteMethod fails when a method of *Store is neither a read, nor lock-free, nor
// exercised by a case of cases: a new write method cannot escape the lock test.
func checkEveryWriteMethod(t *testing.T, cases []lockCase) {
	t.Helper()
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.method] = true
	}
	known := map[string]bool{}
	for _, m := range storeReads {
		known[m] = true
	}
	var missing []string
	typ := reflect.TypeOf(&Store{})
	for i := range typ.NumMethod() {
		name := typ.Method(i).Name
		if known[name] || storeLockFree[name] != "" || covered[name] {
			continue
		}
		missing = append(missing, name)
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("store methods with no lock case (add a case that must be refused under a lock, or list them as reads): %v", missing)
	}
	for m := range covered {
		if _, ok := typ.MethodByName(m); !ok {
			t.Errorf("lock case names %s, which *Store does not have", m)
		}
	}
}

// lockCasesOfEveryRound are the changes of townships and villages that alter every round's
// figures, the per-kind recycle-bin methods, and a restore that would replace the locked
// round's records; the round 2026 of f is locked.
func lockCasesOfEveryRound(t *testing.T, s *Store, f *lockFixture) []lockCase {
	t.Helper()
	// A backup of the locked data whose 2026 election was changed after an unlock (in the
	// copy only): restoring it would change the locked round.
	b, err := s.BackupNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	other, err := Open(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Unlock(ctx, 2026, "测试"); err != nil {
		t.Fatal(err)
	}
	e := f.e26
	e.Eligible++
	if err := other.SaveElection(ctx, &e, today); err != nil {
		t.Fatal(err)
	}
	other.Close()
	bins, err := s.Trash(ctx)
	if err != nil {
		t.Fatal(err)
	}
	binTown := int64(0)
	for _, it := range bins {
		if it.Kind == string(data.CodeTownship) {
			binTown = it.ID
		}
	}
	if binTown == 0 {
		t.Fatal("the fixture has no township in the recycle bin")
	}
	merged := func(v data.Village) data.Village { v.Status = data.VillageMerged; return v }
	return []lockCase{
		{"SaveVillage", "new village", func() error { v := village("城关镇", "北关村"); return s.SaveVillage(ctx, &v) }},
		{"SaveVillage", "village merged", func() error { v := merged(f.vil); return s.SaveVillage(ctx, &v) }},
		{"SaveVillage", "village renamed", func() error { v := f.vil; v.Name = "东关社区"; return s.SaveVillage(ctx, &v) }},
		{"SaveVillage", "village becomes a 社区", func() error { v := f.vil; v.Kind = data.KindCommunity; return s.SaveVillage(ctx, &v) }},
		{"SaveVillage", "village moved to a new township", func() error { v := f.vil; v.Township = "东城镇"; return s.SaveVillage(ctx, &v) }},
		{"DeleteVillage", "delete village", func() error { return s.DeleteVillage(ctx, f.vil.ID) }},
		{"RestoreVillage", "restore village", func() error { return s.RestoreVillage(ctx, f.binVillage) }},
		{"Restore", "restore village from the bin", func() error { return s.Restore(ctx, string(data.CodeVillage), f.binVillage) }},
		{"Restore", "restore township from the bin", func() error { return s.Restore(ctx, string(data.CodeTownship), binTown) }},
		{"SaveTownship", "new township", func() error { return s.SaveTownship(ctx, &data.Township{Name: "东城镇"}) }},
		{"SaveTownship", "township renamed", func() error { w := f.town; w.Name = "城关街道"; return s.SaveTownship(ctx, &w) }},
		{"RestoreElection", "restore election", func() error { return s.RestoreElection(ctx, f.binE) }},
		{"RestoreMember", "restore member", func() error { return s.RestoreMember(ctx, f.binM) }},
		{"RestoreLeadership", "restore leadership", func() error { return s.RestoreLeadership(ctx, f.binL) }},
		{"RestorePartyOrg", "restore party org", func() error { return s.RestorePartyOrg(ctx, f.binP) }},
		{"RestoreComplaint", "restore complaint", func() error { return s.RestoreComplaint(ctx, f.binC) }},
		{"RestoreTalk", "restore talk", func() error { return s.RestoreTalk(ctx, f.binK) }},
		{"Import", "import a village merged", func() error {
			_, err := s.Import(ctx, data.Batch{Villages: []data.Village{merged(f.vil)}}, "村庄.xlsx")
			return err
		}},
		{"Import", "import a new village", func() error {
			_, err := s.Import(ctx, data.Batch{Villages: []data.Village{village("城关镇", "北关村")}}, "村庄.xlsx")
			return err
		}},
		{"Import", "import a new township", func() error {
			_, err := s.Import(ctx, data.Batch{Townships: []data.Township{{Name: "东城镇"}}}, "乡镇.xlsx")
			return err
		}},
		{"Import", "import a leadership of an open round naming a new township", func() error {
			l := data.Leadership{Township: "东城镇", Round: 2021, PartyCommittee: 9}
			_, err := s.Import(ctx, data.Batch{Leaderships: []data.Leadership{l}}, "班子.xlsx")
			return err
		}},
		{"Import", "import a complaint of 2025 restoring a deleted township", func() error {
			c := complaint("新城镇", "XF-5", day("2025-03-01"))
			_, err := s.Import(ctx, data.Batch{Complaints: []data.Complaint{c}}, "信访.xlsx")
			return err
		}},
		{"RestoreBackup", "restore a backup with other records of the round", func() error { return s.RestoreBackup(ctx, b.Path) }},
		{"RestoreBackupFor", "restore with a reason", func() error { return s.RestoreBackupFor(ctx, b.Path, "误操作") }},
	}
}

// roundFigures are the figures of a round (SPEC §4) as the reports compute them.
func roundFigures(t *testing.T, s *Store, round int) data.Stats {
	t.Helper()
	l, err := s.Ledger(ctx, round)
	if err != nil {
		t.Fatal(err)
	}
	return data.ComputeStats(l, round, day("2026-12-31"))
}
