package exchange

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"liangwei/data"
)

// TestReadAheadSeesEarlierFiles: a file read while the one before it is imported is still
// checked against the database as that import left it (its elections name villages only the
// first file holds), and a merge read ahead stores exactly what one file after another does.
func TestReadAheadSeesEarlierFiles(t *testing.T) {
	fx := goodTownship(12)
	dir := t.TempDir()
	paths := []string{
		writeXLSX(t, dir, "村庄.xlsx", fx.township, fx.village),
		writeXLSX(t, dir, "换届.xlsx", fx.election),
		writeXLSX(t, dir, "空.xlsx", sheetData{"备注", [][]any{{"说明"}, {"无"}}}),
		writeXLSX(t, dir, "全部.xlsx", fx.sheets()...),
	}

	seq := openStore(t)
	var want []string
	for _, p := range paths {
		pv, res, err := Import(ctx, seq, p, "", today)
		want = append(want, outcomeOf(pv, res, err))
	}

	ahead := openStore(t)
	var got []string
	err := ReadAhead(ctx, ahead, paths, "", today, func(i int, r *Read) error {
		pv, res, err := r.Import(ctx, ahead)
		got = append(got, outcomeOf(pv, res, err))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read ahead:\n%q\nwant one after another:\n%q", got, want)
	}
	if got[1] != "ok 24 0 0" {
		t.Errorf("elections after their villages: %q, want all inserted", got[1])
	}
	sameBatch(t, snapshot(t, ahead), snapshot(t, seq))
}

// TestReadAheadStops: an error from fn stops the run and is returned; files after it are
// not handed over.
func TestReadAheadStops(t *testing.T) {
	fx := goodTownship(3)
	dir := t.TempDir()
	paths := []string{
		writeXLSX(t, dir, "a.xlsx", fx.sheets()...),
		writeXLSX(t, dir, "b.xlsx", fx.sheets()...),
		writeXLSX(t, dir, "c.xlsx", fx.sheets()...),
	}
	stop := errors.New("stop")
	var seen []int
	err := ReadAhead(ctx, nil, paths, "", today, func(i int, r *Read) error {
		seen = append(seen, i)
		if i == 1 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || !reflect.DeepEqual(seen, []int{0, 1}) {
		t.Errorf("err %v, files %v; want stop after 0, 1", err, seen)
	}
}

// outcomeOf sums up an import for comparison: its counts, or its refusal and issues.
func outcomeOf(p Preview, res data.ImportResult, err error) string {
	if err != nil {
		return fmt.Sprintf("%v %v", err, p.Issues)
	}
	return fmt.Sprintf("ok %d %d %d", res.Inserted, res.Updated, res.Unchanged)
}

// TestGCFloorFor: the floor is gcFloor for small files, shrinks with the largest file and
// is none for a file of gcFloor/gcLivePerByte bytes or more; a missing file counts as
// empty.
func TestGCFloorFor(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, size int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	small, mid := file("small.xlsx", 100<<10), file("mid.xlsx", 1<<20)
	big := file("big.xlsx", gcFloor/gcLivePerByte)
	missing := filepath.Join(dir, "missing.xlsx")
	for _, c := range []struct {
		paths []string
		want  int
	}{
		{[]string{missing}, gcFloor},
		{[]string{small, missing}, gcFloor - 100<<10*gcLivePerByte},
		{[]string{small, mid, small}, gcFloor - 1<<20*gcLivePerByte},
		{[]string{small, big}, 0},
	} {
		if got := gcFloorFor(c.paths); got != c.want {
			t.Errorf("%v: %d, want %d", c.paths, got, c.want)
		}
	}
}
