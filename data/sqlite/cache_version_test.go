package sqlite

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"liangwei/data"
)

// ledgerVersion reads the ledger's version.
func ledgerVersion(t *testing.T, s *Store) int64 {
	t.Helper()
	var v int64
	if err := s.db.QueryRow("SELECT version FROM ledger_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// wholeState is everything the store gives back of a ledger, as JSON: every record of every
// round, the settings, locks, submissions, verifications, the recycle bin and the number of
// audit rows. A cached copy of it is stale after any change.
func wholeState(s *Store) (string, error) {
	l, err := s.Ledger(ctx, 0)
	if err != nil {
		return "", err
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return "", err
	}
	locks, err := s.Locks(ctx)
	if err != nil {
		return "", err
	}
	subs, err := s.Submissions(ctx)
	if err != nil {
		return "", err
	}
	vs, err := s.Verifications(ctx)
	if err != nil {
		return "", err
	}
	bin, err := s.Trash(ctx)
	if err != nil {
		return "", err
	}
	audits, err := s.AuditLog(ctx, data.AuditFilter{})
	if err != nil {
		return "", err
	}
	b, err := json.Marshal([]any{l, set, locks, subs, vs, bin, len(audits)})
	return string(b), err
}

// TestEveryWriteRaisesTheVersion goes through every write method of *Store (found by
// reflection, as the lock rule test does): each change that succeeds raises the ledger's
// version, a refused one does not, and a value cached before the change is not given
// after it: Cached then gives what a fresh computation gives.
func TestEveryWriteRaisesTheVersion(t *testing.T) {
	s := openTest(t)
	f := newLockFixture(t, s)
	rr := newRoundRestLocks(t, s)
	pw := newPartyWorkLocks(t, s)
	if err := s.Lock(ctx, 2026, "已上报"); err != nil {
		t.Fatal(err)
	}
	cases := lockCasesOfRound(s, f)
	cases = append(cases, lockCasesOfEveryRound(t, s, f)...) // takes a backup of the locked round
	cases = append(cases, rr.cases(s)...)
	cases = append(cases, pw.cases(s)...)
	if err := s.Unlock(ctx, 2026, "更正"); err != nil {
		t.Fatal(err)
	}
	// The methods that touch no round's records.
	filed := data.Batch{Villages: []data.Village{village("城关镇", "东关村")}}
	filed.Prints = data.FilePrints(filed, map[string]string{"城关镇": "00"})
	cases = append([]lockCase{
		{"Lock", "lock", func() error { return s.Lock(ctx, 2027, "已上报") }},
		{"Unlock", "unlock", func() error { return s.Unlock(ctx, 2027, "更正") }},
		{"SaveSettings", "settings", func() error {
			return s.SaveSettings(ctx, data.Settings{Township: "城关镇", Leader: "王镕", Round: 2026})
		}},
		{"Import", "import a township's file", func() error { _, err := s.Import(ctx, filed, "城关镇.xlsx"); return err }},
		{"ReturnSubmission", "return a file", func() error { return s.ReturnSubmission(ctx, "城关镇", "缺主任") }},
		{"RecordVerifications", "verification", func() error {
			return s.RecordVerifications(ctx, []data.Verification{{Township: "城关镇", File: "a.pdf", Kind: "summary", Round: 2026, Result: data.VerifyMismatch}})
		}},
		{"BackupNow", "backup", func() error { _, err := s.BackupNow(ctx); return err }},
		{"AutoBackup", "daily backup", func() error { _, err := s.AutoBackup(ctx, time.Now().AddDate(1, 0, 0)); return err }},
		{"Backup", "backup to a file", func() error { return s.Backup(ctx, filepath.Join(t.TempDir(), "copy.db")) }},
	}, cases...)
	// The recycle bin as the restored backup has it again (the cases above restored its
	// records through Restore).
	cases = append(cases, []lockCase{
		{"RestoreElection", "restore election again", func() error { return s.RestoreElection(ctx, f.binE) }},
		{"RestoreMember", "restore member again", func() error { return s.RestoreMember(ctx, f.binM) }},
		{"RestorePartyOrg", "restore party org again", func() error { return s.RestorePartyOrg(ctx, f.binP) }},
		{"RestoreComplaint", "restore complaint again", func() error { return s.RestoreComplaint(ctx, f.binC) }},
		{"RestoreTalk", "restore talk again", func() error { return s.RestoreTalk(ctx, f.binK) }},
	}...)

	const key = "test whole"
	calls := 0
	compute := func() (string, error) { calls++; return wholeState(s) }
	wrote := map[string]bool{}
	for _, c := range cases {
		if _, err := Cached(ctx, s, key, compute); err != nil {
			t.Fatal(err)
		}
		calls = 0
		if _, err := Cached(ctx, s, key, compute); err != nil || calls != 0 {
			t.Fatalf("%s: the state was not given from the cache (computed %d times, %v)", c.name, calls, err)
		}
		before := ledgerVersion(t, s)
		err := c.do()
		after := ledgerVersion(t, s)
		switch {
		case err == nil && after <= before:
			t.Errorf("%s (%s): version %d → %d, want it raised", c.name, c.method, before, after)
		case err != nil && after != before:
			t.Errorf("%s (%s) failed (%v) but raised the version %d → %d", c.name, c.method, err, before, after)
		}
		if err == nil {
			wrote[c.method] = true
		}
		got, err := Cached(ctx, s, key, compute)
		if err != nil {
			t.Fatal(err)
		}
		if want, err := wholeState(s); err != nil || got != want {
			t.Errorf("%s (%s): the cache gave a stale state (%v)", c.name, c.method, err)
		}
	}
	// Every write method wrote at least once: none escapes the test.
	reads := map[string]bool{"Close": true}
	for _, m := range storeReads {
		reads[m] = true
	}
	var missing []string
	typ := reflect.TypeOf(&Store{})
	for i := range typ.NumMethod() {
		if name := typ.Method(i).Name; !reads[name] && !wrote[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("write methods with no successful change in the test (add one): %v", missing)
	}
}

// Both ways a restore replaces the data raise the version in the replacing transaction
// itself (not only through the backup taken before): a file swap into a damaged ledger
// gives the copy a version above the ledger's and no cached value of its own.
func TestRestoreSwapsRaiseTheVersion(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村")
	b, err := s.BackupNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	saveVillages(t, s, "城关镇", "西关村")
	c := &counted[int]{v: 1}
	for _, swap := range []struct {
		name string
		do   func(tmp string) error
	}{
		{"swapIn", func(tmp string) error { return s.swapIn(ctx, tmp, restoreValue{From: b.Path}) }},
		{"fileSwap", func(tmp string) error { return s.fileSwap(ctx, tmp, restoreValue{From: b.Path}) }},
	} {
		cachedTwice(t, s, "a", c)
		tmp, err := s.stageBackup(ctx, b.Path)
		if err != nil {
			t.Fatal(err)
		}
		before := ledgerVersion(t, s)
		// The copy holds a value of its own data at its own version.
		staged, err := sql.Open("sqlite", tmp)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := staged.Exec(`INSERT INTO figure_cache (key, program, version, value)
			SELECT ?, ?, version, '99' FROM ledger_version`, "a today="+time.Now().Format(time.DateOnly), programID()); err != nil {
			t.Fatal(err)
		}
		staged.Close()
		if err := swap.do(tmp); err != nil {
			t.Fatalf("%s: %v", swap.name, err)
		}
		removeDB(tmp)
		if after := ledgerVersion(t, s); after <= before {
			t.Errorf("%s: version %d → %d, want it raised", swap.name, before, after)
		}
		if n := cachedTwice(t, s, "a", c); n != 1 {
			t.Errorf("%s: computed %d times after the restore, want 1", swap.name, n)
		}
	}
}
