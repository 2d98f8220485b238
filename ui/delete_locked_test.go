package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
)

// TestDeleteInLockedRoundAsksForUnlock deletes a record of a locked (已上报) round on a
// round screen (换届) and on a year screen (约谈), both through ledger.confirmDelete: the delete is
// refused, the unlock dialog opens, and only an unlock with a reason deletes.
func TestDeleteInLockedRoundAsksForUnlock(t *testing.T) {
	type screen struct {
		del    func()                       // taps 删除 with the record selected
		dlg    func() *dialog.ConfirmDialog // the delete question
		status *widget.Label
		left   func() int // records of 2026 in the store
	}
	kinds := []struct {
		label string
		open  func(t *testing.T, u *UI, st *sqlite.Store) screen
	}{
		{"换届", func(t *testing.T, u *UI, st *sqlite.Store) screen {
			uiaSeedElections(t, st)
			s := uiaOpen[*electionsScreen](t, u, "换届")
			row := s.table.find(func(e data.Election) bool { return e.Village == "李家村" && e.Body == data.BodyCommittee })
			if row < 0 {
				t.Fatal("李家村 村委会 not listed")
			}
			s.table.table.Select(widget.TableCellID{Row: row, Col: 0})
			return screen{
				del:    func() { test.Tap(s.deleteBtn) },
				dlg:    func() *dialog.ConfirmDialog { return s.confirm },
				status: s.status,
				left:   func() int { es, _ := st.Elections(context.Background(), 2026); return len(es) },
			}
		}},
		{"约谈", func(t *testing.T, u *UI, st *sqlite.Store) screen {
			uiaSeedVillages(t, st, "王家庄村")
			u2bSeedTalks(t, st, data.Talk{No: "1", Date: u2bDay(3, 1), Mode: data.ModeInitiated, Category: data.TalkReport})
			s := uiaOpen[*talksScreen](t, u, "约谈")
			s.table.selectRow(0)
			return screen{
				del:    func() { test.Tap(s.deleteBtn) },
				dlg:    func() *dialog.ConfirmDialog { return s.confirm },
				status: s.status,
				left:   func() int { ks, _ := st.Talks(context.Background(), 2026); return len(ks) },
			}
		}},
	}
	for _, k := range kinds {
		for _, c := range []struct {
			name       string
			unlock     bool
			wantLocked bool
			wantLeft   int // records left of the seeded count minus one when deleted
		}{
			{"unlocked with a reason", true, false, -1},
			{"unlock cancelled", false, true, 0},
		} {
			t.Run(k.label+"/"+c.name, func(t *testing.T) {
				u, st := newTestUI(t)
				ctx := context.Background()
				s := k.open(t, u, st)
				before := s.left()
				if err := st.Lock(ctx, 2026, "测试"); err != nil {
					t.Fatal(err)
				}
				s.del()
				if s.dlg() == nil {
					t.Fatal("删除 asked nothing")
				}
				s.dlg().Confirm()
				ul := u.unlocker()
				if ul.dlg == nil {
					t.Fatal("deleting in a locked round showed no unlock dialog")
				}
				if got, want := ul.round, 2026; got != want {
					t.Errorf("unlock dialog for round %d, want %d", got, want)
				}
				if got := s.left(); got != before {
					t.Fatalf("records = %d while locked, want %d (nothing deleted)", got, before)
				}
				if c.unlock {
					ul.reason.SetText("县委组织部通知删除重复记录")
					test.Tap(ul.unlockBtn)
				} else {
					test.Tap(ul.cancelBtn)
				}
				waitScreens(u)
				if ul.dlg != nil {
					t.Error("unlock dialog still open")
				}
				ls, err := st.Locks(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if got := len(ls) == 1; got != c.wantLocked {
					t.Errorf("locked = %v, want %v", got, c.wantLocked)
				}
				if got, want := s.left(), before+c.wantLeft; got != want {
					t.Errorf("records = %d, want %d", got, want)
				}
				if got := strings.Contains(s.status.Text, "回收站"); got != c.unlock {
					t.Errorf("status = %q; says moved to 回收站: %v, want %v", s.status.Text, got, c.unlock)
				}
			})
		}
	}
}
