package sqlite

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"liangwei/data"
)

// counted is a computation of v that counts its runs.
type counted[T any] struct {
	v T
	n int
}

func (c *counted[T]) compute() (T, error) { c.n++; return c.v, nil }

// cachedTwice calls Cached for key twice and gives how many times c computed.
func cachedTwice[T any](t *testing.T, s *Store, key string, c *counted[T]) int {
	t.Helper()
	c.n = 0
	for range 2 {
		got, err := Cached(ctx, s, key, c.compute)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, c.v) && fmt.Sprint(got) != fmt.Sprint(c.v) { // NaN is not DeepEqual to itself
			t.Errorf("Cached = %v, want %v", got, c.v)
		}
	}
	return c.n
}

func cacheRows(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM figure_cache").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A value is given from the cache until the ledger changes; storing it raises no version and
// writes no audit row; opening the ledger again changes nothing.
func TestCachedUntilAChange(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村")
	audits := len(mustAudit(t, s))
	v0 := ledgerVersion(t, s)
	c := &counted[data.Stats]{v: data.Stats{Round: 2026, Villages: 1, Talks: data.TalkStats{ByMode: map[string]int{"申请约谈": 2}}}}
	if n := cachedTwice(t, s, "a", c); n != 1 {
		t.Fatalf("computed %d times in two calls, want 1", n)
	}
	if v := ledgerVersion(t, s); v != v0 {
		t.Errorf("storing a value raised the version %d → %d", v0, v)
	}
	if n := len(mustAudit(t, s)); n != audits {
		t.Errorf("storing a value wrote %d audit rows", n-audits)
	}
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	if n := cachedTwice(t, s, "a", c); n != 0 || ledgerVersion(t, s) != v0 {
		t.Errorf("after opening the ledger again: computed %d times, version %d → %d", n, v0, ledgerVersion(t, s))
	}
	if n := cachedTwice(t, s, "b", c); n != 1 {
		t.Errorf("another key: computed %d times, want 1", n)
	}
	saveVillages(t, s, "城关镇", "西关村")
	if n := cachedTwice(t, s, "a", c); n != 1 {
		t.Errorf("after a change: computed %d times, want 1", n)
	}
	if n := cacheRows(t, s); n != 1 {
		t.Errorf("%d values kept, want only the one of the current version", n)
	}
	t.Setenv(noCacheEnv, "1")
	if n := cachedTwice(t, s, "a", c); n != 2 {
		t.Errorf("with %s set: computed %d times, want 2", noCacheEnv, n)
	}
}

// A value stored by another program (another build may compute differently), or under
// another day (the figures read the clock's date), is not read.
func TestCachedOnlyForThisProgramAndDay(t *testing.T) {
	s := openTest(t)
	c := &counted[int]{v: 42}
	cachedTwice(t, s, "a", c)
	if _, err := s.db.Exec("UPDATE figure_cache SET program = 'another build'"); err != nil {
		t.Fatal(err)
	}
	if n := cachedTwice(t, s, "a", c); n != 1 {
		t.Errorf("another program's value: computed %d times, want 1", n)
	}
	if n := cacheRows(t, s); n != 2 {
		t.Errorf("%d values kept, want both programs' (the CLI and the desktop program share a ledger)", n)
	}
	if _, err := s.db.Exec("UPDATE figure_cache SET key = replace(key, 'today=', 'today=1') WHERE program <> 'another build'"); err != nil {
		t.Fatal(err)
	}
	if n := cachedTwice(t, s, "a", c); n != 1 {
		t.Errorf("another day's value: computed %d times, want 1", n)
	}
}

// A value computed while the ledger changed is not stored: it may be of the data before.
func TestCachedNotStoredWhenTheLedgerChangedMeanwhile(t *testing.T) {
	s := openTest(t)
	n := 0
	changing := func() (int, error) {
		n++
		saveVillages(t, s, "城关镇", fmt.Sprintf("%d村", n))
		return n, nil
	}
	for want := 1; want <= 2; want++ {
		if got, err := Cached(ctx, s, "a", changing); got != want || err != nil {
			t.Errorf("Cached = %d, %v; want %d", got, err, want)
		}
	}
	if rows := cacheRows(t, s); rows != 0 {
		t.Errorf("%d values stored", rows)
	}
}

// A value whose JSON does not give it back exactly (NaN, an unexported field) is computed
// every time; one that does, with maps, nil and empty slices and float rates, is given back
// equal.
func TestCachedOnlyExactValues(t *testing.T) {
	s := openTest(t)
	if n := cachedTwice(t, s, "nan", &counted[float64]{v: math.NaN()}); n != 2 {
		t.Errorf("NaN: computed %d times, want 2", n)
	}
	type hidden struct{ a int }
	if n := cachedTwice(t, s, "hidden", &counted[hidden]{v: hidden{3}}); n != 2 {
		t.Errorf("unexported field: computed %d times, want 2", n)
	}
	type exact struct {
		Rate   float64
		Counts map[string]int
		Nil    []string
		Empty  []string
		Prev   *data.KeyRates
	}
	v := exact{Rate: 100.0 / 3, Counts: map[string]int{"甲": 1, "乙": 2}, Empty: []string{}, Prev: &data.KeyRates{Round: 2021, AvgAge: 0.1 + 0.2}}
	if n := cachedTwice(t, s, "exact", &counted[exact]{v: v}); n != 1 {
		t.Errorf("exact value: computed %d times, want 1", n)
	}
	got, err := Cached(ctx, s, "exact", func() (exact, error) { t.Fatal("computed again"); return exact{}, nil })
	if err != nil || got.Rate != v.Rate || got.Nil != nil || got.Empty == nil || got.Counts["乙"] != 2 || *got.Prev != *v.Prev {
		t.Errorf("cached value = %+v, %v; want %+v", got, err, v)
	}
}

// The cache keeps at most cacheEntries values.
func TestCacheBounded(t *testing.T) {
	s := openTest(t)
	for i := range cacheEntries + 5 {
		cachedTwice(t, s, fmt.Sprint(i), &counted[int]{v: i})
	}
	if n := cacheRows(t, s); n != cacheEntries {
		t.Errorf("%d values kept, want %d", n, cacheEntries)
	}
	if n := cachedTwice(t, s, fmt.Sprint(cacheEntries+4), &counted[int]{v: cacheEntries + 4}); n != 0 {
		t.Errorf("the newest value was dropped")
	}
}

// While another program writes, the value is given all the same (not stored).
func TestCachedWhileAnotherProgramWrites(t *testing.T) {
	s := openTest(t)
	other, err := open(s.Path(), 50)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	busy := make(chan struct{})
	done := make(chan error)
	go func() {
		done <- other.write(ctx, func(*tx) error { busy <- struct{}{}; <-busy; return nil })
	}()
	<-busy
	if n := cachedTwice(t, s, "a", &counted[int]{v: 1}); n != 2 {
		t.Errorf("computed %d times while the ledger was busy, want 2", n)
	}
	busy <- struct{}{}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := cachedTwice(t, s, "a", &counted[int]{v: 1}); n != 1 {
		t.Errorf("computed %d times after, want 1", n)
	}
}

// TestGoBuildID: the program is named by its Go build ID, as `go tool buildid` reads it, on
// Linux (this test's own ELF executable) and on Windows (a PE executable built for it).
func TestGoBuildID(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(t.TempDir(), "hello.exe")
	if err := os.WriteFile(filepath.Join(filepath.Dir(exe), "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build := exec.Command(goTool, "build", "-trimpath", "-ldflags", "-s -w", "-o", exe, "main.go")
	build.Dir = filepath.Dir(exe)
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GO111MODULE=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build for Windows: %v\n%s", err, out)
	}
	for _, path := range []string{self, exe} {
		out, err := exec.Command(goTool, "tool", "buildid", path).Output()
		if err != nil {
			t.Fatalf("go tool buildid %s: %v", path, err)
		}
		want := strings.TrimSpace(string(out))
		if got := goBuildID(path); got != want || !strings.Contains(got, "/") {
			t.Errorf("build ID of %s: %q, go tool buildid says %q", filepath.Base(path), got, want)
		}
	}
	if id := programID(); id != "go:"+goBuildID(self) {
		t.Errorf("programID %q, want the build ID of %s", id, self)
	}
	// Without a build ID (-ldflags=-buildid=), there is none to read.
	if got := rawBuildID([]byte("MZ\x90\x00 no build ID here")); got != "" {
		t.Errorf("build ID %q read where there is none", got)
	}
	if got := rawBuildID([]byte("\xff Go build ID: \"abc/def\"\n \xff")); got != "abc/def" {
		t.Errorf("build ID %q, want abc/def", got)
	}
}
