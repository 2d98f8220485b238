// Package reports draws the PDF reports of SPEC §5 from already-computed data.* values. It
// never touches the database: the caller computes (or, for a report of several townships,
// hands it a function reading them one at a time: each.go), the report draws. Output is
// deterministic: the same values and Meta give byte-identical files.
//
// page.go holds the page (title, lines, headings, the signature block, 第 N 页 共 M 页),
// table.go the tables, output.go how the document becomes a PDF file.
package reports

import (
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Meta are the report's signature and heading fields, usually from 设置.
type Meta struct {
	Unit     string    // 填报单位
	Leader   string    // 负责人
	Reviewer string    // 审核人
	Preparer string    // 填表人
	Phone    string    // 联系电话
	Date     time.Time // 填报日期; also the PDF's creation date. Zero leaves the date blank.
	// Seal is the data fingerprint printed in the footer and kept in the metadata (see
	// seal.go); nil prints none. Kind.Write sets it from the ledger it draws.
	Seal *Seal
}

// Orientations of the page.
const (
	Portrait  = "P"
	Landscape = "L"
)

// Page geometry in millimetres and font sizes in points.
const (
	marginX     = 12.0
	marginTop   = 12.0
	marginBot   = 14.0 // the page number sits in this band
	titleSize   = 16.0
	headingSize = 11.5
	bodySize    = 9.0
	footerSize  = 9.0
	cellMargin  = 1.2 // left/right padding inside a table cell
	cellPadY    = 1.1 // top/bottom padding inside a table cell
	lineFactor  = 1.35
)

// fallbackDate is the PDF creation date when Meta.Date is zero: fpdf would otherwise
// stamp the current time and two renders would differ.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

var (
	colorHeader = [3]int{221, 231, 242}
	colorTotal  = [3]int{242, 242, 242}
	colorWhite  = [3]int{255, 255, 255}
	colorBand   = [3]int{236, 241, 236}
)

// doc is one report being drawn: the fpdf document plus the table whose header repeats
// when a row moves to a new page.
type doc struct {
	pdf         *fpdf.Fpdf // the part being drawn: see partPages
	first       *fpdf.Fpdf // the first part, which becomes the file (finish)
	part        *tplPart   // the part being drawn when it is not the first
	orientation string
	titleText   string // the PDF's title
	meta        Meta
	pageW       float64
	pageH       float64
	width       float64      // usable width between the margins
	size        float64      // current font size, points
	widths      map[rune]int // runeWidth's cache beyond the BMP
	bmp         []int32      // runeWidth's cache in the BMP: width+1, 0 when not yet measured
	tbl         *table
	// done are the content streams of the pages of the parts already written out, deflated.
	done pageStore
	// pending is a line of the first page drawn at the end (deferLine); known is its right
	// text once drawn, and redraw asks drawKept to draw the report again with it as the
	// guess, which then lays the line out (see drawPending).
	// writer takes finished parts to the goroutine writing them out (endPart), which
	// answers on written when they are all done.
	writer       chan *tplPart
	written      chan error
	pending      *pendingLine
	known, guess string
	redraw       bool
	// used are the characters drawn, for the font of a report of several parts.
	used  runeSet
	err   error // from writing out a part
	z     deflater
	keep  keeping    // the signature block kept with table rows: see keep.go
	cells cellWriter // table cells written straight into the page: see cellwriter.go
}

func newDoc(orientation, title string, m Meta) *doc {
	d := &doc{orientation: orientation, titleText: title, meta: m, size: bodySize, widths: map[rune]int{}}
	d.first = d.newPart()
	d.pdf = d.first
	d.pageW, d.pageH = d.pdf.GetPageSize()
	d.width = d.pageW - 2*marginX
	d.pdf.AddPage()
	return d
}

// setSize switches the font size, remembering it for measuring.
func (d *doc) setSize(pt float64) {
	d.size = pt
	d.pdf.SetFontSize(pt)
}

// lineH is the height of one text line at the current size, in millimetres.
func (d *doc) lineH() float64 { return d.size / d.pdf.GetConversionRatio() * lineFactor }

// bottom is the lowest y content may reach.
func (d *doc) bottom() float64 { return d.pageH - marginBot }

// fits reports whether h more millimetres fit on the current page.
func (d *doc) fits(h float64) bool { return d.pdf.GetY()+h <= d.bottom()+0.01 }

// newPage starts a page and, inside a table, repeats its header. The page left is
// finished but for its number; when the part is full, it is written out and the page
// starts a new part.
func (d *doc) newPage() {
	size := d.size
	if d.pdf.PageCount() >= partPages {
		d.endPart()
		d.startPart() // with its first page
	} else {
		d.pdf.AddPage()
	}
	d.keep.pageRows = 0
	d.pdf.SetXY(marginX, marginTop)
	if d.tbl != nil {
		d.tbl.drawHeader()
		if d.tbl.carry != "" {
			d.tbl.drawBand(d.tbl.carry, "（续）")
		}
	}
	d.setSize(size)
}

// ensure starts a new page unless h millimetres fit on this one.
func (d *doc) ensure(h float64) {
	if !d.fits(h) {
		d.newPage()
	}
}

// text draws s in a w×h cell at the current position, without border or fill, and
// notes its characters for the font: every text of a report is drawn here.
func (d *doc) text(w, h float64, s string, ln int, align string) {
	d.used.add(s)
	d.pdf.CellFormat(w, h, s, "", ln, align, false, 0, "")
}

// runeWidth is r's advance in thousandths of an em, cached.
func (d *doc) runeWidth(r rune) int {
	if r >= 0 && r < 0x10000 { // every character safeText lets through
		if d.bmp == nil {
			d.bmp = make([]int32, 0x10000)
		}
		if w := d.bmp[r]; w != 0 {
			return int(w - 1)
		}
		w := d.pdf.GetStringSymbolWidth(string(r))
		d.bmp[r] = int32(w + 1) // 0: not yet measured
		return w
	}
	if w, ok := d.widths[r]; ok {
		return w
	}
	w := d.pdf.GetStringSymbolWidth(string(r))
	d.widths[r] = w
	return w
}

// textWidth is the width of s at the current size, in millimetres.
func (d *doc) textWidth(s string) float64 {
	u := 0
	for _, r := range s {
		u += d.runeWidth(r)
	}
	return float64(u) * d.size / d.pdf.GetConversionRatio() / 1000
}

// wrap breaks s (already safe) into lines no wider than w millimetres at the current size.
// Chinese text breaks between any two characters; a run of Latin letters and digits is
// kept whole when the line has an earlier break; closing punctuation never starts a line.
// (fpdf's own SplitText drops the character at each break in Chinese text.)
func (d *doc) wrap(s string, w float64) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return []string{""}
	}
	limit := int(w * 1000 * d.pdf.GetConversionRatio() / d.size)
	// Most cells fit on one line: widths are never negative, so then no prefix overflows.
	total := 0
	for _, r := range s {
		total += d.runeWidth(r)
	}
	if total <= limit {
		return []string{s}
	}
	rs := []rune(s)
	var lines []string
	start, used, brk := 0, 0, -1 // brk: index where the current line may end (exclusive)
	for i := 0; i < len(rs); i++ {
		if i > start && canBreak(rs[i-1], rs[i]) {
			brk = i
		}
		used += d.runeWidth(rs[i])
		if used <= limit || i == start {
			continue
		}
		end := i
		if brk > start {
			end = brk
		}
		lines = append(lines, strings.TrimSpace(string(rs[start:end])))
		for end < len(rs) && rs[end] == ' ' {
			end++
		}
		start, used, brk = end, 0, -1
		i = end - 1
	}
	if start < len(rs) {
		lines = append(lines, strings.TrimSpace(string(rs[start:])))
	}
	return lines
}

// wrapText makes s safe and wraps it to w millimetres, keeping its own line breaks (a
// header such as "一次选举\n成功率%" chooses where it breaks).
func (d *doc) wrapText(s string, w float64) []string {
	if !strings.Contains(s, "\n") { // nearly every text: one part
		return d.wrap(safeText(s), w)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var lines []string
	for _, part := range strings.Split(s, "\n") {
		lines = append(lines, d.wrap(safeText(part), w)...)
	}
	return lines
}

// canBreak reports whether a line may end between a and b.
func canBreak(a, b rune) bool {
	if strings.ContainsRune("，。、；：？！）》」』】〉”’%％,.;:?!)]}", b) {
		return false
	}
	if strings.ContainsRune("（《「『【〈“‘([{", a) {
		return false
	}
	if a == ' ' || b == ' ' {
		return true
	}
	return !(word(a) && word(b))
}

// word reports whether r belongs to a Latin word or number that should not be split.
func word(r rune) bool {
	return r < 0x80 && r != ' ' || r >= 0xFF10 && r <= 0xFF5A
}

// title draws a centred title, wrapped if it is too long.
func (d *doc) title(s string) {
	d.setSize(titleSize)
	lines := d.wrap(safeText(s), d.width)
	h := d.lineH()
	for _, l := range lines {
		d.pdf.SetX(marginX)
		d.text(d.width, h, l, 1, "C")
	}
	d.pdf.Ln(2)
	d.setSize(bodySize)
}

// line draws left text and right-aligned right text on one line.
func (d *doc) line(left, right string) {
	d.setSize(bodySize)
	h := d.lineH() + 1
	d.ensure(h)
	y := d.pdf.GetY()
	if right != "" {
		d.pdf.SetXY(marginX, y)
		d.text(d.width, h, safeText(right), 0, "R")
	}
	lines := d.wrap(safeText(left), d.width-d.textWidth(safeText(right))-4)
	for _, l := range lines {
		d.pdf.SetXY(marginX, y)
		d.text(d.width, h, l, 0, "L")
		y += h
	}
	d.pdf.SetXY(marginX, y)
}

// heading draws a section heading, moving to a new page if keep millimetres after it
// (typically a table header and its first row) would not fit.
func (d *doc) heading(s string, keep float64) {
	d.setSize(headingSize)
	h := d.lineH() + 2
	d.pdf.Ln(3)
	if !d.fits(h + keep) {
		d.newPage()
	}
	d.pdf.SetX(marginX)
	d.text(d.width, h, safeText(s), 1, "L")
	d.setSize(bodySize)
}

// signature draws 负责人 审核人 填表人 联系电话 填报日期 from Meta, flowing onto a second
// line when the page is too narrow; empty fields leave a line to sign on.
func (d *doc) signature() {
	m := d.meta
	date := "      年    月    日"
	if !m.Date.IsZero() {
		date = fmt.Sprintf("%d年%d月%d日", m.Date.Year(), int(m.Date.Month()), m.Date.Day())
	}
	items := []struct{ label, value string }{
		{"负责人：", m.Leader}, {"审核人：", m.Reviewer}, {"填表人：", m.Preparer},
		{"联系电话：", m.Phone}, {"填报日期：", date},
	}
	d.setSize(bodySize + 1)
	h := d.lineH() + 2
	const gap, minBlank = 8.0, 22.0
	// Lay out first, to keep the whole block on one page.
	type placed struct {
		x, y, w        float64
		label, value   string
		underlineValue bool
	}
	var ps []placed
	x, y := 0.0, 0.0
	for _, it := range items {
		v := safeText(strings.TrimSpace(it.value))
		label := safeText(it.label)
		w := d.textWidth(label) + max(d.textWidth(v)+2, minBlank)
		if x > 0 && x+w > d.width {
			x, y = 0, y+h+2
		}
		ps = append(ps, placed{x, y, w, label, v, v == ""})
		x += w + gap
	}
	d.pdf.Ln(6)
	d.ensure(y + h)
	d.noteSignature()
	top := d.pdf.GetY()
	for _, p := range ps {
		lw := d.textWidth(p.label)
		d.pdf.SetXY(marginX+p.x, top+p.y)
		d.text(lw, h, p.label, 0, "L")
		d.pdf.SetCellMargin(0)
		d.text(p.w-lw, h, p.value, 0, "L")
		d.pdf.SetCellMargin(cellMargin)
		if p.underlineValue {
			yy := top + p.y + h - 1.5
			d.pdf.Line(marginX+p.x+lw, yy, marginX+p.x+p.w, yy)
		}
	}
	d.pdf.SetXY(marginX, top+y+h)
	d.setSize(bodySize)
}

// pageLabel is the footer 第 N 页 共 M 页. The spaces are doubled because the font's space is
// narrow: with single spaces, text extraction (pdftotext, search in a PDF reader) runs the
// words together as 第1页共3页.
func pageLabel(n, total int) string { return fmt.Sprintf("第  %d  页    共  %d  页", n, total) }

// reportTitle is every report's title: the township the report is for (or, for all
// townships, the unit of Meta), the report's name, and （2026年） when the year is known.
func reportTitle(township string, m Meta, name string, year int) string {
	unit := township
	if unit == "" {
		unit = m.Unit
	}
	t := unit + name
	if year > 0 {
		t += fmt.Sprintf("（%d年）", year)
	}
	return t
}
