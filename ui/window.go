package ui

import "fyne.io/fyne/v2"

// The main window's size. A clerk's PC is often a 1366×768 laptop with the Windows taskbar
// (40 px) at the bottom and the window's title bar (~31 px) on top: the window's content
// then has 1366×697 px, and every screen is laid out to read at that size.
const (
	// AssumedTaskbar and AssumedTitleBar are what the system takes where the work area
	// cannot be read (X11 without a window manager, for one).
	AssumedTaskbar  = 40
	AssumedTitleBar = 31
)

// MaxWindowContent is the largest content the main window opens with, on a big screen: the
// tables then show more columns at once without the window swallowing a 2560×1440 desktop.
var MaxWindowContent = fyne.NewSize(1600, 1000)

// minRemembered is the smallest remembered size taken back; anything smaller (a window
// shrunk by accident) opens at the default size instead.
var minRemembered = fyne.NewSize(800, 500)

// WindowSize is the content size (what Window.Resize takes) the main window opens with on a
// screen, given the work area the system reports (the screen less its taskbars). workKnown
// is false where the system cannot tell (or reports the whole screen while a panel may still
// be there): the work area is then the screen less AssumedTaskbar. The window fills the work
// area less its title bar, up to MaxWindowContent: on 1366×768 it is 1366×697.
func WindowSize(screen, work fyne.Size, workKnown bool) fyne.Size {
	if !workKnown || work.Width <= 0 || work.Height <= 0 {
		work = fyne.NewSize(screen.Width, screen.Height-AssumedTaskbar)
	}
	avail := fyne.NewSize(work.Width, work.Height-AssumedTitleBar)
	return fyne.NewSize(min(avail.Width, MaxWindowContent.Width), min(avail.Height, MaxWindowContent.Height))
}

// RememberedSize is the size to reopen with: the one saved when the window last closed,
// no larger than fit (WindowSize of this screen), or fit when none was saved or it was
// smaller than minRemembered.
func RememberedSize(saved, fit fyne.Size) fyne.Size {
	if saved.Width < minRemembered.Width || saved.Height < minRemembered.Height {
		return fit
	}
	return fyne.NewSize(min(saved.Width, fit.Width), min(saved.Height, fit.Height))
}

// The preference keys of the window's size and position.
const (
	prefWindowW = "window.width"
	prefWindowH = "window.height"
	prefWindowX = "window.x"
	prefWindowY = "window.y"
)

// SavedWindow reads the window size (and, where the system lets the program place its
// window, its position; ok false when none was saved) kept by SaveWindow.
func SavedWindow(p fyne.Preferences) (size fyne.Size, x, y int, posOK bool) {
	size = fyne.NewSize(float32(p.Float(prefWindowW)), float32(p.Float(prefWindowH)))
	const none = -1 << 30
	x, y = p.IntWithFallback(prefWindowX, none), p.IntWithFallback(prefWindowY, none)
	posOK = x != none && y != none
	return size, x, y, posOK
}

// SaveWindow keeps the window's content size, and its position when posOK.
func SaveWindow(p fyne.Preferences, size fyne.Size, x, y int, posOK bool) {
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	p.SetFloat(prefWindowW, float64(size.Width))
	p.SetFloat(prefWindowH, float64(size.Height))
	if posOK {
		p.SetInt(prefWindowX, x)
		p.SetInt(prefWindowY, y)
	}
}
