package exchange

import (
	"archive/zip"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelizeRows reads a sheet as readSheet's slow path does: one entry per row number.
func excelizeRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("excelize: %v", err)
		}
		out = append(out, cells)
	}
	return out
}

// preflightRows is the pre-scan of a workbook.
func preflightRows(t *testing.T, path string) map[string]*sheetScan {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	scans, err := preflightXLSX(&zr.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return scans
}

// sameRows compares rows, a missing row and an empty one being alike.
func sameRows(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) || (len(a[i]) > 0 && !reflect.DeepEqual(a[i], b[i])) {
			return false
		}
	}
	return true
}

const sstNS = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`

// The rows the pre-scan collects are exactly what excelize reads; a sheet it cannot
// reproduce is left to excelize (plain false), never read differently.
func TestPrescanRowsMatchExcelize(t *testing.T) {
	dir := t.TempDir()
	sst := sstNS + `<si><t>城关镇</t></si><si><t xml:space="preserve"> 东关村 </t></si>` +
		`<si><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r></si><si><t>拼</t><rPh sb="0" eb="1"><t>pin</t></rPh></si>` +
		`<si><t>a&amp;b&lt;c</t></si><si><t>换行_x000D_</t></si></sst>`
	tests := []struct {
		name      string
		path      string
		wantPlain bool
	}{
		{"excelize SetCellValue (shared strings, numbers)", writeXLSX(t, dir, "set.xlsx", goodTownship(12).sheets()...), true},
		{"excelize strings and numbers only", writeXLSX(t, dir, "plain.xlsx", sheetData{"村庄", [][]any{
			{"乡镇", "村名", "户数"}, {"城关镇", "东关村", 320}, nil, {"城关镇", nil, 1.5}, {nil, nil, nil, "远处"}}}), true},
		{"inline strings, gaps, numbers", writeRawXLSX(t, filepath.Join(dir, "inline.xlsx"), sheetXML("村庄",
			inlineRow(1, "乡镇", "村名", "户数")+inlineRow(2, "城关镇", "", "x")+`<row r="5"><c r="C5"><v>12</v></c><c r="E5" t="str"><v>公式文本</v><f>A1</f></c></row>`+
				`<row><c><v>1</v></c><c t="n"><v> 2 </v></c></row><row r="9"/>`, "")), true},
		{"formula without value, empty value", writeRawXLSX(t, filepath.Join(dir, "formula.xlsx"), sheetXML("村庄",
			`<row r="1"><c r="A1"><f>1+1</f></c><c r="C1"><v></v></c><c r="D1" t="inlineStr"><is><r><t>甲</t></r><r><rPr><i/></rPr><t>乙</t></r></is></c></row>`, "")), true},
		{"shared strings", writeRawXLSXParts(t, filepath.Join(dir, "sst.xlsx"), map[string]string{"xl/sharedStrings.xml": sst}, sheetXML("村庄",
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v> 1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>`+
				`<row r="2"><c r="A2" t="s"><v></v></c><c r="B2" s="3"><v>7</v></c></row>`, "<mergeCells count=\"1\"><mergeCell ref=\"A1:A3\"/></mergeCells>")), true},
		{"shared string with _x escape", writeRawXLSXParts(t, filepath.Join(dir, "sstx.xlsx"), map[string]string{"xl/sharedStrings.xml": sst}, sheetXML("村庄",
			`<row r="1"><c r="A1" t="s"><v>5</v></c></row>`, "")), false},
		{"shared string out of range", writeRawXLSXParts(t, filepath.Join(dir, "sstr.xlsx"), map[string]string{"xl/sharedStrings.xml": sst}, sheetXML("村庄",
			`<row r="1"><c r="A1" t="s"><v>99</v></c></row>`, "")), false},
		{"shared string without the part", writeRawXLSX(t, filepath.Join(dir, "nosst.xlsx"), sheetXML("村庄",
			`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, "")), false},
		{"rows out of order", writeRawXLSX(t, filepath.Join(dir, "order.xlsx"), sheetXML("村庄",
			inlineRow(3, "a")+inlineRow(2, "b"), "")), false},
		{"columns out of order", writeRawXLSX(t, filepath.Join(dir, "cols.xlsx"), sheetXML("村庄",
			`<row r="1"><c r="C1"><v>1</v></c><c r="A1"><v>2</v></c></row>`, "")), false},
		{"boolean and error cells", writeRawXLSX(t, filepath.Join(dir, "bool.xlsx"), sheetXML("村庄",
			`<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c></row>`, "")), false},
		{"prefixed elements", writeRawXLSX(t, filepath.Join(dir, "prefix.xlsx"), rawSheet{"村庄", func(w io.Writer) error {
			_, err := fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>`+
				`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>乡镇</x:t></x:is></x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`)
			return err
		}}), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scans := preflightRows(t, tt.path)
			f, err := excelize.OpenFile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			names := f.GetSheetList()
			f.Close()
			plain := true
			for _, name := range names {
				sc := scans[name]
				if sc == nil {
					t.Fatalf("sheet %s not scanned", name)
				}
				plain = plain && sc.plain
				if !sc.plain {
					continue
				}
				if want := excelizeRows(t, tt.path, name); !sameRows(sc.rows, want) {
					t.Errorf("sheet %s: pre-scan rows\n%q\nwant (excelize)\n%q", name, sc.rows, want)
				}
			}
			if plain != tt.wantPlain {
				t.Errorf("plain = %v, want %v", plain, tt.wantPlain)
			}
		})
	}
}

// A workbook as exported is read on the fast path, and reads the same either way.
func TestExportReadOnFastPath(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t)
	fx := goodTownship(30)
	src := writeXLSX(t, dir, "src.xlsx", fx.sheets()...)
	if _, _, err := Import(ctx, st, src, "", today); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "export.xlsx")
	exportTo(t, st, out)
	scans := preflightRows(t, out)
	for name, sc := range scans {
		if !sc.plain {
			t.Errorf("exported sheet %s is not read on the fast path", name)
			continue
		}
		if want := excelizeRows(t, out, name); !sameRows(sc.rows, want) {
			t.Errorf("exported sheet %s reads differently on the fast path", name)
		}
	}
	if len(scans) == 0 || !strings.HasSuffix(out, ".xlsx") {
		t.Fatal("no sheets scanned")
	}
}

// FuzzPrescanRows: whatever rows a sheet holds, a sheet the pre-scan reads completely reads
// as excelize reads it.
func FuzzPrescanRows(f *testing.F) {
	for _, s := range []string{
		inlineRow(1, "乡镇", "村名") + `<row r="4"><c r="B4" t="s"><v>1</v></c><c><v>7</v></c></row>`,
		`<row><c t="inlineStr"><is><r><t>a</t></r><t>b</t></is></c><c r="D1" t="str"><f>X</f><v>y</v></c></row><row/>`,
		`<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1&amp;2</v></c></row>`,
	} {
		f.Add(s)
	}
	sst := sstNS + `<si><t>城关镇</t></si><si><r><t>富</t></r><r><t>文本</t></r></si><si><t>x</t><rPh><t>y</t></rPh></si></sst>`
	f.Fuzz(func(t *testing.T, rows string) {
		path := writeRawXLSXParts(t, filepath.Join(t.TempDir(), "f.xlsx"), map[string]string{"xl/sharedStrings.xml": sst}, sheetXML("村庄", rows, ""))
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		scans, err := preflightXLSX(&zr.Reader)
		zr.Close()
		if err != nil || scans["村庄"] == nil || !scans["村庄"].plain {
			return
		}
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatalf("pre-scan read a sheet excelize cannot open: %v", err)
		}
		defer x.Close()
		rs, err := x.Rows("村庄")
		if err != nil {
			t.Fatal(err)
		}
		var want [][]string
		for rs.Next() {
			cells, err := rs.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatalf("pre-scan read a row excelize refuses: %v", err)
			}
			want = append(want, cells)
		}
		if rs.Error() != nil {
			t.Fatalf("pre-scan read a sheet excelize refuses: %v", rs.Error())
		}
		if got := scans["村庄"].rows; !sameRows(got, want) {
			t.Errorf("rows %q:\npre-scan %q\nexcelize %q", rows, got, want)
		}
	})
}

// TestLargeSheetFastRows: a sheet larger than excelize holds in memory (a city's members)
// is tokenized fast and its rows collected by the pre-scan, exactly as excelize's streaming
// reader gives them.
func TestLargeSheetFastRows(t *testing.T) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= 40000; r++ {
		row := []any{"城关镇", fmt.Sprintf("张家%03d村", r%300), 2026, "王" + strings.Repeat("某", r%3),
			fmt.Sprintf("130229197601%06d", r), "男", "1976-01-14", "汉族", "本科及以上", r * 7, "a & <b>", nil, 3.25}
		if r%11 == 0 {
			row[2] = nil // a gap inside the row
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "large.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" && zf.UncompressedSize64 <= spillSize {
			t.Fatalf("sheet of %d bytes: not larger than excelize holds in memory", zf.UncompressedSize64)
		}
	}
	zr.Close()
	sc := preflightRows(t, path)["Sheet1"]
	if sc == nil || !sc.plain {
		t.Fatal("the large sheet's rows were not collected")
	}
	if want := excelizeRows(t, path, "Sheet1"); !sameRows(sc.rows, want) {
		t.Errorf("collected %d rows, excelize %d; first differing: %v", len(sc.rows), len(want), firstDiff(sc.rows, want))
	}
}

// firstDiff is the first pair of rows that differ.
func firstDiff(a, b [][]string) [2][]string {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return [2][]string{a[i], b[i]}
		}
	}
	return [2][]string{}
}
