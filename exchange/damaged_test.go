package exchange

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// cutInHalf as a replacement keeps the first half of the entry.
const cutInHalf = "\x00half"

// rewriteZip copies the workbook at path, replacing the entries named in repl.
func rewriteZip(t *testing.T, path string, repl map[string]string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		old, _ := io.ReadAll(r)
		r.Close()
		if s, ok := repl[f.Name]; ok {
			if s == cutInHalf {
				s = string(old[:len(old)/2])
			}
			old = []byte(s)
		}
		w.Write(old)
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedWorkbookParts feeds workbooks whose zip is fine but whose parts are not: each is
// refused with an error issue, never a panic, and nothing is written.
func TestDamagedWorkbookParts(t *testing.T) {
	cases := []struct {
		name string
		repl map[string]string
	}{
		{"garbage sheet", map[string]string{"xl/worksheets/sheet2.xml": "\x00\x01 not xml <<<"}},
		{"sheet cut in half", map[string]string{"xl/worksheets/sheet3.xml": cutInHalf}},
		{"bad cell reference", map[string]string{"xl/worksheets/sheet2.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="ZZZZZZZ1" t="s"><v>99999</v></c></row><row r="2"><c r="A2" t="s"><v>-1</v></c></row></sheetData></worksheet>`}},
		{"bad shared strings", map[string]string{"xl/sharedStrings.xml": `<sst><si><t>乡镇`}},
		{"bad workbook", map[string]string{"xl/workbook.xml": `<workbook><sheets><sheet name="村庄" sheetId="x" r:id="rId99"/>`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			path := writeXLSX(t, t.TempDir(), "城关镇.xlsx", goodTownship(3).sheets()...)
			rewriteZip(t, path, c.repl)
			p, _, err := Import(ctx, st, path, "", today)
			if !errors.Is(err, ErrRejected) {
				t.Fatalf("err = %v, issues %v", err, p.Issues)
			}
			for _, i := range p.Issues.Errors() {
				if i.File != "城关镇.xlsx" || strings.ContainsAny(i.Message, "abcdefghijklmnopqrstuvwxyz") && !strings.Contains(i.Message, "xlsx") {
					t.Errorf("issue %q: want a Chinese message naming the file", i)
				}
			}
			if vs, _ := st.Villages(ctx); len(vs) != 0 {
				t.Errorf("%d villages written", len(vs))
			}
		})
	}
}
