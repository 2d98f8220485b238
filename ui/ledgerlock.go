package ui

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

// lockInfo is which rounds are locked (已上报) and which were unlocked after being reported
// and not locked again: read from the locks and the audit log's last lock or unlock of each
// round, so it shows the same after a restart.
type lockInfo struct {
	locked   map[int]data.RoundLock
	reopened map[int]bool
}

// readLockInfo reads the lock state of every round.
func readLockInfo(u *UI) (lockInfo, error) { return readLocks(u.ctx(), u.deps.Store) }

// readLocks reads the lock state of every round from st.
func readLocks(ctx context.Context, st data.Store) (lockInfo, error) {
	li := lockInfo{locked: map[int]data.RoundLock{}, reopened: map[int]bool{}}
	ls, err := st.Locks(ctx)
	if err != nil {
		return li, err
	}
	for _, l := range ls {
		li.locked[l.Round] = l
	}
	log, err := st.AuditLog(ctx, data.AuditFilter{Kind: string(data.SubjectRound)})
	if err != nil {
		return li, err
	}
	seen := map[int]bool{}
	for _, e := range log { // newest first: the first lock or unlock of a round is its last
		r, err := strconv.Atoi(e.Record)
		if err != nil || seen[r] || (e.Action != "lock" && e.Action != "unlock") {
			continue
		}
		seen[r] = true
		if _, locked := li.locked[r]; e.Action == "unlock" && !locked {
			li.reopened[r] = true
		}
	}
	return li, nil
}

// lockedTip is what a disabled 新增/编辑/删除 of a locked round says.
func lockedTip(round int) string {
	return fmt.Sprintf("%d年届次已上报（只读）。要修改，请点上方的“解锁…”（或在“报表”中解锁）并填写原因，原因记入操作日志。", round)
}

// reopenedText is what a round unlocked after its report says, on 概览 and the ledgers.
func reopenedText(round int) string {
	return fmt.Sprintf("%d年届次已上报后解锁，修改后请重新上报并锁定（在“报表”中生成报表后点“标记为已上报”）。", round)
}

// ledgerLock is the lock state a ledger shows: a line above the table (已上报（只读）with
// 解锁…, or 已上报后解锁…) and 新增/编辑/删除 disabled, with a tooltip, while the round is locked.
type ledgerLock[T any] struct {
	// lockRound is the round the screen shows (0: none); recordRound the round a record
	// belongs to, when the screen shows several (the years of 党组织, 信访举报, 约谈).
	lockRound   func() int
	recordRound func(T) int

	info      lockInfo
	lockBar   *fyne.Container
	lockIcon  *widget.Icon
	lockLabel *widget.Label
	unlockBtn *widget.Button
}

// initLock makes the lock line; round and record say which round the screen and a record
// belong to (record nil: every record is of round()).
func (l *ledger[T]) initLock(round func() int, record func(T) int) {
	l.lockRound, l.recordRound = round, record
	l.lockIcon = widget.NewIcon(lockIcon)
	l.lockLabel = widget.NewLabel("")
	l.lockLabel.Wrapping = fyne.TextWrapWord
	l.unlockBtn = widget.NewButtonWithIcon("解锁…", theme.LoginIcon(), func() {
		r := l.lockRound()
		if r == 0 {
			return
		}
		l.u.askUnlock(r, func() {
			l.status.SetText(reopenedText(r))
		})
	})
	l.lockBar = container.NewBorder(nil, nil, l.lockIcon, l.unlockBtn, l.lockLabel)
	l.lockBar.Hide()
}

// loadLock reads the lock state (a quick read: the locks and the audit rows of rounds) and
// shows it; screens call it when their records are shown.
func (l *ledger[T]) loadLock() {
	if l.lockBar == nil {
		return
	}
	li, err := readLockInfo(l.u)
	if err != nil {
		fyne.LogError("read round locks", err)
	}
	l.info = li
	l.showLock()
}

// roundLocked says whether round is locked.
func (l *ledger[T]) roundLocked(round int) bool {
	_, ok := l.info.locked[round]
	return round != 0 && ok
}

// showLock shows the line for the screen's round and sets the buttons.
func (l *ledger[T]) showLock() {
	if l.lockBar == nil {
		return
	}
	r := l.lockRound()
	switch {
	case l.roundLocked(r):
		l.lockIcon.Show()
		l.lockLabel.Importance = widget.WarningImportance
		l.lockLabel.SetText(fmt.Sprintf("%d年届次%s，只读。要修改，请点“解锁…”并说明原因。", r, lockText(l.info.locked[r])))
		l.unlockBtn.Show()
		l.lockBar.Show()
	case r != 0 && l.info.reopened[r]:
		l.lockIcon.Hide()
		l.lockLabel.Importance = widget.WarningImportance
		l.lockLabel.SetText(reopenedText(r))
		l.unlockBtn.Hide()
		l.lockBar.Show()
	default:
		l.lockBar.Hide()
	}
	l.lockLabel.Refresh()
	l.updateButtons()
}

// yearChosen is the year a year filter shows, 0 for 全部年度.
func yearChosen(sel *widget.Select) int {
	v := filterValue(sel)
	if v == "" {
		return 0
	}
	y, err := data.ParseRound(v)
	if err != nil {
		return 0
	}
	return y
}
