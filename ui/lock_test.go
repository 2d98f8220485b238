package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
)

// lockedElectionForm imports the small township, locks 2026 and opens the 换届 form of
// 东村's 村委会 election with 实参加人数 changed from 900 to 950, then presses 保存.
func lockedElectionForm(t *testing.T) (*UI, *sqlite.Store, *editForm) {
	t.Helper()
	u, st := uibSetup(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	u.goTo("换届")
	waitScreens(u)
	s := u.screens["换届"].(*electionsScreen)
	row := s.table.find(func(e data.Election) bool { return e.Village == "东村" && e.Body == data.BodyCommittee })
	if row < 0 {
		t.Fatal("东村 村委会 not listed")
	}
	s.table.table.Select(widget.TableCellID{Row: row, Col: 0})
	test.Tap(s.editBtn)
	f := s.form
	if f == nil {
		t.Fatal("no form opened")
	}
	// The round is locked while the form is open (from the command line, another screen):
	// its save is refused and asks for the unlock. (A round locked before shows its ledger
	// read-only: TestLockedRoundShownOnLedgers.)
	if err := st.Lock(ctx, 2026, repKindSummary); err != nil {
		t.Fatal(err)
	}
	uiaRetype(f.byName["实参加人数"].entry, "950")
	test.Tap(f.saveBtn)
	return u, st, f
}

func committeeTurnout(t *testing.T, st *sqlite.Store) int {
	t.Helper()
	es, err := st.Elections(context.Background(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Village == "东村" && e.Body == data.BodyCommittee {
			return e.Participants
		}
	}
	t.Fatal("东村 村委会 election missing")
	return 0
}

func TestLockedRoundEditAsksForUnlock(t *testing.T) {
	u, st, f := lockedElectionForm(t)
	ctx := context.Background()
	ul := u.unlocker()
	if ul.dlg == nil {
		t.Fatalf("saving into a locked round showed no unlock dialog; summary %q", f.summary.Text)
	}
	if got, want := ul.prompt.Text, "2026年届次已上报锁定。要修改，须先解锁并说明原因："; got != want {
		t.Errorf("prompt = %q, want %q", got, want)
	}
	if f.closed || committeeTurnout(t, st) != 900 {
		t.Fatal("the edit went through while the round is locked")
	}
	uibShot(t, u, "unlock-dialog")

	for _, c := range []struct {
		name, reason string
		wantLocked   bool
	}{
		{"empty reason", "", true},
		{"blank reason", "   ", true},
		{"reason", "县委组织部通知更正参加投票人数", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ul.reason.SetText(c.reason)
			test.Tap(ul.unlockBtn)
			ls, err := st.Locks(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(ls) == 1; got != c.wantLocked {
				t.Fatalf("locked = %v, want %v", got, c.wantLocked)
			}
			if c.wantLocked {
				if ul.msg.Hidden || !strings.Contains(ul.msg.Text, "原因") || ul.dlg == nil {
					t.Errorf("empty reason: message %q (hidden %v), dialog open %v; want it refused in the dialog", ul.msg.Text, ul.msg.Hidden, ul.dlg != nil)
				}
				return
			}
			if ul.dlg != nil {
				t.Error("the dialog stays open after unlocking")
			}
			if !f.closed {
				t.Errorf("the form did not save after the unlock: %q", f.summary.Text)
			}
			if got := committeeTurnout(t, st); got != 950 {
				t.Errorf("实参加人数 = %d after the retried save, want 950", got)
			}
		})
	}

	a := uibAudit(u)
	a.kindSel.SetSelected("届次")
	a.wait()
	rows := uibAuditRows(a)
	if len(rows) != 2 || !strings.Contains(rows[0], "| 解锁 | 届次 | 2026 |") || !strings.Contains(rows[0], "解锁原因：县委组织部通知更正参加投票人数") ||
		!strings.Contains(rows[1], "| 锁定 |") {
		t.Errorf("audit of the round:\n%s\nwant the unlock with its reason above the lock", strings.Join(rows, "\n"))
	}
}

func TestLockedRoundUnlockCancelled(t *testing.T) {
	u, st, f := lockedElectionForm(t)
	ul := u.unlocker()
	if ul.dlg == nil {
		t.Fatal("no unlock dialog")
	}
	test.Tap(ul.cancelBtn)
	if ul.dlg != nil {
		t.Error("dialog still open after 取消")
	}
	if ls, _ := st.Locks(context.Background()); len(ls) != 1 {
		t.Errorf("%d locks after 取消, want the round still locked", len(ls))
	}
	if f.closed || committeeTurnout(t, st) != 900 {
		t.Error("the edit was saved although the unlock was cancelled")
	}
	if !strings.Contains(f.summary.Text, "锁定") {
		t.Errorf("form summary = %q, want it to say the round is locked", f.summary.Text)
	}
}

func TestHandleLockedIgnoresOtherErrors(t *testing.T) {
	u, _ := uibSetup(t)
	for _, c := range []struct {
		name string
		err  error
		want bool
	}{
		{"locked", &data.LockedError{Round: 2021}, true},
		{"wrapped", errorsJoin("导入失败", &data.LockedError{Round: 2021}), true},
		{"other", data.ErrNotFound, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			u.unlocker().dlg = nil
			if got := u.handleLocked(c.err, nil); got != c.want {
				t.Errorf("handleLocked = %v, want %v", got, c.want)
			}
			if got := u.unlocker().dlg != nil; got != c.want {
				t.Errorf("dialog shown = %v, want %v", got, c.want)
			}
		})
	}
}

type wrapped struct {
	msg string
	err error
}

func (w wrapped) Error() string { return w.msg + "：" + w.err.Error() }
func (w wrapped) Unwrap() error { return w.err }

func errorsJoin(msg string, err error) error { return wrapped{msg, err} }
