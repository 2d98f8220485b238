package ui

import (
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// column describes one column of a ledger table.
type column[T any] struct {
	title   string          // Chinese header
	width   float32         // width in pixels, sized for the Chinese content
	numeric bool            // right-aligned and sorted as a number
	text    func(T) string  // the cell text
	num     func(T) float64 // the sort value of a numeric column
	// Set instead of text and num by fieldCol: a field read through the record's address
	// would otherwise copy each record to the heap, once per cell of a province's ledger.
	textAt func(*T) string
	numAt  func(*T) float64
}

// cell is the cell text of r.
func (c *column[T]) cell(r *T) string {
	if c.textAt != nil {
		return c.textAt(r)
	}
	return c.text(*r)
}

// sortNum is the sort value of r in a numeric column.
func (c *column[T]) sortNum(r *T) float64 {
	if c.numAt != nil {
		return c.numAt(r)
	}
	return c.num(*r)
}

// tableFilter is one drop-down that narrows the rows to those whose value equals the choice.
type tableFilter[T any] struct {
	all   string   // the first option, meaning no filter (全部乡镇)
	fixed []string // the options; nil means the distinct values found in the data
	value func(T) string
	sel   *widget.Select
}

// ledgerTable is the reusable ledger table of the record screens: a header row whose
// buttons sort, a search entry matching any cell, filter drop-downs, a “共 N 条” count and
// row selection. All rows live in memory; filtering and sorting work on indices, and the
// widget.Table only draws the visible cells, so 5,000+ rows stay quick.
type ledgerTable[T any] struct {
	cols    []column[T]
	filters []*tableFilter[T]

	search *keyEntry // passes Ctrl+N and Esc on to the window
	count  *widget.Label
	table  *ledgerGrid
	empty  *widget.Label // shown instead of the table when there are no rows
	body   *fyne.Container

	all      []T
	rows     *tableRows[T] // all, with its search texts and filter values
	view     []int         // indices into all, filtered and sorted
	sortCol  int           // -1: the store's order
	sortDesc bool
	// The order of every row by the columns sorted since the last setData.
	orders     map[int]*colOrder
	selected   int                // index into view, -1 when none
	widthCache map[string]float32 // the measured width of cell texts (see fits)
	emptyText  string
	loading    bool // a load is under way (see setLoading)

	// onSelect is called when the clerk selects a row; onActivate when they double-click
	// it or press Enter on it (the ledger opens its form).
	onSelect   func(T)
	onActivate func(T)
}

// newLedgerTable builds the table widgets for the given columns.
func newLedgerTable[T any](cols []column[T]) *ledgerTable[T] {
	lt := &ledgerTable[T]{cols: cols, sortCol: -1, selected: -1}
	lt.search = newKeyEntry(nil)
	lt.search.SetPlaceHolder("搜索（任意一列）")
	lt.search.OnChanged = func(string) { lt.apply() }
	lt.count = widget.NewLabel("共 0 条")
	lt.empty = widget.NewLabel("")
	lt.empty.Alignment = fyne.TextAlignCenter
	lt.empty.Importance = widget.MediumImportance
	lt.empty.Hide()

	lt.table = newLedgerGrid(
		func() (int, int) { return len(lt.view), len(lt.cols) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
			bg.Hide()
			// A text wider than its column ends in an ellipsis, and the mouse resting on
			// it shows the whole text. (The label is set only when its text changes, so
			// the ellipsis is worked out again only for the cells that change.)
			return container.NewStack(bg, newTipLabel(""))
		},
		lt.updateCell,
	)
	lt.table.ShowHeaderRow = true
	lt.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	lt.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(lt.cols) {
			b.SetText("")
			b.OnTapped = nil
			return
		}
		col := id.Col
		b.OnTapped = func() { lt.sortBy(col) }
		if lt.cols[col].numeric {
			b.Alignment = widget.ButtonAlignTrailing
		} else {
			b.Alignment = widget.ButtonAlignLeading
		}
		b.SetText(lt.headerText(col))
	}
	lt.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(lt.view) {
			return
		}
		lt.selectRow(id.Row)
	}
	widths := make([]float32, len(cols))
	for i, c := range cols {
		widths[i] = c.width
	}
	lt.table.setWidths(widths)
	lt.table.selected = func() int { return lt.selected }
	lt.table.onActivate = func(row int) {
		if lt.onActivate != nil && row >= 0 && row < len(lt.view) {
			lt.onActivate(lt.row(row))
		}
	}
	lt.body = container.NewStack(lt.table, container.NewCenter(lt.empty))
	return lt
}

func (lt *ledgerTable[T]) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	bg := stack.Objects[0].(*canvas.Rectangle)
	l := stack.Objects[1].(*tipLabel)
	if id.Row < 0 || id.Row >= len(lt.view) || id.Col < 0 || id.Col >= len(lt.cols) {
		l.SetText("")
		bg.Hide()
		return
	}
	if id.Row == lt.selected {
		bg.FillColor = theme.Color(theme.ColorNameSelection)
		bg.Show()
	} else {
		bg.Hide()
	}
	align := fyne.TextAlignLeading
	if lt.cols[id.Col].numeric {
		align = fyne.TextAlignTrailing
	}
	if txt := lt.cellText(id.Row, id.Col); txt != l.Text || align != l.Alignment {
		l.Alignment = align
		// Only a text too wide for its column is cut with an ellipsis: working the
		// ellipsis out shapes the text again and again, which for every visible cell made
		// sorting a city ledger slow; the widths are measured once per text.
		if lt.fits(txt, lt.table.colWidth(id.Col)) {
			l.Truncation = fyne.TextTruncateClip
		} else {
			l.Truncation = fyne.TextTruncateEllipsis
		}
		l.SetText(txt)
	}
}

// fits reports whether txt fits a cell of width w (unknown widths: no).
func (lt *ledgerTable[T]) fits(txt string, w float32) bool {
	if w <= 0 {
		return false
	}
	tw, ok := lt.widthCache[txt]
	if !ok {
		if lt.widthCache == nil || len(lt.widthCache) > 20000 {
			lt.widthCache = map[string]float32{}
		}
		tw = fyne.MeasureText(txt, theme.TextSize(), fyne.TextStyle{}).Width
		lt.widthCache[txt] = tw
	}
	return tw+2*theme.InnerPadding() <= w
}

// headerText is a column title with an arrow when the table is sorted by it.
func (lt *ledgerTable[T]) headerText(col int) string {
	t := lt.cols[col].title
	if col == lt.sortCol {
		if lt.sortDesc {
			return t + " ▼"
		}
		return t + " ▲"
	}
	return t
}

// addFilter adds a drop-down whose first option, all (e.g. 全部乡镇), shows every row. With
// fixed nil the options are the distinct values of the data, refreshed by setData.
func (lt *ledgerTable[T]) addFilter(all string, fixed []string, value func(T) string) *widget.Select {
	f := &tableFilter[T]{all: all, fixed: fixed, value: value}
	f.sel = widget.NewSelect(append([]string{all}, fixed...), func(string) { lt.apply() })
	f.sel.SetSelected(all)
	lt.filters = append(lt.filters, f)
	return f.sel
}

// setData replaces the rows (one load from the store) and re-applies search, filters and
// sort. The selection is cleared. A screen with many rows prepares them off the UI
// goroutine and calls show instead.
func (lt *ledgerTable[T]) setData(rows []T) { lt.show(lt.prepare(rows)) }

// show puts in rows made by prepare and re-applies search, filters and sort; the
// selection is cleared.
func (lt *ledgerTable[T]) show(d *tableRows[T]) {
	lt.rows, lt.all = d, d.all
	lt.orders = nil
	for fi, f := range lt.filters {
		if f.fixed != nil {
			continue
		}
		cur := f.sel.Selected
		f.sel.Options = append([]string{f.all}, d.opts[fi]...)
		if _, ok := d.ids[fi][cur]; !ok {
			cur = f.all
		}
		// Set without triggering apply for each filter; apply runs once below.
		cb := f.sel.OnChanged
		f.sel.OnChanged = nil
		f.sel.SetSelected(cur)
		f.sel.OnChanged = cb
	}
	lt.apply()
}

// setEmptyText is what the table area says when there are no records at all.
func (lt *ledgerTable[T]) setEmptyText(s string) {
	lt.emptyText = s
	lt.updateEmpty()
}

// apply filters and sorts the rows again and redraws the table.
func (lt *ledgerTable[T]) apply() {
	if lt.rows == nil {
		lt.rows = lt.prepare(nil)
	}
	q := strings.ToLower(strings.TrimSpace(lt.search.Text))
	var fs []rowFilter[T]
	for fi, f := range lt.filters {
		if s := f.sel.Selected; s != "" && s != f.all {
			if ids := lt.rows.rowID[fi]; ids != nil {
				fs = append(fs, rowFilter[T]{rowID: ids, want: lt.rows.ids[fi][s]})
			} else {
				fs = append(fs, rowFilter[T]{value: f.value, choice: s})
			}
		}
	}
	lt.view = lt.rows.filter(lt.view[:0], q, fs)
	lt.sortView()
	lt.selected = -1
	lt.table.UnselectAll()
	lt.showCount()
	lt.updateEmpty()
	lt.table.ScrollToTop() // also redraws the visible cells
}

// showCount says how many rows are shown, and that a load is under way.
func (lt *ledgerTable[T]) showCount() {
	txt := fmt.Sprintf("共 %d 条", len(lt.view))
	if len(lt.view) != len(lt.all) {
		txt = fmt.Sprintf("共 %d 条（全部 %d 条）", len(lt.view), len(lt.all))
	}
	if lt.loading && len(lt.all) > 0 {
		txt += "，正在读取…"
	}
	lt.count.SetText(txt)
}

// setLoading says whether a load is under way: the table area says 正在读取… while it has
// no rows yet, and the count while it shows the rows of the last load, which stay usable.
func (lt *ledgerTable[T]) setLoading(on bool) {
	if lt.loading == on {
		return
	}
	lt.loading = on
	lt.showCount()
	lt.updateEmpty()
}

func (lt *ledgerTable[T]) updateEmpty() {
	msg := ""
	switch {
	case len(lt.all) == 0 && lt.loading:
		msg = "正在读取…"
	case len(lt.all) == 0:
		msg = lt.emptyText
	case len(lt.view) == 0:
		msg = "没有符合条件的记录。请修改搜索内容或筛选条件。"
	}
	lt.empty.SetText(msg)
	if msg == "" {
		lt.empty.Hide()
		lt.table.Show()
	} else {
		lt.table.Hide()
		lt.empty.Show()
	}
}

// sortBy sorts by a column, ascending first and toggling on the next tap.
func (lt *ledgerTable[T]) sortBy(col int) {
	if col < 0 || col >= len(lt.cols) {
		return
	}
	if lt.sortCol == col {
		lt.sortDesc = !lt.sortDesc
	} else {
		lt.sortCol, lt.sortDesc = col, false
	}
	lt.apply()
}

// sortView orders view by the sort column, keeping the store's order among equal values.
// Text sorts by pinyin (the zh collation), as a clerk expects of township and village names.
// The order of every row by a column is worked out on its first sort and kept until the
// next setData, so sorting again (the other way, after a search) only picks rows from it.
func (lt *ledgerTable[T]) sortView() {
	if lt.sortCol < 0 {
		return
	}
	o := lt.orders[lt.sortCol]
	if o == nil {
		o = lt.order(lt.all, lt.sortCol)
		if lt.orders == nil {
			lt.orders = map[int]*colOrder{}
		}
		lt.orders[lt.sortCol] = o
	}
	o.sort(lt.view, lt.sortDesc)
}

// sortChinese sorts strings by pinyin.
func sortChinese(ss []string) {
	collate.New(language.Chinese).SortStrings(ss)
}

// rowCount is the number of rows shown after search and filters.
func (lt *ledgerTable[T]) rowCount() int { return len(lt.view) }

// row is the record shown in row i.
func (lt *ledgerTable[T]) row(i int) T { return lt.all[lt.view[i]] }

// cellText is the text shown in row i, column col.
func (lt *ledgerTable[T]) cellText(i, col int) string { return lt.cols[col].cell(&lt.all[lt.view[i]]) }

// selectRow marks row i as selected (and tells onSelect).
func (lt *ledgerTable[T]) selectRow(i int) {
	if i < 0 || i >= len(lt.view) {
		return
	}
	lt.selected = i
	lt.table.Refresh()
	if lt.onSelect != nil {
		lt.onSelect(lt.row(i))
	}
}

// selectedRecord returns the selected record, if any.
func (lt *ledgerTable[T]) selectedRecord() (T, bool) {
	var zero T
	if lt.selected < 0 || lt.selected >= len(lt.view) {
		return zero, false
	}
	return lt.row(lt.selected), true
}

// find returns the row showing the first record for which match is true, or -1.
func (lt *ledgerTable[T]) find(match func(T) bool) int {
	for i, idx := range lt.view {
		if match(lt.all[idx]) {
			return i
		}
	}
	return -1
}

// selectWhere selects and scrolls to the first shown record for which match is true.
func (lt *ledgerTable[T]) selectWhere(match func(T) bool) {
	if i := lt.find(match); i >= 0 {
		lt.table.Select(widget.TableCellID{Row: i, Col: 0})
		lt.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
	}
}

// toolbar is the filters followed by the search entry, which takes the remaining width.
func (lt *ledgerTable[T]) toolbar() fyne.CanvasObject {
	left := container.NewHBox()
	for _, f := range lt.filters {
		left.Add(minWidth(f.sel, 120))
	}
	return container.NewBorder(nil, nil, left, nil, lt.search)
}

// minWidthLayout gives its objects at least a width, so a drop-down is never narrower than
// its longest usual option (a Select sizes itself to its placeholder only).
type minWidthLayout struct{ width float32 }

func (l minWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l minWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	s.Width = max(s.Width, l.width)
	return s
}

// minWidth wraps obj so that it is at least width wide.
func minWidth(obj fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.New(minWidthLayout{width}, obj)
}

// loadInBackground says whether screens read the store off the UI goroutine. The tests of
// this package turn it off: Fyne's test driver runs fyne.Do at once on the calling
// goroutine, so a background load would touch widgets while the test lays them out.
var loadInBackground = true

// onUI runs fn on the UI goroutine without waiting for it (fyne.Do). Fyne's test driver
// runs it at once on the calling goroutine instead, so a test that loads in the background
// replaces it with a queue that it runs itself, as the window's event loop would
// (TestBackgroundLoad).
var onUI = fyne.Do

// inBackground runs work (a store read ending in fyne.Do) off the UI goroutine, counting it
// in wg so tests can wait for it.
func inBackground(wg *sync.WaitGroup, work func()) {
	wg.Add(1)
	if !loadInBackground {
		defer wg.Done()
		work()
		return
	}
	go func() {
		defer wg.Done()
		work()
	}()
}

// waitScreens blocks until every screen's loads started so far have been shown. Screens
// load off the UI goroutine; tests that navigate (goTo, a tap that changes screen) call
// it before looking at widgets or ending, so no load outlives its test.
func waitScreens(u *UI) {
	for _, s := range u.screens {
		if w, ok := s.(interface{ wait() }); ok {
			w.wait()
		}
	}
}
