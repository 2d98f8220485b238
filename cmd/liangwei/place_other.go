//go:build !windows

package main

import "fyne.io/fyne/v2"

// placeWindow centres a window smaller than the work area; one as tall as the work area is
// left where the window manager puts it (clear of its panels), since Fyne centres on the
// whole screen. Without a window manager it opens at the top left, clear of any taskbar.
func placeWindow(w fyne.Window, tall bool) {
	if !tall {
		w.CenterOnScreen()
	}
}

// windowPos is where the window is, for the next start; other systems do not let Fyne
// programs place their window, so it is not kept.
func windowPos(fyne.Window) (x, y int, ok bool) { return 0, 0, false }
