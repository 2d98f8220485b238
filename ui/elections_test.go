package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
)

// uiaElectionForm opens the 换届 screen on a database with the given villages of 城关镇 and
// taps 新增.
func uiaElectionForm(t *testing.T, villages ...string) (*electionsScreen, *editForm, *sqlite.Store) {
	t.Helper()
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, villages...)
	s := uiaOpen[*electionsScreen](t, u, "换届")
	test.Tap(s.addBtn)
	if s.form == nil {
		t.Fatal("新增 opened no form")
	}
	return s, s.form, st
}

// uiaRetype replaces an entry's text by typing, as a clerk would after selecting it.
func uiaRetype(e *widget.Entry, s string) {
	e.SetText("")
	test.Type(e, s)
}

func TestElectionFormTurnoutAboveRegister(t *testing.T) {
	s, f, st := uiaElectionForm(t, "王家庄村", "李家村")
	if got := f.text("乡镇"); got != "城关镇" {
		t.Errorf("乡镇 = %q, want the only township", got)
	}
	if got, want := f.byName["村名"].sel.Options, []string{"李家村", "王家庄村"}; !reflect.DeepEqual(got, want) {
		t.Errorf("村名 options = %v, want %v", got, want)
	}
	if got := f.text("届次"); got != "2026" {
		t.Errorf("届次 = %q, want 2026 (this year on an empty database)", got)
	}
	f.byName["村名"].sel.SetSelected("王家庄村")
	f.byName["组织"].sel.SetSelected("村委会")
	f.byName["状态"].sel.SetSelected("已完成")
	test.Type(f.byName["完成日期"].entry, "2026年3月15日")
	test.Tap(f.byName["一次选举成功"].check)
	test.Type(f.byName["应参加人数"].entry, "1000")
	test.Type(f.byName["实参加人数"].entry, "1200")
	test.Type(f.byName["应选职数"].entry, "5")
	test.Type(f.byName["候选人数"].entry, "7")
	test.Type(f.byName["当选人数"].entry, "5")

	msg := f.byName["实参加人数"].msg
	if want := "实参加人数（1200）不能多于应参加人数（1000）"; msg.Text != want || msg.Importance != widget.DangerImportance {
		t.Fatalf("实参加人数 message = %q (importance %v), want %q in red", msg.Text, msg.Importance, want)
	}
	for _, other := range []string{"应参加人数", "完成日期", "村名"} {
		if got := f.byName[other].msg.Text; got != "" {
			t.Errorf("%s message = %q, want none", other, got)
		}
	}

	test.Tap(f.saveBtn)
	if f.closed {
		t.Fatal("saved with 实参加 above 应参加")
	}
	if want := "还有 1 处错误，不能保存：实参加人数：实参加人数（1200）不能多于应参加人数（1000）"; f.summary.Text != want {
		t.Errorf("summary = %q, want %q", f.summary.Text, want)
	}
	if es, _ := st.Elections(context.Background(), 0); len(es) != 0 {
		t.Fatalf("store has %d elections after a refused save", len(es))
	}

	uiaRetype(f.byName["实参加人数"].entry, "862")
	if msg.Text != "" || f.summary.Text != "" {
		t.Errorf("after correcting: message %q, summary %q; want both cleared", msg.Text, f.summary.Text)
	}
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("form not closed after a valid save; summary %q", f.summary.Text)
	}
	s.wait()

	es, err := st.Elections(context.Background(), 2026)
	if err != nil || len(es) != 1 {
		t.Fatalf("stored %v, %v; want one election", es, err)
	}
	want := data.Election{ID: es[0].ID, Township: "城关镇", Village: "王家庄村", Round: 2026, Body: data.BodyCommittee,
		Status: data.StatusCompleted, CompletedOn: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), OneTime: true,
		Eligible: 1000, Participants: 862, Seats: 5, Candidates: 7, Elected: 5}
	if !es[0].CompletedOn.Equal(want.CompletedOn) {
		t.Errorf("完成日期 = %v, want %v", es[0].CompletedOn, want.CompletedOn)
	}
	es[0].CompletedOn = want.CompletedOn
	if es[0] != want {
		t.Errorf("stored %+v\nwant   %+v", es[0], want)
	}

	row := s.table.find(func(e data.Election) bool { return e.Village == "王家庄村" })
	if row < 0 {
		t.Fatal("saved election not in the table")
	}
	if sel, ok := s.table.selectedRecord(); !ok || sel.ID != es[0].ID {
		t.Errorf("selected after save = %+v (%v), want the saved record", sel, ok)
	}
	var got []string
	for c := range s.table.cols {
		got = append(got, s.table.cellText(row, c))
	}
	wantRow := []string{"城关镇", "王家庄村", "2026", "村委会", "已完成", "2026-03-15", "是", "1000", "862", "86.20", "5", "7", "5", ""}
	if !reflect.DeepEqual(got, wantRow) {
		t.Errorf("table row = %v\nwant        %v", got, wantRow)
	}
	if got := s.table.count.Text; got != "共 1 条" {
		t.Errorf("count = %q", got)
	}
}

func TestElectionFormFieldMessages(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		status  string
		entries map[string]string
		field   string
		want    string
		level   widget.Importance
	}{
		{"not a number", "党组织", "进行中", map[string]string{"应参加人数": "四十"}, "应参加人数", "“四十”不是整数", widget.DangerImportance},
		{"bad date", "党组织", "已完成", map[string]string{"完成日期": "2026/13/40"}, "完成日期", "“2026/13/40”不是存在的日期", widget.DangerImportance},
		{"future date", "党组织", "已完成", map[string]string{"完成日期": "20261231"}, "完成日期", "完成日期 2026-12-31 晚于今天", widget.DangerImportance},
		{"bad round", "党组织", "进行中", map[string]string{"届次": "26"}, "届次", "“26”不是有效的届次年份（1980—2100）", widget.DangerImportance},
		{"failed needs reason", "村委会", "未完成", map[string]string{"应参加人数": "10"}, "未完成原因", "状态为“未完成”时须填写未完成原因", widget.DangerImportance},
		{"void committee election", "村委会", "已完成", map[string]string{"完成日期": "2026-03-01", "应参加人数": "1000", "实参加人数": "500"},
			"实参加人数", "参加投票人数（500）未超过登记选民（1000）的半数，选举无效", widget.DangerImportance},
		{"party meeting without quorum", "党组织", "已完成", map[string]string{"完成日期": "2026-03-01", "应参加人数": "100", "实参加人数": "80"},
			"实参加人数", "实到会党员（80）未超过应到会（100）的五分之四，党员大会不能进行选举", widget.DangerImportance},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, f, _ := uiaElectionForm(t, "王家庄村")
			f.byName["村名"].sel.SetSelected("王家庄村")
			f.byName["组织"].sel.SetSelected(tc.body)
			f.byName["状态"].sel.SetSelected(tc.status)
			for name, v := range tc.entries {
				uiaRetype(f.byName[name].entry, v)
			}
			msg := f.byName[tc.field].msg
			if msg.Text != tc.want || msg.Importance != tc.level {
				t.Errorf("%s message = %q (importance %v), want %q (importance %v)", tc.field, msg.Text, msg.Importance, tc.want, tc.level)
			}
		})
	}
}

func TestElectionWarningDoesNotBlockSave(t *testing.T) {
	s, f, st := uiaElectionForm(t, "王家庄村")
	f.byName["村名"].sel.SetSelected("王家庄村")
	f.byName["状态"].sel.SetSelected("已完成")
	test.Type(f.byName["完成日期"].entry, "2026-03-01")
	test.Type(f.byName["应参加人数"].entry, "100")
	test.Type(f.byName["实参加人数"].entry, "90")
	// As many candidates as seats (no 差额) is a warning only.
	test.Type(f.byName["应选职数"].entry, "5")
	test.Type(f.byName["候选人数"].entry, "5")
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("a warning blocked saving: %q", f.summary.Text)
	}
	s.wait()
	if es, _ := st.Elections(context.Background(), 2026); len(es) != 1 || es[0].Participants != 90 || es[0].Candidates != 5 {
		t.Errorf("stored %+v", es)
	}
}

func TestElectionVillageOptionsFollowTownship(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, "王家庄村")
	v := data.Village{Township: "安乐镇", Name: "安乐村", Kind: data.KindVillage, Status: data.VillageActive}
	if err := st.SaveVillage(context.Background(), &v); err != nil {
		t.Fatal(err)
	}
	s := uiaOpen[*electionsScreen](t, u, "换届")
	test.Tap(s.addBtn)
	f := s.form
	if got := f.text("乡镇"); got != "" {
		t.Errorf("乡镇 = %q, want none chosen with two townships", got)
	}
	if got, want := f.byName["乡镇"].sel.Options, []string{"安乐镇", "城关镇"}; !reflect.DeepEqual(got, want) {
		t.Errorf("乡镇 options = %v, want %v", got, want)
	}
	f.byName["乡镇"].sel.SetSelected("城关镇")
	f.byName["村名"].sel.SetSelected("王家庄村")
	f.byName["乡镇"].sel.SetSelected("安乐镇")
	if got, want := f.byName["村名"].sel.Options, []string{"安乐村"}; !reflect.DeepEqual(got, want) {
		t.Errorf("村名 options = %v, want %v", got, want)
	}
	if got := f.text("村名"); got != "" {
		t.Errorf("村名 = %q kept after changing 乡镇", got)
	}
}

// uiaSeedElections stores elections of two rounds for 王家庄村 and 李家村 of 城关镇.
func uiaSeedElections(t *testing.T, st *sqlite.Store) {
	t.Helper()
	uiaSeedVillages(t, st, "王家庄村", "李家村")
	done := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	es := []data.Election{
		{Village: "王家庄村", Round: 2026, Body: data.BodyParty, Status: data.StatusCompleted, CompletedOn: done, Eligible: 40, Participants: 38, OneTime: true},
		{Village: "王家庄村", Round: 2026, Body: data.BodyCommittee, Status: data.StatusCompleted, CompletedOn: done, Eligible: 1000, Participants: 900},
		{Village: "李家村", Round: 2026, Body: data.BodyParty, Status: data.StatusInProgress, Eligible: 25, Participants: 5},
		{Village: "李家村", Round: 2026, Body: data.BodyCommittee, Status: data.StatusFailed, Reason: "宗族矛盾，暂缓选举"},
		{Village: "王家庄村", Round: 2021, Body: data.BodyParty, Status: data.StatusCompleted, CompletedOn: done.AddDate(-5, 0, 0), Eligible: 35, Participants: 35},
	}
	for i := range es {
		es[i].Township = "城关镇"
		if err := st.SaveElection(context.Background(), &es[i], uiaToday); err != nil {
			t.Fatalf("seed election %d: %v", i, err)
		}
	}
}

func TestElectionsRoundsFiltersAndSort(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedElections(t, st)
	s := uiaOpen[*electionsScreen](t, u, "换届")
	if got, want := s.roundSel.Options, []string{"2026年", "2021年"}; !reflect.DeepEqual(got, want) {
		t.Errorf("rounds = %v, want %v", got, want)
	}
	if s.roundSel.Selected != "2026年" || s.table.rowCount() != 4 {
		t.Errorf("round %q with %d rows, want 2026年 with 4", s.roundSel.Selected, s.table.rowCount())
	}
	rate := 9 // 参选/到会率 %
	s.table.sortBy(rate)
	if got, want := uiaColumn(s.table, rate), []string{"", "20.00", "90.00", "95.00"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sorted rates = %v, want %v", got, want)
	}
	s.statusSel.SetSelected("未完成")
	if got, want := uiaColumn(s.table, 13), []string{"宗族矛盾，暂缓选举"}; !reflect.DeepEqual(got, want) {
		t.Errorf("未完成 rows = %v, want %v", got, want)
	}
	s.table.table.Select(uiaCell(0))
	if want := "城关镇 李家村（村委会）未完成原因：宗族矛盾，暂缓选举"; s.status.Text != want {
		t.Errorf("status = %q, want %q", s.status.Text, want)
	}
	s.statusSel.SetSelected("全部状态")
	s.bodySel.SetSelected("党组织")
	test.Type(s.table.search, "王家")
	if got, want := uiaColumn(s.table, 1), []string{"王家庄村"}; !reflect.DeepEqual(got, want) {
		t.Errorf("党组织 + 王家 rows = %v, want %v", got, want)
	}

	s.roundSel.SetSelected("2021年")
	s.wait()
	if got := uiaColumn(s.table, 2); !reflect.DeepEqual(got, []string{"2021"}) {
		t.Errorf("2021 rows = %v", got)
	}
	uiaShot(t, u, "elections-filtered")
}

func TestElectionsRoundFromSettings(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedElections(t, st)
	if err := st.SaveSettings(context.Background(), data.Settings{Round: 2021}); err != nil {
		t.Fatal(err)
	}
	s := uiaOpen[*electionsScreen](t, u, "换届")
	if s.roundSel.Selected != "2021年" || s.table.rowCount() != 1 {
		t.Errorf("round %q with %d rows, want 2021年 with 1", s.roundSel.Selected, s.table.rowCount())
	}
}

func TestElectionsEmptyAndNoVillages(t *testing.T) {
	u, _ := newTestUI(t)
	s := uiaOpen[*electionsScreen](t, u, "换届")
	if got := s.table.empty.Text; !strings.HasPrefix(got, "还没有村庄") {
		t.Errorf("empty text = %q", got)
	}
	test.Tap(s.addBtn)
	if s.form != nil {
		t.Error("a form opened with no villages to choose")
	}
	uiaShot(t, u, "elections-empty")
}

func TestElectionDeleteAndEdit(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedElections(t, st)
	s := uiaOpen[*electionsScreen](t, u, "换届")
	find := func(village string, body data.Body) int {
		return s.table.find(func(e data.Election) bool { return e.Village == village && e.Body == body })
	}

	s.table.table.Select(widget.TableCellID{Row: find("李家村", data.BodyParty), Col: 0})
	test.Tap(s.editBtn)
	f := s.form
	if !f.editing || f.text("应参加人数") != "25" {
		t.Fatalf("edit form editing=%v 应参加人数=%q", f.editing, f.text("应参加人数"))
	}
	f.byName["状态"].sel.SetSelected("已完成")
	test.Type(f.byName["完成日期"].entry, "2026/4/2")
	uiaRetype(f.byName["实参加人数"].entry, "24")
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("edit refused: %q", f.summary.Text)
	}
	s.wait()
	if r := find("李家村", data.BodyParty); r < 0 || s.table.cellText(r, 4) != "已完成" || s.table.cellText(r, 5) != "2026-04-02" {
		t.Errorf("edited row not shown as 已完成 2026-04-02")
	}

	s.table.table.Select(widget.TableCellID{Row: find("李家村", data.BodyCommittee), Col: 0})
	test.Tap(s.deleteBtn)
	if s.confirm == nil {
		t.Fatal("delete did not ask")
	}
	s.confirm.Confirm()
	s.wait()
	if find("李家村", data.BodyCommittee) >= 0 {
		t.Error("deleted row still in the table")
	}
	es, _ := st.Elections(context.Background(), 2026)
	if len(es) != 3 {
		t.Errorf("store has %d elections of 2026, want 3", len(es))
	}
	if !strings.Contains(s.status.Text, "回收站") {
		t.Errorf("status = %q", s.status.Text)
	}
}

func TestElectionsFollowSettingsRound(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedElections(t, st)
	s := uiaOpen[*electionsScreen](t, u, "换届")
	steps := []struct {
		name string
		do   func()
		want string
	}{
		{"newest at first", func() {}, "2026年"},
		{"设置 changes the round", func() {
			if err := st.SaveSettings(context.Background(), data.Settings{Round: 2021}); err != nil {
				t.Fatal(err)
			}
			u.changed()
		}, "2021年"},
		{"the clerk picks another", func() { s.roundSel.SetSelected("2026年") }, "2026年"},
		{"other changes keep the choice", func() { u.changed() }, "2026年"},
	}
	for _, step := range steps {
		step.do()
		s.wait()
		if got := s.roundSel.Selected; got != step.want {
			t.Errorf("%s: round = %q, want %q", step.name, got, step.want)
		}
		if got := s.table.cellText(0, 2) + "年"; got != step.want {
			t.Errorf("%s: rows of %q shown, want %q", step.name, got, step.want)
		}
	}
}

func TestElectionDuplicateRefusedInForm(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedElections(t, st)
	s := uiaOpen[*electionsScreen](t, u, "换届")
	test.Tap(s.addBtn)
	f := s.form
	f.byName["村名"].sel.SetSelected("王家庄村")
	f.byName["组织"].sel.SetSelected("党组织")
	test.Tap(f.saveBtn)
	if f.closed {
		t.Fatal("a second 2026 党组织 election of 王家庄村 was saved")
	}
	if !strings.HasPrefix(f.summary.Text, "保存失败：") || !strings.Contains(f.summary.Text, "王家庄村") {
		t.Errorf("summary = %q, want the store's refusal naming the village", f.summary.Text)
	}
	if es, _ := st.Elections(context.Background(), 2026); len(es) != 4 {
		t.Errorf("store has %d elections of 2026, want 4", len(es))
	}
}
