package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"liangwei/data"
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

func TestDataBackupNowChangeRestore(t *testing.T) {
	u, st := uibSetup(t)
	s := uibData(u)
	ctx := context.Background()
	if _, err := st.Import(ctx, uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	figures := func() string {
		l, err := st.Ledger(ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		sum := data.BuildSummary(l, 2026, uibToday)
		return fmt.Sprintf("%+v", sum.Total)
	}
	before := figures()

	test.Tap(s.backups.nowBtn)
	s.busy.Wait()
	if s.backups.lastErr != nil {
		t.Fatalf("backup now: %v", s.backups.lastErr)
	}
	if got := len(s.backups.items); got != 1 {
		t.Fatalf("backups listed = %d, want 1", got)
	}
	if !strings.Contains(s.backups.status.Text, "已备份") {
		t.Errorf("status = %q", s.backups.status.Text)
	}
	backup := s.backups.items[0]

	// The change: a fourth village completes both elections.
	if _, err := st.Import(ctx, data.Batch{
		Villages: []data.Village{{Township: "测试镇", Name: "北村", Kind: data.KindVillage, Status: data.VillageActive}},
		Elections: []data.Election{{Township: "测试镇", Village: "北村", Round: 2026, Body: data.BodyParty, Status: data.StatusCompleted,
			CompletedOn: time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC), OneTime: true, Eligible: 30, Participants: 30, Seats: 5, Candidates: 6, Elected: 5}},
	}, "test"); err != nil {
		t.Fatal(err)
	}
	if figures() == before {
		t.Fatal("the change did not change the figures")
	}

	s.tabs.SelectIndex(1)
	s.askRestore(backup)
	if s.backups.confirm == nil {
		t.Fatal("restore did not ask")
	}
	uibShot(t, u, "data-restore-confirm")
	s.backups.confirm.Confirm()
	s.busy.Wait()
	waitScreens(u)
	uibOverview(u).busy.Wait()
	if s.backups.lastErr != nil {
		t.Fatalf("restore: %v", s.backups.lastErr)
	}
	if got := figures(); got != before {
		t.Errorf("figures after restore = %s, want the backed-up %s", got, before)
	}
	if vs, _ := st.Villages(ctx); len(vs) != 4 {
		t.Errorf("%d villages after restore, want the 4 backed up", len(vs))
	}
	u.goTo("数据")
	s.busy.Wait()
	s.tabs.SelectIndex(1)
	if got := len(s.backups.items); got != 2 {
		t.Errorf("backups listed after restore = %d, want 2 (the restored one and the one taken before restoring)", got)
	}
	uibShot(t, u, "data-backups")
}

func TestDataTrashRestoresDeletedVillage(t *testing.T) {
	u, st := uibSetup(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	vs, err := st.Villages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, v := range vs {
		if v.Name == "南村" {
			id = v.ID
		}
	}
	if err := st.DeleteVillage(ctx, id); err != nil {
		t.Fatal(err)
	}
	s := uibData(u)
	s.busy.Wait()
	s.tabs.SelectIndex(2)
	if got := len(s.trash.items); got != 1 || s.trash.items[0].Record != "测试镇/南村" || s.trash.items[0].Kind != "village" {
		t.Fatalf("recycle bin = %+v, want the deleted 南村", s.trash.items)
	}
	if !s.trash.empty.Hidden {
		t.Error("回收站是空的 shown with an item")
	}
	uibShot(t, u, "data-trash")

	s.restoreItem(s.trash.items[0])
	s.busy.Wait()
	waitScreens(u)
	uibOverview(u).busy.Wait()
	if s.trash.lastErr != nil {
		t.Fatalf("restore: %v", s.trash.lastErr)
	}
	vs, _ = st.Villages(ctx)
	found := false
	for _, v := range vs {
		found = found || v.Name == "南村"
	}
	if !found {
		t.Error("南村 not back among the villages")
	}
	if len(s.trash.items) != 0 || s.trash.empty.Hidden {
		t.Errorf("recycle bin after restore = %+v, want empty", s.trash.items)
	}
	if !strings.Contains(s.trash.status.Text, "已恢复村庄“测试镇/南村”") {
		t.Errorf("status = %q", s.trash.status.Text)
	}
}

func TestDataImportSeveralFiles(t *testing.T) {
	u, st := uibSetup(t)
	s := uibData(u)
	dir := t.TempDir()
	bad := uibWorkbook(t, dir, "甲镇.xlsx", 1200) // 实参加 > 应参加 on 换届 row 3
	good := uibWorkbook(t, dir, "乙镇.xlsx", 900)
	if err := os.WriteFile(filepath.Join(dir, "说明.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "~$乙镇.xlsx"), []byte("lock"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := datFolderFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(files, "|"), bad+"|"+good; got != want {
		t.Fatalf("folder files = %s, want %s", got, want)
	}

	s.importFiles(files)
	s.busy.Wait()
	waitScreens(u)
	uibOverview(u).busy.Wait()
	uibShot(t, u, "data-batch")

	if got := len(s.batchResults); got != 2 {
		t.Fatalf("%d file results, want 2", got)
	}
	if s.batchResults[0].err == nil || s.batchResults[1].err != nil {
		t.Errorf("results: bad err %v, good err %v; want only the bad file refused", s.batchResults[0].err, s.batchResults[1].err)
	}
	lines := uibLines(s)
	for _, want := range []string{
		"× 甲镇.xlsx：发现 1 处错误，整个文件未导入",
		"甲镇.xlsx:换届:3:实参加人数: ",
		"✓ 乙镇.xlsx：已导入，新增 6 条",
	} {
		if !strings.Contains(lines, want) {
			t.Errorf("results lack %q:\n%s", want, lines)
		}
	}
	if got, want := s.batchProgress.Value, 2.0; got != want || s.batchProgress.Max != 2 {
		t.Errorf("progress %v of %v, want 2 of 2", got, s.batchProgress.Max)
	}
	if got, want := s.fileLabel.Text, "批量导入结果：1 个文件已导入，1 个未导入"; got != want {
		t.Errorf("heading = %q, want %q", got, want)
	}
	ctx := context.Background()
	vs, _ := st.Villages(ctx)
	es, _ := st.Elections(ctx, 0)
	if len(vs) != 2 || len(es) != 3 {
		t.Errorf("store has %d villages and %d elections, want the good file's 2 and 3", len(vs), len(es))
	}
	if ov := uibOverview(u); ov.stats.Committee.Completed != 1 {
		t.Errorf("概览 not reloaded after the batch: 村委会 completed %d", ov.stats.Committee.Completed)
	}
}

func TestDataImportIntoLockedRoundAsksForUnlock(t *testing.T) {
	u, st := uibSetup(t)
	s := uibData(u)
	ctx := context.Background()
	if err := st.Lock(ctx, 2026, "test"); err != nil {
		t.Fatal(err)
	}
	path := uibWorkbook(t, t.TempDir(), "乙镇.xlsx", 900)
	s.importFiles([]string{path})
	s.busy.Wait()
	ul := u.unlocker()
	if ul.dlg == nil {
		t.Fatalf("no unlock dialog; results:\n%s", uibLines(s))
	}
	if lines := uibLines(s); !strings.Contains(lines, "× 乙镇.xlsx：未导入") || !strings.Contains(lines, "锁定") {
		t.Errorf("results = %q, want the file refused as locked", lines)
	}
	if es, _ := st.Elections(ctx, 0); len(es) != 0 {
		t.Fatalf("%d elections written into a locked round", len(es))
	}
	ul.reason.SetText("补录乙镇")
	test.Tap(ul.unlockBtn)
	s.busy.Wait()
	waitScreens(u)
	uibOverview(u).busy.Wait()
	if es, _ := st.Elections(ctx, 0); len(es) != 3 {
		t.Errorf("%d elections after unlocking, want the file imported again (3)", len(es))
	}
	if lines := uibLines(s); !strings.Contains(lines, "✓ 乙镇.xlsx") {
		t.Errorf("results after the retry = %q", lines)
	}
}

func TestDatSize(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{{512, "512 字节"}, {2048, "2 KB"}, {1536 * 1024, "1.5 MB"}} {
		if got := datSize(c.n); got != c.want {
			t.Errorf("datSize(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
