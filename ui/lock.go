package ui

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

// lockIcon is a padlock, drawn in the theme's foreground colour; the bundled font has no 🔒.
var lockIcon = theme.NewThemedResource(fyne.NewStaticResource("lock.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 5a3 3 0 0 1 6 0v3H9V7zm3 7a2 2 0 0 1 1 3.7V19h-2v-1.3A2 2 0 0 1 12 14z"/></svg>`)))

// unlocker is the “unlock with a reason” dialog of one UI. A UI has one, made on first use,
// so tests can reach the dialog that is showing.
type unlocker struct {
	u *UI

	dlg       *dialog.CustomDialog // nil when not shown
	prompt    *widget.Label
	reason    *widget.Entry
	msg       *widget.Label // why 解锁并继续 was refused
	unlockBtn *widget.Button
	cancelBtn *widget.Button

	round   int
	retry   func()
	lastErr error // of the last unlock attempt
}

// unlockers maps each UI and its window to its unlocker. The edit form knows only its
// window, so the window leads it to the UI's handler.
var unlockers sync.Map

// registerLocks makes u's lock handler reachable from its window; every UI calls it once
// (through the 操作日志 screen's maker, which newUI runs for each UI).
func registerLocks(u *UI) {
	ul := &unlocker{u: u}
	unlockers.Store(u, ul)
	if u.win != nil {
		unlockers.Store(u.win, ul)
	}
}

func (u *UI) unlocker() *unlocker {
	v, _ := unlockers.LoadOrStore(u, &unlocker{u: u})
	return v.(*unlocker)
}

// handleLocked tells whether err is the refusal to change a locked (已上报) round. When it
// is, it asks the clerk in a dialog to unlock the round with a reason; once unlocked
// (store.Unlock, audited with the reason) retry runs. When it returns false err is some
// other failure, left to the caller.
func (u *UI) handleLocked(err error, retry func()) bool {
	if !errors.Is(err, data.ErrLocked) {
		return false
	}
	round := 0
	var le *data.LockedError
	if errors.As(err, &le) {
		round = le.Round
	}
	if round == 0 {
		// A refusal that does not name its round: the only locked one, if there is one.
		if ls, lerr := u.deps.Store.Locks(u.ctx()); lerr == nil && len(ls) == 1 {
			round = ls[0].Round
		}
	}
	if round == 0 {
		u.showError("届次已上报锁定", err)
		return true
	}
	u.unlocker().show(round, retry)
	return true
}

// askUnlock opens the unlock dialog for a round without a refused change (the 解锁… button
// of 报表); then runs after the unlock.
func (u *UI) askUnlock(round int, then func()) { u.unlocker().show(round, then) }

// handleLockedIn is handleLocked for code that knows only its window (the edit form). It
// returns false when err is not a lock refusal or no UI belongs to win.
func handleLockedIn(win fyne.Window, err error, retry func()) bool {
	v, ok := unlockers.Load(win)
	if !ok {
		return false
	}
	return v.(*unlocker).u.handleLocked(err, retry)
}

// show opens the dialog for round; a dialog already open for it just takes the new retry.
func (ul *unlocker) show(round int, retry func()) {
	ul.round, ul.retry, ul.lastErr = round, retry, nil
	if ul.dlg != nil {
		ul.dlg.Hide()
	}
	ul.prompt = widget.NewLabel(fmt.Sprintf("%d年届次已上报锁定。要修改，须先解锁并说明原因：", round))
	ul.prompt.Wrapping = fyne.TextWrapWord
	ul.reason = widget.NewMultiLineEntry()
	ul.reason.SetPlaceHolder("如：县委组织部通知更正东村村委会参加投票人数")
	ul.reason.SetMinRowsVisible(3)
	ul.reason.Wrapping = fyne.TextWrapWord
	ul.msg = widget.NewLabel("")
	ul.msg.Importance = widget.DangerImportance
	ul.msg.Wrapping = fyne.TextWrapWord
	ul.msg.Hide()
	note := widget.NewLabel("解锁和原因会记入“操作日志”。修改完成后，可在“报表”中重新生成报表并再次标记为已上报。")
	note.Wrapping = fyne.TextWrapWord
	note.SizeName = theme.SizeNameCaptionText
	ul.unlockBtn = widget.NewButtonWithIcon("解锁并继续", theme.ConfirmIcon(), ul.onUnlock)
	ul.unlockBtn.Importance = widget.HighImportance
	ul.cancelBtn = widget.NewButtonWithIcon("取消", theme.CancelIcon(), ul.onCancel)
	body := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(lockIcon), nil, ul.prompt),
		ul.reason, ul.msg, note,
		container.NewHBox(layout.NewSpacer(), ul.cancelBtn, ul.unlockBtn),
	)
	ul.dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf("%d年届次已上报", round), body, ul.u.win)
	ul.dlg.Show()
	// Wide enough for the prompt on one line; as tall as the content needs.
	ul.dlg.Resize(fyne.NewSize(560, ul.dlg.MinSize().Height))
	ul.u.win.Canvas().Focus(ul.reason)
}

// onUnlock refuses an empty reason; otherwise unlocks, closes the dialog and retries.
func (ul *unlocker) onUnlock() {
	reason := strings.TrimSpace(ul.reason.Text)
	if reason == "" {
		ul.showMsg("请填写解锁原因，原因会记入操作日志。")
		return
	}
	if err := ul.u.deps.Store.Unlock(ul.u.ctx(), ul.round, reason); err != nil {
		ul.lastErr = err
		fyne.LogError("unlock round", err)
		ul.showMsg("解锁失败：" + err.Error())
		return
	}
	ul.dlg.Hide()
	ul.dlg = nil
	retry := ul.retry
	ul.retry = nil
	ul.u.changed()
	if retry != nil {
		retry()
	}
}

func (ul *unlocker) onCancel() {
	ul.dlg.Hide()
	ul.dlg = nil
	ul.retry = nil
}

func (ul *unlocker) showMsg(s string) {
	ul.msg.SetText(s)
	ul.msg.Show()
	ul.dlg.Refresh()
}

// lockText says whether a round is locked: “已上报（锁定于 2026-11-20，张晓雯；换届完成情况汇总表）”.
func lockText(l data.RoundLock) string {
	var parts []string
	if !l.LockedAt.IsZero() {
		parts = append(parts, "锁定于 "+data.FormatDate(l.LockedAt.Local()))
	}
	if l.By != "" {
		parts = append(parts, l.By)
	}
	s := "已上报"
	if len(parts) > 0 {
		s += "（" + strings.Join(parts, "，")
		if l.Note != "" {
			s += "；" + l.Note
		}
		s += "）"
	} else if l.Note != "" {
		s += "（" + l.Note + "）"
	}
	return s
}
