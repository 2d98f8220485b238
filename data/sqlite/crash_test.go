package sqlite

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// The fault tests kill (SIGKILL) a child process — this test binary running TestCrashChild —
// at varied moments of an import, a backup and a restore, and then check what a power cut
// would leave: a sound database, each file whole or absent, a log that matches the data, no
// partial backup listed. `go test -run Killed` runs a few dozen kills; -long many more.

var long = flag.Bool("long", false, "run the fault tests' long soak (hundreds of kills)")

// Environment of the child: what it does, and on which files.
const (
	crashEnv     = "LIANGWEI_CRASH_CHILD_DB"
	crashModeEnv = "LIANGWEI_CRASH_CHILD_MODE" // import, backup or restore
	crashFromEnv = "LIANGWEI_CRASH_CHILD_FROM" // restore: the backup
)

// crashVillages is the size of the child's import: 3,000 villages (38 townships) and 6,000
// elections in one Import.
const crashVillages = 3000

// TestCrashChild is the child process of the fault tests: it does its work and is killed
// somewhere along the way. Run directly, it does nothing.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		return
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	switch os.Getenv(crashModeEnv) {
	case "import":
		_, err = s.Import(ctx, genBatch(crashVillages), "全市.xlsx")
	case "backup":
		for i := 0; i < 200 && err == nil; i++ { // killed long before the end
			_, err = s.BackupNow(ctx)
		}
	case "restore":
		err = s.RestoreBackupFor(ctx, os.Getenv(crashFromEnv), "测试")
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// runKilled runs the child in mode on path and kills it after d (d < 0: not killed, it
// must succeed).
func runKilled(t *testing.T, mode, path, from string, d time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path, crashModeEnv+"="+mode, crashFromEnv+"="+from)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if d < 0 {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("unkilled %s child failed: %v\n%s", mode, err, &out)
		}
		return
	}
	time.Sleep(d)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
}

// killDelays are n moments spread over [lo, hi) with a fixed seed (the failing one is named
// by the test), then -1: one run that is not killed; stretched under -race (raceSlowdown).
func killDelays(seed uint64, n int, lo, hi time.Duration) []time.Duration {
	lo, hi = lo*raceSlowdown, hi*raceSlowdown
	r := rand.New(rand.NewPCG(seed, seed))
	var out []time.Duration
	for i := 0; i < n; i++ {
		// Evenly spread, jittered within each slot, so early and late moments are both hit.
		slot := (hi - lo) / time.Duration(n)
		out = append(out, lo+slot*time.Duration(i)+time.Duration(r.Int64N(int64(slot))))
	}
	return append(out, -1)
}

// runs is how many kills a fault test makes: quick for make test, many with -long, a few
// under -race (make race), where each child runs ten times slower and what is checked is
// the code the children run, not where the kills land (make unit spreads them).
func runs(quick int) int {
	switch {
	case *long:
		return quick * 10
	case raceSlowdown > 1:
		return max(2, quick/4)
	}
	return quick
}

// copyTo copies a closed database file to a new path.
func copyTo(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// checkAfterKill opens the database as the next start would and checks what every fault
// test asserts: integrity, no temporary file left after the start, every listed backup a
// whole ledger. It returns the reopened store.
func checkAfterKill(t *testing.T, path, run string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("%s: reopening: %v", run, err)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Errorf("%s: %v", run, err)
	}
	for _, dir := range []string{filepath.Dir(path), s.BackupDir()} {
		left, _ := filepath.Glob(filepath.Join(dir, "*.tmp*"))
		if len(left) > 0 {
			t.Errorf("%s: temporaries left after the next start: %v", run, left)
		}
	}
	bs, err := s.Backups(ctx)
	if err != nil {
		t.Fatalf("%s: %v", run, err)
	}
	if len(bs) > KeepBackups {
		t.Errorf("%s: %d backups listed, more than %d", run, len(bs), KeepBackups)
	}
	for _, b := range bs {
		if err := soundFile(ctx, b.Path); err != nil {
			t.Errorf("%s: listed backup %s is not sound: %v", run, filepath.Base(b.Path), err)
		}
		if err := checkCopyWhole(b.Path); err != nil {
			t.Errorf("%s: listed backup %s is not a whole ledger: %v", run, filepath.Base(b.Path), err)
		}
	}
	return s
}

// checkCopyWhole checks a backup file whole (every table, column, migration) read-only.
func checkCopyWhole(path string) error {
	db, err := openReadOnly(path)
	if err != nil {
		return err
	}
	defer db.Close()
	return checkWhole(ctx, db)
}

// A process killed at any moment of an import leaves a sound database holding the whole
// file or none of it, and the log says which.
func TestKilledImportIsAllOrNothing(t *testing.T) {
	whole := genBatch(crashVillages)
	all := counts{townships: len(whole.Townships), villages: len(whole.Villages), elections: len(whole.Elections)}
	all.audit = all.townships + all.villages + all.elections + 1
	seen := map[bool]int{}
	for i, d := range killDelays(13, runs(8), 20*time.Millisecond, 900*time.Millisecond) {
		run := fmt.Sprintf("import run %d (kill after %v)", i, d)
		path := filepath.Join(t.TempDir(), "liangwei.db")
		s, err := Open(path) // the schema exists before the child starts
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		runKilled(t, "import", path, "", d)
		s = checkAfterKill(t, path, run)
		got := countRows(t, s)
		s.Close()
		switch got {
		case all:
			seen[true]++
		case counts{}:
			seen[false]++
			if d < 0 {
				t.Errorf("the unkilled child imported nothing")
			}
		default:
			t.Errorf("%s: %+v, want all of %+v or none", run, got, all)
		}
	}
	t.Logf("whole file %d times, nothing %d times", seen[true], seen[false])
}

// Backups killed at any moment: never a partial backup listed or counted, temporaries
// removed at the next start, the database sound.
func TestKilledBackupsAreNeverListed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "liangwei.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, genCity(400, 4), "全市.xlsx"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	midway := 0 // kills that left a temporary backup behind
	for i, d := range killDelays(29, runs(12), 5*time.Millisecond, 400*time.Millisecond) {
		if d < 0 {
			continue // the child backs up 200 times: always killed
		}
		run := fmt.Sprintf("backup run %d (kill after %v)", i, d)
		runKilled(t, "backup", path, "", d)
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "*.tmp")); len(left) > 0 {
			midway++
		}
		s := checkAfterKill(t, path, run)
		s.Close()
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if bs, _ := s.Backups(ctx); len(bs) == 0 {
		t.Errorf("no backup was ever completed; the kills came too early to prove anything")
	}
	t.Logf("%d kills left a temporary backup, removed at the next start", midway)
}

// A restore killed at any moment leaves the old data without a restore entry, or the
// backup's data with exactly one; the log written before is kept either way.
func TestKilledRestoreIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	// The backup: a city of 300 villages. The ledger: another of 500, with more log.
	from := filepath.Join(dir, "from.db")
	s, err := Open(from)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, genCity(300, 3), "旧.xlsx"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	base := filepath.Join(dir, "base.db")
	s, err = Open(base)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, genCity(500, 3), "新.xlsx"); err != nil {
		t.Fatal(err)
	}
	oldCounts := countRows(t, s)
	oldLog := len(mustAudit(t, s))
	s.Close()
	s, _ = Open(from)
	newCounts := countRows(t, s)
	s.Close()

	seen := map[string]int{}
	for i, d := range killDelays(41, runs(12), 10*time.Millisecond, 600*time.Millisecond) {
		run := fmt.Sprintf("restore run %d (kill after %v)", i, d)
		path := filepath.Join(t.TempDir(), "liangwei.db")
		copyTo(t, base, path)
		runKilled(t, "restore", path, from, d)
		s := checkAfterKill(t, path, run)
		got := countRows(t, s)
		log := mustAudit(t, s)
		s.Close()
		restores := 0
		for _, e := range log {
			if e.Action == ActionRestoreBackup {
				restores++
				if !strings.Contains(e.NewValue, "测试") || e.Kind != string(data.SubjectFile) {
					t.Errorf("%s: restore entry %+v", run, e)
				}
			}
		}
		got.audit, newCounts.audit, oldCounts.audit = 0, 0, 0
		switch {
		case got == oldCounts && restores == 0:
			seen["old"]++
			if d < 0 {
				t.Errorf("%s: the unkilled restore restored nothing", run)
			}
		case got == newCounts && restores == 1:
			seen["restored"]++
		default:
			t.Errorf("%s: %+v with %d restore entries; want the old data %+v and none, or the backup's %+v and one",
				run, got, restores, oldCounts, newCounts)
		}
		if len(log) < oldLog {
			t.Errorf("%s: the log lost entries: %d, had %d", run, len(log), oldLog)
		}
	}
	t.Logf("old data %d times, restored %d times", seen["old"], seen["restored"])
}

type counts struct{ townships, villages, elections, audit int }

func countRows(t *testing.T, s *Store) counts {
	t.Helper()
	var c counts
	if err := s.db.QueryRow(`SELECT (SELECT count(*) FROM townships), (SELECT count(*) FROM villages),
		(SELECT count(*) FROM elections), (SELECT count(*) FROM audit_log)`).Scan(&c.townships, &c.villages, &c.elections, &c.audit); err != nil {
		t.Fatal(err)
	}
	return c
}
