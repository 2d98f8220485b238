package sqlite

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// crashEnv names the database TestCrashChild imports into; it is set only in the child
// process TestKilledImportIsAllOrNothing starts.
const crashEnv = "LIANGWEI_CRASH_CHILD_DB"

// crashBatch is the size of the child's import: 3,000 villages (38 townships) and 6,000
// elections in one Import.
const crashVillages = 3000

// TestCrashChild is the child process of TestKilledImportIsAllOrNothing: it imports a city
// in one transaction and is killed somewhere along the way. Run directly, it does nothing.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		return
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, genBatch(crashVillages), "全市.xlsx"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// A process killed (SIGKILL) at any moment of an import leaves a sound database holding the
// whole file or none of it.
func TestKilledImportIsAllOrNothing(t *testing.T) {
	whole := genBatch(crashVillages)
	all := counts{townships: len(whole.Townships), villages: len(whole.Villages), elections: len(whole.Elections)}
	all.audit = all.townships + all.villages + all.elections + 1
	delays := []time.Duration{20, 60, 150, 400, 700, 30, 100, 250, 500, 900, -1} // -1: not killed
	seen := map[bool]int{}
	for i, d := range delays {
		path := filepath.Join(t.TempDir(), "liangwei.db")
		s, err := Open(path) // the schema exists before the child starts
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if d >= 0 {
			time.Sleep(d * time.Millisecond)
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
		} else if err := cmd.Wait(); err != nil {
			t.Fatalf("unkilled child failed: %v\n%s", err, &out)
		}

		s, err = Open(path)
		if err != nil {
			t.Fatalf("run %d (kill after %d ms): reopening: %v", i, d, err)
		}
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Errorf("run %d (kill after %d ms): %v", i, d, err)
		}
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
			t.Errorf("run %d (kill after %d ms): %+v, want all of %+v or none", i, d, got, all)
		}
	}
	t.Logf("whole file %d times, nothing %d times", seen[true], seen[false])
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
