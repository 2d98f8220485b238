package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
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
	entry    *widget.Entry // text, count, round and date fields
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
	ff := f.add(&formField{name: name, entry: widget.NewEntry()})
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

// addDate adds a date field accepting the spellings of SPEC §6.
func (f *editForm) addDate(name string, t time.Time) *widget.Entry {
	return f.addEntry(name, data.FormatDate(t), "如 2026-03-15")
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
	ff := f.add(&formField{name: name})
	ff.selEntry = widget.NewSelectEntry(options)
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
	if f.dlg != nil {
		f.dlg.Hide()
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
			ff.box = container.NewVBox(ff.input(), ff.msg)
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
}
