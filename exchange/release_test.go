package exchange

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReleaseStream: a flushed sheet of more than excelize's 16 MB in-memory chunk has its
// buffer released, one of a few megabytes is moved to a temporary file, and the workbook
// still holds every row of both; a small sheet is left in memory; closing the workbook
// removes the files. It fails when excelize's stream writer no longer has the fields
// releaseStream reaches for.
func TestReleaseStream(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where excelize and releaseStream put their files
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("大"); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("村", 400) // 1.2 KB a cell
	const rows = 16_000              // 19 MB of XML
	big, err := f.NewStreamWriter("大")
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= rows; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		if err := big.SetRow(cell, []any{i, long}); err != nil {
			t.Fatal(err)
		}
	}
	if err := big.Flush(); err != nil {
		t.Fatal(err)
	}
	if ok, err := releaseStream(big); !ok || err != nil {
		t.Fatalf("the buffer of a sheet written to a temporary file was not released: %v", err)
	}
	if _, err := f.NewSheet("中"); err != nil {
		t.Fatal(err)
	}
	mid, err := f.NewStreamWriter("中")
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 2000; i++ { // 2.4 MB
		cell, _ := excelize.CoordinatesToCellName(1, i)
		if err := mid.SetRow(cell, []any{i, long}); err != nil {
			t.Fatal(err)
		}
	}
	if err := mid.Flush(); err != nil {
		t.Fatal(err)
	}
	before, _ := filepath.Glob(filepath.Join(tmp, "excelize-*"))
	if ok, err := releaseStream(mid); !ok || err != nil {
		t.Fatalf("a sheet of 2.4 MB held in memory was not moved to a file: %v", err)
	}
	after, _ := filepath.Glob(filepath.Join(tmp, "excelize-*"))
	if len(before) != 1 || len(after) != 2 {
		t.Errorf("temporary files: %d before, %d after", len(before), len(after))
	}
	small, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := small.SetRow("A1", []any{"小"}); err != nil {
		t.Fatal(err)
	}
	if err := small.Flush(); err != nil {
		t.Fatal(err)
	}
	if ok, err := releaseStream(small); ok || err != nil {
		t.Errorf("the buffer of a small sheet was released: %v", err)
	}
	path := filepath.Join(tmp, "x.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	got, err := g.GetRows("大")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != rows || got[rows-1][0] != "16000" || got[0][1] != long {
		t.Errorf("%d rows, last %q", len(got), got[len(got)-1][0])
	}
	if s, _ := g.GetCellValue("Sheet1", "A1"); s != "小" {
		t.Errorf("small sheet A1 = %q", s)
	}
	if got, err := g.GetRows("中"); err != nil || len(got) != 2000 || got[1999][1] != long {
		t.Errorf("中: %d rows, %v", len(got), err)
	}
	f.Close()
	g.Close() // it read the large sheet through a temporary file of its own
	if left, _ := filepath.Glob(filepath.Join(tmp, "excelize-*")); len(left) != 0 {
		t.Errorf("temporary files left after Close: %v", left)
	}
}
