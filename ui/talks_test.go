package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
	"liangwei/demo"
)

// u2bSeedTalks stores talks of 城关镇 (which must exist).
func u2bSeedTalks(t *testing.T, st *sqlite.Store, ts ...data.Talk) {
	t.Helper()
	for _, k := range ts {
		k.Township = "城关镇"
		if k.Interviewee == "" {
			k.Interviewee = "王某"
		}
		if err := st.SaveTalk(context.Background(), &k); err != nil {
			t.Fatalf("seed %s: %v", k.No, err)
		}
	}
}

func TestTalkFormRequiresInterviewee(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, "王家庄村")
	s := uiaOpen[*talksScreen](t, u, "约谈")
	if got := s.table.empty.Text; !strings.Contains(got, "导入工作簿") || !strings.Contains(got, "新增") {
		t.Errorf("empty text = %q, want it to say to import or add", got)
	}
	test.Tap(s.addBtn)
	f := s.form
	if got := f.text("乡镇"); got != "城关镇" {
		t.Errorf("乡镇 = %q, want the only township", got)
	}
	if got := f.text("日期"); got != "2026-11-20" {
		t.Errorf("日期 = %q, want today", got)
	}
	test.Type(f.byName["编号"].entry, "YT-001")
	f.byName["约谈方式"].sel.SetSelected("下访约谈")
	f.byName["类别"].sel.SetSelected("意见建议")
	test.Type(f.byName["约谈人"].entry, "刘部长")
	if got := f.byName["被约谈人"].msg.Text; got != "" {
		t.Errorf("被约谈人 message before Save = %q, want quiet on a new form", got)
	}
	test.Tap(f.saveBtn)
	if f.closed {
		t.Fatal("saved a talk without 被约谈人")
	}
	msg := f.byName["被约谈人"].msg
	if msg.Text != "被约谈人不能为空" || msg.Importance != widget.DangerImportance {
		t.Errorf("被约谈人 message = %q (importance %v), want 被约谈人不能为空 in red", msg.Text, msg.Importance)
	}
	if want := "还有 1 处错误，不能保存：被约谈人：被约谈人不能为空"; f.summary.Text != want {
		t.Errorf("summary = %q, want %q", f.summary.Text, want)
	}
	if ks, _ := st.Talks(context.Background(), 0); len(ks) != 0 {
		t.Fatalf("store has %d talks after a refused save", len(ks))
	}

	test.Type(f.byName["被约谈人"].entry, "李喆")
	test.Type(f.byName["单位"].entry, "王家庄村党支部")
	test.Type(f.byName["职务"].entry, "书记")
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("valid talk not saved: %q", f.summary.Text)
	}
	s.wait()
	ks, err := st.Talks(context.Background(), 2026)
	if err != nil || len(ks) != 1 {
		t.Fatalf("stored %v, %v; want one talk", ks, err)
	}
	want := data.Talk{ID: ks[0].ID, Township: "城关镇", No: "YT-001", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
		Mode: data.ModeVisiting, Interviewer: "刘部长", Interviewee: "李喆", Unit: "王家庄村党支部", Post: "书记", Category: data.TalkSuggestion}
	got := ks[0]
	if !got.Date.Equal(want.Date) {
		t.Errorf("日期 = %v, want %v", got.Date, want.Date)
	}
	got.Date = want.Date
	if got != want {
		t.Errorf("stored %+v\nwant   %+v", got, want)
	}
	if sel, ok := s.table.selectedRecord(); !ok || sel.ID != want.ID {
		t.Errorf("selected after save = %+v (%v), want the saved talk", sel, ok)
	}
	if got := s.byCategory.Text; got != "个人诉求 0 · 汇报工作和思想 0 · 意见建议 1" {
		t.Errorf("count line = %q", got)
	}
}

func TestTalkCategoryCountLine(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, "王家庄村")
	day := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	k := func(no string, mode data.TalkMode, cat data.TalkCategory, d time.Time) data.Talk {
		return data.Talk{No: no, Date: d, Mode: mode, Category: cat}
	}
	u2bSeedTalks(t, st,
		k("1", data.ModeRequested, data.TalkPersonal, day),
		k("2", data.ModeRequested, data.TalkPersonal, day),
		k("3", data.ModeInitiated, data.TalkReport, day),
		k("4", data.ModeInitiated, data.TalkReport, day),
		k("5", data.ModeVisiting, data.TalkReport, day),
		k("6", data.ModeVisiting, data.TalkSuggestion, day),
		k("7", data.ModeInitiated, data.TalkReport, day.AddDate(-1, 0, 0)),
	)
	s := uiaOpen[*talksScreen](t, u, "约谈")
	tests := []struct {
		name                   string
		year, mode, cat, query string
		want                   string
	}{
		{"newest year", "2026年", "全部方式", "全部类别", "", "个人诉求 2 · 汇报工作和思想 3 · 意见建议 1"},
		{"every year", "全部年度", "全部方式", "全部类别", "", "个人诉求 2 · 汇报工作和思想 4 · 意见建议 1"},
		{"last year", "2025年", "全部方式", "全部类别", "", "个人诉求 0 · 汇报工作和思想 1 · 意见建议 0"},
		{"by mode", "2026年", "下访约谈", "全部类别", "", "个人诉求 0 · 汇报工作和思想 1 · 意见建议 1"},
		{"by category", "2026年", "全部方式", "个人诉求", "", "个人诉求 2 · 汇报工作和思想 0 · 意见建议 0"},
		{"search", "全部年度", "全部方式", "全部类别", "主动约谈", "个人诉求 0 · 汇报工作和思想 3 · 意见建议 0"},
	}
	if got := s.yearSel.Selected; got != "2026年" {
		t.Fatalf("year shown = %q, want the newest", got)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s.yearSel.SetSelected(tc.year)
			s.modeSel.SetSelected(tc.mode)
			s.categorySel.SetSelected(tc.cat)
			s.table.search.SetText(tc.query)
			if got := s.byCategory.Text; got != tc.want {
				t.Errorf("count line = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestLedgerScreenshotsU2b renders the 党组织, 信访举报 and 约谈 screens and their forms at
// 1366×768 on the demo township; with LIANGWEI_SHOTS=/tmp/shots the PNGs are kept to look at.
func TestLedgerScreenshotsU2b(t *testing.T) {
	u, st := newTestUI(t)
	if _, err := st.Import(context.Background(), demo.Batch(uiaToday), "demo"); err != nil {
		t.Fatal(err)
	}
	ps := uiaOpen[*partyOrgsScreen](t, u, "党组织")
	if ps.table.rowCount() == 0 {
		t.Fatal("demo shows no party organizations")
	}
	uiaShot(t, u, "partyorgs-demo")
	ps.table.selectWhere(func(p data.PartyOrg) bool { return p.Weak })
	test.Tap(ps.editBtn)
	uiaRetype(ps.form.byName["女党员数"].entry, "999")
	test.Tap(ps.form.saveBtn)
	uiaShot(t, u, "partyorgs-form")
	ps.form.close()

	cs := uiaOpen[*complaintsScreen](t, u, "信访举报")
	if cs.table.rowCount() == 0 {
		t.Fatal("demo shows no complaints")
	}
	uiaShot(t, u, "complaints-demo")
	test.Tap(cs.addBtn)
	test.Type(cs.form.byName["回复日期"].entry, "2020-01-01")
	test.Tap(cs.form.saveBtn)
	uiaShot(t, u, "complaints-form")
	cs.form.close()

	ks := uiaOpen[*talksScreen](t, u, "约谈")
	if ks.table.rowCount() == 0 {
		t.Fatal("demo shows no talks")
	}
	uiaShot(t, u, "talks-demo")
	test.Tap(ks.addBtn)
	test.Tap(ks.form.saveBtn)
	uiaShot(t, u, "talks-form")
}

func TestU2bDeleteMovesToRecycleBin(t *testing.T) {
	tests := []struct {
		label   string
		confirm bool
	}{
		{"党组织", true}, {"党组织", false},
		{"信访举报", true}, {"信访举报", false},
		{"约谈", true}, {"约谈", false},
	}
	for _, tc := range tests {
		t.Run(tc.label+map[bool]string{true: "/confirmed", false: "/cancelled"}[tc.confirm], func(t *testing.T) {
			u, st := newTestUI(t)
			uiaSeedVillages(t, st, "王家庄村")
			ctx := context.Background()
			var (
				del    func()
				status *widget.Label
				dlg    func() *dialog.ConfirmDialog
				left   func() int
			)
			switch tc.label {
			case "党组织":
				u2bSeedParty(t, st, data.PartyOrg{Village: "王家庄村", Year: 2026, Members: 10})
				s := uiaOpen[*partyOrgsScreen](t, u, tc.label)
				s.table.selectRow(0)
				del, status, dlg = func() { test.Tap(s.deleteBtn) }, s.status, func() *dialog.ConfirmDialog { return s.confirm }
				left = func() int { ps, _ := st.PartyOrgs(ctx, 0); return len(ps) }
			case "信访举报":
				u2bSeedComplaints(t, st, data.Complaint{No: "1", Received: u2bDay(3, 1)})
				s := uiaOpen[*complaintsScreen](t, u, tc.label)
				s.table.selectRow(0)
				del, status, dlg = func() { test.Tap(s.deleteBtn) }, s.status, func() *dialog.ConfirmDialog { return s.confirm }
				left = func() int { cs, _ := st.Complaints(ctx, 0); return len(cs) }
			case "约谈":
				u2bSeedTalks(t, st, data.Talk{No: "1", Date: u2bDay(3, 1), Mode: data.ModeInitiated, Category: data.TalkReport})
				s := uiaOpen[*talksScreen](t, u, tc.label)
				s.table.selectRow(0)
				del, status, dlg = func() { test.Tap(s.deleteBtn) }, s.status, func() *dialog.ConfirmDialog { return s.confirm }
				left = func() int { ks, _ := st.Talks(ctx, 0); return len(ks) }
			}
			del()
			if dlg() == nil {
				t.Fatal("删除 asked nothing")
			}
			if tc.confirm {
				dlg().Confirm()
			} else {
				dlg().Hide()
			}
			waitScreens(u)
			want := 1
			if tc.confirm {
				want = 0
			}
			if got := left(); got != want {
				t.Errorf("records left = %d, want %d", got, want)
			}
			if got := strings.Contains(status.Text, "回收站"); got != tc.confirm {
				t.Errorf("status = %q", status.Text)
			}
		})
	}
}
