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

// u2aSeedLeaderships stores leadership rows and returns them with their IDs.
func u2aSeedLeaderships(t *testing.T, st *sqlite.Store, ls ...data.Leadership) {
	t.Helper()
	for i := range ls {
		if err := st.SaveLeadership(context.Background(), &ls[i]); err != nil {
			t.Fatalf("seed %+v: %v", ls[i], err)
		}
	}
}

func TestLeadershipFormRefusesCrossAboveMin(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, "王家庄村")
	s := uiaOpen[*leadershipScreen](t, u, "乡镇班子")
	test.Tap(s.addBtn)
	f := s.form
	if got := f.text("乡镇"); got != "城关镇" {
		t.Errorf("乡镇 = %q, want the only township", got)
	}
	test.Type(f.byName["党委班子成员数"].entry, "9")
	test.Type(f.byName["政府班子成员数"].entry, "4")
	cross := f.byName["交叉任职数"]
	if want := "不超过 4（党委、政府班子人数的较小者）"; cross.entry.PlaceHolder != want {
		t.Errorf("交叉任职数 hint = %q, want %q", cross.entry.PlaceHolder, want)
	}
	test.Type(cross.entry, "5")
	if cross.msg.Text == "" || cross.msg.Importance != widget.DangerImportance {
		t.Errorf("交叉任职数 5 > min(9, 4): message %q (importance %v), want an error", cross.msg.Text, cross.msg.Importance)
	}
	test.Tap(f.saveBtn)
	if f.closed {
		t.Fatal("saved 交叉任职数 above the smaller team")
	}
	if ls, _ := st.Leaderships(context.Background(), 0); len(ls) != 0 {
		t.Fatalf("store has %v after a refused save", ls)
	}

	uiaRetype(cross.entry, "4")
	if cross.msg.Text != "" {
		t.Errorf("交叉任职数 4 = min: message %q, want none", cross.msg.Text)
	}
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("a valid leadership was refused: %q", f.summary.Text)
	}
	s.wait()
	ls, err := st.Leaderships(context.Background(), 2026)
	if err != nil || len(ls) != 1 {
		t.Fatalf("stored %v, %v; want one row", ls, err)
	}
	if want := (data.Leadership{ID: ls[0].ID, Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 4}); ls[0] != want {
		t.Errorf("stored %+v, want %+v", ls[0], want)
	}
	if got, want := uiaColumn(s.table, 0), []string{"城关镇"}; !reflect.DeepEqual(got, want) {
		t.Errorf("table = %v, want %v", got, want)
	}
}

func TestLeadershipSumsAndRounds(t *testing.T) {
	u, st := newTestUI(t)
	uiaSeedVillages(t, st, "王家庄村")
	if err := st.SaveTownship(context.Background(), &data.Township{Name: "安乐镇"}); err != nil {
		t.Fatal(err)
	}
	u2aSeedLeaderships(t, st,
		data.Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 2},
		data.Leadership{Township: "安乐镇", Round: 2026, PartyCommittee: 8, Government: 5, Cross: 3},
		data.Leadership{Township: "城关镇", Round: 2021, PartyCommittee: 7, Government: 3, Cross: 1},
	)
	s := uiaOpen[*leadershipScreen](t, u, "乡镇班子")
	if got, want := s.roundSel.Options, []string{"2026年", "2021年"}; !reflect.DeepEqual(got, want) {
		t.Errorf("rounds = %v, want %v", got, want)
	}
	if want := "合计（2个乡镇）：党委班子成员 17 人，政府班子成员 9 人，交叉任职 5 人"; s.sums.Text != want {
		t.Errorf("sums = %q, want %q", s.sums.Text, want)
	}
	s.townshipSel.SetSelected("安乐镇")
	if want := "合计（1个乡镇）：党委班子成员 8 人，政府班子成员 5 人，交叉任职 3 人"; s.sums.Text != want {
		t.Errorf("sums of 安乐镇 = %q, want %q", s.sums.Text, want)
	}
	s.townshipSel.SetSelected("全部乡镇")
	s.roundSel.SetSelected("2021年")
	s.wait()
	if want := "合计（1个乡镇）：党委班子成员 7 人，政府班子成员 3 人，交叉任职 1 人"; s.sums.Text != want {
		t.Errorf("sums of 2021 = %q, want %q", s.sums.Text, want)
	}

	s.table.table.Select(uiaCell(0))
	test.Tap(s.deleteBtn)
	s.confirm.Confirm()
	s.wait()
	if ls, _ := st.Leaderships(context.Background(), 0); len(ls) != 2 {
		t.Errorf("store has %d rows after a delete, want 2", len(ls))
	}
	if s.sums.Text != "" || !strings.Contains(s.status.Text, "回收站") {
		t.Errorf("after deleting the only 2021 row: sums %q, status %q", s.sums.Text, s.status.Text)
	}
}
