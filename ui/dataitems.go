package ui

import (
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// datStamp is a time on the clerk's clock, to the minute.
func datStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(time.Local).Format("2006-01-02 15:04")
}

// datItems is a tab's list of stored items (backups, deleted records), each row a text and a
// button, with a status line above it and a note over it while there are none.
type datItems[T any] struct {
	status  *widget.Label
	list    *widget.List
	empty   *widget.Label
	items   []T
	gen     atomic.Int64
	lastErr error
}

// init makes the status line, the empty note and the list; sample sizes a row, which shows
// text(item) beside a button that calls tap(item).
func (l *datItems[T]) init(empty, sample, btnText string, icon fyne.Resource, text func(T) string, tap func(T)) {
	l.status = widget.NewLabel("")
	l.status.Wrapping = fyne.TextWrapWord
	l.empty = widget.NewLabel(empty)
	l.list = widget.NewList(
		func() int { return len(l.items) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel(sample)
			lb.Truncation = fyne.TextTruncateEllipsis
			btn := widget.NewButtonWithIcon(btnText, icon, nil)
			return container.NewBorder(nil, nil, nil, btn, lb)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(l.items) {
				return
			}
			it := l.items[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(text(it))
			c.Objects[1].(*widget.Button).OnTapped = func() { tap(it) }
		},
	)
}

// body is top above the list, with the empty note centred over it.
func (l *datItems[T]) body(top fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(top, nil, nil, nil, container.NewStack(l.list, container.NewCenter(l.empty)))
}

// reload lists the items off the UI goroutine; a failure is logged as logWhat and shown in
// the status line after failed.
func (l *datItems[T]) reload(s *dataScreen, read func() ([]T, error), logWhat, failed string) {
	refreshLater(&s.busy, &l.gen, read, func(items []T, err error) {
		if err != nil {
			l.lastErr = err
			fyne.LogError(logWhat, err)
			l.status.SetText(failed + err.Error())
			return
		}
		l.items = items
		l.empty.Hidden = len(items) > 0
		l.empty.Refresh()
		l.list.Refresh()
	})
}
