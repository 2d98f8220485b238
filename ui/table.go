package ui

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
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
	hay      []string // lower-cased cell texts of each row, for search
	view     []int    // indices into all, filtered and sorted
	sortCol  int      // -1: the store's order
	sortDesc bool
	// The sort keys of the columns sorted since the last setData, by row of all.
	textKeyCache map[int][][]byte
	numKeyCache  map[int][]float64
	selected     int                // index into view, -1 when none
	widthCache   map[string]float32 // the measured width of cell texts (see fits)
	emptyText    string

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
// sort. The selection is cleared.
func (lt *ledgerTable[T]) setData(rows []T) {
	lt.all = rows
	lt.textKeyCache, lt.numKeyCache = nil, nil
	lt.hay = make([]string, len(rows))
	var sb strings.Builder
	for i, r := range rows {
		sb.Reset()
		for _, c := range lt.cols {
			sb.WriteString(strings.ToLower(c.text(r)))
			sb.WriteByte(0)
		}
		lt.hay[i] = sb.String()
	}
	for _, f := range lt.filters {
		if f.fixed != nil {
			continue
		}
		seen := map[string]bool{}
		opts := []string{f.all}
		for _, r := range rows {
			if v := f.value(r); v != "" && !seen[v] {
				seen[v] = true
				opts = append(opts, v)
			}
		}
		sortChinese(opts[1:])
		cur := f.sel.Selected
		f.sel.Options = opts
		if !seen[cur] {
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
	q := strings.ToLower(strings.TrimSpace(lt.search.Text))
	type active struct {
		want  string
		value func(T) string
	}
	var fs []active
	for _, f := range lt.filters {
		if s := f.sel.Selected; s != "" && s != f.all {
			fs = append(fs, active{s, f.value})
		}
	}
	lt.view = lt.view[:0]
rows:
	for i, r := range lt.all {
		for _, f := range fs {
			if f.value(r) != f.want {
				continue rows
			}
		}
		if q != "" && !strings.Contains(lt.hay[i], q) {
			continue
		}
		lt.view = append(lt.view, i)
	}
	lt.sortView()
	lt.selected = -1
	lt.table.UnselectAll()
	if len(lt.view) == len(lt.all) {
		lt.count.SetText(fmt.Sprintf("共 %d 条", len(lt.view)))
	} else {
		lt.count.SetText(fmt.Sprintf("共 %d 条（全部 %d 条）", len(lt.view), len(lt.all)))
	}
	lt.updateEmpty()
	lt.table.ScrollToTop() // also redraws the visible cells
}

func (lt *ledgerTable[T]) updateEmpty() {
	msg := ""
	switch {
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
// The sort keys of a column are computed for every row on its first sort and kept until
// the next setData, so sorting a city ledger again (the other way, after a search) only
// compares.
func (lt *ledgerTable[T]) sortView() {
	if lt.sortCol < 0 {
		return
	}
	sign := 1
	if lt.sortDesc {
		sign = -1
	}
	if lt.cols[lt.sortCol].numeric {
		keys := lt.numKeys(lt.sortCol)
		slices.SortStableFunc(lt.view, func(a, b int) int { return sign * cmp.Compare(keys[a], keys[b]) })
		return
	}
	keys := lt.textKeys(lt.sortCol)
	slices.SortStableFunc(lt.view, func(a, b int) int { return sign * bytes.Compare(keys[a], keys[b]) })
}

// textKeys are the collation keys of a text column, by row of all.
func (lt *ledgerTable[T]) textKeys(col int) [][]byte {
	if k, ok := lt.textKeyCache[col]; ok {
		return k
	}
	c := lt.cols[col]
	coll := collate.New(language.Chinese)
	var buf collate.Buffer
	keys := make([][]byte, len(lt.all))
	for i, r := range lt.all {
		// The keys are appended to buf, which is never reset, so each stays valid: one
		// growing array per column instead of an allocation per row.
		keys[i] = coll.KeyFromString(&buf, c.text(r))
	}
	if lt.textKeyCache == nil {
		lt.textKeyCache = map[int][][]byte{}
	}
	lt.textKeyCache[col] = keys
	return keys
}

// numKeys are the sort values of a numeric column, by row of all.
func (lt *ledgerTable[T]) numKeys(col int) []float64 {
	if k, ok := lt.numKeyCache[col]; ok {
		return k
	}
	c := lt.cols[col]
	keys := make([]float64, len(lt.all))
	for i, r := range lt.all {
		keys[i] = c.num(r)
	}
	if lt.numKeyCache == nil {
		lt.numKeyCache = map[int][]float64{}
	}
	lt.numKeyCache[col] = keys
	return keys
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
func (lt *ledgerTable[T]) cellText(i, col int) string { return lt.cols[col].text(lt.row(i)) }

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
