package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

// editForm is the edit dialog of a record: fields in two columns, each with its message
// line, validated on every change by building the record and calling its Validate.
// Save is refused while errors remain; cancel with unsaved changes asks first. This file
// is the dialog (validation, save, cancel, keys, layout); the fields a screen adds and
// reads are in formfields.go, the date picker in calendar.go.
type editForm struct {
	win     fyne.Window
	title   string
	editing bool // an existing record: its problems are shown from the start

	fields []*formField
	byName map[string]*formField

	summary   *widget.Label // why Save was refused, or the store's error
	saveBtn   *widget.Button
	cancelBtn *widget.Button
	dlg       *dialog.CustomDialog
	confirm   *dialog.ConfirmDialog // the 放弃修改? question, while shown

	// build reads the fields into a record and returns its problems; it reads values
	// through text, count, date, round, selected and checked, which note parse errors.
	build func() data.Problems
	// save stores the record built from the fields; a data.Problems error is shown on the
	// fields, any other error in the summary.
	save func() error
	// onSaved runs after a successful save, once the dialog is closed.
	onSaved func()

	gridHeight float32         // the fields' height without messages, to size the dialog
	grid       *fyne.Container // the two columns of fields, laid out again when messages change

	problems  data.Problems // of the last validation, parse errors included
	dirty     bool
	attempted bool // Save was pressed at least once
	filling   bool // fields are being set by code, not by the clerk
	closed    bool

	tips    *tipLayer            // where the form's tooltips show
	cal     *calendar            // the date picker last opened
	prevKey func(*fyne.KeyEvent) // the window's key handler before the form took Esc
}

// newEditForm starts an empty form; add fields, set build and save, then show it.
func newEditForm(win fyne.Window, title string, editing bool) *editForm {
	f := &editForm{win: win, title: title, editing: editing, byName: map[string]*formField{}, filling: true}
	f.summary = widget.NewLabel("")
	f.summary.Importance = widget.DangerImportance
	f.summary.Wrapping = fyne.TextWrapWord
	f.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), f.onSave)
	f.saveBtn.Importance = widget.HighImportance
	f.cancelBtn = widget.NewButtonWithIcon("取消", theme.CancelIcon(), f.onCancel)
	return f
}

// validate builds the record, collects its problems and the fields' parse errors, and shows
// them. It returns every problem, parse errors first.
func (f *editForm) validate() data.Problems {
	for _, ff := range f.fields {
		ff.parseErr = ""
	}
	var ps data.Problems
	if f.build != nil {
		ps = f.build()
	}
	var all data.Problems
	for _, ff := range f.fields {
		if ff.parseErr != "" {
			all = append(all, data.Problem{Field: ff.name, Level: data.LevelError, Message: ff.parseErr})
		}
	}
	for _, p := range ps {
		// A field that cannot be read shows only why; rules on its zero value would mislead.
		if ff := f.byName[p.Field]; ff != nil && ff.parseErr != "" {
			continue
		}
		all = append(all, p)
	}
	f.problems = all
	f.show(all)
	return all
}

// visible reports whether a problem is shown yet. On a new record, “X不能为空” on a field
// the clerk has not reached stays quiet until Save is pressed, so a fresh form is not all
// red; every other rule shows as soon as it is broken.
func (f *editForm) visible(ff *formField, p data.Problem) bool {
	if f.editing || f.attempted || ff.touched {
		return true
	}
	return p.Message != ff.name+"不能为空"
}

func (f *editForm) show(ps data.Problems) {
	var other []string
	for _, p := range ps {
		if f.byName[p.Field] == nil {
			other = append(other, p.Field+"："+p.Message)
		}
	}
	for _, ff := range f.fields {
		var mine data.Problems
		for _, p := range ps.For(ff.name) {
			if f.visible(ff, p) {
				mine = append(mine, p)
			}
		}
		if len(mine) == 0 {
			ff.msg.SetText("")
			continue
		}
		msgs := make([]string, len(mine))
		for i, p := range mine {
			msgs[i] = p.Message
			if p.Level == data.LevelWarning {
				msgs[i] = "提示：" + p.Message
			}
		}
		if mine.HasErrors() {
			ff.msg.Importance = widget.DangerImportance
		} else {
			ff.msg.Importance = widget.WarningImportance
		}
		ff.msg.SetText(strings.Join(msgs, "；"))
	}
	f.relayout()
	if !f.attempted {
		return
	}
	errs := ps.Errors()
	order := map[string]int{}
	for i, ff := range f.fields {
		order[ff.name] = i
	}
	sort.SliceStable(errs, func(i, j int) bool { return order[errs[i].Field] < order[errs[j].Field] })
	if len(errs) == 0 {
		f.summary.SetText(strings.Join(other, "；"))
		return
	}
	msgs := make([]string, len(errs))
	for i, p := range errs {
		msgs[i] = p.Field + "：" + p.Message
	}
	f.summary.SetText(fmt.Sprintf("还有 %d 处错误，不能保存：%s", len(errs), strings.Join(msgs, "；")))
}

// relayout lays the fields out again after message lines appeared or vanished; a container
// does not notice that a child was shown or hidden.
func (f *editForm) relayout() {
	if f.grid == nil {
		return
	}
	for _, ff := range f.fields {
		ff.box.Refresh()
	}
	for _, c := range f.grid.Objects {
		c.Refresh()
	}
	f.grid.Refresh()
}

// onSave validates, refuses to save with the reason while errors remain, and otherwise
// saves through the store and closes the dialog.
func (f *editForm) onSave() {
	f.attempted = true
	if f.validate().HasErrors() {
		return
	}
	if f.save == nil {
		return
	}
	if err := f.save(); err != nil {
		var ps data.Problems
		if errors.As(err, &ps) && ps.HasErrors() {
			// The store validated again and found what the form did not: show its list.
			f.problems = ps
			f.show(ps)
			return
		}
		f.summary.SetText("保存失败：" + err.Error())
		handleLockedIn(f.win, err, f.onSave) // a locked round: unlock with a reason, then save again
		return
	}
	f.dirty = false
	f.close()
	if f.onSaved != nil {
		f.onSaved()
	}
}

// onCancel closes the form, asking first when there are unsaved changes.
func (f *editForm) onCancel() {
	if !f.dirty {
		f.close()
		return
	}
	f.confirm = dialog.NewConfirm("放弃修改?", "表单中有尚未保存的修改，确定放弃吗？", func(ok bool) {
		f.confirm = nil
		if ok {
			f.close()
		}
	}, f.win)
	f.confirm.SetConfirmText("放弃修改")
	f.confirm.SetDismissText("继续编辑")
	f.confirm.Show()
}

func (f *editForm) close() {
	f.closed = true
	if f.tips != nil {
		popTipLayer(f.tips)
	}
	f.unbindKeys()
	if f.cal != nil {
		f.cal.pop.Hide()
	}
	if f.dlg != nil {
		f.dlg.Hide()
	}
}

// openForms are the edit forms shown, by window: a window shows one at a time.
var (
	openFormsMu sync.Mutex
	openForms   = map[fyne.Window]*editForm{}
)

// openForm is the edit form shown in win, or nil.
func openForm(win fyne.Window) *editForm {
	openFormsMu.Lock()
	defer openFormsMu.Unlock()
	return openForms[win]
}

// bindKeys makes Ctrl+S save and Esc cancel while the form is shown, and marks it as the
// window's open form (so Ctrl+N does not open another, and closing the window asks).
func (f *editForm) bindKeys() {
	if f.win == nil {
		return
	}
	openFormsMu.Lock()
	openForms[f.win] = f
	openFormsMu.Unlock()
	c := f.win.Canvas()
	c.AddShortcut(keySave, func(fyne.Shortcut) { f.onKeySave() })
	f.prevKey = c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			f.onKeyEscape()
			return
		}
		if f.prevKey != nil {
			f.prevKey(k)
		}
	})
}

// unbindKeys gives the window its keys back when the form closes.
func (f *editForm) unbindKeys() {
	if f.win == nil {
		return
	}
	openFormsMu.Lock()
	if openForms[f.win] != f {
		openFormsMu.Unlock()
		return
	}
	delete(openForms, f.win)
	openFormsMu.Unlock()
	c := f.win.Canvas()
	c.RemoveShortcut(keySave)
	c.SetOnTypedKey(f.prevKey)
}

// onKeySave is Ctrl+S: Save, unless the 放弃修改? question is up.
func (f *editForm) onKeySave() {
	if f.confirm != nil || f.closed {
		return
	}
	f.saveBtn.OnTapped() // the button's action, which a screen may have wrapped
}

// onKeyEscape is Esc: it closes the calendar when open, answers 继续编辑 when the 放弃修改?
// question is up, and otherwise cancels like the 取消 button.
func (f *editForm) onKeyEscape() {
	switch {
	case f.closed:
	case f.cal != nil && f.cal.pop.Visible():
		f.cal.pop.Hide()
	case f.confirm != nil:
		f.confirm.Hide()
		f.confirm = nil
	default:
		f.onCancel()
	}
}

// content lays the fields out in two columns (label, input, message line under the input),
// then the summary and the buttons.
func (f *editForm) content() fyne.CanvasObject {
	half := (len(f.fields) + 1) / 2
	column := func(fs []*formField) fyne.CanvasObject {
		c := container.New(layout.NewFormLayout())
		for _, ff := range fs {
			label := widget.NewLabel(ff.name)
			label.Alignment = fyne.TextAlignTrailing
			c.Add(label)
			ff.box = container.NewVBox(ff.view(), ff.msg)
			c.Add(ff.box)
		}
		return c
	}
	grid := container.NewGridWithColumns(2, column(f.fields[:half]), column(f.fields[half:]))
	f.grid = grid
	buttons := container.NewHBox(layout.NewSpacer(), f.cancelBtn, f.saveBtn)
	f.gridHeight = grid.MinSize().Height
	// The tooltips of the form (a message cut short) show in a layer over it.
	f.tips = newTipLayer()
	return container.NewStack(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), f.summary, buttons), nil, nil,
		container.NewVScroll(grid)), f.tips.box)
}

// showDialog validates once (showing the problems of an existing record) and opens the form
// in a dialog sized for a 1366×768 screen.
func (f *editForm) showDialog() {
	f.filling = false
	f.validate()
	f.dlg = dialog.NewCustomWithoutButtons(f.title, f.content(), f.win)
	// Room for every field plus a few message lines, but never taller than what a
	// 1366×768 screen leaves under the title bar and taskbar; beyond that the fields scroll.
	h := min(max(f.gridHeight+260, 380), 650)
	f.dlg.Resize(fyne.NewSize(1000, h))
	f.dlg.Show()
	pushTipLayer(f.tips)
	f.bindKeys()
}
