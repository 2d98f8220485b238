//go:build windows

package ui

import (
	"errors"
	"strings"

	"github.com/sqweek/dialog"
)

// On Windows the file dialogs are the system's own (GetOpenFileName, GetSaveFileName and
// the folder browser, through github.com/sqweek/dialog: plain syscalls, no cgo): Chinese
// as Windows is, with a path box, the desktop, 此电脑, USB drives and the WeChat/QQ download
// folders a clerk's files come from. See README “文件对话框”.
func init() { native = winDialogs{} }

type winDialogs struct{}

func (winDialogs) open(title string, f fileFilter, startDir string) (string, bool, error) {
	b := dialog.File().Title(title).Filter(f.desc, trimDots(f.exts)...).Filter("所有文件 (*.*)", "*")
	if startDir != "" {
		b = b.SetStartDir(startDir)
	}
	return answer(b.Load())
}

func (winDialogs) save(title string, f fileFilter, startDir, name string) (string, bool, error) {
	b := dialog.File().Title(title).Filter(f.desc, trimDots(f.exts)...).SetStartFile(name)
	if startDir != "" {
		b = b.SetStartDir(startDir)
	}
	return answer(b.Save())
}

func (winDialogs) folder(title, startDir string) (string, bool, error) {
	b := dialog.Directory().Title(title)
	if startDir != "" {
		b = b.SetStartDir(startDir)
	}
	return answer(b.Browse())
}

func answer(path string, err error) (string, bool, error) {
	if errors.Is(err, dialog.ErrCancelled) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return path, true, nil
}

func trimDots(exts []string) []string {
	out := make([]string, len(exts))
	for i, e := range exts {
		out[i] = strings.TrimPrefix(e, ".")
	}
	return out
}
