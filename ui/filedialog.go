package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// saveDialog asks where to save a workbook, starting in the data folder, under name; the
// dialog creates the file, which save then replaces whole (by path).
func (u *UI) saveDialog(name string, save func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError("无法保存文件", err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		save(path)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.SetConfirmText("保存")
	d.SetDismissText("取消")
	u.startInDataFolder(d)
	d.Show()
}

// openDialog makes (without showing) a dialog asking for a file with one of exts, its
// button saying confirm; open gets the path of the file chosen, which it reads by path.
func (u *UI) openDialog(exts []string, confirm string, open func(path string)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError("无法打开文件", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		open(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetConfirmText(confirm)
	d.SetDismissText("取消")
	return d
}

// startInDataFolder opens d in 设置's data folder (else the database's), when it exists.
func (u *UI) startInDataFolder(d *dialog.FileDialog) {
	set, err := u.deps.Store.Settings(u.ctx())
	if err != nil {
		return
	}
	if l := settingsLister(settingsFolder(set, u.deps.DBPath)); l != nil {
		d.SetLocation(l)
	}
}
