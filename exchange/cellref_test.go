package exchange

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// cellColumn must read every reference as excelize does, errors included.
func checkCellColumn(t *testing.T, ref string) {
	t.Helper()
	got, gerr := cellColumn(ref)
	want, _, werr := excelize.CellNameToCoordinates(ref)
	if (gerr != nil) != (werr != nil) || (werr == nil && got != want) {
		t.Fatalf("cellColumn(%q) = %d, %v; excelize %d, %v", ref, got, gerr, want, werr)
	}
}

func TestCellColumn(t *testing.T) {
	for _, ref := range []string{"A1", "B12", "Z9", "AA10", "XFD1048576", "XFE1", "A1048577", "A0", "A01",
		"a1", "$A$1", "A", "1", "", "AAAA1", "A12345678", "A1x", "A-1", "A+1", "AB", "ZZZ99999", "P48000"} {
		checkCellColumn(t, ref)
	}
}

func FuzzCellColumn(f *testing.F) {
	for _, s := range []string{"A1", "XFD1048576", "$B$2", "a01", "ZZZ1"} {
		f.Add(s)
	}
	f.Fuzz(checkCellColumn)
}
