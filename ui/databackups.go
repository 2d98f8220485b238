package ui

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

// datSize is a file size as a clerk reads it.
func datSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// datBackups is the 备份与还原 tab: back up now, the list of backups, restore one.
type datBackups struct {
	datItems[data.Backup]
	nowBtn  *widget.Button
	fileBtn *widget.Button
	confirm *dialog.ConfirmDialog // the restore question, while shown
}

func (b *datBackups) build(s *dataScreen) fyne.CanvasObject {
	intro := widget.NewLabel("程序每天第一次启动时自动备份，保留最近 30 份。还原会先把当前数据再备份一份，然后用所选备份替换整个台账。")
	intro.Wrapping = fyne.TextWrapWord
	b.nowBtn = widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), func() { s.backupNow() })
	b.nowBtn.Importance = widget.HighImportance
	b.fileBtn = widget.NewButtonWithIcon("从文件还原…", theme.FolderOpenIcon(), func() { s.onRestoreFile() })
	b.init("还没有备份。", "2026-11-20 10:30　　12.3 MB　　liangwei-20261120-103000.db", "还原…", theme.HistoryIcon(),
		func(it data.Backup) string {
			return datStamp(it.At) + "　　" + datSize(it.Size) + "　　" + filepath.Base(it.Path)
		}, s.askRestore)
	b.list.HideSeparators = false
	head := widget.NewLabelWithStyle("备份（最新的在上）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return b.body(container.NewVBox(intro, container.NewHBox(b.nowBtn, b.fileBtn), b.status, widget.NewSeparator(), head))
}

// reload lists the backups off the UI goroutine.
func (b *datBackups) reload(s *dataScreen) {
	b.datItems.reload(s, func() ([]data.Backup, error) { return s.u.deps.Store.Backups(s.u.ctx()) },
		"list backups", "读取备份列表失败：")
}

// backupNow writes a backup off the UI goroutine and lists it.
func (s *dataScreen) backupNow() {
	b := &s.backups
	b.nowBtn.Disable()
	b.status.Importance = widget.MediumImportance
	b.status.SetText("正在备份…")
	inBackground(&s.busy, func() {
		bk, err := s.u.deps.Store.BackupNow(s.u.ctx())
		onUI(func() {
			b.nowBtn.Enable()
			b.lastErr = err
			if err != nil {
				b.status.Importance = widget.DangerImportance
				b.status.SetText("备份失败：" + err.Error())
				s.u.showError("备份失败", err)
				return
			}
			b.status.Importance = widget.SuccessImportance
			b.status.SetText(fmt.Sprintf("已备份（%s，%s）：%s", datStamp(bk.At), datSize(bk.Size), bk.Path))
			b.reload(s)
		})
	})
}

// askRestore asks, naming the backup's date, before replacing the ledger with it.
func (s *dataScreen) askRestore(bk data.Backup) {
	when := datStamp(bk.At)
	if when == "" {
		when = filepath.Base(bk.Path)
	}
	msg := fmt.Sprintf("确定用 %s 的备份还原吗？\n\n当前的全部数据会先自动备份一份，然后整个台账替换为该备份的内容；\n此后录入的数据在还原后不再显示（可从刚才的自动备份找回）。", when)
	b := &s.backups
	b.confirm = dialog.NewConfirm("还原备份", msg, func(ok bool) {
		b.confirm = nil
		if ok {
			s.restoreBackup(bk)
		}
	}, s.u.win)
	b.confirm.SetConfirmText("还原")
	b.confirm.SetDismissText("取消")
	b.confirm.SetConfirmImportance(widget.DangerImportance)
	b.confirm.Show()
}

// restoreBackup replaces the ledger with a backup off the UI goroutine, then reloads every
// screen.
func (s *dataScreen) restoreBackup(bk data.Backup) {
	b := &s.backups
	b.nowBtn.Disable()
	b.status.Importance = widget.MediumImportance
	b.status.SetText("正在还原…")
	inBackground(&s.busy, func() {
		err := s.u.deps.Store.RestoreBackup(s.u.ctx(), bk.Path)
		onUI(func() {
			b.nowBtn.Enable()
			b.lastErr = err
			if err != nil {
				b.status.Importance = widget.DangerImportance
				b.status.SetText("还原失败，数据没有改变：" + err.Error())
				s.u.showError("还原失败，数据没有改变", err)
				return
			}
			b.status.Importance = widget.SuccessImportance
			when := datStamp(bk.At)
			if when == "" {
				when = filepath.Base(bk.Path)
			}
			b.status.SetText("已还原为 " + when + " 的备份。还原前的数据已自动备份，列在下面。")
			s.u.changed()
		})
	})
}

// onRestoreFile restores from a backup file chosen anywhere (one copied from another PC).
func (s *dataScreen) onRestoreFile() {
	s.u.openFile("选择要还原的备份文件", fileFilter{"备份文件 (*.db, *.sqlite, *.bak)", []string{".db", ".sqlite", ".bak"}}, "还原", false, func(path string) {
		bk := data.Backup{Path: path}
		if fi, err := os.Stat(path); err == nil {
			bk.At, bk.Size = fi.ModTime(), fi.Size()
		}
		s.askRestore(bk)
	})
}
