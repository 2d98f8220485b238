package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

// formField is one input of an edit form with the message line under it. name is the
// Chinese header of SPEC §3, the same string data.Problem.Field carries.
type formField struct {
	name     string
	entry    *widget.Entry     // text, count, round and date fields
	input0   fyne.CanvasObject // what the form lays out for the input (see view)
	sel      *widget.Select
	selEntry *widget.SelectEntry
	check    *widget.Check
	msg      *widget.Label   // the field's errors (red) or warnings (orange)
	parseErr string          // the value could not be read (not a number, bad date)
	touched  bool            // the clerk changed this field
	box      *fyne.Container // the input with its message line
}

// editForm is the edit dialog of a record: fields in two columns, each with its message
// line, validated on every change by building the record and calling its Validate.
// Save is refused while errors remain; cancel with unsaved changes asks first.
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

func (f *editForm) add(ff *formField) *formField {
	ff.msg = widget.NewLabel("")
	ff.msg.SizeName = theme.SizeNameCaptionText
	ff.msg.Wrapping = fyne.TextWrapWord
	ff.msg.Hide() // shown only with a message, so a clean form stays compact
	f.fields = append(f.fields, ff)
	f.byName[ff.name] = ff
	return ff
}

func (f *editForm) changed(ff *formField) {
	if f.filling {
		return
	}
	ff.touched = true
	f.dirty = true
	f.validate()
}

// addEntry adds a free-text field.
func (f *editForm) addEntry(name, value, placeholder string) *widget.Entry {
	ke := newKeyEntry(f.win)
	ff := f.add(&formField{name: name, entry: &ke.Entry, input0: ke})
	ff.entry.SetPlaceHolder(placeholder)
	ff.entry.SetText(value)
	ff.entry.OnChanged = func(string) { f.changed(ff) }
	ff.entry.OnSubmitted = func(string) { f.onSave() } // Enter saves, as in a spreadsheet form
	return ff.entry
}

// addCount adds a whole-number field; an empty field is 0.
func (f *editForm) addCount(name string, n int) *widget.Entry {
	v := ""
	if n != 0 {
		v = fmt.Sprint(n)
	}
	return f.addEntry(name, v, "0")
}

// addDate adds a date field accepting the spellings of SPEC §6, with a 📅 button beside it
// that picks the date from a calendar.
func (f *editForm) addDate(name string, t time.Time) *widget.Entry {
	e := f.addEntry(name, data.FormatDate(t), "如 2026-03-15")
	ff := f.byName[name]
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), nil)
	pick.OnTapped = func() { f.openCalendar(ff, pick) }
	ff.input0 = container.NewBorder(nil, nil, nil, pick, ff.input0)
	return e
}

// addSelect adds a drop-down of fixed options.
func (f *editForm) addSelect(name string, options []string, value string) *widget.Select {
	ff := f.add(&formField{name: name})
	ff.sel = widget.NewSelect(options, func(string) { f.changed(ff) })
	ff.sel.PlaceHolder = "（请选择）"
	if value != "" {
		ff.sel.SetSelected(value)
	}
	return ff.sel
}

// addSelectEntry adds a field the clerk can type into or pick from suggestions.
func (f *editForm) addSelectEntry(name string, options []string, value string) *widget.SelectEntry {
	se := newKeySelectEntry(f.win, options)
	ff := f.add(&formField{name: name, selEntry: &se.SelectEntry, input0: se})
	ff.selEntry.SetText(value)
	ff.selEntry.OnChanged = func(string) { f.changed(ff) }
	return ff.selEntry
}

// addCheck adds a yes/no field.
func (f *editForm) addCheck(name string, v bool) *widget.Check {
	ff := f.add(&formField{name: name})
	ff.check = widget.NewCheck("是", func(bool) { f.changed(ff) })
	ff.check.SetChecked(v)
	return ff.check
}

// text is a field's trimmed text (entries, select entries and selects).
func (f *editForm) text(name string) string {
	ff := f.byName[name]
	switch {
	case ff == nil:
		return ""
	case ff.entry != nil:
		return strings.TrimSpace(ff.entry.Text)
	case ff.selEntry != nil:
		return strings.TrimSpace(ff.selEntry.Text)
	case ff.sel != nil:
		return ff.sel.Selected
	}
	return ""
}

// selected is a drop-down's choice.
func (f *editForm) selected(name string) string { return f.text(name) }

// checked is a check field's state.
func (f *editForm) checked(name string) bool {
	ff := f.byName[name]
	return ff != nil && ff.check != nil && ff.check.Checked
}

// count reads a whole number, noting a parse error on the field.
func (f *editForm) count(name string) int {
	n, err := data.ParseCount(f.text(name))
	f.noteParse(name, err)
	return n
}

// date reads a date, noting a parse error on the field.
func (f *editForm) date(name string) time.Time {
	t, err := data.ParseDate(f.text(name))
	f.noteParse(name, err)
	return t
}

// round reads an election round (a year), noting a parse error on the field.
func (f *editForm) round(name string) int {
	n, err := data.ParseRound(f.text(name))
	f.noteParse(name, err)
	return n
}

func (f *editForm) noteParse(name string, err error) {
	if ff := f.byName[name]; ff != nil && err != nil {
		ff.parseErr = err.Error()
	}
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
			ff.msg.Hide()
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
		ff.msg.Show()
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
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), f.summary, buttons), nil, nil,
		container.NewVScroll(grid))
}

// view is what the form lays out for the field: the input, wrapped (a keyEntry, a date
// with its 📅 button).
func (ff *formField) view() fyne.CanvasObject {
	if ff.input0 != nil {
		return ff.input0
	}
	return ff.input()
}

// input is the field's input widget, for reading and enabling it.
func (ff *formField) input() fyne.CanvasObject {
	switch {
	case ff.entry != nil:
		return ff.entry
	case ff.selEntry != nil:
		return ff.selEntry
	case ff.sel != nil:
		return ff.sel
	}
	return ff.check
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
	f.bindKeys()
}

// calendar is the date picker of a date field: a month of day buttons under the year and
// month drop-downs, in a pop-up beside the field. Fyne's widget.Calendar (2.6+) would do,
// but it titles the month with Go's English names (“March 2026”) and cannot be told
// otherwise; this one says 2026年 3月 and starts the week on Monday, as Chinese calendars do.
type calendar struct {
	year, month *widget.Select
	grid        *fyne.Container // weekday heads, then the days of the month
	days        []*widget.Button
	pop         *widget.PopUp
	shown       time.Time // the first day of the month shown
	pick        func(time.Time)
}

// calWeekdays are the column heads, Monday first.
var calWeekdays = []string{"一", "二", "三", "四", "五", "六", "日"}

// openCalendar shows the date picker under the field's 📅 button, on the month of the date
// in the field (or today's month); a picked day fills the field as 2026-03-15.
func (f *editForm) openCalendar(ff *formField, anchor fyne.CanvasObject) {
	at, err := data.ParseDate(strings.TrimSpace(ff.entry.Text))
	if err != nil || at.IsZero() {
		at = time.Now()
	}
	c := newCalendar(at, func(t time.Time) {
		ff.entry.SetText(data.FormatDate(t)) // OnChanged validates and marks the form dirty
	})
	f.cal = c
	cv := f.win.Canvas()
	c.pop = widget.NewPopUp(c.content(), cv)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(anchor)
	pos = pos.Add(fyne.NewPos(0, anchor.Size().Height))
	size := c.pop.MinSize()
	// Keep the pop-up inside the window: above the button when there is no room below.
	if pos.Y+size.Height > cv.Size().Height {
		pos.Y = max(0, pos.Y-anchor.Size().Height-size.Height)
	}
	if pos.X+size.Width > cv.Size().Width {
		pos.X = max(0, cv.Size().Width-size.Width)
	}
	c.pop.ShowAtPosition(pos)
}

func newCalendar(at time.Time, pick func(time.Time)) *calendar {
	c := &calendar{pick: pick}
	years := make([]string, 0, 100)
	for y := time.Now().Year() + 2; y >= 1930; y-- {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	months := make([]string, 12)
	for m := range months {
		months[m] = fmt.Sprintf("%d月", m+1)
	}
	c.year = widget.NewSelect(years, func(string) { c.fromSelects() })
	c.month = widget.NewSelect(months, func(string) { c.fromSelects() })
	c.grid = container.NewGridWithColumns(7)
	c.showMonth(at)
	return c
}

func (c *calendar) content() fyne.CanvasObject {
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.showMonth(c.shown.AddDate(0, -1, 0)) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.showMonth(c.shown.AddDate(0, 1, 0)) })
	today := widget.NewButton("今天", func() { c.choose(time.Now()) })
	head := container.NewBorder(nil, nil, prev, next, container.NewCenter(container.NewHBox(c.year, c.month)))
	return container.NewVBox(head, c.grid, container.NewHBox(layout.NewSpacer(), today))
}

// fromSelects shows the month chosen in the drop-downs.
func (c *calendar) fromSelects() {
	var y, m int
	if _, err := fmt.Sscanf(c.year.Selected, "%d年", &y); err != nil {
		return
	}
	if _, err := fmt.Sscanf(c.month.Selected, "%d月", &m); err != nil {
		return
	}
	if y != c.shown.Year() || time.Month(m) != c.shown.Month() {
		c.showMonth(time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC))
	}
}

// showMonth fills the grid with the month of t.
func (c *calendar) showMonth(t time.Time) {
	c.shown = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	c.year.SetSelected(fmt.Sprintf("%d年", c.shown.Year()))
	c.month.SetSelected(fmt.Sprintf("%d月", int(c.shown.Month())))
	objs := make([]fyne.CanvasObject, 0, 7+6*7)
	for _, w := range calWeekdays {
		l := widget.NewLabel(w)
		l.Alignment = fyne.TextAlignCenter
		objs = append(objs, l)
	}
	lead := (int(c.shown.Weekday()) + 6) % 7 // Monday first
	for range lead {
		objs = append(objs, layout.NewSpacer())
	}
	c.days = c.days[:0]
	for d := c.shown; d.Month() == c.shown.Month(); d = d.AddDate(0, 0, 1) {
		day := d
		b := widget.NewButton(fmt.Sprint(d.Day()), func() { c.choose(day) })
		b.Importance = widget.LowImportance
		c.days = append(c.days, b)
		objs = append(objs, b)
	}
	c.grid.Objects = objs
	c.grid.Refresh()
}

// choose fills the field and closes the pop-up.
func (c *calendar) choose(t time.Time) {
	c.pick(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
	if c.pop != nil {
		c.pop.Hide()
	}
}
