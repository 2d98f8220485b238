// Package ui is the desktop program's window content: the left navigation of SPEC §8 and one
// screen per file. It builds and tests without a display (fyne.io/fyne/v2/test); only
// cmd/liangwei starts a real app.
package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

// Deps are what the screens need from outside; tests pass a temp-file store and a fixed clock.
type Deps struct {
	Store  data.Store
	DBPath string           // shown in 设置; the database file in use
	Now    func() time.Time // the reference date; time.Now when nil
	// Open opens a file or folder with the operating system (a PDF to print, its folder).
	// nil in tests; the screens then only record what they would open.
	Open func(path string) error
}

// screen is one page of the navigation. Each screen file registers its maker in init.
type screen interface {
	// content builds the screen's widgets once.
	content() fyne.CanvasObject
	// refresh reloads what the screen shows from the store; called when it is shown and
	// after any change elsewhere (import, save, settings).
	refresh()
}

// navItems is the left navigation of SPEC §8, in order.
var navItems = []string{"概览", "村庄", "换届", "两委成员", "党组织", "乡镇班子", "信访举报", "约谈", "报表", "数据", "设置", "操作日志"}

// screenMakers holds the screens built so far, by navigation label; labels without one show
// 即将推出.
var screenMakers = map[string]func(*UI) screen{}

func register(label string, make func(*UI) screen) { screenMakers[label] = make }

// UI is the main window's content and the state the screens share.
type UI struct {
	app     fyne.App
	win     fyne.Window
	deps    Deps
	screens map[string]screen
	views   map[string]fyne.CanvasObject
	nav     *widget.List
	stack   *fyne.Container // holds the current screen's content
	current string
}

// New builds the window content: navigation on the left, the 概览 screen shown.
func New(app fyne.App, win fyne.Window, deps Deps) fyne.CanvasObject {
	u := newUI(app, win, deps)
	return u.root()
}

func newUI(app fyne.App, win fyne.Window, deps Deps) *UI {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	u := &UI{app: app, win: win, deps: deps, screens: map[string]screen{}, views: map[string]fyne.CanvasObject{}}
	for _, label := range navItems {
		if mk := screenMakers[label]; mk != nil {
			u.screens[label] = mk(u)
		}
	}
	return u
}

func (u *UI) root() fyne.CanvasObject {
	u.stack = container.NewStack()
	u.nav = widget.NewList(
		func() int { return len(navItems) },
		func() fyne.CanvasObject { return widget.NewLabel("两委成员") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(navItems[i]) },
	)
	u.nav.OnSelected = func(i widget.ListItemID) { u.show(navItems[i]) }
	u.nav.Select(0)
	split := container.NewHSplit(u.nav, u.stack)
	split.Offset = 0.12
	return split
}

// show switches to the screen with the navigation label, building it on first use.
func (u *UI) show(label string) {
	u.current = label
	view, ok := u.views[label]
	if !ok {
		if s := u.screens[label]; s != nil {
			view = s.content()
		} else {
			view = container.NewCenter(widget.NewLabel(label + "：即将推出"))
		}
		u.views[label] = view
	}
	if s := u.screens[label]; s != nil {
		s.refresh()
	}
	u.stack.Objects = []fyne.CanvasObject{view}
	u.stack.Refresh()
}

// goTo selects a navigation item as if the clerk had clicked it.
func (u *UI) goTo(label string) {
	for i, l := range navItems {
		if l == label {
			u.nav.Select(i)
			return
		}
	}
}

// changed tells every built screen that the data changed, so they reload.
func (u *UI) changed() {
	for label, s := range u.screens {
		if _, built := u.views[label]; built {
			s.refresh()
		}
	}
}

func (u *UI) ctx() context.Context { return context.Background() }

// showError logs err and tells the clerk what happened in Chinese.
func (u *UI) showError(what string, err error) {
	fyne.LogError(what, err)
	dialog.ShowError(&chineseError{what: what, err: err}, u.win)
}

type chineseError struct {
	what string
	err  error
}

func (e *chineseError) Error() string { return e.what + "：" + e.err.Error() }
