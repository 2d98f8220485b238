package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

// uibElectionsWithoutEligible writes a 换届-only workbook of uibWorkbook's township with no
// 应参加人数 column: 东村's 村委会 reports 880 voters (900 stored), its 党组织 row leaves
// 候选人数 blank (6 stored).
func uibElectionsWithoutEligible(t *testing.T, dir string) string {
	t.Helper()
	rows := [][]any{
		{"乡镇", "村名", "届次", "组织", "状态", "完成日期", "一次选举成功", "实参加人数", "应选职数", "候选人数", "当选人数", "未完成原因"},
		{"测试镇", "东村", 2026, "党组织", "已完成", "2026-03-10", "是", 48, 5, "", 5, ""},
		{"测试镇", "东村", 2026, "村委会", "已完成", "2026/4/2", "是", 880, 5, 7, 5, ""},
		{"测试镇", "西村", 2026, "党组织", "进行中", "", "", "", "", "", "", ""},
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "换届"); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("换届", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "测试镇-换届.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// uibElection finds a stored election of 测试镇.
func uibElection(t *testing.T, st data.Store, village string, body data.Body) data.Election {
	t.Helper()
	es, err := st.Elections(context.Background(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Village == village && e.Body == body {
			return e
		}
	}
	t.Fatalf("no election %s %s", village, body)
	return data.Election{}
}

// The preview runs the import and rolls it back: it lists the counts, the changes, the
// absent column and the value it would blank; 确认导入 then asks before blanking, and only
// 仍然导入 writes. A batch import leaves such a file alone.
func TestDataPreviewAsksBeforeBlanking(t *testing.T) {
	u, st := uibSetup(t)
	s := uibData(u)
	dir := t.TempDir()
	s.preview(uibWorkbook(t, dir, "测试镇.xlsx", 900))
	s.busy.Wait()
	test.Tap(s.confirmBtn)
	s.busy.Wait()
	waitScreens(u)
	uibOverview(u).busy.Wait()
	if s.lastErr != nil || s.blankConfirm != nil {
		t.Fatalf("first import: err %v, asked %v", s.lastErr, s.blankConfirm != nil)
	}
	ctx := context.Background()
	audit := func() int {
		a, err := st.AuditLog(ctx, data.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(a)
	}
	before := audit()

	path := uibElectionsWithoutEligible(t, dir)
	s.preview(path)
	s.busy.Wait()
	lines := uibLines(s)
	for _, want := range []string{
		"导入后：新增 0 条，更新 2 条，未变 1 条。",
		"测试镇/东村/2026/村委会 实参加人数：900 → 880",
		"测试镇/东村/2026/党组织 候选人数：6 → 0",
		"1 处已有的值将被清空",
		"“换届”表中没有“应参加人数”列：已有记录的这些项保留原值",
	} {
		if !strings.Contains(lines, want) {
			t.Errorf("preview lacks %q:\n%s", want, lines)
		}
	}
	if audit() != before {
		t.Error("the preview wrote to the audit log")
	}

	// 确认导入 asks first; 取消 writes nothing.
	test.Tap(s.confirmBtn)
	s.busy.Wait()
	if s.blankConfirm == nil {
		t.Fatal("确认导入 of a file that blanks a stored value did not ask")
	}
	if e := uibElection(t, st, "东村", data.BodyCommittee); e.Participants != 900 || audit() != before {
		t.Errorf("written before the answer: 实参加人数 %d, %d audit rows", e.Participants, audit()-before)
	}
	s.blankConfirm.Dismiss()
	s.busy.Wait()
	if s.blankConfirm != nil || audit() != before {
		t.Errorf("取消: dialog still set %v, %d audit rows written", s.blankConfirm != nil, audit()-before)
	}

	// A batch import does not write it either.
	s.importFiles([]string{path})
	s.busy.Wait()
	waitScreens(u)
	if len(s.batchResults) != 1 || !errors.Is(s.batchResults[0].err, errDatBlanks) || audit() != before {
		t.Errorf("batch import of the file: results %+v, %d audit rows; want it left alone", s.batchResults, audit()-before)
	}
	if lines := uibLines(s); !strings.Contains(lines, "× 测试镇-换届.xlsx：未导入：将清空 1 处已有的值") {
		t.Errorf("batch results lack the refusal:\n%s", lines)
	}

	// 仍然导入 writes, keeping the absent 应参加人数.
	s.preview(path)
	s.busy.Wait()
	test.Tap(s.confirmBtn)
	s.busy.Wait()
	if s.blankConfirm == nil {
		t.Fatal("no question the second time")
	}
	s.blankConfirm.Confirm()
	s.busy.Wait()
	waitScreens(u)
	uibOverview(u).busy.Wait()
	if s.lastErr != nil {
		t.Fatalf("import: %v", s.lastErr)
	}
	if r := s.result; r.Updated != 2 || r.Unchanged != 1 {
		t.Errorf("result = %+v, want 2 updated, 1 unchanged", r)
	}
	if e := uibElection(t, st, "东村", data.BodyCommittee); e.Participants != 880 || e.Eligible != 1000 {
		t.Errorf("东村 村委会 = 实参加 %d 应参加 %d, want 880 and the kept 1000", e.Participants, e.Eligible)
	}
	if e := uibElection(t, st, "东村", data.BodyParty); e.Candidates != 0 || e.Eligible != 50 {
		t.Errorf("东村 党组织 = 候选 %d 应参加 %d, want 0 (confirmed) and the kept 50", e.Candidates, e.Eligible)
	}
}

// A file changed after its preview so that it now blanks a stored value is not written
// without asking: the import refuses, and the preview is shown again with the new plan.
func TestDataImportRefusesBlanksNotPreviewed(t *testing.T) {
	u, st := uibSetup(t)
	s := uibData(u)
	dir := t.TempDir()
	path := uibWorkbook(t, dir, "测试镇.xlsx", 900)
	s.preview(path)
	s.busy.Wait()
	test.Tap(s.confirmBtn)
	s.busy.Wait()
	waitScreens(u)
	uibOverview(u).busy.Wait()

	s.preview(path) // nothing to blank
	s.busy.Wait()
	blanks := uibElectionsWithoutEligible(t, dir)
	if err := os.Rename(blanks, path); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.confirmBtn)
	s.busy.Wait()
	if s.blankConfirm != nil {
		t.Fatal("asked although the preview had nothing to blank")
	}
	if !strings.Contains(s.status.Text, "预览后有改动") {
		t.Errorf("status = %q, want it to say the file changed since the preview", s.status.Text)
	}
	if e := uibElection(t, st, "东村", data.BodyParty); e.Candidates != 6 {
		t.Errorf("候选人数 = %d after a refused import, want the stored 6", e.Candidates)
	}
	if lines := uibLines(s); !strings.Contains(lines, "测试镇/东村/2026/党组织 候选人数：6 → 0") {
		t.Errorf("the preview shown again lacks the blanked value:\n%s", lines)
	}
}
