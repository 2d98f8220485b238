package exchange

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

// TestWorkbookPrints: a workbook the program exported carries each township's fingerprint and
// reads back as 一致; edited by hand afterwards it reads as 已修改; a workbook a clerk made
// carries none.
func TestWorkbookPrints(t *testing.T) {
	dir := t.TempDir()
	made := writeXLSX(t, dir, "城关镇.xlsx", goodTownship(12).sheets()...)
	st := openStore(t)
	p, _, err := Import(ctx, st, made, "", today)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Batch.Prints) != 1 || p.Batch.Prints[0].State() != data.PrintNone {
		t.Fatalf("hand-made workbook prints = %+v", p.Batch.Prints)
	}

	exported := filepath.Join(dir, "导出.xlsx")
	f, err := os.Create(exported)
	if err != nil {
		t.Fatal(err)
	}
	if err := Export(ctx, st, f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	p = Load(ctx, openStore(t), exported, "", today)
	if p.Issues.HasErrors() || len(p.Batch.Prints) != 1 || p.Batch.Prints[0].State() != data.PrintIntact {
		t.Fatalf("exported workbook prints = %+v, issues %v", p.Batch.Prints, p.Issues)
	}
	want, _ := st.Ledger(ctx, 0)
	if got := data.TakePrint(want, nil).Townships[0].Sum; got != p.Batch.Prints[0].Declared {
		t.Errorf("declared %s, the database's print %s", p.Batch.Prints[0].Declared, got)
	}
	if s := PrintSummary(p.Batch.Prints); s != "数据指纹与导出时一致：城关镇" {
		t.Errorf("PrintSummary = %q", s)
	}

	// A hand edit in Excel keeps the properties and changes a cell.
	x, err := excelize.OpenFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.SetCellValue("村庄", "E3", 9999); err != nil {
		t.Fatal(err)
	}
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()
	p = Load(ctx, openStore(t), exported, "", today)
	if p.Issues.HasErrors() || len(p.Batch.Prints) != 1 || p.Batch.Prints[0].State() != data.PrintModified {
		t.Fatalf("edited workbook prints = %+v, issues %v", p.Batch.Prints, p.Issues)
	}
	if s := PrintSummary(p.Batch.Prints); s != "导出后已修改（数据指纹与文件所带的不一致）：城关镇" {
		t.Errorf("PrintSummary = %q", s)
	}
}
