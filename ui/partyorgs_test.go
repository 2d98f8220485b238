package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
)

// u2bPartyForm opens the 党组织 screen on a database with the given villages of 城关镇 and
// taps 新增.
func u2bPartyForm(t *testing.T, villages ...string) (*partyOrgsScreen, *editForm, *sqlite.Store) {
	t.Helper()
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, villages...)
	s := uiaOpen[*partyOrgsScreen](t, u, "党组织")
	test.Tap(s.addBtn)
	if s.form == nil {
		t.Fatal("新增 opened no form")
	}
	return s, s.form, st
}

// u2bEnabled reports whether a form field's input takes input.
func u2bEnabled(f *editForm, name string) bool {
	switch in := f.byName[name].input().(type) {
	case *widget.Entry:
		return !in.Disabled()
	case *widget.Select:
		return !in.Disabled()
	}
	return true
}

func TestPartyOrgEmptyLedgerSaysWhatToDo(t *testing.T) {
	tests := []struct {
		name     string
		villages []string
		want     string
	}{
		{"no villages", nil, "还没有村庄。请在“数据”中导入工作簿，或先在“村庄”中新增村庄，再录入党组织台账。"},
		{"villages, no rows", []string{"王家庄村"}, "还没有党组织台账。请在“数据”中导入工作簿（“党组织”工作表），或点击“新增”录入。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t)
			uiaSeedVillages(t, st, tc.villages...)
			s := uiaOpen[*partyOrgsScreen](t, u, "党组织")
			if got := s.table.empty.Text; got != tc.want || !s.table.empty.Visible() {
				t.Errorf("empty text = %q (visible %v), want %q", got, s.table.empty.Visible(), tc.want)
			}
		})
	}
}

func TestPartyOrgFormEnablesValuesWithTheirChecks(t *testing.T) {
	_, f, _ := u2bPartyForm(t, "王家庄村")
	pairs := []struct {
		check string
		deps  []string
	}{
		{"有场所", []string{"场所面积"}},
		{"有活动", []string{"年度活动次数"}},
		{"有收入", []string{"集体经济收入"}},
		{"软弱涣散", []string{"整顿措施", "整顿进展", "整顿结果"}},
	}
	for _, p := range pairs {
		t.Run(p.check, func(t *testing.T) {
			for _, want := range []bool{false, true, false} {
				if want {
					test.Tap(f.byName[p.check].check)
				} else if f.checked(p.check) {
					test.Tap(f.byName[p.check].check)
				}
				for _, d := range p.deps {
					if got := u2bEnabled(f, d); got != want {
						t.Errorf("%s checked=%v: %s enabled = %v, want %v", p.check, want, d, got, want)
					}
				}
			}
		})
	}
	test.Tap(f.byName["软弱涣散"].check)
	if got := f.selected("整顿结果"); got != "整顿中" {
		t.Errorf("整顿结果 after ticking 软弱涣散 = %q, want 整顿中", got)
	}
}

func TestPartyOrgFormRefusesAndSaves(t *testing.T) {
	s, f, st := u2bPartyForm(t, "王家庄村", "李家村")
	if got := f.text("乡镇"); got != "城关镇" {
		t.Errorf("乡镇 = %q, want the only township", got)
	}
	if got := f.text("年度"); got != "2026" {
		t.Errorf("年度 = %q, want this year on an empty ledger", got)
	}
	if got := f.selected("党组织类型"); got != "党支部" {
		t.Errorf("党组织类型 = %q, want 党支部", got)
	}
	f.byName["村名"].sel.SetSelected("王家庄村")
	test.Type(f.byName["党员数"].entry, "30")
	test.Type(f.byName["女党员数"].entry, "40")
	test.Tap(f.byName["有场所"].check)

	want := map[string]string{
		"女党员数": "女党员数（40）不能多于党员数（30）",
		"场所面积": "有场所为“是”时须填写场所面积（大于0）",
	}
	for field, w := range want {
		msg := f.byName[field].msg
		if msg.Text != w || msg.Importance != widget.DangerImportance || !msg.Visible() {
			t.Errorf("%s message = %q (importance %v, visible %v), want %q in red", field, msg.Text, msg.Importance, msg.Visible(), w)
		}
	}
	test.Tap(f.saveBtn)
	if f.closed {
		t.Fatal("saved with 女党员 above 党员 and 有场所 without area")
	}
	if !strings.HasPrefix(f.summary.Text, "还有 2 处错误，不能保存") {
		t.Errorf("summary = %q", f.summary.Text)
	}
	if ps, _ := st.PartyOrgs(context.Background(), 0); len(ps) != 0 {
		t.Fatalf("store has %d rows after a refused save", len(ps))
	}

	uiaRetype(f.byName["女党员数"].entry, "12")
	test.Type(f.byName["场所面积"].entry, "120.5")
	for _, c := range []string{"有班子", "有活动", "有收入"} {
		test.Tap(f.byName[c].check)
	}
	test.Type(f.byName["年度活动次数"].entry, "14")
	test.Type(f.byName["集体经济收入"].entry, "8.6")
	test.Type(f.byName["预备党员数"].entry, "2")
	test.Type(f.byName["年度发展党员数"].entry, "1")
	for field := range want {
		if got := f.byName[field].msg.Text; got != "" {
			t.Errorf("%s message after correcting = %q", field, got)
		}
	}
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("valid form not saved: %q", f.summary.Text)
	}
	s.wait()

	got, err := st.PartyOrgs(context.Background(), 2026)
	if err != nil || len(got) != 1 {
		t.Fatalf("stored %v, %v; want one row", got, err)
	}
	wantRec := data.PartyOrg{ID: got[0].ID, Township: "城关镇", Village: "王家庄村", Year: 2026, Type: data.OrgBranch,
		Members: 30, Women: 12, Probationary: 2, Developed: 1, HasTeam: true, HasVenue: true, VenueArea: 120.5,
		HasActivity: true, Activities: 14, HasIncome: true, Income: 8.6}
	if got[0] != wantRec {
		t.Errorf("stored %+v\nwant   %+v", got[0], wantRec)
	}
	sel, ok := s.table.selectedRecord()
	if !ok || sel.ID != wantRec.ID {
		t.Fatalf("selected after save = %+v (%v), want the saved row", sel, ok)
	}
	var row []string
	for c := range s.table.cols {
		row = append(row, s.table.cellText(s.table.selected, c))
	}
	wantRow := []string{"城关镇", "王家庄村", "2026", "党支部", "30", "12", "2", "1", "是", "是", "是", "是", "是", "", ""}
	if !reflect.DeepEqual(row, wantRow) {
		t.Errorf("table row = %v\nwant        %v", row, wantRow)
	}
	if got := s.yearSel.Selected; got != "2026年" {
		t.Errorf("year filter = %q, want the saved row's year", got)
	}
}

func TestPartyOrgFormIgnoresValuesOfUntickedChecks(t *testing.T) {
	s, f, st := u2bPartyForm(t, "王家庄村")
	f.byName["村名"].sel.SetSelected("王家庄村")
	test.Type(f.byName["党员数"].entry, "20")
	test.Tap(f.byName["有场所"].check)
	test.Type(f.byName["场所面积"].entry, "八十") // not a number
	if got := f.byName["场所面积"].msg.Text; got != "“八十”不是数值" {
		t.Errorf("场所面积 message = %q", got)
	}
	test.Tap(f.byName["有场所"].check) // untick: the area no longer counts
	if got := f.byName["场所面积"].msg.Text; got != "" {
		t.Errorf("场所面积 message with 有场所 unticked = %q, want none", got)
	}
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("not saved: %q", f.summary.Text)
	}
	s.wait()
	got, _ := st.PartyOrgs(context.Background(), 0)
	if len(got) != 1 || got[0].HasVenue || got[0].VenueArea != 0 {
		t.Errorf("stored %+v, want one row without venue", got)
	}
}

// u2bSeedParty stores party organization rows of 城关镇 (its villages must exist).
func u2bSeedParty(t *testing.T, st *sqlite.Store, ps ...data.PartyOrg) {
	t.Helper()
	for _, p := range ps {
		p.Township = "城关镇"
		if p.Type == "" {
			p.Type = data.OrgBranch
		}
		if err := st.SavePartyOrg(context.Background(), &p); err != nil {
			t.Fatalf("seed %s %d: %v", p.Village, p.Year, err)
		}
	}
}

func TestPartyOrgFilters(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, "甲村", "乙村", "丙村", "丁村")
	four := func(p data.PartyOrg) data.PartyOrg {
		p.HasTeam, p.HasVenue, p.VenueArea, p.HasActivity, p.HasIncome, p.Income = true, true, 100, true, true, 5
		return p
	}
	u2bSeedParty(t, st,
		four(data.PartyOrg{Village: "甲村", Year: 2026, Members: 30}),
		data.PartyOrg{Village: "乙村", Year: 2026, Members: 20, Weak: true, Measures: "选派第一书记", Result: data.RectInProgress},
		four(data.PartyOrg{Village: "丙村", Year: 2026, Members: 25, Weak: true, Measures: "整顿班子", Result: data.RectClosed}),
		data.PartyOrg{Village: "丁村", Year: 2026, Members: 15, Weak: true}, // no result entered: 整顿中
		data.PartyOrg{Village: "甲村", Year: 2025, Members: 28, Weak: true, Result: data.RectInProgress},
	)
	s := uiaOpen[*partyOrgsScreen](t, u, "党组织")
	if got, want := s.yearSel.Options, []string{"全部年度", "2026年", "2025年"}; !reflect.DeepEqual(got, want) {
		t.Errorf("year options = %v, want %v", got, want)
	}
	if got := s.yearSel.Selected; got != "2026年" {
		t.Errorf("year shown = %q, want the newest", got)
	}
	tests := []struct {
		year, weak, four string
		want             []string // village/year of the rows shown, in store order
	}{
		{"2026年", "软弱涣散：全部", "四有：全部", []string{"丙村2026", "丁村2026", "甲村2026", "乙村2026"}},
		{"2026年", "软弱涣散", "四有：全部", []string{"丙村2026", "丁村2026", "乙村2026"}},
		{"2026年", "整顿中", "四有：全部", []string{"丁村2026", "乙村2026"}},
		{"2026年", "已销号", "四有：全部", []string{"丙村2026"}},
		{"2026年", "软弱涣散：全部", "四有未齐全", []string{"丁村2026", "乙村2026"}},
		{"2026年", "软弱涣散：全部", "四有齐全", []string{"丙村2026", "甲村2026"}},
		{"全部年度", "整顿中", "四有：全部", []string{"丁村2026", "甲村2025", "乙村2026"}},
		{"2025年", "已销号", "四有：全部", nil},
	}
	for _, tc := range tests {
		t.Run(tc.year+"/"+tc.weak+"/"+tc.four, func(t *testing.T) {
			s.yearSel.SetSelected(tc.year)
			s.weakSel.SetSelected(tc.weak)
			s.fourSel.SetSelected(tc.four)
			var got []string
			for i := 0; i < s.table.rowCount(); i++ {
				p := s.table.row(i)
				got = append(got, p.Village+s.table.cellText(i, 2))
			}
			sortChinese(got)
			want := append([]string(nil), tc.want...)
			sortChinese(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("rows = %v, want %v", got, want)
			}
		})
	}
	s.yearSel.SetSelected("2026年")
	s.weakSel.SetSelected("软弱涣散：全部")
	s.fourSel.SetSelected("四有：全部")
	row := s.table.find(func(p data.PartyOrg) bool { return p.Village == "丁村" })
	if got := s.table.cellText(row, 14); got != "整顿中" {
		t.Errorf("丁村 整顿结果 = %q, want 整顿中 for a weak branch without a result", got)
	}
}

func TestPartyOrgEditUpdatesTheRow(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, "王家庄村")
	u2bSeedParty(t, st, data.PartyOrg{Village: "王家庄村", Year: 2026, Members: 10, Weak: true, Measures: "选派第一书记"})
	s := uiaOpen[*partyOrgsScreen](t, u, "党组织")
	s.table.selectRow(0)
	test.Tap(s.editBtn)
	f := s.form
	for name, want := range map[string]bool{"整顿措施": true, "整顿结果": true, "场所面积": false} {
		if got := u2bEnabled(f, name); got != want {
			t.Errorf("%s enabled = %v, want %v for the stored row", name, got, want)
		}
	}
	if got := f.text("整顿措施"); got != "选派第一书记" {
		t.Errorf("整顿措施 = %q", got)
	}
	uiaRetype(f.byName["党员数"].entry, "12")
	f.byName["整顿结果"].sel.SetSelected("已销号")
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("not saved: %q", f.summary.Text)
	}
	s.wait()
	ps, _ := st.PartyOrgs(context.Background(), 0)
	if len(ps) != 1 || ps[0].Members != 12 || ps[0].Result != data.RectClosed {
		t.Errorf("stored %+v, want the one row updated", ps)
	}
	s.weakSel.SetSelected("已销号")
	if s.table.rowCount() != 1 {
		t.Errorf("已销号 filter shows %d rows, want the edited one", s.table.rowCount())
	}
}
