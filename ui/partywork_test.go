package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"liangwei/data"
	"liangwei/demo"
)

// TestDevelopmentScreen: the demo's people of the year are listed with their stage; the form
// says the earliest day of the next stage as the dates are typed, refuses a 发展对象 dated
// less than a year after 积极分子 beside 确定发展对象日期, and saves once it is a year.
func TestDevelopmentScreen(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	if err := demo.Load(ctx, st, uiaToday); err != nil {
		t.Fatal(err)
	}
	all, _ := st.Developments(ctx, demo.Round(uiaToday))
	ds := uiaOpen[*villageKindScreen[data.Development]](t, u, "发展党员")
	if n := ds.table.rowCount(); n != len(all) || n == 0 {
		t.Fatalf("发展党员 rows = %d, want %d", n, len(all))
	}
	test.Tap(ds.addBtn)
	f := ds.form
	f.byName["村名"].sel.SetSelected("东关村")
	test.Type(f.byName["姓名"].entry, "韩一")
	test.Type(f.byName["身份证号"].entry, "130229200001010016")
	test.Type(f.byName["申请入党日期"].entry, "2025-01-10")
	test.Type(f.byName["确定积极分子日期"].entry, "2025-03-01")
	if got := f.byName["下一阶段"].entry.Text; !strings.Contains(got, "确定发展对象：最早 2026-03-01") {
		t.Errorf("下一阶段 = %q, want the earliest 发展对象 day", got)
	}
	test.Type(f.byName["确定发展对象日期"].entry, "2026-02-28")
	test.Tap(f.saveBtn)
	if f.closed || !strings.Contains(f.byName["确定发展对象日期"].msg.Text, "一年以后") {
		t.Fatalf("saved a 发展对象 less than a year after 积极分子: %q", f.byName["确定发展对象日期"].msg.Text)
	}
	f.byName["确定发展对象日期"].entry.SetText("2026-03-01")
	test.Type(f.byName["培养联系人"].entry, "赵一")
	test.Type(f.byName["政审情况"].entry, "合格")
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("development not saved: %q %v", f.summary.Text, f.problems)
	}
	ds.wait()
	if n := ds.table.rowCount(); n != len(all)+1 {
		t.Errorf("rows after saving = %d, want %d", n, len(all)+1)
	}
}

// TestCommendationScreen: a commendation of the township itself is saved with no village.
func TestCommendationScreen(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	if err := demo.Load(ctx, st, uiaToday); err != nil {
		t.Fatal(err)
	}
	cs := uiaOpen[*villageKindScreen[data.Commendation]](t, u, "表彰")
	if n := cs.table.rowCount(); n != 7 {
		t.Fatalf("表彰 rows = %d, want 7", n)
	}
	test.Tap(cs.addBtn)
	f := cs.form
	if got := f.byName["村名"].sel.Selected; got != "—（乡镇本级）" {
		t.Errorf("村名 of a new commendation = %q, want the township itself", got)
	}
	f.byName["表彰类别"].sel.SetSelected(string(data.CommendTownSecretary))
	test.Type(f.byName["对象"].entry, "王志刚")
	f.byName["表彰单位"].sel.SetSelected(string(data.ByCity))
	test.Tap(f.saveBtn)
	if f.closed || !strings.Contains(f.byName["身份证号"].msg.Text, "身份证号") {
		t.Fatalf("a person's commendation saved without 身份证号: %q", f.byName["身份证号"].msg.Text)
	}
	test.Type(f.byName["身份证号"].entry, "130229197501010018")
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("commendation not saved: %q %v", f.summary.Text, f.problems)
	}
	cs.wait()
	cms, _ := st.Commendations(ctx, 0)
	found := false
	for _, c := range cms {
		if c.Subject == "王志刚" && c.Village == "" {
			found = true
		}
	}
	if !found {
		t.Errorf("the township's commendation not stored without a village: %+v", cms)
	}
}
