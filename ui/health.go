package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

// healthStore is what the start-up check needs beyond data.Store; the sqlite store has it,
// fakes in tests need not.
type healthStore interface {
	IntegrityCheck(ctx context.Context) error
	NewestSoundBackup(ctx context.Context) (data.Backup, bool, error)
	RestoreBackupFor(ctx context.Context, path, reason string) error
}

// startReason is the audit log's reason of a restore offered by the start-up check.
const startReason = "启动检查发现数据库已损坏，恢复最新的完好备份"

// checkAtStart checks the ledger's integrity (Deps.CheckAtStart: once the window is up, off
// the UI goroutine): when damaged it offers, in one dialog, to restore the newest sound
// backup; when sound it takes the daily backup (AutoBackup).
func (u *UI) checkAtStart() {
	ctx := u.ctx()
	hs, ok := u.deps.Store.(healthStore)
	if ok {
		if err := hs.IntegrityCheck(ctx); err != nil {
			b, found, berr := hs.NewestSoundBackup(ctx)
			onUI(func() { u.offerRestore(hs, err, b, found && berr == nil) })
			return
		}
	}
	if _, err := u.deps.Store.AutoBackup(ctx, u.deps.Now()); err != nil {
		fyne.LogError("自动备份失败", err)
	}
}

// offerRestore is the one dialog of a damaged ledger.
func (u *UI) offerRestore(hs healthStore, damage error, b data.Backup, found bool) {
	if !found {
		d := dialog.NewInformation("台账数据库已损坏",
			"启动检查发现台账数据库已损坏：\n"+damage.Error()+"\n\n备份文件夹中没有完好的备份。请不要继续修改台账，先把数据库文件复制一份保存，再联系技术人员。", u.win)
		d.SetDismissText("知道了")
		d.Show()
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("启动检查发现台账数据库已损坏：\n%s\n\n建议恢复最新的完好备份：%s（%s）。\n"+
		"恢复后，该备份之后录入的数据需要重新录入；操作日志全部保留，恢复也会记入日志；\n损坏的数据会另存一份，不会删除。",
		damage.Error(), data.LocalTime(b.At), filepath.Base(b.Path)))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("台账数据库已损坏", "恢复该备份", "暂不恢复", msg, func(ok bool) {
		if !ok {
			return
		}
		inBackground(&u.busy, func() {
			err := hs.RestoreBackupFor(u.ctx(), b.Path, startReason)
			onUI(func() {
				if err != nil {
					u.showError("恢复备份失败", err)
					return
				}
				dialog.ShowInformation("已恢复", "已恢复为 "+data.LocalTime(b.At)+" 的备份。", u.win)
				u.changed()
			})
		})
	}, u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}
