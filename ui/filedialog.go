package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// nativeDialogs are the operating system's own open, save and folder dialogs, where the
// program has them (Windows: nativedialog_windows.go); nil elsewhere, where Fyne's dialogs
// serve. Each call blocks until the clerk answers, so it runs off the UI goroutine; ok is
// false when the clerk cancelled.
type nativeDialogs interface {
	open(title string, filter fileFilter, startDir string) (path string, ok bool, err error)
	save(title string, filter fileFilter, startDir, name string) (path string, ok bool, err error)
	folder(title, startDir string) (path string, ok bool, err error)
}

// fileFilter is a dialog's file types: what they are called and their extensions (with the dot).
type fileFilter struct {
	desc string
	exts []string
}

// native is the system dialogs of this build, nil without them; tests may set a fake.
var native nativeDialogs

// runNative asks a system dialog off the UI goroutine and hands a chosen path to then on it.
func (u *UI) runNative(what string, ask func() (string, bool, error), then func(path string)) {
	inBackground(&u.busy, func() {
		path, ok, err := ask()
		onUI(func() {
			switch {
			case err != nil:
				u.showError(what, err)
			case ok && path != "":
				then(path)
			}
		})
	})
}

// dataFolder is 设置's data folder (else the database's), or "" when it cannot be read.
func (u *UI) dataFolder() string {
	set, err := u.deps.Store.Settings(u.ctx())
	if err != nil {
		return ""
	}
	return settingsFolder(set, u.deps.DBPath)
}

// saveDialog asks where to save a workbook, starting in the data folder, under name; save
// gets the path, which it replaces whole. Fyne's dialog creates the file first.
func (u *UI) saveDialog(name string, save func(path string)) {
	if native != nil {
		folder := u.dataFolder()
		u.runNative("无法保存文件", func() (string, bool, error) {
			path, ok, err := native.save("保存为", fileFilter{"Excel 工作簿 (*.xlsx)", []string{".xlsx"}}, folder, name)
			if ok && !strings.EqualFold(fileExt(path), ".xlsx") {
				path += ".xlsx"
			}
			return path, ok, err
		}, save)
		return
	}
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

// openFile asks for a file of the filter, its button (in Fyne's dialog) saying confirm, and
// starting in the data folder when inData; open gets the path of the file chosen.
func (u *UI) openFile(title string, filter fileFilter, confirm string, inData bool, open func(path string)) {
	if native != nil {
		folder := ""
		if inData {
			folder = u.dataFolder()
		}
		u.runNative("无法打开文件", func() (string, bool, error) { return native.open(title, filter, folder) }, open)
		return
	}
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
	exts := filter.exts
	for _, e := range filter.exts {
		exts = append(exts, strings.ToUpper(e))
	}
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetConfirmText(confirm)
	d.SetDismissText("取消")
	if inData {
		u.startInDataFolder(d)
	}
	d.Show()
}

// openFolder asks for a folder, starting in start (when it exists); open gets its path.
func (u *UI) openFolder(title, start string, open func(path string)) {
	if native != nil {
		u.runNative("无法打开文件夹", func() (string, bool, error) { return native.folder(title, start) }, open)
		return
	}
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError("无法打开文件夹", err)
			return
		}
		if l != nil {
			open(l.Path())
		}
	}, u.win)
	d.SetConfirmText("选择")
	d.SetDismissText("取消")
	if l := settingsLister(start); l != nil {
		d.SetLocation(l)
	}
	d.Show()
}

// startInDataFolder opens d in 设置's data folder (else the database's), when it exists.
func (u *UI) startInDataFolder(d *dialog.FileDialog) {
	if l := settingsLister(u.dataFolder()); l != nil {
		d.SetLocation(l)
	}
}

func fileExt(path string) string {
	if i := strings.LastIndexAny(path, `.\/`); i >= 0 && path[i] == '.' {
		return path[i:]
	}
	return ""
}
