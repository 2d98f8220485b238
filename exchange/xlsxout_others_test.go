package exchange_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
	"liangwei/data/sqlite"
	"liangwei/demo"
	"liangwei/exchange"
)

// demoStore is a database of the demo township (every kind of record) and the townships of
// a demo city of four but for the one of the demo township's name.
func demoStore(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "liangwei.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st, today); err != nil {
		t.Fatal(err)
	}
	have := demo.Batch(today).Townships[0].Name
	if _, err := demo.EachTownship(today, demo.Scale{Townships: 4, Villages: 320}, func(b data.Batch) error {
		if b.Townships[0].Name == have {
			return nil
		}
		_, err := st.Import(ctx, b, "示例")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestExportDemoSameAsExcelize: the demo's export, whole and of one township, is in every
// part what excelize's stream writer made of it.
func TestExportDemoSameAsExcelize(t *testing.T) {
	ctx := context.Background()
	st := demoStore(t)
	ts, err := st.Townships(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, town := range []string{"", ts[len(ts)-1].Name} {
		var got, want bytes.Buffer
		if err := exchange.ExportTownship(ctx, st, town, &got); err != nil {
			t.Fatal(err)
		}
		if err := exchange.OldExport(ctx, st, town, &want); err != nil {
			t.Fatal(err)
		}
		exchange.SameParts(t, got.Bytes(), want.Bytes())
	}
}

// sheetsOf is every sheet's rows as excelize reads them, trailing empty cells left out.
func sheetsOf(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = trimRows(rows)
	}
	return out
}

func trimRows(rows [][]string) [][]string {
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		rows[i] = r
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

func exportDemo(t *testing.T) (string, map[string][][]string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "导出.xlsx")
	var b bytes.Buffer
	if err := exchange.Export(context.Background(), demoStore(t), &b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, sheetsOf(t, path)
}

// openpyxlRead prints, for each mode (read_only and whole), every sheet's rows, and in
// read_only mode each sheet's size as its dimension gives it.
const openpyxlRead = `
import json, sys, openpyxl
out = {}
for ro in (True, False):
    wb = openpyxl.load_workbook(sys.argv[1], read_only=ro)
    d = {}
    for ws in wb.worksheets:
        rows = []
        for r in ws.iter_rows(values_only=True):
            cells = ["" if v is None else str(v) for v in r]
            while cells and cells[-1] == "":
                cells.pop()
            rows.append(cells)
        while rows and not rows[-1]:
            rows.pop()
        d[ws.title] = rows
        if ro:
            out.setdefault("size", {})[ws.title] = [ws.max_row, ws.max_column]
    out["read_only" if ro else "whole"] = d
json.dump(out, sys.stdout, ensure_ascii=False)
`

// TestExportReadByOpenpyxl: openpyxl reads the export's every cell as excelize does, and
// in read_only mode sizes each sheet by its rows and columns.
func TestExportReadByOpenpyxl(t *testing.T) {
	py := "/usr/bin/python3"
	if testing.Short() || exec.Command(py, "-c", "import openpyxl").Run() != nil {
		t.Skip("python3-openpyxl not installed (or -short): the export is not read by openpyxl")
	}
	path, want := exportDemo(t)
	out, err := exec.Command(py, "-c", openpyxlRead, path).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var got struct {
		ReadOnly map[string][][]string `json:"read_only"`
		Whole    map[string][][]string `json:"whole"`
		Size     map[string][2]int     `json:"size"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for mode, sheets := range map[string]map[string][][]string{"read_only": got.ReadOnly, "whole": got.Whole} {
		sameSheets(t, "openpyxl "+mode, sheets, want)
	}
	for name, rows := range want {
		if s := got.Size[name]; s[0] != len(rows) || s[1] != len(rows[0]) {
			t.Errorf("openpyxl read_only: %s is %d×%d, want %d×%d", name, s[0], s[1], len(rows), len(rows[0]))
		}
	}
}

// TestExportReadByLibreOffice: LibreOffice converts every sheet of the export to the CSV
// of the cells excelize reads.
func TestExportReadByLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if testing.Short() || err != nil {
		t.Skip("LibreOffice not installed (or -short): the export is not read by LibreOffice")
	}
	path, want := exportDemo(t)
	dir := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	got := map[string][][]string{}
	for name := range want {
		b, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".xlsx")+"-"+name+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no CSV of %s: %v", name, err)
		}
		r := csv.NewReader(bytes.NewReader(b))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		got[name] = trimRows(rows)
	}
	sameSheets(t, "LibreOffice", got, want)
}

func sameSheets(t *testing.T, who string, got, want map[string][][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d sheets, want %d", who, len(got), len(want))
	}
	for name, rows := range want {
		g := got[name]
		if len(g) != len(rows) {
			t.Errorf("%s: %s has %d rows, want %d", who, name, len(g), len(rows))
			continue
		}
		for i := range rows {
			if !reflect.DeepEqual(g[i], rows[i]) && (len(g[i]) > 0 || len(rows[i]) > 0) {
				t.Errorf("%s: %s row %d = %q, want %q", who, name, i+1, g[i], rows[i])
				break
			}
		}
	}
}
