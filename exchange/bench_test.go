package exchange

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// cityWorkbook writes a workbook of the yearbook's scale: 62 townships, 5,252 villages and
// both elections of each, with the stream writer as a real export would.
func cityWorkbook(b *testing.B) string {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheets := []sheetData{{"乡镇", [][]any{townshipHeader}}, {"村庄", [][]any{villageHeader}}, {"换届", [][]any{electionHeader}}}
	for i := 0; i < 5252; i++ {
		town := fmt.Sprintf("第%02d镇", i%62)
		if i < 62 {
			sheets[0].rows = append(sheets[0].rows, []any{town, "某县", "联系人", "13800000000"})
		}
		name := fmt.Sprintf("第%04d村", i)
		sheets[1].rows = append(sheets[1].rows, []any{town, name, "村", 300, 1000, nil, "正常"})
		sheets[2].rows = append(sheets[2].rows,
			[]any{town, name, 2026, "党组织", "已完成", "2026-03-15", "是", 40, 38, 5, 6, 5},
			[]any{town, name, 2026, "村委会", "已完成", "2026-04-15", "是", 600, 500, 5, 7, 5})
	}
	for i, s := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", s.name)
		} else {
			f.NewSheet(s.name)
		}
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			b.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	path := filepath.Join(b.TempDir(), "全市.xlsx")
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkLoadCity measures reading and checking a city-scale workbook (SPEC §9: the whole
// import under 5 s).
func BenchmarkLoadCity(b *testing.B) {
	path := cityWorkbook(b)
	b.ResetTimer()
	for b.Loop() {
		p := Load(ctx, nil, path, "", today)
		if len(p.Issues) != 0 || p.Batch.Len() != 62+5252+10504 {
			b.Fatalf("%d records, issues %v", p.Batch.Len(), p.Issues[:min(3, len(p.Issues))])
		}
	}
}

// BenchmarkImportCity measures the whole import of a city-scale workbook into a new database.
func BenchmarkImportCity(b *testing.B) {
	path := cityWorkbook(b)
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		st := openStore(b)
		b.StartTimer()
		if _, _, err := Import(ctx, st, path, "", today); err != nil {
			b.Fatal(err)
		}
	}
}
