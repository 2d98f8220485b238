package main

import (
	"runtime"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"

	"liangwei/ui"
)

// screenAreas reads the primary monitor's size and work area (the screen less the taskbar)
// through GLFW, which the Fyne driver has initialised on this, the main, thread by the time
// a window exists. workKnown is false where the work area says nothing: GLFW reports the whole
// screen on X11 without a window manager, so on systems other than Windows a work area equal
// to the screen is taken as unknown (ui.WindowSize then assumes a taskbar). Windows reports
// its real work area, the whole screen only when the taskbar hides itself.
func screenAreas() (screen, work fyne.Size, workX, workY int, workKnown bool) {
	defer func() {
		if recover() != nil { // no monitor (a headless session): sizes stay zero
			workKnown = false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return
	}
	mode := m.GetVideoMode()
	if mode == nil {
		return
	}
	screen = fyne.NewSize(float32(mode.Width), float32(mode.Height))
	x, y, w, h := m.GetWorkarea()
	work = fyne.NewSize(float32(w), float32(h))
	workX, workY = x, y
	workKnown = w > 0 && h > 0 && (runtime.GOOS == "windows" || w != mode.Width || h != mode.Height)
	return
}

// sizeWindow gives w its opening size: the remembered one (or the size for this screen),
// never larger than the screen's work area less the title bar, in Fyne units. It returns
// whether the window fills the work area's height, when centring it on the whole screen
// would put its bottom under the taskbar.
func sizeWindow(a fyne.App, w fyne.Window) (tall bool) {
	screen, work, _, _, known := screenAreas()
	if screen.Width <= 0 {
		screen = fyne.NewSize(1366, 768) // unknown: plan for the smallest usual screen
	}
	// GLFW counts device pixels, Fyne units; they differ on a scaled display (125% etc.).
	scale := w.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	div := func(s fyne.Size) fyne.Size { return fyne.NewSize(s.Width/scale, s.Height/scale) }
	fit := ui.WindowSize(div(screen), div(work), known)
	saved, _, _, _ := ui.SavedWindow(a.Preferences())
	size := ui.RememberedSize(saved, fit)
	w.Resize(size)
	return size.Height >= fit.Height
}
