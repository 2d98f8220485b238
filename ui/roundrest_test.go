package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"liangwei/data"
	"liangwei/demo"
)

// TestRoundRestScreens: the four screens list the demo's records of the round, filter on
// their enum, and a form adds a record; saving onto the 两委 roster a person who failed
// the vetting is refused beside 身份证号, naming the vetting record.
func TestRoundRestScreens(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	if err := demo.Load(ctx, st, uiaToday); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"候选人": 521, "村务监督委员会": 129, "任职变动": 3, "离任审计": 38}
	cs := uiaOpen[*villageKindScreen[data.Candidate]](t, u, "候选人")
	if n := cs.table.rowCount(); n != want["候选人"] {
		t.Errorf("候选人 rows = %d, want %d", n, want["候选人"])
	}
	cs.filterSel.SetSelected(string(data.VerdictFailed))
	if n := cs.table.rowCount(); n != 3 {
		t.Errorf("不通过 rows = %d, want 3", n)
	}
	if n := uiaOpen[*villageKindScreen[data.Supervisor]](t, u, "村务监督委员会").table.rowCount(); n != want["村务监督委员会"] {
		t.Errorf("村务监督委员会 rows = %d", n)
	}
	if n := uiaOpen[*villageKindScreen[data.Change]](t, u, "任职变动").table.rowCount(); n != want["任职变动"] {
		t.Errorf("任职变动 rows = %d", n)
	}

	// A new audit through the form, with an error beside 问题摘要 until it is filled.
	as := uiaOpen[*villageKindScreen[data.DepartureAudit]](t, u, "离任审计")
	if n := as.table.rowCount(); n != want["离任审计"] {
		t.Errorf("离任审计 rows = %d", n)
	}
	test.Tap(as.addBtn)
	f := as.form
	f.byName["村名"].sel.SetSelected("郑家湾村")
	test.Type(f.byName["审计对象"].entry, "郑老")
	test.Type(f.byName["审计日期"].entry, "2026-01-08")
	f.byName["结论"].sel.SetSelected(string(data.AuditRectifying))
	test.Tap(f.saveBtn)
	if f.closed || !strings.Contains(f.byName["问题摘要"].msg.Text, "须填写问题摘要") {
		t.Fatalf("saved an audit with problems but no summary: %q", f.byName["问题摘要"].msg.Text)
	}
	test.Type(f.byName["问题摘要"].entry, "账目不清")
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("audit not saved: %q", f.summary.Text)
	}
	as.wait()
	if n := as.table.rowCount(); n != 39 {
		t.Errorf("离任审计 rows after saving = %d, want 39", n)
	}

	// The person who failed the vetting for the 村委会 cannot join it.
	var failed data.Candidate
	cands, _ := st.Candidates(ctx, 0)
	for _, c := range cands {
		if c.Failed() && c.Body == data.VetCommittee {
			failed = c
			break
		}
	}
	ms := uiaOpen[*membersScreen](t, u, "两委成员")
	test.Tap(ms.addBtn)
	mf := ms.form
	mf.byName["村名"].sel.SetSelected(failed.Village)
	test.Type(mf.byName["姓名"].entry, failed.Name)
	test.Type(mf.byName["身份证号"].entry, failed.IDNumber)
	mf.byName["村委会职务"].sel.SetSelected("委员")
	test.Tap(mf.saveBtn)
	if mf.closed {
		t.Fatal("a person 不通过 in the vetting was saved onto the 村委会")
	}
	if got := mf.byName["身份证号"].msg.Text; !strings.Contains(got, "候选人资格联审中“不通过”") || !strings.Contains(got, failed.Reason) {
		t.Errorf("身份证号 message = %q", got)
	}
}
