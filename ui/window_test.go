package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWindowSize(t *testing.T) {
	for _, tc := range []struct {
		name         string
		screen, work fyne.Size
		known        bool
		want         fyne.Size
	}{
		{"1366×768, no work area (X11 without a window manager)", fyne.NewSize(1366, 768), fyne.Size{}, false, fyne.NewSize(1366, 697)},
		{"1366×768, Windows taskbar 40 px", fyne.NewSize(1366, 768), fyne.NewSize(1366, 728), true, fyne.NewSize(1366, 697)},
		{"1366×768, taskbar 48 px (Windows 11)", fyne.NewSize(1366, 768), fyne.NewSize(1366, 720), true, fyne.NewSize(1366, 689)},
		{"1366×768, taskbar on the left", fyne.NewSize(1366, 768), fyne.NewSize(1304, 768), true, fyne.NewSize(1304, 737)},
		{"1280×720", fyne.NewSize(1280, 720), fyne.Size{}, false, fyne.NewSize(1280, 649)},
		{"1920×1080", fyne.NewSize(1920, 1080), fyne.NewSize(1920, 1040), true, fyne.NewSize(1600, 1000)},
		{"1600×900", fyne.NewSize(1600, 900), fyne.NewSize(1600, 860), true, fyne.NewSize(1600, 829)},
		{"2560×1440", fyne.NewSize(2560, 1440), fyne.NewSize(2560, 1392), true, MaxWindowContent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := WindowSize(tc.screen, tc.work, tc.known); got != tc.want {
				t.Errorf("WindowSize = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestRememberedSize(t *testing.T) {
	fit := fyne.NewSize(1366, 697)
	for _, tc := range []struct {
		name        string
		saved, want fyne.Size
	}{
		{"none saved", fyne.Size{}, fit},
		{"smaller, kept", fyne.NewSize(1100, 650), fyne.NewSize(1100, 650)},
		{"from a bigger screen, cut to this one", fyne.NewSize(1600, 1000), fit},
		{"shrunk by accident, default", fyne.NewSize(300, 200), fit},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := RememberedSize(tc.saved, fit); got != tc.want {
				t.Errorf("RememberedSize(%v) = %v, want %v", tc.saved, got, tc.want)
			}
		})
	}
}

func TestSaveWindow(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	if _, _, _, ok := SavedWindow(p); ok {
		t.Fatal("a new app has a saved position")
	}
	SaveWindow(p, fyne.NewSize(1200, 680), 20, 10, true)
	size, x, y, ok := SavedWindow(p)
	if size != fyne.NewSize(1200, 680) || x != 20 || y != 10 || !ok {
		t.Errorf("SavedWindow = %v %d %d %v", size, x, y, ok)
	}
}

// TestScreensFitSmallScreen: every screen, on the demo township, lays out within the
// content a 1366×768 screen leaves under the title bar and above the taskbar (1366×697),
// so no footer (共 N 条, the status line) ends up below the window.
func TestScreensFitSmallScreen(t *testing.T) {
	u, _ := uibSetup(t)
	test.Tap(uibOverview(u).demoBtn)
	uibOverview(u).busy.Wait()
	u.changed()
	waitScreens(u)
	limit := WindowSize(fyne.NewSize(1366, 768), fyne.Size{}, false)
	u.win.Resize(limit)
	for _, label := range navItems {
		u.goTo(label)
		waitScreens(u)
		if got := u.win.Content().MinSize(); got.Width > limit.Width || got.Height > limit.Height {
			t.Errorf("%s needs %v, more than %v", label, got, limit)
		}
		if got := u.win.Canvas().Size(); got.Height > limit.Height+0.5 {
			t.Errorf("%s grew the window to %v", label, got)
		}
	}
}
