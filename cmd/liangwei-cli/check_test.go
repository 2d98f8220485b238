package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestFindingSpool: findings added township by township come out part by part, each part in
// the order added, whether a part stayed in memory or moved to a temporary file; close
// removes the files.
func TestFindingSpool(t *testing.T) {
	sp := &findingSpool{mem: 150}
	var want [3][]string
	for town := 0; town < 5; town++ {
		for part := 2; part >= 0; part-- {
			n := 1
			if part == 1 {
				n = 4 // part 1 outgrows memory; parts 0 and 2 do not
			}
			for i := 0; i < n; i++ {
				line := fmt.Sprintf("乡镇%d 第%d部分 %d", town, part, i)
				sp.add(part, line)
				want[part] = append(want[part], line)
			}
		}
	}
	if sp.parts[1].file == nil || sp.parts[0].file != nil {
		t.Fatalf("files: part 1 %v, part 0 %v", sp.parts[1].file, sp.parts[0].file)
	}
	name := sp.parts[1].file.Name()
	var out bytes.Buffer
	if err := sp.writeTo(&out); err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range want {
		all = append(all, p...)
	}
	if got := strings.Join(all, "\n") + "\n"; out.String() != got {
		t.Errorf("spooled:\n%s\nwant:\n%s", out.String(), got)
	}
	sp.close()
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("temporary file %s left: %v", name, err)
	}
}

// TestExportTownship: export --township writes that township's workbook, the same sheet by
// sheet and fingerprint for fingerprint as the one the demo wrote of it and that was
// imported; an unknown township is refused, naming those there are.
func TestExportTownship(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, "demo", "--scale", "city", "--townships", "3", "--out", dir)
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) != 3 {
		t.Fatalf("%d workbooks", len(files))
	}
	db := filepath.Join(dir, "city.db")
	mustRun(t, append([]string{"--db", db, "import"}, files...)...)
	src := files[1]
	name := strings.TrimSuffix(filepath.Base(src), ".xlsx")
	exp := filepath.Join(t.TempDir(), "一个乡镇.xlsx")
	mustRun(t, "--db", db, "export", "--township", name, exp)
	a, b := workbookText(t, src), workbookText(t, exp)
	if a != b {
		t.Errorf("export --township %s differs from the workbook imported", name)
	}
	if !strings.Contains(a, name) || strings.Contains(a, strings.TrimSuffix(filepath.Base(files[0]), ".xlsx")) {
		t.Errorf("the workbook of %s holds other townships or not its own", name)
	}
	code, _, errOut := runCLI(t, "--db", db, "export", "--township", "无此镇", exp)
	if code == 0 || !strings.Contains(errOut, "未找到乡镇“无此镇”，现有乡镇："+strings.TrimSuffix(filepath.Base(files[0]), ".xlsx")) {
		t.Errorf("unknown township: exit %d, %q", code, errOut)
	}
}

// workbookText is every sheet's rows and the document properties of a workbook, as text.
func workbookText(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s %d\n", sh, len(rows))
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "%s\n%s\n%s\n", p.Title, p.Subject, p.Description)
	return b.String()
}
