//go:build windows

package main

import (
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"liangwei/ui"
)

var (
	user32            = syscall.NewLazyDLL("user32.dll")
	procGetWindowRect = user32.NewProc("GetWindowRect")
	procSetWindowPos  = user32.NewProc("SetWindowPos")
)

type rect struct{ Left, Top, Right, Bottom int32 }

const (
	swpNoSize     = 0x0001
	swpNoZOrder   = 0x0004
	swpNoActivate = 0x0010
)

func hwndOf(w fyne.Window) uintptr {
	var h uintptr
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if wc, ok := ctx.(driver.WindowsWindowContext); ok {
				h = wc.HWND
			}
		})
	}
	return h
}

// placeWindow puts the shown window where it was last closed when that is still inside the
// work area, else centred in the work area (not on the whole screen: the taskbar would
// cover its bottom), so its title bar and its footer are both in sight.
func placeWindow(w fyne.Window, _ bool) {
	h := hwndOf(w)
	if h == 0 {
		w.CenterOnScreen()
		return
	}
	var r rect
	if ok, _, _ := procGetWindowRect.Call(h, uintptr(unsafe.Pointer(&r))); ok == 0 {
		w.CenterOnScreen()
		return
	}
	_, work, wx, wy, known := screenAreas()
	if !known {
		w.CenterOnScreen()
		return
	}
	ow, oh := int(r.Right-r.Left), int(r.Bottom-r.Top)
	x := wx + (int(work.Width)-ow)/2
	y := wy + (int(work.Height)-oh)/2
	if _, sx, sy, ok := ui.SavedWindow(fyne.CurrentApp().Preferences()); ok &&
		sx >= wx && sy >= wy && sx+ow <= wx+int(work.Width) && sy+oh <= wy+int(work.Height) {
		x, y = sx, sy
	}
	x, y = max(x, wx), max(y, wy)
	procSetWindowPos.Call(h, 0, uintptr(x), uintptr(y), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
}

// windowPos is the window's top-left corner on the screen, kept for the next start.
func windowPos(w fyne.Window) (x, y int, ok bool) {
	h := hwndOf(w)
	if h == 0 {
		return 0, 0, false
	}
	var r rect
	if ok, _, _ := procGetWindowRect.Call(h, uintptr(unsafe.Pointer(&r))); ok == 0 {
		return 0, 0, false
	}
	return int(r.Left), int(r.Top), true
}
