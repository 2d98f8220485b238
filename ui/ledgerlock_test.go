package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"liangwei/data"
)

// hoverOver rests the mouse on obj (tooltips show at once in tests) and returns the tooltip.
func hoverOver(t *testing.T, u *UI, obj fyne.CanvasObject) string {
	t.Helper()
	old := tipDelay
	tipDelay = 0
	defer func() { tipDelay = old }()
	hideTip()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(obj).Add(fyne.NewPos(3, 3))
	test.MoveMouse(u.win.Canvas(), pos)
	tip := shownTip()
	test.MoveMouse(u.win.Canvas(), fyne.NewPos(1, 1))
	return tip
}

// TestLockedRoundShownOnLedgers: a round 已上报 reads as locked before any click — its
// ledgers say 已上报（只读） with 解锁…, 新增/编辑/删除 are disabled and say on hover how to
// unlock, 概览 says it too; after 解锁并继续 they say 已上报后解锁，修改后请重新上报并锁定, and the
// next report of the round offers to lock it again.
func TestLockedRoundShownOnLedgers(t *testing.T) {
	u, st := uibSetup(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(ctx, data.Settings{Township: "测试镇", Round: 2026, DataFolder: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	if err := st.Lock(ctx, 2026, repKindSummary); err != nil {
		t.Fatal(err)
	}
	u.changed()
	uibOverview(u).busy.Wait()
	ov := uibOverview(u)
	if ov.lockLine.Hidden || !strings.Contains(ov.lockLine.Text, "2026年届次已上报") {
		t.Errorf("概览 lock line %q (hidden %v), want 2026年届次已上报", ov.lockLine.Text, ov.lockLine.Hidden)
	}

	u.goTo("换届")
	waitScreens(u)
	s := u.screens["换届"].(*electionsScreen)
	s.table.table.Select(uiaCell(0))
	if s.lockBar.Hidden || !strings.Contains(s.lockLabel.Text, "已上报") || !strings.Contains(s.lockLabel.Text, "只读") || s.unlockBtn.Hidden {
		t.Errorf("换届 lock line %q (hidden %v, 解锁… hidden %v), want 已上报…只读 with 解锁…", s.lockLabel.Text, s.lockBar.Hidden, s.unlockBtn.Hidden)
	}
	for name, b := range map[string]*tipButton{"新增": s.addBtn, "编辑": s.editBtn, "删除": s.deleteBtn} {
		if !b.Disabled() {
			t.Errorf("%s is enabled in a locked round", name)
		}
		if !strings.Contains(b.tip, "解锁") {
			t.Errorf("%s tooltip %q, want how to unlock", name, b.tip)
		}
	}
	if tip := hoverOver(t, u, s.editBtn); !strings.Contains(tip, "已上报（只读）") || !strings.Contains(tip, "解锁") {
		t.Errorf("hovering the disabled 编辑 shows %q, want how to unlock", tip)
	}
	// A double click on a row of a locked round opens nothing and says why.
	s.table.table.onActivate(0)
	if s.form != nil {
		t.Error("a form opened in a locked round")
	}
	if !strings.Contains(s.status.Text, "解锁") {
		t.Errorf("status after a double click %q, want how to unlock", s.status.Text)
	}

	u.goTo("两委成员")
	waitScreens(u)
	ms := u.screens["两委成员"].(*membersScreen)
	if ms.lockBar.Hidden || !ms.addBtn.Disabled() {
		t.Errorf("两委成员: lock line hidden %v, 新增 disabled %v; want the round shown locked", ms.lockBar.Hidden, ms.addBtn.Disabled())
	}

	// 解锁… on the ledger: the reason, then the round reads as unlocked after its report.
	u.goTo("换届")
	waitScreens(u)
	test.Tap(s.unlockBtn)
	ul := u.unlocker()
	if ul.dlg == nil {
		t.Fatal("解锁… showed no dialog")
	}
	ul.reason.SetText("县委组织部通知更正参加投票人数")
	test.Tap(ul.unlockBtn)
	waitScreens(u)
	want := "2026年届次已上报后解锁，修改后请重新上报并锁定"
	if s.lockBar.Hidden || !strings.Contains(s.lockLabel.Text, want) || !s.unlockBtn.Hidden {
		t.Errorf("换届 after the unlock: %q (hidden %v), want %q", s.lockLabel.Text, s.lockBar.Hidden, want)
	}
	if s.addBtn.Disabled() || s.addBtn.tip != "" {
		t.Errorf("新增 after the unlock: disabled %v, tip %q", s.addBtn.Disabled(), s.addBtn.tip)
	}
	uibOverview(u).busy.Wait()
	if !strings.Contains(ov.lockLine.Text, want) || ov.lockLine.Hidden {
		t.Errorf("概览 after the unlock: %q (hidden %v), want %q", ov.lockLine.Text, ov.lockLine.Hidden, want)
	}

	// The next report of the round offers to lock it again.
	rs := uibReports(u)
	u.goTo("报表")
	waitScreens(u)
	test.Tap(rs.genBtn)
	rs.busy.Wait()
	if rs.lastErr != nil {
		t.Fatal(rs.lastErr)
	}
	if rs.lockConfirm == nil {
		t.Fatal("the report of a round unlocked after its report did not offer to lock it again")
	}
	rs.lockConfirm.Confirm()
	if ls, _ := st.Locks(ctx); len(ls) != 1 || ls[0].Round != 2026 {
		t.Errorf("locks after the offer = %+v, want 2026 locked again", ls)
	}
}
