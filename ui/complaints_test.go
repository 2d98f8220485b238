package ui

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
)

// u2bDay is a day of 2026 at midnight UTC, as the store gives dates back.
func u2bDay(month time.Month, day int) time.Time {
	return time.Date(2026, month, day, 0, 0, 0, 0, time.UTC)
}

// u2bSeedComplaints stores complaints of 城关镇 (which must exist).
func u2bSeedComplaints(t *testing.T, st *sqlite.Store, cs ...data.Complaint) {
	t.Helper()
	for _, c := range cs {
		c.Township = "城关镇"
		if c.Channel == "" {
			c.Channel = data.ChanVisit
		}
		if c.Category == "" {
			c.Category = data.CatBribery
		}
		if err := st.SaveComplaint(context.Background(), &c); err != nil {
			t.Fatalf("seed %s: %v", c.No, err)
		}
	}
}

func TestComplaintFormReplyBeforeReceiptRefused(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, "王家庄村")
	s := uiaOpen[*complaintsScreen](t, u, "信访举报")
	if got := s.table.empty.Text; !strings.Contains(got, "导入工作簿") || !strings.Contains(got, "新增") {
		t.Errorf("empty text = %q, want it to say to import or add", got)
	}
	test.Tap(s.addBtn)
	f := s.form
	for field, want := range map[string]string{"乡镇": "城关镇", "受理日期": "2026-11-20", "办理结果": "办理中", "村名": cpNoVillage} {
		if got := f.text(field); got != want {
			t.Errorf("new form %s = %q, want %q", field, got, want)
		}
	}
	if got, want := f.byName["村名"].sel.Options, []string{cpNoVillage, "王家庄村"}; !reflect.DeepEqual(got, want) {
		t.Errorf("村名 options = %v, want %v", got, want)
	}
	test.Type(f.byName["编号"].entry, "XF-001")
	f.byName["渠道"].sel.SetSelected("来信")
	f.byName["类别"].sel.SetSelected("拉票贿选")
	f.byName["反映人"].selEntry.SetText("匿名")
	test.Type(f.byName["被反映人"].entry, "张某")
	uiaRetype(f.byName["受理日期"].entry, "2026年11月10日")
	test.Type(f.byName["办结时限"].entry, "2026/12/10")
	test.Type(f.byName["回复日期"].entry, "20261101")

	msg := f.byName["回复日期"].msg
	if want := "回复日期 2026-11-01 早于受理日期 2026-11-10"; msg.Text != want || msg.Importance != widget.DangerImportance {
		t.Errorf("回复日期 message = %q (importance %v), want %q in red", msg.Text, msg.Importance, want)
	}
	test.Tap(f.saveBtn)
	if f.closed {
		t.Fatal("saved a reply dated before receipt")
	}
	if want := "还有 1 处错误，不能保存：回复日期：回复日期 2026-11-01 早于受理日期 2026-11-10"; f.summary.Text != want {
		t.Errorf("summary = %q, want %q", f.summary.Text, want)
	}
	if cs, _ := st.Complaints(context.Background(), 0); len(cs) != 0 {
		t.Fatalf("store has %d complaints after a refused save", len(cs))
	}

	uiaRetype(f.byName["回复日期"].entry, "2026-11-18")
	f.byName["办理结果"].sel.SetSelected("不属实")
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("valid complaint not saved: %q", f.summary.Text)
	}
	s.wait()
	cs, err := st.Complaints(context.Background(), 2026)
	if err != nil || len(cs) != 1 {
		t.Fatalf("stored %v, %v; want one complaint", cs, err)
	}
	c := cs[0]
	if c.No != "XF-001" || c.Village != "" || c.Complainant != "匿名" || c.Result != data.ResUnfounded ||
		!c.Received.Equal(u2bDay(11, 10)) || !c.Deadline.Equal(u2bDay(12, 10)) || !c.Replied.Equal(u2bDay(11, 18)) {
		t.Errorf("stored %+v", c)
	}
	if sel, ok := s.table.selectedRecord(); !ok || sel.ID != c.ID {
		t.Errorf("selected after save = %+v (%v), want the saved complaint", sel, ok)
	}
}

func TestComplaintOverdueAroundDeadline(t *testing.T) {
	u, st := newTestUI(t) // today is 2026-11-20
	uiaSeedVillages(t, st, "王家庄村")
	recv := u2bDay(11, 1)
	u2bSeedComplaints(t, st,
		data.Complaint{No: "A", Received: recv, Deadline: u2bDay(11, 19), Result: data.ResPending},                           // a day past: 超期
		data.Complaint{No: "B", Received: recv, Deadline: u2bDay(11, 20), Result: data.ResPending},                           // deadline today: not yet
		data.Complaint{No: "C", Received: recv, Deadline: u2bDay(11, 21), Result: data.ResPending},                           // tomorrow
		data.Complaint{No: "D", Received: recv, Deadline: u2bDay(11, 5), Result: data.ResTrue, Replied: u2bDay(11, 4)},       // closed in time
		data.Complaint{No: "E", Received: recv, Result: data.ResPending, Category: data.CatProcedure},                        // no deadline: 5 working days, 11-06: 超期
		data.Complaint{No: "F", Received: u2bDay(11, 2).AddDate(-1, 0, 0), Deadline: u2bDay(1, 10), Result: data.ResPending}, // last year's, overdue
	)
	s := uiaOpen[*complaintsScreen](t, u, "信访举报")
	if got := s.yearSel.Selected; got != "2026年" {
		t.Fatalf("year shown = %q, want the newest", got)
	}
	tests := []struct {
		year, status, category string
		want                   []string
	}{
		{"2026年", "超期", "全部类别", []string{"A", "E"}},
		{"全部年度", "超期", "全部类别", []string{"A", "E", "F"}},
		{"2026年", "办理中", "全部类别", []string{"A", "B", "C", "E"}},
		{"2026年", "已办结", "全部类别", []string{"D"}},
		{"2026年", "全部状态", "全部类别", []string{"A", "B", "C", "D", "E"}},
		{"2026年", "全部状态", "程序违规", []string{"E"}},
		{"2025年", "全部状态", "全部类别", []string{"F"}},
	}
	for _, tc := range tests {
		t.Run(tc.year+"/"+tc.status+"/"+tc.category, func(t *testing.T) {
			s.yearSel.SetSelected(tc.year)
			s.statusSel.SetSelected(tc.status)
			s.categorySel.SetSelected(tc.category)
			var got []string
			for i := 0; i < s.table.rowCount(); i++ {
				got = append(got, s.table.row(i).No)
			}
			sort.Strings(got)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("rows = %v, want %v", got, tc.want)
			}
		})
	}

	s.yearSel.SetSelected("2026年")
	s.statusSel.SetSelected("全部状态")
	s.categorySel.SetSelected("全部类别")
	if got := s.overdue.Text; got != "其中超期 2 件" {
		t.Errorf("overdue count = %q, want 其中超期 2 件 (A, and E past its default deadline)", got)
	}
	// The 办理结果 cell marks 超期, and the row is drawn tinted in the error colour.
	cell := s.table.table.CreateCell()
	for _, no := range []string{"A", "B", "D"} {
		row := s.table.find(func(c data.Complaint) bool { return c.No == no })
		late := no == "A"
		wantText := map[string]string{"A": "办理中（超期）", "B": "办理中", "D": "属实"}[no]
		if got := s.table.cellText(row, 10); got != wantText {
			t.Errorf("%s 办理结果 = %q, want %q", no, got, wantText)
		}
		s.table.table.UpdateCell(widget.TableCellID{Row: row, Col: 1}, cell)
		bg := cell.(*fyne.Container).Objects[0].(*canvas.Rectangle)
		l := cell.(*fyne.Container).Objects[1].(*tipLabel)
		if bg.Visible() != late || (l.Importance == widget.DangerImportance) != late {
			t.Errorf("%s drawn with tint %v, importance %v; want highlighted = %v", no, bg.Visible(), l.Importance, late)
		}
	}
	s.statusSel.SetSelected("已办结")
	if got := s.overdue.Text; got != "" {
		t.Errorf("overdue count among closed = %q, want none", got)
	}
}

func TestComplaintOverdueFollowsToday(t *testing.T) {
	tests := []struct {
		today time.Time
		want  []string
	}{
		{u2bDay(12, 10), nil},              // the deadline day
		{u2bDay(12, 11), []string{"XF-9"}}, // the day after
	}
	for _, tc := range tests {
		t.Run(data.FormatDate(tc.today), func(t *testing.T) {
			u, st := newTestUI(t)
			u.deps.Now = func() time.Time { return tc.today }
			uiaSeedVillages(t, st, "王家庄村")
			u2bSeedComplaints(t, st, data.Complaint{No: "XF-9", Received: u2bDay(11, 1), Deadline: u2bDay(12, 10)})
			s := uiaOpen[*complaintsScreen](t, u, "信访举报")
			s.statusSel.SetSelected("超期")
			var got []string
			for i := 0; i < s.table.rowCount(); i++ {
				got = append(got, s.table.row(i).No)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("超期 rows = %v, want %v", got, tc.want)
			}
		})
	}
}
