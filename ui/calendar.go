package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

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
