package exchange

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// rawSheet is one worksheet of a hand-made workbook: write writes its whole XML.
type rawSheet struct {
	name  string
	write func(w io.Writer) error
}

// sheetXML is a rawSheet from a string of rows (and optional trailing parts such as
// <mergeCells>) inside a minimal worksheet.
func sheetXML(name, rows, tail string) rawSheet {
	return rawSheet{name, func(w io.Writer) error {
		_, err := io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+rows+`</sheetData>`+tail+`</worksheet>`)
		return err
	}}
}

// inlineRow writes row n with the values as inline strings in columns A, B, ….
func inlineRow(n int, vals ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, n)
	for i, v := range vals {
		if v == "" {
			continue
		}
		fmt.Fprintf(&b, `<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, n, v)
	}
	b.WriteString(`</row>`)
	return b.String()
}

// writeRawXLSX writes a workbook with archive/zip directly, so tests can make files excelize
// would not write (or would take too long to write) and stay fast.
func writeRawXLSX(t testing.TB, path string, sheets ...rawSheet) string {
	t.Helper()
	return writeRawXLSXParts(t, path, nil, sheets...)
}

// writeRawXLSXParts is writeRawXLSX with extra parts (name → content), e.g. shared strings.
func writeRawXLSXParts(t testing.TB, path string, extra map[string]string, sheets ...rawSheet) string {
	t.Helper()
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	var wb, rels, types strings.Builder
	for i := range sheets {
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, sheets[i].name, i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` + types.String() + `</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + wb.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
	}
	for name, body := range extra {
		parts = append(parts, struct{ name, body string }{name, body})
	}
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range sheets {
		h := &zip.FileHeader{Name: fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), Method: zip.Deflate}
		if i >= 10 {
			h.Method = zip.Store // a deflate writer per part would make 10,000 sheets slow to write
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.write(w); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// peakHeap runs fn while sampling the heap every millisecond and returns the largest
// HeapAlloc seen, and the bytes allocated in all.
func peakHeap(fn func()) (peak, total uint64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	start := m.TotalAlloc
	var max atomic.Uint64
	max.Store(m.HeapAlloc)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			var s runtime.MemStats
			runtime.ReadMemStats(&s)
			if s.HeapAlloc > max.Load() {
				max.Store(s.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	runtime.ReadMemStats(&m)
	if m.HeapAlloc > max.Load() {
		max.Store(m.HeapAlloc)
	}
	return max.Load(), m.TotalAlloc - start
}

// maxPeakHeap is the peak heap every hostile file must stay under (SPEC §9: memory < 200 MB).
const maxPeakHeap = 100 << 20

// refused imports path into a fresh store and checks that it is refused with nothing
// written, every error naming the file; it returns the errors and the peak heap.
func refused(t *testing.T, path, sheet string) (Issues, uint64) {
	t.Helper()
	st := openStore(t)
	var (
		p   Preview
		err error
	)
	peak, total := peakHeap(func() { p, _, err = Import(ctx, st, path, sheet, today) })
	t.Logf("peak heap %.1f MB, allocated %.1f MB", float64(peak)/(1<<20), float64(total)/(1<<20))
	if !errors.Is(err, ErrRejected) {
		t.Fatalf("err = %v, want ErrRejected; issues %v", err, p.Issues)
	}
	if peak > maxPeakHeap {
		t.Errorf("peak heap %d MB, want under %d MB", peak>>20, maxPeakHeap>>20)
	}
	base := filepath.Base(path)
	for _, i := range p.Issues.Errors() {
		if i.File != base {
			t.Errorf("issue %q does not name the file %s", i, base)
		}
	}
	if b := snapshot(t, st); b.Len() != 0 {
		t.Errorf("%v records written", counts(b))
	}
	return p.Issues.Errors(), peak
}

// wantIssue checks that one error is at sheet/row/column with a message containing each of
// the fragments.
func wantIssue(t *testing.T, is Issues, sheet string, row int, column string, frags ...string) {
	t.Helper()
	i, ok := findIssue(is, sheet, row, column)
	if !ok {
		t.Fatalf("no issue at %s:%d:%s; got %v", sheet, row, column, is)
	}
	for _, f := range frags {
		if !strings.Contains(i.Message, f) {
			t.Errorf("issue %q: want %q in it", i, f)
		}
	}
}

// bombEntry writes a worksheet entry that inflates to size bytes of valid sheet XML from a
// few kilobytes: the deflate blocks of one megabyte of a repeated row are repeated, which
// is valid as every back-reference stays inside the repeating pattern. declared is the
// uncompressed size written in the zip directory (a bomb may lie).
func bombEntry(t testing.TB, zw *zip.Writer, name string, size, declared uint64) {
	t.Helper()
	const row = `<row><c t="inlineStr"><is><t>城关镇</t></is></c></row>`
	chunk := []byte(strings.Repeat(row, (1<<20)/len(row)))
	head := []byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write(head)
	fw.Write(chunk)
	fw.Flush()
	first := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	fw.Write(chunk)
	fw.Flush()
	again := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	fw.Close()
	tail := buf.Bytes()
	n := size / uint64(len(chunk))
	crc := crc32.Update(0, crc32.IEEETable, head)
	var comp bytes.Buffer
	comp.Write(first)
	for i := uint64(0); i < n; i++ {
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
		if i > 0 {
			comp.Write(again)
		}
	}
	comp.Write(tail)
	total := uint64(len(head)) + n*uint64(len(chunk))
	if declared == 0 {
		declared = total
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(comp.Bytes()); err != nil {
		t.Fatal(err)
	}
}

// TestBombEntryInflates proves the generated bomb is what it claims: it inflates to the
// size given, so the refusals below are of a real bomb.
func TestBombEntryInflates(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	bombEntry(t, zw, "x.xml", 64<<20, 0)
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	r, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, r)
	if err != nil {
		t.Fatal(err)
	}
	if n < 63<<20 || buf.Len() > 1<<20 {
		t.Errorf("inflated %d bytes from %d, want ≥ 63 MB from < 1 MB", n, buf.Len())
	}
}

// TestZipBomb feeds workbooks holding a sheet that inflates to gigabytes, honest about its
// size or not: each is refused before it is inflated, with little memory.
func TestZipBomb(t *testing.T) {
	cases := []struct {
		name           string
		size, declared uint64
		want           string
	}{
		{"honest 4 GB sheet", 4 << 30, 0, "压缩炸弹"},
		{"200 MB sheet", 200 << 20, 0, "压缩炸弹"},
		{"4 GB sheet declared as 1 MB", 4 << 30, 1 << 20, "损坏"},
		{"4 GB sheet declared as 100 KB", 4 << 30, 100 << 10, "损坏"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			good := writeXLSX(t, t.TempDir(), "城关镇.xlsx", goodTownship(3).sheets()...)
			zr, err := zip.OpenReader(good)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "城关镇.xlsx")
			out, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			zw := zip.NewWriter(out)
			for _, f := range zr.File {
				if f.Name == "xl/worksheets/sheet2.xml" {
					bombEntry(t, zw, f.Name, c.size, c.declared)
					continue
				}
				if err := zw.Copy(f); err != nil {
					t.Fatal(err)
				}
			}
			zr.Close()
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			out.Close()
			errs, _ := refused(t, path, "")
			if len(errs) != 1 || !strings.Contains(errs[0].Message, c.want) {
				t.Errorf("errors %v, want one saying %q", errs, c.want)
			}
		})
	}
}

// TestMillionRows refuses a workbook of 1,000,000 village rows as soon as row MaxRows+1 is
// met, naming the sheet and the row, without holding the sheet in memory.
func TestMillionRows(t *testing.T) {
	path := writeRawXLSX(t, filepath.Join(t.TempDir(), "城关镇.xlsx"), rawSheet{"村庄", func(w io.Writer) error {
		bw := &strings.Builder{}
		bw.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		bw.WriteString(inlineRow(1, "乡镇", "村名"))
		for n := 2; n <= 1_000_000; n++ {
			fmt.Fprintf(bw, `<row r="%d"><c t="inlineStr"><is><t>城关镇</t></is></c><c t="inlineStr"><is><t>村%d</t></is></c></row>`, n, n)
			if bw.Len() > 1<<20 {
				if _, err := io.WriteString(w, bw.String()); err != nil {
					return err
				}
				bw.Reset()
			}
		}
		bw.WriteString(`</sheetData></worksheet>`)
		_, err := io.WriteString(w, bw.String())
		return err
	}})
	errs, _ := refused(t, path, "")
	if len(errs) != 1 {
		t.Fatalf("errors %v, want one", errs)
	}
	wantIssue(t, errs, "村庄", MaxRows+1, "", "200000行", fmt.Sprint(MaxRows+1))
}

// TestRowLimitCSV refuses a CSV file of more than MaxRows rows at the row past the limit.
func TestRowLimitCSV(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("乡镇,村名\n")
	for n := 2; n <= MaxRows+50_000; n++ {
		fmt.Fprintf(&b, "城关镇,村%d\n", n)
	}
	path := writeFile(t, filepath.Join(t.TempDir(), "城关镇-村庄.csv"), b.Bytes())
	errs, _ := refused(t, path, "")
	wantIssue(t, errs, "", 0, "", "200000行", fmt.Sprint(MaxRows+1))
}

// TestOversizedFiles refuses files of 200 MB by their size alone (sparse files: no disk).
func TestOversizedFiles(t *testing.T) {
	for _, name := range []string{"城关镇.xlsx", "城关镇-村庄.csv"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Truncate(200 << 20); err != nil {
				t.Fatal(err)
			}
			f.Close()
			errs, _ := refused(t, path, "")
			wantIssue(t, errs, "", 0, "", "文件太大", "200.0 MB", "50 MB")
		})
	}
}

// TestLongCells refuses cells over MaxCellChars on their cell, and a cell of megabytes
// (which no decoder should hold) for the whole file.
func TestLongCells(t *testing.T) {
	long := strings.Repeat("村", 100_000)
	t.Run("xlsx 100000 characters", func(t *testing.T) {
		path := writeRawXLSX(t, filepath.Join(t.TempDir(), "城关镇.xlsx"),
			villageSheet(inlineRow(2, "城关镇", "张家庄村")+inlineRow(3, "城关镇", long), ""))
		errs, _ := refused(t, path, "")
		wantIssue(t, errs, "村庄", 3, "村名", "过长", "100000", "2000")
	})
	t.Run("xlsx at the limit is not too long", func(t *testing.T) {
		path := writeRawXLSX(t, filepath.Join(t.TempDir(), "城关镇.xlsx"),
			villageSheet(inlineRow(2, "城关镇", "张家庄村", "", "", "", "", strings.Repeat("常", MaxCellChars)), ""))
		p := Load(ctx, nil, path, "", today)
		for _, i := range p.Issues {
			if strings.Contains(i.Message, "过长") {
				t.Errorf("issue %q", i)
			}
		}
		if _, ok := findIssue(p.Issues, "村庄", 2, "状态"); !ok {
			t.Errorf("issues %v, want the 状态 refused by its own rule", p.Issues)
		}
	})
	t.Run("xlsx 5 MB cell in shared strings", func(t *testing.T) {
		path := writeRawXLSXParts(t, filepath.Join(t.TempDir(), "城关镇.xlsx"),
			map[string]string{"xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>城关镇</t></si><si><t>` + noise(5<<20) + `</t></si></sst>`},
			villageSheet(`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>`, ""))
		errs, _ := refused(t, path, "")
		wantIssue(t, errs, "", 0, "", "超过 1.0 MB")
	})
	t.Run("xlsx 5 MB inline cell", func(t *testing.T) {
		path := writeRawXLSX(t, filepath.Join(t.TempDir(), "城关镇.xlsx"),
			villageSheet(inlineRow(2, "城关镇", "张家庄村")+inlineRow(3, "城关镇", noise(5<<20)), ""))
		errs, _ := refused(t, path, "")
		wantIssue(t, errs, "村庄", 3, "", "第3行", "超过 1.0 MB")
	})
	t.Run("csv 100000 characters", func(t *testing.T) {
		path := writeFile(t, filepath.Join(t.TempDir(), "城关镇-村庄.csv"), []byte(villageCSV+"城关镇,"+long+",村,1,1,,正常\n"))
		errs, _ := refused(t, path, "")
		row := strings.Count(villageCSV, "\n") + 1
		wantIssue(t, errs, "村庄", row, "村名", "过长", "100000")
	})
	t.Run("csv 10 MB line", func(t *testing.T) {
		path := writeFile(t, filepath.Join(t.TempDir(), "城关镇-村庄.csv"), []byte("乡镇,村名\n城关镇,"+strings.Repeat("x", 10<<20)+"\n"))
		errs, _ := refused(t, path, "")
		wantIssue(t, errs, "", 0, "", "第2行超过 1024 KB")
	})
	// A line of commas is refused at Excel's 16,384 columns, long before 1 MB: the CSV
	// reader had held a million empty cells, 100 MB, to read it.
	t.Run("csv 10 MB line of commas", func(t *testing.T) {
		path := writeFile(t, filepath.Join(t.TempDir(), "城关镇-村庄.csv"), []byte("乡镇,村名\n"+strings.Repeat(",", 10<<20)+"\n"))
		errs, peak := refused(t, path, "")
		wantIssue(t, errs, "", 0, "", "第2行超过 16384 列")
		if peak > 40<<20 {
			t.Errorf("peak heap %d MB reading a line of commas, want under 40 MB", peak>>20)
		}
	})
	t.Run("csv 16385 cells, tab-separated", func(t *testing.T) {
		line := "城关镇\t张家庄村" + strings.Repeat("\t", MaxCSVColumns-1)
		path := writeFile(t, filepath.Join(t.TempDir(), "城关镇-村庄.csv"), []byte("乡镇\t村名\n"+line+"\n"))
		errs, _ := refused(t, path, "")
		wantIssue(t, errs, "", 0, "", "第2行超过 16384 列")
	})
	t.Run("csv 16384 cells, and commas in quotes, are not too wide", func(t *testing.T) {
		wide := "城关镇,张家庄村,村,1,1,,正常" + strings.Repeat(",", MaxCSVColumns-7)
		quoted := "城关镇,\"" + strings.Repeat(",", 30000) + "\",村,1,1,,正常"
		for _, line := range []string{wide, quoted} {
			path := writeFile(t, filepath.Join(t.TempDir(), "城关镇-村庄.csv"), []byte(villageCSV+line+"\n"))
			p := Load(ctx, nil, path, "", today)
			for _, i := range p.Issues {
				if strings.Contains(i.Message, "列的上限") {
					t.Errorf("%d bytes: issue %q", len(line), i)
				}
			}
			if len(p.Issues) == 0 && line == quoted {
				t.Error("a village named with 30,000 commas accepted")
			}
		}
	})
}

// noise is n letters that do not compress well, so only the run limit can refuse them.
func noise(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = 'a' + byte(r.IntN(26))
	}
	return string(b)
}

// villageSheet is a 村庄 sheet whose data rows are given as raw XML.
func villageSheet(rows, tail string) rawSheet {
	return sheetXML("村庄", inlineRow(1, "乡镇", "村名", "类型", "户数", "人口", "区划代码", "状态")+rows, tail)
}

// TestFormulas: a formula cell with a computed value imports that value; one without
// (written by a program that does not calculate) is refused on its cell.
func TestFormulas(t *testing.T) {
	t.Run("cached value is used", func(t *testing.T) {
		st := openStore(t)
		path := writeRawXLSX(t, filepath.Join(t.TempDir(), "城关镇.xlsx"), villageSheet(
			`<row r="2"><c r="A2" t="inlineStr"><is><t>城关镇</t></is></c><c r="B2" t="inlineStr"><is><t>张家庄村</t></is></c>`+
				`<c r="D2"><f>SUM(100,100)</f><v>200</v></c><c r="E2"><f>D2*3</f><v>600</v></c>`+
				`<c r="G2" t="str"><f>"正"&amp;"常"</f><v>正常</v></c></row>`, ""))
		p, _, err := Import(ctx, st, path, "", today)
		if err != nil {
			t.Fatalf("%v %v", err, p.Issues)
		}
		vs, _ := st.Villages(ctx)
		if len(vs) != 1 || vs[0].Households != 200 || vs[0].Population != 600 {
			t.Errorf("villages %+v, want 户数 200 人口 600", vs)
		}
	})
	t.Run("no cached value is refused", func(t *testing.T) {
		path := writeRawXLSX(t, filepath.Join(t.TempDir(), "城关镇.xlsx"), villageSheet(
			inlineRow(2, "城关镇", "张家庄村")+
				`<row r="3"><c r="A3" t="inlineStr"><is><t>城关镇</t></is></c><c r="B3" t="inlineStr"><is><t>王家庄村</t></is></c><c r="D3"><f>SUM(1,2)</f></c><c r="E3"><f>D3*3</f><v></v></c></row>`, ""))
		errs, _ := refused(t, path, "")
		wantIssue(t, errs, "村庄", 3, "户数", "D3", "公式")
		wantIssue(t, errs, "村庄", 3, "人口", "E3", "公式")
	})
}

// TestMergedCells: a range merged down one column reads as its top value in every row (as a
// clerk sees it); a range over several columns is refused on its top-left cell.
func TestMergedCells(t *testing.T) {
	t.Run("one column filled down", func(t *testing.T) {
		st := openStore(t)
		path := writeRawXLSX(t, filepath.Join(t.TempDir(), "城关镇.xlsx"), villageSheet(
			inlineRow(2, "城关镇", "张家庄村", "村")+inlineRow(3, "", "王家庄村")+inlineRow(4, "", "李家庄村")+inlineRow(5, "东关镇", "赵家庄村", "社区"),
			`<mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="C2:C4"/></mergeCells>`))
		p, _, err := Import(ctx, st, path, "", today)
		if err != nil {
			t.Fatalf("%v %v", err, p.Issues)
		}
		vs, _ := st.Villages(ctx)
		got := map[string]string{}
		for _, v := range vs {
			got[v.Name] = v.Township + " " + string(v.Kind)
		}
		want := map[string]string{"张家庄村": "城关镇 村", "王家庄村": "城关镇 村", "李家庄村": "城关镇 村", "赵家庄村": "东关镇 社区"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("several columns refused", func(t *testing.T) {
		path := writeRawXLSX(t, filepath.Join(t.TempDir(), "城关镇.xlsx"), villageSheet(
			inlineRow(2, "城关镇", "张家庄村", "村", "300"),
			`<mergeCells count="1"><mergeCell ref="D2:E2"/></mergeCells>`))
		errs, _ := refused(t, path, "")
		wantIssue(t, errs, "村庄", 2, "户数", "D2:E2", "合并")
	})
}

// TestManySheets refuses workbooks with more sheets than MaxSheets, and 10,000 sheets by
// the number of parts before any is read.
func TestManySheets(t *testing.T) {
	cases := []struct {
		n    int
		want string
	}{
		{150, "150个工作表"},
		{10_000, "部件"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.n), func(t *testing.T) {
			sheets := make([]rawSheet, c.n)
			for i := range sheets {
				sheets[i] = sheetXML(fmt.Sprintf("表%d", i+1), inlineRow(1, "乡镇"), "")
			}
			path := writeRawXLSX(t, filepath.Join(t.TempDir(), "城关镇.xlsx"), sheets...)
			errs, _ := refused(t, path, "")
			wantIssue(t, errs, "", 0, "", c.want)
		})
	}
}
