package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

// OldExport is Export as it was written before the rows went into the frame's parts
// (commit ee730b0): every sheet, its rows included, through excelize's stream writer, and
// the workbook written by excelize. The export's parts are held to its (SameParts).
func OldExport(ctx context.Context, st LedgerReader, township string, w io.Writer) error {
	return st.ReadKinds(ctx, township, func(r data.KindReader) error {
		sheets := supportedSheets()
		counts := make([]int, len(sheets))
		for i, sh := range sheets {
			n, err := r.Count(sh.Code)
			if err != nil {
				return err
			}
			counts[i] = n
		}
		var prints data.PrintSum
		f := excelize.NewFile()
		defer f.Close()
		text, err := frameSheetsOld(f, sheets, counts, func(i int, sw *excelize.StreamWriter, text int) error {
			next := 2
			return r.EachTownship(sheets[i].Code, func(b data.Ledger) error {
				sortBatch(&b)
				prints.Add(b)
				sh := sheets[i]
				for _, row := range sh.rows(&b, 0, sh.count(&b)) {
					vals := make([]any, len(row))
					for j, v := range row {
						if s, ok := v.(string); ok && s == "" {
							continue
						}
						if sh.Columns[j].Digits {
							vals[j] = excelize.Cell{StyleID: text, Value: v}
						} else {
							vals[j] = v
						}
					}
					cell, _ := excelize.CoordinatesToCellName(1, next)
					if err := sw.SetRow(cell, vals); err != nil {
						return err
					}
					next++
				}
				return nil
			})
		})
		if err != nil {
			return err
		}
		_ = text
		if err := setPrintProps(f, prints.Print()); err != nil {
			return err
		}
		return f.Write(w)
	})
}

// frameSheetsOld is frameSheets with rows(i, sw, text) writing sheet i's rows before its
// stream writer is flushed: the writer before the frame.
func frameSheetsOld(f *excelize.File, sheets []*sheet, counts []int, rows func(i int, sw *excelize.StreamWriter, text int) error) (int, error) {
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		Border:    []excelize.Border{{Type: "bottom", Color: "#808080", Style: 1}},
	})
	if err != nil {
		return 0, err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return 0, err
	}
	for i, sh := range sheets {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), sh.Name)
		} else {
			_, err = f.NewSheet(sh.Name)
		}
		if err != nil {
			return 0, err
		}
		last := max(dropRows, counts[i]+1)
		for j, c := range sh.Columns {
			if c.Values == nil {
				continue
			}
			col, _ := excelize.ColumnNumberToName(j + 1)
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, last)
			if err := dv.SetDropList(c.Values); err != nil {
				return 0, err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误", "请从下拉列表中选择："+strings.Join(c.Values, "、"))
			if err := f.AddDataValidation(sh.Name, dv); err != nil {
				return 0, err
			}
		}
		sw, err := f.NewStreamWriter(sh.Name)
		if err != nil {
			return 0, err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
			return 0, err
		}
		hdr := make([]any, len(sh.Columns))
		for j, c := range sh.Columns {
			if err := sw.SetColWidth(j+1, j+1, width(c)); err != nil {
				return 0, err
			}
			if c.Digits {
				if err := sw.SetColStyle(j+1, j+1, text); err != nil {
					return 0, err
				}
			}
			hdr[j] = excelize.Cell{StyleID: header, Value: c.Header}
		}
		if err := sw.SetRow("A1", hdr, excelize.RowOpts{Height: 20}); err != nil {
			return 0, err
		}
		if err := rows(i, sw, text); err != nil {
			return 0, err
		}
		if err := sw.Flush(); err != nil {
			return 0, err
		}
	}
	return text, nil
}

var dimRef = regexp.MustCompile(`<dimension ref="([^"]*)"></dimension>`)

// SameParts fails t unless the workbooks got and want hold the same parts with the same
// content, byte for byte, but for the sheets' dimensions: want's (the old writer's) are A1,
// got's must be the range of the sheet's rows.
func SameParts(t testing.TB, got, want []byte) {
	t.Helper()
	g, w := zipParts(t, got), zipParts(t, want)
	if len(g) != len(w) {
		t.Errorf("%d parts, want %d", len(g), len(w))
	}
	f, err := excelize.OpenReader(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheetOf := map[string]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		last, _ := excelize.ColumnNumberToName(len(specs[name].Columns))
		sheetOf[fmt.Sprintf("A1:%s%d", last, len(rows))] = name
	}
	for name, wb := range w {
		gb, ok := g[name]
		if !ok {
			t.Errorf("no part %s", name)
			continue
		}
		if m := dimRef.FindSubmatch(gb); m != nil {
			if sheetOf[string(m[1])] == "" {
				t.Errorf("%s: dimension %s is no sheet's rows", name, m[1])
			}
			gb = dimRef.ReplaceAll(gb, []byte(`<dimension ref="A1"></dimension>`))
		}
		if !bytes.Equal(gb, wb) {
			i := 0
			for i < min(len(gb), len(wb)) && gb[i] == wb[i] {
				i++
			}
			t.Errorf("part %s differs at byte %d: %q, want %q", name, i, gb[i:min(len(gb), i+200)], wb[i:min(len(wb), i+200)])
		}
	}
}

func zipParts(t testing.TB, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, p := range zr.File {
		r, err := p.Open()
		if err != nil {
			t.Fatal(err)
		}
		c, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out[p.Name] = c
	}
	return out
}

// TestExportSameAsExcelize: the export's parts are those excelize's stream writer made of
// the same ledger — values that need escaping, spaces at either end, text that reads as an
// escaped character, control characters, bad UTF-8, a cell over 32,767 characters, decimals
// of more than 15 digits, NaN, negative numbers — and a ledger of every sheet.
func TestExportSameAsExcelize(t *testing.T) {
	long := strings.Repeat("长", 30000) + strings.Repeat("😀", 2000)
	odd := []string{" 前后空格 ", "a&b<c>\"d'e", "_x0041_ and _x005F_x0041_ and _x005F_", "行\n换\r\n制表\t",
		"控制\x01字符\x1f", "坏\xffUTF-8", "\uFFFE\uFFFF\uFFFD", long, "\t", "0537-5019240", "x_x", "_"}
	var b data.Batch
	for i, s := range odd {
		town := fmt.Sprintf("镇%02d", i)
		b.Townships = append(b.Townships, data.Township{Name: town, County: s, Contact: s, Phone: s})
		b.Villages = append(b.Villages, data.Village{Township: town, Name: s, Kind: data.KindVillage, Households: -i, Population: i * 1000003})
		b.PartyOrgs = append(b.PartyOrgs, data.PartyOrg{Township: town, Village: s, Year: 2025,
			VenueArea: []float64{0.1 + 0.2, 1e21, 123456789012345678, -0.5, math.NaN(), math.Inf(-1), 1.0 / 3, 12.5, 0, 5e-324, math.MaxFloat64, 100}[i]})
	}
	b.Talks = []data.Talk{{Township: "镇00", No: "_x0008_", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}}
	for _, l := range []data.Ledger{data.Ledger(b), data.Ledger{}} {
		var got, want bytes.Buffer
		if err := Export(ctx, held(l), &got); err != nil {
			t.Fatal(err)
		}
		if err := OldExport(ctx, held(l), "", &want); err != nil {
			t.Fatal(err)
		}
		SameParts(t, got.Bytes(), want.Bytes())
	}

	filled := map[string]bool{}
	for i, sheets := range [][]sheetData{goodLedger(6).sheets(), roundRestSheets(), partyWorkSheets()} {
		st := openStore(t)
		if p, _, err := Import(ctx, st, writeXLSX(t, t.TempDir(), "城关镇.xlsx", sheets...), "", today); err != nil {
			t.Fatalf("import %d: %v %v", i, err, p.Issues)
		}
		var got, want bytes.Buffer
		if err := Export(ctx, st, &got); err != nil {
			t.Fatal(err)
		}
		if err := OldExport(ctx, st, "", &want); err != nil {
			t.Fatal(err)
		}
		SameParts(t, got.Bytes(), want.Bytes())
		for name, rows := range xlsxRows(t, got.Bytes()) {
			filled[name] = filled[name] || len(rows) > 1
		}
	}
	for _, s := range supportedSheets() {
		if !filled[s.Name] {
			t.Errorf("%s: no rows exported; the ledgers should fill every sheet", s.Name)
		}
	}
}

func xlsxRows(t testing.TB, b []byte) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		if out[name], err = f.GetRows(name); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// failWriter fails every write after the first n bytes, as a full disk does.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, fmt.Errorf("write /x/导出.xlsx: no space left on device")
	}
	w.n -= len(p)
	return len(p), nil
}

// TestExportDiskFull: a write to the file that fails is said as such, at any point.
func TestExportDiskFull(t *testing.T) {
	fx := goodLedger(3)
	st := openStore(t)
	if p, _, err := Import(ctx, st, writeXLSX(t, t.TempDir(), "城关镇.xlsx", fx.sheets()...), "", today); err != nil {
		t.Fatalf("import: %v %v", err, p.Issues)
	}
	var all bytes.Buffer
	if err := Export(ctx, st, &all); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 100, all.Len() / 2, all.Len() - 10} {
		err := Export(ctx, st, &failWriter{n})
		if err == nil || !strings.Contains(err.Error(), "写入文件失败（磁盘是否已满？）") || !strings.Contains(err.Error(), "no space left") {
			t.Errorf("failing after %d bytes: %v", n, err)
		}
	}
}
