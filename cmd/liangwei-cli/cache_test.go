package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/data/sqlite"
)

// TestFiguresCachedByteForByte: stats (JSON and text, of all townships and of one) and the
// summary PDF print the same bytes computed (LIANGWEI_NOCACHE), the first time (cached
// then) and from the cache; after a change they print the new figures.
func TestFiguresCachedByteForByte(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "city.db")
	mustRun(t, "demo", "--scale", "city", "--townships", "3", "--out", filepath.Join(dir, "xl"))
	files, _ := filepath.Glob(filepath.Join(dir, "xl", "*.xlsx"))
	mustRun(t, append([]string{"--db", db, "import"}, files...)...)
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := st.Townships(context.Background())
	st.Close()
	if err != nil || len(ts) != 3 {
		t.Fatalf("townships = %v, %v", ts, err)
	}
	runs := [][]string{
		{"stats", "--json", "--date", "2026-11-25"},
		{"stats"},
		{"stats", "--township", ts[1].Name},
		{"stats", "--json", "--round", "2021"},
		{"report", "summary", "--date", "2026-11-25"},
	}
	outputs := func() []string {
		var outs []string
		for i, args := range runs {
			pdf := ""
			if args[0] == "report" {
				pdf = filepath.Join(dir, "summary.pdf")
				os.Remove(pdf)
				args = append(args, "--out", pdf)
			}
			out := mustRun(t, append([]string{"--db", db}, args...)...)
			if pdf != "" {
				b, err := os.ReadFile(pdf)
				if err != nil {
					t.Fatal(err)
				}
				out += string(b)
			}
			if len(out) < 100 {
				t.Fatalf("run %d %v printed only %q", i, args, out)
			}
			outs = append(outs, out)
		}
		return outs
	}
	same := func(when string, got, want []string) {
		t.Helper()
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: %v printed other bytes than computed", when, runs[i])
			}
		}
	}
	computed := func() []string {
		t.Setenv("LIANGWEI_NOCACHE", "1")
		defer os.Unsetenv("LIANGWEI_NOCACHE")
		return outputs()
	}

	want := computed()
	same("first run", outputs(), want)
	same("from the cache", outputs(), want)
	// The text and the JSON of the same figures share one value (today is 2026-11-25).
	if n := cacheKeys(t, db); n != len(runs)-1 {
		t.Errorf("%d values cached, want %d", n, len(runs)-1)
	}

	// A change: an election of the round is no longer completed.
	st, err = sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	es, err := st.Elections(context.Background(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	var e data.Election
	for _, x := range es {
		if x.Township == ts[1].Name && x.Status == data.StatusCompleted {
			e = x
		}
	}
	e.Status, e.CompletedOn, e.OneTime = data.StatusInProgress, time.Time{}, false
	if err := st.SaveElection(context.Background(), &e, fixedNow); err != nil {
		t.Fatal(err)
	}
	st.Close()
	after := computed()
	for i := range after {
		if i != 3 && after[i] == want[i] { // round 2021 is not changed
			t.Errorf("%v: the change changed nothing", runs[i])
		}
	}
	same("after a change", outputs(), after)
	same("from the cache after a change", outputs(), after)

	// One township's members imported again, changed: stats and the summary sum its new
	// share with the shares kept of the others (sqlite.EachPart), and print what is computed.
	st, err = sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := st.Ledger(context.Background(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	b := data.Batch{Members: whole.ForTownship(ts[2].Name).Members}
	for i := range b.Members {
		if b.Members[i].Education == data.EduMiddle {
			b.Members[i].Education = data.EduBachelor
		}
	}
	if _, err := st.Import(context.Background(), b, ts[2].Name+".xlsx"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	imported := computed()
	if imported[0] == after[0] {
		t.Fatal("the import changed no figure: the test proves nothing")
	}
	same("after one township's import", outputs(), imported)
}

// cacheKeys counts the values in db's figure cache.
func cacheKeys(t *testing.T, db string) int {
	t.Helper()
	q, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	var n int
	if err := q.QueryRow("SELECT count(*) FROM figure_cache").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
