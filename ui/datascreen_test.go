package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"
)

func uibData(u *UI) *dataScreen {
	u.goTo("数据")
	return u.screens["数据"].(*dataScreen)
}

// uibWorkbook writes a township workbook of two villages with three elections; the
// 村委会 election of 东村 is on spreadsheet row 3 of 换届 and reports `voted` voters of 1000.
func uibWorkbook(t *testing.T, dir, name string, voted int) string {
	t.Helper()
	sheets := []struct {
		name string
		rows [][]any
	}{
		{"乡镇", [][]any{{"乡镇", "县区", "联系人", "联系电话"}, {"测试镇", "测试县", "张晓雯", "0537-5212345"}}},
		{"村庄", [][]any{{"乡镇", "村名", "类型", "户数", "人口", "区划代码", "状态"},
			{"测试镇", "东村", "村", 320, 1100, "", "正常"},
			{"测试镇", "西村", "村", 280, 950, "", "正常"}}},
		{"换届", [][]any{{"乡镇", "村名", "届次", "组织", "状态", "完成日期", "一次选举成功", "应参加人数", "实参加人数", "应选职数", "候选人数", "当选人数", "未完成原因"},
			{"测试镇", "东村", 2026, "党组织", "已完成", "2026-03-10", "是", 50, 48, 5, 6, 5, ""},
			{"测试镇", "东村", 2026, "村委会", "已完成", "2026/4/2", "是", 1000, voted, 5, 7, 5, ""},
			{"测试镇", "西村", 2026, "党组织", "进行中", "", "", "", "", "", "", "", ""}}},
	}
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func uibLines(s *dataScreen) string {
	var b strings.Builder
	for _, l := range s.lines {
		b.WriteString(l.text + "\n")
	}
	return b.String()
}

func TestDataPreviewOfBadWorkbookWritesNothing(t *testing.T) {
	u, st := uibSetup(t)
	s := uibData(u)
	path := uibWorkbook(t, t.TempDir(), "坏.xlsx", 1200)

	s.preview(path)
	s.busy.Wait()
	lines := uibLines(s)
	if want := "坏.xlsx:换届:3:实参加人数: "; !strings.Contains(lines, want) {
		t.Errorf("issue list lacks %q:\n%s", want, lines)
	}
	if !strings.Contains(lines, "整个文件都不会导入") {
		t.Errorf("issue list does not say the file is refused:\n%s", lines)
	}
	if !s.confirmBtn.Disabled() {
		t.Error("确认导入 is enabled although the file has errors")
	}
	if got, want := s.rowsLabel.Text, "找到：乡镇 1 行，村庄 2 行，换届 3 行"; got != want {
		t.Errorf("rows found = %q, want %q", got, want)
	}
	uibShot(t, u, "data-bad")

	test.Tap(s.confirmBtn) // disabled: nothing happens
	s.busy.Wait()
	s.confirm() // even if it ran, the importer refuses the file
	s.busy.Wait()
	if !strings.Contains(s.status.Text, "未导入") {
		t.Errorf("status after a refused import = %q, want it to say nothing was imported", s.status.Text)
	}
	ctx := context.Background()
	vs, err := st.Villages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := st.Townships(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 0 || len(ts) != 0 {
		t.Errorf("store has %d townships and %d villages after a bad file, want none", len(ts), len(vs))
	}
}

func TestDataImportGoodWorkbook(t *testing.T) {
	u, st := uibSetup(t)
	s := uibData(u)
	path := uibWorkbook(t, t.TempDir(), "测试镇.xlsx", 900)
	ctx := context.Background()

	for i, c := range []struct {
		name    string
		changed bool // whether the import should insert or update anything
	}{
		{"first import", true},
		{"same file again", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s.preview(path)
			s.busy.Wait()
			if s.confirmBtn.Disabled() {
				t.Fatalf("确认导入 disabled for a good file; issues:\n%s", uibLines(s))
			}
			if i == 0 {
				uibShot(t, u, "data-good-preview")
			}
			test.Tap(s.confirmBtn)
			s.busy.Wait()
			uibOverview(u).busy.Wait() // u.changed reloads 概览 in the background
			if s.lastErr != nil {
				t.Fatalf("import: %v", s.lastErr)
			}
			r := s.result
			if total := r.Inserted + r.Updated + r.Unchanged; total != 6 {
				t.Errorf("result %+v counts %d records, want 6", r, total)
			}
			if got := r.Inserted+r.Updated > 0; got != c.changed {
				t.Errorf("result %+v: changed = %v, want %v", r, got, c.changed)
			}
			if !strings.Contains(s.status.Text, "新增") || !strings.Contains(s.status.Text, "未变") {
				t.Errorf("status = %q, want the 新增/更新/未变 counts", s.status.Text)
			}
			vs, err := st.Villages(ctx)
			if err != nil {
				t.Fatal(err)
			}
			es, err := st.Elections(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(vs) != 2 || len(es) != 3 {
				t.Errorf("store has %d villages and %d elections, want 2 and 3", len(vs), len(es))
			}
		})
	}
	if ov := uibOverview(u); ov.empty || ov.stats.Committee.Completed != 1 {
		t.Errorf("概览 after the import: empty=%v, 村委会 completed %d, want the imported figures", ov.empty, ov.stats.Committee.Completed)
	}
	uibShot(t, u, "data-imported")
}

func TestDataSheetChoiceOnlyForCSV(t *testing.T) {
	u, _ := uibSetup(t)
	s := uibData(u)
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "村庄.csv")
	csv := "\ufeff乡镇,村名,类型,户数,人口,区划代码,状态\n测试镇,东村,村,320,1100,,正常\n测试镇,西村,社区,280,950,,正常\n"
	if err := os.WriteFile(csvPath, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		path       string
		sheet      string
		wantEnable bool
		wantRows   string
	}{
		{"csv named by file", csvPath, datSheetAuto, true, "找到：村庄 2 行"},
		{"csv with sheet chosen", csvPath, "村庄", true, "找到：村庄 2 行"},
		{"xlsx", uibWorkbook(t, dir, "测试镇.xlsx", 900), datSheetAuto, false, "找到：乡镇 1 行，村庄 2 行，换届 3 行"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s.sheet.Selected = c.sheet
			s.preview(c.path)
			s.busy.Wait()
			if got := !s.sheet.Disabled(); got != c.wantEnable {
				t.Errorf("sheet choice enabled = %v, want %v", got, c.wantEnable)
			}
			if got := s.rowsLabel.Text; got != c.wantRows {
				t.Errorf("rows = %q, want %q; issues:\n%s", got, c.wantRows, uibLines(s))
			}
		})
	}
}

func TestDataExportAndTemplate(t *testing.T) {
	u, st := uibSetup(t)
	s := uibData(u)
	dir := t.TempDir()
	if _, err := st.Import(context.Background(), uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		write    func(string)
		wantRows map[string]int // rows per sheet including the header
	}{
		{"export", s.export, map[string]int{"乡镇": 2, "村庄": 5, "换届": 6}},
		{"template", s.template, map[string]int{"乡镇": 1, "村庄": 1, "换届": 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".xlsx")
			c.write(path)
			s.busy.Wait()
			if s.lastErr != nil {
				t.Fatalf("%s: %v", c.name, s.lastErr)
			}
			if !strings.Contains(s.status.Text, path) {
				t.Errorf("status = %q, want it to name %s", s.status.Text, path)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatalf("open written workbook: %v", err)
			}
			defer f.Close()
			for sheet, want := range c.wantRows {
				rows, err := f.GetRows(sheet)
				if err != nil {
					t.Fatalf("sheet %s: %v", sheet, err)
				}
				if len(rows) != want {
					t.Errorf("sheet %s has %d rows, want %d", sheet, len(rows), want)
				}
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("folder holds %d files, want the two workbooks and no temp file", len(entries))
	}
}
