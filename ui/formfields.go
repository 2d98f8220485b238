package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	msg      *msgLine        // the field's errors (red) or warnings (orange), on one reserved line
	parseErr string          // the value could not be read (not a number, bad date)
	touched  bool            // the clerk changed this field
	box      *fyne.Container // the input with its message line
}

func (f *editForm) add(ff *formField) *formField {
	// The message line is always there, empty while the field is fine: a message appearing
	// does not push the fields below it down under the clerk's pointer. One line: a longer
	// message ends in an ellipsis and shows whole on hover (and in the summary on 保存).
	ff.msg = newMsgLine()
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
	var raw string
	switch {
	case ff == nil:
		return ""
	case ff.entry != nil:
		raw = ff.entry.Text
	case ff.selEntry != nil:
		raw = ff.selEntry.Text
	case ff.sel != nil:
		return ff.sel.Selected
	}
	// The same cleaning as the importer's (data.CleanText): a name pasted from a web page
	// with a zero-width space must not make a second 城关镇.
	s, err := data.CleanText(raw)
	if err != nil {
		f.noteParse(name, err)
		return strings.TrimSpace(raw)
	}
	return s
}

// selected is a drop-down's choice.
func (f *editForm) selected(name string) string { return f.text(name) }

// checked is a check field's state.
func (f *editForm) checked(name string) bool {
	ff := f.byName[name]
	return ff != nil && ff.check != nil && ff.check.Checked
}

func (f *editForm) noteParse(name string, err error) {
	if ff := f.byName[name]; ff != nil && err != nil {
		ff.parseErr = err.Error()
	}
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
