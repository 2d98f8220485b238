package reports

import (
	"strconv"
	"strings"

	"liangwei/data"
)

// Column describes one table column.
type Column struct {
	Header string  // header text; wraps when longer than the column
	Width  float64 // millimetres; 0 takes the width the other columns leave
	Align  string  // "L", "C" or "R" (numbers are right-aligned)
	// Group, when set, is drawn as one header cell above the adjacent columns sharing it
	// (e.g. 党组织 above 完成数, 完成率…); columns without a group span both header rows.
	Group string
}

// table is a table being drawn; its header repeats at the top of every page it spans.
type table struct {
	d    *doc
	cols []Column
	// carry is the band (e.g. a village heading) the rows now drawn belong to; a page
	// break repeats it, marked （续）, under the header.
	carry string
	// ledger: the table lists records (its first column is 序号), as against a table of
	// figures; the signature block is kept with its last rows (keep.go).
	ledger bool
}

// beginTable resolves the column widths (a zero width takes what is left), draws the
// header — on a new page if the header and one row would not fit — and makes it the
// header to repeat.
func (d *doc) beginTable(cols []Column) *table {
	cols = append([]Column(nil), cols...)
	used, free := 0.0, 0
	for _, c := range cols {
		if c.Width > 0 {
			used += c.Width
		} else {
			free++
		}
	}
	for i := range cols {
		if cols[i].Width <= 0 {
			cols[i].Width = max((d.width-used)/float64(free), 10)
		}
	}
	t := &table{d: d, cols: cols, ledger: len(cols) > 0 && cols[0].Header == "序号"}
	d.setSize(bodySize)
	if !d.fits(t.headerHeight() + d.lineH() + 2*cellPadY) {
		d.newPage()
	}
	t.drawHeader()
	d.tbl = t
	return t
}

// end stops repeating the table's header.
func (t *table) end() {
	t.d.tbl = nil
	t.d.pdf.SetX(marginX)
}

func (t *table) grouped() bool {
	for _, c := range t.cols {
		if c.Group != "" {
			return true
		}
	}
	return false
}

// headerHeight is the height of the (one- or two-row) header.
func (t *table) headerHeight() float64 {
	lh := t.d.lineH()
	n := 1
	for _, c := range t.cols {
		n = max(n, len(t.d.wrapText(c.Header, c.Width-2*cellMargin)))
	}
	h := float64(n)*lh + 2*cellPadY
	if t.grouped() {
		h += lh + 2*cellPadY
	}
	return h
}

func (t *table) drawHeader() {
	d := t.d
	d.setSize(bodySize)
	lh := d.lineH()
	top := d.pdf.GetY()
	total := t.headerHeight()
	groupH := 0.0
	if t.grouped() {
		groupH = lh + 2*cellPadY
	}
	x := marginX
	for i := 0; i < len(t.cols); i++ {
		c := t.cols[i]
		if c.Group == "" {
			d.cell(x, top, c.Width, total, c.Header, "C", colorHeader)
			x += c.Width
			continue
		}
		gw := 0.0
		j := i
		for ; j < len(t.cols) && t.cols[j].Group == c.Group; j++ {
			gw += t.cols[j].Width
		}
		d.cell(x, top, gw, groupH, c.Group, "C", colorHeader)
		for ; i < j; i++ {
			d.cell(x, top+groupH, t.cols[i].Width, total-groupH, t.cols[i].Header, "C", colorHeader)
			x += t.cols[i].Width
		}
		i--
	}
	d.pdf.SetXY(marginX, top+total)
}

// row draws one row of cells (missing cells are empty), never split across pages: if it
// does not fit, it goes to a new page under a repeated header. A row taller than a whole
// page is cut with an ellipsis.
func (t *table) row(cells []string, fill [3]int) {
	d := t.d
	d.beforeRow(t)
	d.setSize(bodySize)
	lh := d.lineH()
	wrapped := make([][]string, len(t.cols))
	n := 1
	shrink := 0.0 // the size of the 序号 drawn smaller, 0 when it fits
	for i, c := range t.cols {
		s := ""
		if i < len(cells) {
			s = cells[i]
		}
		if i == 0 && t.ledger {
			// A ledger's 序号 is one line: at a province's scale (a roster of 100,000
			// members and more) it is drawn smaller rather than broken over two.
			if w, room := d.textWidth(s), c.Width-2*cellMargin; w > room && !strings.Contains(s, "\n") {
				wrapped[i] = []string{s}
				shrink = d.size * room / w
				continue
			}
		}
		wrapped[i] = d.wrapText(s, c.Width-2*cellMargin)
		n = max(n, len(wrapped[i]))
	}
	h := float64(n)*lh + 2*cellPadY
	if !d.fits(h) {
		d.newPage()
		if room := d.bottom() - d.pdf.GetY(); h > room {
			n = max(int((room-2*cellPadY)/lh), 1)
			h = float64(n)*lh + 2*cellPadY
			for i := range wrapped {
				if len(wrapped[i]) > n {
					wrapped[i] = append(wrapped[i][:n-1:n-1], wrapped[i][n-1]+"…")
				}
			}
		}
	}
	top := d.pdf.GetY()
	x := marginX
	for i, c := range t.cols {
		if i == 0 && shrink > 0 {
			d.cells.flush(d.pdf)
			d.setSize(shrink)
			d.cellLinesHeld(x, top, c.Width, h, wrapped[i], c.Align, fill)
			d.cells.flush(d.pdf)
			d.setSize(bodySize)
		} else {
			d.cellLinesHeld(x, top, c.Width, h, wrapped[i], c.Align, fill)
		}
		x += c.Width
	}
	d.cells.flush(d.pdf)
	d.pdf.SetXY(marginX, top+h)
	d.afterRow(t, fill)
}

// span draws one cell across every column, e.g. 暂无数据.
func (t *table) span(text string) {
	d := t.d
	d.setSize(bodySize)
	h := d.lineH() + 4*cellPadY
	d.ensure(h)
	w := 0.0
	for _, c := range t.cols {
		w += c.Width
	}
	top := d.pdf.GetY()
	d.cell(marginX, top, w, h, text, "C", colorWhite)
	d.pdf.SetXY(marginX, top+h)
}

// band draws a full-width, left-aligned row such as a village heading, on a new page
// unless it and keep more millimetres (the first row under it) fit, and remembers it to
// repeat after a page break until the next band or the end of the table.
func (t *table) band(text string, keep float64) {
	d := t.d
	d.setSize(bodySize)
	t.carry = ""
	if !d.fits(t.rowHeight() + keep) {
		d.newPage()
	}
	t.drawBand(text, "")
	t.carry = text
}

// rowHeight is the height of a row of one line.
func (t *table) rowHeight() float64 { return oneLineRow(t.d) }

// drawBand draws the band text, cut to fit, followed by suffix.
func (t *table) drawBand(text, suffix string) {
	d := t.d
	w := 0.0
	for _, c := range t.cols {
		w += c.Width
	}
	top := d.pdf.GetY()
	h := t.rowHeight()
	d.pdf.SetFillColor(colorBand[0], colorBand[1], colorBand[2])
	d.pdf.Rect(marginX, top, w, h, "FD")
	d.pdf.SetXY(marginX, top)
	d.text(w, h, d.fitLine(safeText(text), w-2*cellMargin-d.textWidth(suffix))+suffix, 0, "L")
	d.pdf.SetXY(marginX, top+h)
}

// fitLine cuts s (already safe) with an ellipsis to fit on one line of w millimetres.
func (d *doc) fitLine(s string, w float64) string {
	lines := d.wrap(s, w)
	if len(lines) <= 1 {
		return lines[0]
	}
	rs := []rune(lines[0])
	for len(rs) > 1 && d.textWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

// figure is one line of a report's closing figures: a value and, for a count that is a
// share of something, its percentage and what it is a share of.
type figure struct {
	name  string
	value string
	share string // percentage, "" when the figure is not a share
	basis string // e.g. 占两委成员总数
}

// count is a figure of n alone.
func count(name string, n int) figure { return figure{name: name, value: strconv.Itoa(n)} }

// share is a figure of n with its percentage of of.
func share(name string, n, of int, basis string) figure {
	return figure{name: name, value: strconv.Itoa(n), share: pct(data.Rate(n, of)), basis: basis}
}

// figureColumns are one figure's columns; a landscape page sets two figures side by side.
var figureColumns = []Column{
	{Header: "项目", Width: 46, Align: "L"},
	{Header: "数值", Width: 18, Align: "R"},
	{Header: "占比%", Width: 18, Align: "R"},
	{Header: "说明", Width: 54, Align: "L"},
}

// figures draws a heading and the table of figures under it, as many side by side as the
// page width allows, filled column by column so related figures stay together.
func (d *doc) figures(heading string, fs []figure) {
	w := 0.0
	for _, c := range figureColumns {
		w += c.Width
	}
	per := max(int((d.width+0.01)/w), 1)
	var cols []Column
	for range per {
		cols = append(cols, figureColumns...)
	}
	rows := (len(fs) + per - 1) / per
	d.setSize(bodySize)
	// Keep the heading, header and every row on one page (the table is short).
	probe := &table{d: d, cols: cols}
	d.heading(heading, probe.headerHeight()+float64(rows)*oneLineRow(d))
	t := d.beginTable(cols)
	for i := range rows {
		var cells []string
		for k := range per {
			if j := k*rows + i; j < len(fs) {
				f := fs[j]
				cells = append(cells, f.name, f.value, f.share, f.basis)
			} else {
				cells = append(cells, "", "", "", "")
			}
		}
		t.row(cells, colorWhite)
	}
	t.end()
}

// oneLineRow is the height of a one-line table row.
func oneLineRow(d *doc) float64 { return d.lineH() + 2*cellPadY }

// cell draws a bordered, filled box with text wrapped and centred vertically in it.
func (d *doc) cell(x, y, w, h float64, text, align string, fill [3]int) {
	d.cellLines(x, y, w, h, d.wrapText(text, w-2*cellMargin), align, fill)
}

// cellLines draws a bordered, filled box with lines centred vertically in it. The box
// and its lines are written as fpdf's Rect and CellFormat would write them (see
// cellWriter), at a fraction of their cost.
func (d *doc) cellLines(x, y, w, h float64, lines []string, align string, fill [3]int) {
	d.cellLinesHeld(x, y, w, h, lines, align, fill)
	d.cells.flush(d.pdf)
}

// cellLinesHeld is cellLines leaving what cellWriter wrote in its buffer, to be flushed
// before anything else writes to the page.
func (d *doc) cellLinesHeld(x, y, w, h float64, lines []string, align string, fill [3]int) {
	lh := d.lineH()
	ty := y + (h-float64(len(lines))*lh)/2
	if d.cells.begin(d, fill) {
		d.cells.rect(x, y, w, h, fill != colorWhite)
		last := -1.0
		for _, l := range lines {
			d.used.add(l)
			if !d.cells.text(d, x, ty, w, lh, l, align) {
				d.cells.flush(d.pdf)
				d.pdf.SetXY(x, ty)
				d.text(w, lh, l, 0, align)
				d.cells.note(l)
			}
			last = ty
			ty += lh
		}
		if last >= 0 {
			d.pdf.SetXY(x+w, last) // where CellFormat leaves it
		}
		return
	}
	d.cells.flush(d.pdf)
	p := d.pdf
	p.SetFillColor(fill[0], fill[1], fill[2])
	style := "D"
	if fill != colorWhite {
		style = "FD"
	}
	p.Rect(x, y, w, h, style)
	for _, l := range lines {
		p.SetXY(x, ty)
		d.text(w, lh, l, 0, align)
		ty += lh
	}
}
