package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// doubleClickTime is how soon a second click on the same row opens it, as Windows' default.
const doubleClickTime = 500 * time.Millisecond

// ledgerGrid is the widget.Table of a ledger with what a clerk expects of a spreadsheet-like
// list: a double click or Enter on a row opens its form (onActivate), and columns share the
// width the window has beyond their own, in proportion to it, so a wider screen shows
// longer texts rather than an empty band on the right.
type ledgerGrid struct {
	widget.Table

	widths     []float32     // each column's own width (its content's usual width)
	current    []float32     // the widths given at the current size
	onActivate func(row int) // double click or Enter on a row
	selected   func() int    // the selected row, -1 for none
	lastRow    int           // the row of the last click, for double clicks
	lastAt     time.Time     // when it was
	now        func() time.Time
}

func newLedgerGrid(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *ledgerGrid {
	g := &ledgerGrid{lastRow: -1, now: time.Now, selected: func() int { return -1 }}
	g.Length, g.CreateCell, g.UpdateCell = length, create, update
	g.ExtendBaseWidget(g)
	return g
}

// setWidths sets the columns' own widths, shared out again at the current size.
func (g *ledgerGrid) setWidths(ws []float32) {
	g.widths = ws
	g.spread(g.Size().Width)
}

// Resize lays the table out at size, the columns widened to fill it.
func (g *ledgerGrid) Resize(size fyne.Size) {
	if size != g.Size() {
		g.spread(size.Width)
	}
	g.Table.Resize(size)
}

// spreadWidths are the widths of columns of own widths ws filling width (less room for the
// vertical scroll bar): each column gets extra width in proportion to its own, never less.
func spreadWidths(ws []float32, width float32) []float32 {
	var sum float32
	for _, w := range ws {
		sum += w
	}
	out := make([]float32, len(ws))
	copy(out, ws)
	room := width - sum - scrollBarRoom
	if sum <= 0 || room <= 1 {
		return out
	}
	for i, w := range ws {
		out[i] = w + room*w/sum
	}
	return out
}

// scrollBarRoom is kept free at the right for the vertical scroll bar.
const scrollBarRoom = 16

func (g *ledgerGrid) spread(width float32) {
	g.current = spreadWidths(g.widths, width)
	for i, w := range g.current {
		g.SetColumnWidth(i, w)
	}
}

// colWidth is a column's width at the current size.
func (g *ledgerGrid) colWidth(col int) float32 {
	if col < len(g.current) {
		return g.current[col]
	}
	return 0
}

// Tapped selects the cell tapped; a second tap on the same row within doubleClickTime
// activates it. (Fyne's own double tap would hold every single click back until the
// double-tap time has passed, making selection feel slow.)
func (g *ledgerGrid) Tapped(e *fyne.PointEvent) {
	g.Table.Tapped(e)
	row := g.selected()
	now := g.now()
	if row >= 0 && row == g.lastRow && now.Sub(g.lastAt) <= doubleClickTime {
		g.lastRow = -1
		if g.onActivate != nil {
			g.onActivate(row)
		}
		return
	}
	g.lastRow, g.lastAt = row, now
}

// TypedKey opens the focused (or selected) row on Enter, and moves the focus with the
// arrow keys as widget.Table does.
func (g *ledgerGrid) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		if row := g.selected(); row >= 0 && g.onActivate != nil {
			g.onActivate(row)
		}
		return
	}
	g.Table.TypedKey(e)
}
