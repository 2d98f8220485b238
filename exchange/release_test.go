package exchange

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReleaseStream: a flushed sheet of more than excelize's 16 MB in-memory chunk has its
// buffer released, and the workbook still holds every row; a small sheet, kept in memory,
// is left alone. It fails when excelize's stream writer no longer has the fields
// releaseStream reaches for.
func TestReleaseStream(t *testing.T) {
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
	if !releaseStream(big) {
		t.Fatal("the buffer of a sheet written to a temporary file was not released")
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
	if releaseStream(small) {
		t.Error("the buffer of a sheet held in memory was released")
	}
	path := filepath.Join(t.TempDir(), "x.xlsx")
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
}
