// Package ui is the desktop program's window content: the left navigation of SPEC §8 and one
// screen per file. It builds and tests without a display (fyne.io/fyne/v2/test); only
// cmd/liangwei starts a real app.
package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
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
	// LoadDemo imports the demo township into st (demo.Load): 概览's 载入示例数据. Passed in
	// so ui does not import the demo generator; nil leaves that button disabled.
	LoadDemo func(ctx context.Context, st data.Store, today time.Time) error
	// CheckAtStart: once the app has started, check the ledger's integrity in the
	// background (offering to restore the newest sound backup when it is damaged), then take
	// the daily automatic backup. The program sets it; tests call checkAtStart themselves.
	CheckAtStart bool
	// BeforeClose runs when the window is about to close (after any 放弃修改? question):
	// the program remembers the window's size and position there. nil in tests.
	BeforeClose func()
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
var navItems = []string{"概览", "村庄", "换届", "两委成员", "党组织", "乡镇班子", "信访举报", "约谈",
	"候选人", "村务监督委员会", "任职变动", "离任审计", "发展党员", "表彰", "报表", "汇总", "数据", "设置", "操作日志"}

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

	title    *widget.Label // 两委台账 above the navigation
	township *widget.Label // the township of 设置 under the title

	closeWindow func() // closes the window once the clerk agrees; tests replace it

	// busy counts the work run off the UI goroutine that no screen owns (the restore
	// offered at start, the system file dialogs); tests wait on it.
	busy sync.WaitGroup
}

// New builds the window content: navigation on the left, the 概览 screen shown.
func New(app fyne.App, win fyne.Window, deps Deps) fyne.CanvasObject {
	u := newUI(app, win, deps)
	return u.root()
}

func newUI(app fyne.App, win fyne.Window, deps Deps) *UI {
	UseChinese()
	if deps.Now == nil {
		deps.Now = time.Now
	}
	u := &UI{app: app, win: win, deps: deps, screens: map[string]screen{}, views: map[string]fyne.CanvasObject{}}
	u.closeWindow = func() {
		if deps.BeforeClose != nil {
			deps.BeforeClose()
		}
		win.Close()
	}
	for _, label := range navItems {
		if mk := screenMakers[label]; mk != nil {
			u.screens[label] = mk(u)
		}
	}
	if deps.CheckAtStart {
		app.Lifecycle().SetOnStarted(func() { go u.checkAtStart() })
	}
	return u
}

func (u *UI) root() fyne.CanvasObject {
	u.stack = container.NewStack()
	u.title = widget.NewLabelWithStyle("两委台账", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	u.title.SizeName = theme.SizeNameSubHeadingText
	u.township = widget.NewLabel("")
	u.township.Alignment = fyne.TextAlignCenter
	u.township.SizeName = theme.SizeNameCaptionText
	u.township.Truncation = fyne.TextTruncateEllipsis
	u.nav = widget.NewList(
		func() int { return len(navItems) },
		func() fyne.CanvasObject { return widget.NewLabel("两委成员") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(navItems[i]) },
	)
	u.nav.OnSelected = func(i widget.ListItemID) { u.show(navItems[i]) }
	u.loadTownship()
	u.nav.Select(0)
	head := container.NewVBox(u.title, u.township, widget.NewSeparator())
	split := container.NewHSplit(container.NewBorder(head, nil, nil, nil, u.nav), u.stack)
	split.Offset = 0.12
	u.win.SetCloseIntercept(u.onCloseWindow)
	// The tooltips of the window (cells cut short, disabled buttons) show in a layer over it.
	tl := newTipLayer()
	pushTipLayer(tl)
	return container.NewStack(split, tl.box)
}

// loadTownship shows the township of 设置 under the navigation title.
func (u *UI) loadTownship() {
	if u.township == nil || u.deps.Store == nil {
		return
	}
	set, err := u.deps.Store.Settings(u.ctx())
	if err != nil {
		fyne.LogError("read settings for the title", err)
		return
	}
	// The label keeps its row when empty: hiding it would need the navigation laid out again.
	u.township.SetText(set.Township)
}

// onCloseWindow closes the window, but first asks when an edit form holds unsaved changes,
// so closing the program never throws a clerk's typing away silently.
func (u *UI) onCloseWindow() {
	f := openForm(u.win)
	if f == nil || !f.dirty {
		u.closeWindow()
		return
	}
	d := dialog.NewConfirm("退出两委台账?", "“"+f.title+"”中有尚未保存的修改。退出将放弃这些修改，确定退出吗？", func(ok bool) {
		if ok {
			u.closeWindow()
		}
	}, u.win)
	d.SetConfirmText("放弃修改并退出")
	d.SetDismissText("继续编辑")
	d.Show()
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
	u.stack.Objects = []fyne.CanvasObject{view}
	u.stack.Refresh()
	u.bindScreenKeys()
	// The screen's refresh comes last: it may start a read whose result fyne.Do hands
	// back, which Fyne's test driver runs on the reading goroutine at once; the view is
	// drawn before that goroutine starts, never beside it.
	if s := u.screens[label]; s != nil {
		s.refresh()
	}
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
	u.loadTownship()
	for label, s := range u.screens {
		if _, built := u.views[label]; built {
			s.refresh()
		}
	}
}

func (u *UI) ctx() context.Context { return context.Background() }

// showError logs err and tells the clerk what happened in Chinese; the dialog's title and
// button are Chinese too (出错了, 确定), through UseChinese.
func (u *UI) showError(what string, err error) {
	fyne.LogError(what, err)
	d := dialog.NewError(&chineseError{what: what, err: err}, u.win)
	d.SetDismissText("确定")
	d.Show()
}

type chineseError struct {
	what string
	err  error
}

func (e *chineseError) Error() string { return e.what + "：" + e.err.Error() }

// The program's keyboard shortcuts (Ctrl on Windows and Linux, Cmd on macOS).
var (
	keyNew    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault} // 新增
	keySearch = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault} // focus 搜索
	keySave   = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault} // 保存 the open form
)

// appShortcuts are the shortcuts an entry passes on to its window (see keyEntry).
var appShortcuts = []*desktop.CustomShortcut{keyNew, keySearch, keySave}

// adder is a ledger screen with a 新增 action; searcher one with a search entry.
type (
	adder    interface{ onAdd() }
	searcher interface{ searchEntry() fyne.Focusable }
)

// bindScreenKeys registers Ctrl+N and Ctrl+F on the window for the screen just shown, when
// it has 新增 and a search entry, and removes them for screens that have not.
func (u *UI) bindScreenKeys() {
	c := u.win.Canvas()
	s := u.screens[u.current]
	if a, ok := s.(adder); ok {
		c.AddShortcut(keyNew, func(fyne.Shortcut) {
			if openForm(u.win) == nil {
				a.onAdd()
			}
		})
	} else {
		c.RemoveShortcut(keyNew)
	}
	if se, ok := s.(searcher); ok {
		c.AddShortcut(keySearch, func(fyne.Shortcut) {
			if openForm(u.win) == nil {
				c.Focus(se.searchEntry())
			}
		})
	} else {
		c.RemoveShortcut(keySearch)
	}
}

// keyEntry is an Entry that passes the program's shortcuts and Esc on to its window. A
// focused Entry receives every shortcut and drops those it does not know, so without this
// Ctrl+S typed in a form field, or Ctrl+N in the search box, would do nothing.
type keyEntry struct {
	widget.Entry
	win fyne.Window // nil: the canvas the driver finds for the entry
}

func newKeyEntry(win fyne.Window) *keyEntry {
	e := &keyEntry{win: win}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut hands the program's shortcuts to the window, the rest to the entry.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if !passShortcut(e.win, e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// TypedKey hands Esc to the window, the rest to the entry.
func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if !passEscape(e.win, e, k) {
		e.Entry.TypedKey(k)
	}
}

// keySelectEntry is a SelectEntry that passes the program's shortcuts and Esc on, as
// keyEntry does.
type keySelectEntry struct {
	widget.SelectEntry
	win fyne.Window
}

func newKeySelectEntry(win fyne.Window, options []string) *keySelectEntry {
	e := &keySelectEntry{win: win}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	return e
}

// TypedShortcut hands the program's shortcuts to the window, the rest to the entry.
func (e *keySelectEntry) TypedShortcut(s fyne.Shortcut) {
	if !passShortcut(e.win, e, s) {
		e.SelectEntry.TypedShortcut(s)
	}
}

// TypedKey hands Esc to the window, the rest to the entry.
func (e *keySelectEntry) TypedKey(k *fyne.KeyEvent) {
	if !passEscape(e.win, e, k) {
		e.SelectEntry.TypedKey(k)
	}
}

func canvasOf(win fyne.Window, o fyne.CanvasObject) fyne.Canvas {
	if win != nil {
		return win.Canvas()
	}
	if a := fyne.CurrentApp(); a != nil {
		return a.Driver().CanvasForObject(o)
	}
	return nil
}

// passShortcut gives s to the window's canvas when it is one of appShortcuts.
func passShortcut(win fyne.Window, o fyne.CanvasObject, s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return false
	}
	for _, a := range appShortcuts {
		if cs.ShortcutName() == a.ShortcutName() {
			if c, ok := canvasOf(win, o).(fyne.Shortcutable); ok {
				c.TypedShortcut(s)
			}
			return true
		}
	}
	return false
}

// passEscape gives Esc to the window's key handler, which an open form sets.
func passEscape(win fyne.Window, o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	if c := canvasOf(win, o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
		return true
	}
	return false
}
