package reports

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"codeberg.org/go-pdf/fpdf"
)

// pageStore keeps the deflated content streams of the pages of the parts already written
// out (see partPages), in page order, in a temporary file: a province's roster has tens of
// thousands of pages (about 4.5 KB each), more than memory should hold. join copies them
// from the file into the output.
type pageStore struct {
	f     *os.File // nil until the first page
	size  int64
	spans []span // by page
}

// span is one page's stream in the file.
type span struct {
	off int64
	n   int
}

// len is the number of pages kept.
func (s *pageStore) len() int { return len(s.spans) }

// put keeps b as page i's stream; i is at most len(), appending when it is len().
func (s *pageStore) put(i int, b []byte) error {
	if s.f == nil {
		f, err := os.CreateTemp("", "liangwei-report-*.tmp")
		if err != nil {
			return fmt.Errorf("无法创建临时文件：%w", err)
		}
		s.f = f
	}
	if _, err := s.f.WriteAt(b, s.size); err != nil {
		return fmt.Errorf("写入临时文件失败：%w", err)
	}
	sp := span{off: s.size, n: len(b)}
	s.size += int64(len(b))
	if i == len(s.spans) {
		s.spans = append(s.spans, sp)
	} else {
		s.spans[i] = sp
	}
	return nil
}

// copyTo writes page i's stream to w.
func (s *pageStore) copyTo(w io.Writer, i int) error {
	sp := s.spans[i]
	_, err := io.Copy(w, io.NewSectionReader(s.f, sp.off, int64(sp.n)))
	return err
}

// close removes the file.
func (s *pageStore) close() {
	if s.f != nil {
		name := s.f.Name()
		s.f.Close()
		os.Remove(name)
		s.f = nil
	}
}

// countWriter counts what it writes, for the offsets of the cross-reference table, and
// keeps the first error.
type countWriter struct {
	w   *bufio.Writer
	n   int
	err error
}

func (c *countWriter) Write(b []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(b)
	c.n += n
	c.err = err
	return n, err
}

func (c *countWriter) WriteString(s string) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.WriteString(s)
	c.n += n
	c.err = err
	return n, err
}

// pendingLine is a line of the first page drawn at the end, when what it says is known
// (the roster of a province counts its villages and members only once they are drawn):
// its room is kept where it belongs, on page `page` of the first part, pdf.
type pendingLine struct {
	pdf         *fpdf.Fpdf
	page        int
	y, h        float64
	left, right string // right is set when known
	lines       int    // lines of left the room holds
}

// deferLine keeps room for line(left, right) on the current page, right being known only
// at the end (guess is a text of the same use, for the layout: when right turns out to
// wrap left onto another number of lines, the report is drawn again; see drawKept). It is
// on the first part, which stays open to the end (finish).
func (d *doc) deferLine(left, guess string) {
	if d.guess != "" {
		guess = d.guess
	}
	d.setSize(bodySize)
	h := d.lineH() + 1
	d.ensure(h)
	if d.pdf != d.first {
		d.pdf.SetErrorf("reports: a line kept for the end must be on the first part")
		return
	}
	y := d.pdf.GetY()
	lines := len(d.wrap(safeText(left), d.width-d.textWidth(safeText(guess))-4))
	d.pending = &pendingLine{pdf: d.pdf, page: d.pdf.PageNo(), y: y, h: h, left: left, lines: lines}
	d.used.add(safeText(left))
	d.pdf.SetXY(marginX, y+float64(lines)*h)
}

// drawPending draws the pending line, whose right text is now set, on the first part.
func (d *doc) drawPending() {
	pl := d.pending
	if pl == nil {
		return
	}
	d.pending = nil
	p := pl.pdf
	right := safeText(pl.right)
	lines := d.wrap(safeText(pl.left), d.width-d.textWidth(right)-4)
	d.known = pl.right
	if len(lines) != pl.lines {
		d.redraw = true
	}
	cur := p.PageNo()
	x, y0 := p.GetXY() // where the report goes on (its seal block) when this part is the last
	p.SetPage(pl.page)
	// fpdf only emits state it believes changed: set the size and colour explicitly.
	p.SetFontSize(bodySize)
	p.SetTextColor(0, 0, 0)
	if right != "" {
		p.SetXY(marginX, pl.y)
		d.used.add(right)
		p.CellFormat(d.width, pl.h, right, "", 0, "R", false, 0, "")
	}
	y := pl.y
	for _, l := range lines[:min(len(lines), pl.lines)] {
		p.SetXY(marginX, y)
		p.CellFormat(d.width, pl.h, l, "", 0, "L", false, 0, "")
		y += pl.h
	}
	p.SetPage(cur)
	p.SetXY(x, y0)
	if p == d.pdf {
		d.setSize(d.size)
	}
}
