package reports

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// cellWriter writes table cells — a box and its lines of text — into the page's content
// stream directly, byte for byte as fpdf's SetFillColor, Rect and CellFormat would write
// them (fpdf v0.12.0): those format every number and string with fmt and allocate for
// each of the roster's hundreds of thousands of cells. It is used only where the
// result is the same: text drawn with fpdf's state as the reports keep it (UTF-8 font,
// no word spacing, underline or right-to-left, no automatic page break), and only for
// text whose characters fpdf has already noted for the font subset of the report (fpdf
// notes them only in its own drawing calls, so a cell with a new character is drawn by
// CellFormat). cellwriter_test.go compares both ways of drawing.
type cellWriter struct {
	buf []byte
	// noted are the characters fpdf has noted for the report's font: every part shares
	// the first part's (see tplPart).
	noted runeSet
	// k, pageH, fontSize, cMargin: fpdf's scale factor, page height, font size (user
	// units) and cell margin, read in begin.
	k, pageH, fontSize, cMargin float64
	// colorFlag is fpdf's: the text colour differs from the fill colour, so text is
	// drawn between q … Q with the text colour set.
	colorFlag bool
	textColor string
	colors    map[[3]int]string
	lastRGB   [3]int // the colour last looked up in colors, and its operator
	last      string
	off       bool // every cell drawn through fpdf (tests compare both ways)
	direct    int  // texts written directly, for tests
}

// begin sets the fill colour for a cell of fill and reads fpdf's state; false when the
// cell must be drawn through fpdf.
func (c *cellWriter) begin(d *doc, fill [3]int) bool {
	p := d.pdf
	if c.off || !p.Ok() {
		return false
	}
	if r, g, b := p.GetFillColor(); [3]int{r, g, b} != fill {
		c.flush(p)
		p.SetFillColor(fill[0], fill[1], fill[2])
	} else {
		// The same colour set again: fpdf writes it again and changes nothing else.
		c.buf = append(c.buf, c.color(fill)...)
		c.buf = append(c.buf, '\n')
	}
	c.k = p.GetConversionRatio()
	_, c.pageH = p.GetPageSize()
	_, c.fontSize = p.GetFontSize()
	c.cMargin = p.GetCellMargin()
	tr, tg, tb := p.GetTextColor()
	c.colorFlag = [3]int{tr, tg, tb} != fill
	c.textColor = c.color([3]int{tr, tg, tb})
	return true
}

// note records that fpdf has drawn (and noted) the characters of s in this part.
func (c *cellWriter) note(s string) { c.noted.add(s) }

func (c *cellWriter) color(rgb [3]int) string {
	if rgb == c.lastRGB && c.last != "" {
		return c.last
	}
	s, ok := c.colors[rgb]
	if !ok {
		if c.colors == nil {
			c.colors = map[[3]int]string{}
		}
		s = colorString(rgb)
		c.colors[rgb] = s
	}
	c.lastRGB, c.last = rgb, s
	return s
}

// colorString is fpdf's operator setting an RGB colour (fill or text: the same).
func colorString(c [3]int) string {
	comp := func(v int) string {
		return strconv.FormatFloat(float64(min(max(v, 0), 255))/255, 'f', 3, 64)
	}
	if c[0] == c[1] && c[0] == c[2] {
		return comp(c[0]) + " g"
	}
	return comp(c[0]) + " " + comp(c[1]) + " " + comp(c[2]) + " rg"
}

// num appends v as fpdf writes it, with two decimals (strconv's 'f', 2: v rounded to the
// nearest hundredth). Page coordinates are written tens of millions of times in a province's
// roster, and strconv's exact rounding took a tenth of its CPU: v·100 is rounded here
// directly when it is small and not within 1e-6 of a half — its own rounding error (below
// 1e-7 under 1e9) cannot then move it across one — and strconv writes every other number.
func (c *cellWriter) num(v float64) {
	c.buf = appendHundredths(c.buf, v)
}

// appendHundredths appends strconv.AppendFloat(b, v, 'f', 2, 64).
func appendHundredths(b []byte, v float64) []byte {
	x := v * 100
	if x >= 0 && x < 1e9 && !math.Signbit(v) {
		n := math.Floor(x)
		if f := x - n; f < 0.5-1e-6 || f > 0.5+1e-6 {
			if f > 0.5 {
				n++
			}
			u := uint64(n)
			b = strconv.AppendUint(b, u/100, 10)
			return append(b, '.', byte('0'+u/10%10), byte('0'+u%10))
		}
	}
	return strconv.AppendFloat(b, v, 'f', 2, 64)
}

// rect is fpdf's Rect(x, y, w, h, "D") or, filled, "FD".
func (c *cellWriter) rect(x, y, w, h float64, filled bool) {
	c.num(x * c.k)
	c.buf = append(c.buf, ' ')
	c.num((c.pageH - y) * c.k)
	c.buf = append(c.buf, ' ')
	c.num(w * c.k)
	c.buf = append(c.buf, ' ')
	c.num(-h * c.k)
	if filled {
		c.buf = append(c.buf, " re B\n"...)
	} else {
		c.buf = append(c.buf, " re S\n"...)
	}
}

// text is fpdf's SetXY(x, y) then CellFormat(w, h, s, "", 0, align, false, 0, ""), for
// align "L", "C" or "R"; false (nothing written) when fpdf must draw it.
func (c *cellWriter) text(d *doc, x, y, w, h float64, s, align string) bool {
	if s == "" {
		return true // CellFormat writes nothing for no text, border or fill
	}
	for _, r := range s {
		if r >= 0x10000 || r == utf8.RuneError || c.noted[r/64]&(1<<(r%64)) == 0 {
			return false
		}
	}
	var dx float64
	switch align {
	case "L":
		dx = c.cMargin
	case "C", "R":
		units := 0
		for _, r := range s {
			units += d.runeWidth(r)
		}
		sw := float64(units) * c.fontSize / 1000
		if align == "C" {
			dx = (w - sw) / 2
		} else {
			dx = w - c.cMargin - sw
		}
	default:
		return false
	}
	if c.colorFlag {
		c.buf = append(c.buf, "q "...)
		c.buf = append(c.buf, c.textColor...)
		c.buf = append(c.buf, ' ')
	}
	c.buf = append(c.buf, "BT "...)
	c.num((x + dx) * c.k)
	c.buf = append(c.buf, ' ')
	c.num((c.pageH - (y + .5*h + .3*c.fontSize)) * c.k)
	c.buf = append(c.buf, " Td ("...)
	for _, r := range s {
		for _, b := range [2]byte{byte(r >> 8), byte(r)} {
			switch b {
			case '\\', '(', ')':
				c.buf = append(c.buf, '\\', b)
			case '\r':
				c.buf = append(c.buf, '\\', 'r')
			default:
				c.buf = append(c.buf, b)
			}
		}
	}
	c.buf = append(c.buf, ")Tj ET"...)
	if c.colorFlag {
		c.buf = append(c.buf, " Q"...)
	}
	c.buf = append(c.buf, '\n')
	c.direct++
	return true
}

// flush hands what is written to fpdf before anything else writes to the page, e.g.
// at the end of a row (whose RawWriteStr adds the last line break).
func (c *cellWriter) flush(p interface{ RawWriteStr(string) }) {
	if n := len(c.buf); n > 0 {
		p.RawWriteStr(string(c.buf[:n-1]))
		c.buf = c.buf[:0]
	}
}
