package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/demo"
)

func TestFormCancel(t *testing.T) {
	tests := []struct {
		name       string
		typeName   string // typed into 村名 before cancelling; "" leaves the form unchanged
		answer     bool   // the answer to 放弃修改?
		wantAsked  bool
		wantClosed bool
	}{
		{"unchanged closes at once", "", false, false, true},
		{"changes ask, discard closes", "王家庄村", true, true, true},
		{"changes ask, keep editing stays", "王家庄村", false, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t)
			s := uiaOpen[*villagesScreen](t, u, "村庄")
			test.Tap(s.addBtn)
			f := s.form
			test.Type(f.byName["村名"].entry, tc.typeName)
			test.Tap(f.cancelBtn)
			if asked := f.confirm != nil; asked != tc.wantAsked {
				t.Fatalf("asked = %v, want %v", asked, tc.wantAsked)
			}
			if tc.wantAsked {
				if tc.answer {
					f.confirm.Confirm()
				} else {
					f.confirm.Hide()
				}
			}
			if f.closed != tc.wantClosed {
				t.Errorf("closed = %v, want %v", f.closed, tc.wantClosed)
			}
			if !tc.wantClosed && f.text("村名") != tc.typeName {
				t.Errorf("村名 = %q, the edit was lost", f.text("村名"))
			}
			if vs, _ := st.Villages(context.Background()); len(vs) != 0 {
				t.Errorf("cancel saved %v", vs)
			}
		})
	}
}

func TestFormNewRecordStartsQuiet(t *testing.T) {
	u, _ := newTestUI(t)
	s := uiaOpen[*villagesScreen](t, u, "村庄")
	test.Tap(s.addBtn)
	f := s.form
	for _, ff := range f.fields {
		if ff.msg.Text != "" {
			t.Errorf("fresh form shows %s: %q", ff.name, ff.msg.Text)
		}
	}
	if f.summary.Text != "" {
		t.Errorf("fresh form summary %q", f.summary.Text)
	}
	// The problems are known even while quiet, and Save shows them all.
	if !f.problems.HasErrors() {
		t.Error("empty 乡镇/村名 not found invalid")
	}
	test.Tap(f.saveBtn)
	for _, name := range []string{"乡镇", "村名"} {
		if got, want := f.byName[name].msg.Text, name+"不能为空"; got != want {
			t.Errorf("%s message after Save = %q, want %q", name, got, want)
		}
	}
	if !strings.HasPrefix(f.summary.Text, "还有 2 处错误，不能保存：") {
		t.Errorf("summary = %q", f.summary.Text)
	}
}

func TestFormShowsStoreProblemsOnFields(t *testing.T) {
	u, _ := newTestUI(t)
	s := uiaOpen[*villagesScreen](t, u, "村庄")
	test.Tap(s.addBtn)
	f := s.form
	test.Type(f.byName["乡镇"].selEntry, "城关镇")
	test.Type(f.byName["村名"].entry, "王家庄村")
	// A store that refuses with field problems (a rule the form did not know) shows them
	// on the field, like the form's own.
	f.save = func() error {
		return data.Problems{{Field: "户数", Level: data.LevelError, Message: "户数与人口不符"}}
	}
	test.Tap(f.saveBtn)
	if f.closed {
		t.Fatal("closed after the store refused")
	}
	if got := f.byName["户数"].msg.Text; got != "户数与人口不符" {
		t.Errorf("户数 message = %q", got)
	}
	if !strings.HasPrefix(f.summary.Text, "还有 1 处错误") {
		t.Errorf("summary = %q", f.summary.Text)
	}
}

// TestLedgerScreenshots renders the 村庄 and 换届 screens and their forms at 1366×768 on
// the demo township; with LIANGWEI_SHOTS=/tmp/shots the PNGs are kept to look at.
func TestLedgerScreenshots(t *testing.T) {
	u, st := newTestUI(t)
	if _, err := st.Import(context.Background(), demo.Batch(uiaToday), "demo"); err != nil {
		t.Fatal(err)
	}
	vs := uiaOpen[*villagesScreen](t, u, "村庄")
	if vs.table.rowCount() < 30 {
		t.Fatalf("demo shows %d villages", vs.table.rowCount())
	}
	uiaShot(t, u, "villages-demo")
	vs.table.table.Select(uiaCell(0))
	test.Tap(vs.editBtn)
	uiaRetype(vs.form.byName["户数"].entry, "-3")
	uiaShot(t, u, "villages-form")
	vs.form.close()

	es := uiaOpen[*electionsScreen](t, u, "换届")
	if es.table.rowCount() < 60 {
		t.Fatalf("demo shows %d elections", es.table.rowCount())
	}
	uiaShot(t, u, "elections-demo")
	test.Tap(es.addBtn)
	f := es.form
	f.byName["村名"].sel.SetSelected(f.byName["村名"].sel.Options[0])
	f.byName["组织"].sel.SetSelected("村委会")
	f.byName["状态"].sel.SetSelected("已完成")
	test.Type(f.byName["应参加人数"].entry, "1000")
	test.Type(f.byName["实参加人数"].entry, "1200")
	test.Type(f.byName["应选职数"].entry, "5")
	test.Type(f.byName["候选人数"].entry, "5")
	test.Tap(f.saveBtn)
	uiaShot(t, u, "elections-form")
}

// TestVillageFormMarkup keeps the layout of the village form after a refused Save in
// ui/testdata: two columns, each field's message under it, the reason above the buttons.
func TestVillageFormMarkup(t *testing.T) {
	u, _ := newTestUI(t)
	s := uiaOpen[*villagesScreen](t, u, "村庄")
	test.Tap(s.addBtn)
	test.Type(s.form.byName["户数"].entry, "十二")
	test.Tap(s.form.saveBtn)
	test.AssertRendersToMarkup(t, "villages_form.xml", u.win.Canvas())
}

// uicDateButton is the 📅 button beside a date field.
func uicDateButton(t *testing.T, ff *formField) *widget.Button {
	t.Helper()
	row, ok := ff.input0.(*fyne.Container)
	if !ok {
		t.Fatalf("%s has no calendar button", ff.name)
	}
	for _, o := range row.Objects {
		if b, ok := o.(*widget.Button); ok {
			return b
		}
	}
	t.Fatalf("%s has no calendar button", ff.name)
	return nil
}

func TestCalendarFillsDateField(t *testing.T) {
	tests := []struct {
		name      string
		typed     string // in 完成日期 before opening the calendar
		month     string // chosen in the month drop-down, "" to keep
		day       int
		wantShown string // year and month the calendar opens on
		wantLead  int    // blank cells before day 1 (Monday first)
		wantDays  int
		want      string
	}{
		{"opens on the typed date", "2026/3/1", "", 15, "2026年 3月", 6, 31, "2026-03-15"},
		{"other month", "2026年3月1日", "2月", 28, "2026年 3月", 6, 31, "2026-02-28"},
		{"empty field opens today", "", "", 1, "", -1, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, f, _ := uiaElectionForm(t, "王家庄村")
			ff := f.byName["完成日期"]
			uiaRetype(ff.entry, tc.typed)
			test.Tap(uicDateButton(t, ff))
			c := f.cal
			if c == nil || !c.pop.Visible() {
				t.Fatal("the calendar did not open")
			}
			if tc.wantShown == "" { // today's month
				now := time.Now()
				if c.shown.Year() != now.Year() || c.shown.Month() != now.Month() {
					t.Errorf("empty field opened on %v, want this month", c.shown)
				}
				return
			}
			if got := c.year.Selected + " " + c.month.Selected; got != tc.wantShown {
				t.Errorf("calendar opened on %q, want %q", got, tc.wantShown)
			}
			if got := len(c.grid.Objects) - 7 - len(c.days); got != tc.wantLead {
				t.Errorf("%d blanks before day 1, want %d", got, tc.wantLead)
			}
			if len(c.days) != tc.wantDays {
				t.Errorf("%d days, want %d", len(c.days), tc.wantDays)
			}
			if tc.month != "" {
				c.month.SetSelected(tc.month)
			}
			test.Tap(c.days[tc.day-1])
			if got := ff.entry.Text; got != tc.want {
				t.Errorf("field = %q, want %q", got, tc.want)
			}
			if c.pop.Visible() {
				t.Error("the calendar stayed open after a day was picked")
			}
			if !f.dirty {
				t.Error("a picked date does not count as an edit")
			}
		})
	}
}

func TestCalendarSpeaksChinese(t *testing.T) {
	c := newCalendar(time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), func(time.Time) {})
	var heads []string
	for _, o := range c.grid.Objects[:7] {
		heads = append(heads, o.(*widget.Label).Text)
	}
	if got, want := strings.Join(heads, ""), "一二三四五六日"; got != want {
		t.Errorf("weekday heads %q, want %q", got, want)
	}
	if got, want := c.year.Selected+c.month.Selected, "2026年3月"; got != want {
		t.Errorf("month shown %q, want %q", got, want)
	}
}
