package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

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
