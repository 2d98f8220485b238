// Package reports draws the PDF reports of SPEC §5 from already-computed data.* values. It
// never touches the database: the caller computes, the report draws. Output is
// deterministic: the same values and Meta give byte-identical files.
package reports

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"

	"liangwei/assets"
	"liangwei/data"
)

// Meta are the report's signature and heading fields, usually from 设置.
type Meta struct {
	Unit     string    // 填报单位
	Leader   string    // 负责人
	Reviewer string    // 审核人
	Preparer string    // 填表人
	Phone    string    // 联系电话
	Date     time.Time // 填报日期; also the PDF's creation date. Zero leaves the date blank.
}

// Column describes one table column.
type Column struct {
	Header string  // header text; wraps when longer than the column
	Width  float64 // millimetres; 0 takes the width the other columns leave
	Align  string  // "L", "C" or "R" (numbers are right-aligned)
	// Group, when set, is drawn as one header cell above the adjacent columns sharing it
	// (e.g. 党组织 above 完成数, 完成率…); columns without a group span both header rows.
	Group string
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
	pdf    *fpdf.Fpdf
	meta   Meta
	pageW  float64
	pageH  float64
	width  float64 // usable width between the margins
	size   float64 // current font size, points
	widths map[rune]int
	tbl    *table
	// pages keeps the finished pages deflated; nil when fpdf's page buffers could not be
	// reached, and then fpdf keeps every page as it always does.
	pages *pageStore
}

// render draws a report with draw and writes the finished PDF to w. Panics inside fpdf
// (it panics on some malformed input) come back as errors; nothing is written to w
// unless the whole document succeeded.
func render(w io.Writer, orientation, title string, m Meta, draw func(d *doc)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("生成PDF报表时出错：%v", r)
		}
	}()
	d := newDoc(orientation, title, m)
	draw(d)
	var buf bytes.Buffer
	if err := d.finish(&buf); err != nil {
		return fmt.Errorf("生成PDF报表时出错：%w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("写入PDF报表时出错：%w", err)
	}
	return nil
}

func newDoc(orientation, title string, m Meta) *doc {
	pdf := fpdf.New(orientation, "mm", "A4", "")
	date := m.Date
	if date.IsZero() {
		date = fallbackDate
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(false) // finish compresses the pages, faster: see compressPages
	pdf.SetTitle(safeText(title), true)
	pdf.SetAuthor(safeText(m.Unit), true)
	pdf.SetCreator("两委台账", true)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetAutoPageBreak(false, marginBot) // rows are placed by hand so none is split
	pdf.SetCellMargin(cellMargin)
	pdf.AddUTF8FontFromBytes(assets.FontName, "", assets.FontTTF)
	pdf.SetFont(assets.FontName, "", bodySize)
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetTextColor(0, 0, 0)
	w, h := pdf.GetPageSize()
	d := &doc{pdf: pdf, meta: m, pageW: w, pageH: h, width: w - 2*marginX, size: bodySize, widths: map[rune]int{},
		pages: newPageStore(pdf)}
	pdf.AddPage()
	return d
}

// finish writes 第 N 页 共 M 页 on every page and outputs the document. The total is known
// only now, so the page numbers are drawn by revisiting each page rather than with fpdf's
// AliasNbPages, whose placeholder is measured (and centred) at its own width and whose
// digits may be missing from a UTF-8 font subset.
func (d *doc) finish(w io.Writer) error {
	p := d.pdf
	total := p.PageCount()
	if s := d.pages; s != nil {
		if *s.compress {
			// fpdf deflates the pages itself (tests compare against it): give them back.
			if err := s.restore(); err != nil {
				return err
			}
			d.pages = nil
		} else {
			for n := 1; n <= total; n++ {
				if err := s.stash(n); err != nil {
					return err
				}
			}
		}
	}
	for n := 1; n <= total; n++ {
		p.SetPage(n)
		// fpdf only emits state it believes changed; the page's stream may end in another
		// size or colour, so set both explicitly.
		p.SetFontSize(footerSize)
		p.SetFillColor(colorWhite[0], colorWhite[1], colorWhite[2])
		p.SetTextColor(0, 0, 0)
		p.SetXY(marginX, d.pageH-marginBot+4)
		p.CellFormat(d.width, 5, pageLabel(n, total), "", 0, "C", false, 0, "")
	}
	p.SetPage(total)
	if err := p.Error(); err != nil {
		return err
	}
	var raw keepWriter
	if err := p.Output(&raw); err != nil {
		return err
	}
	var body func(page int) ([]byte, error)
	if d.pages != nil {
		body = d.pages.body
	}
	out, err := deflatePages(raw.b, body)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// pageStore holds the content of the finished pages deflated, so that a report of
// thousands of pages does not keep them all as text (fpdf holds every page's content
// stream in memory until Output; the city's 两委成员花名册 is 60 MB of it, twice that in
// buffer capacity). fpdf has no API for this, so its unexported page buffers are reached
// by reflection; TestPageStoreReachesFpdf fails if an fpdf upgrade moves them. A finished
// page's buffer is replaced by an empty one, in which finish then draws the page number;
// deflatePages joins the two again, so the file is byte for byte what fpdf would write.
type pageStore struct {
	pages    *[]*bytes.Buffer // fpdf's content streams, 1-based
	compress *bool            // fpdf's compression flag
	bodies   [][]byte         // bodies[n]: page n's content as stashed, zlib; nil before
	zbuf     bytes.Buffer
	zw       *zlib.Writer
	plain    bytes.Buffer
	zr       io.ReadCloser
}

// newPageStore reaches into pdf's page buffers, or returns nil if fpdf no longer has
// them where this version keeps them.
func newPageStore(pdf *fpdf.Fpdf) *pageStore {
	v := reflect.ValueOf(pdf).Elem()
	pf, cf := v.FieldByName("pages"), v.FieldByName("compress")
	if !pf.IsValid() || pf.Type() != reflect.TypeFor[[]*bytes.Buffer]() || !cf.IsValid() || cf.Kind() != reflect.Bool {
		return nil
	}
	s := &pageStore{
		pages:    (*[]*bytes.Buffer)(unsafe.Pointer(pf.UnsafeAddr())),
		compress: (*bool)(unsafe.Pointer(cf.UnsafeAddr())),
	}
	// BestSpeed and the zlib framing are fpdf's (see deflatePages); the level is a
	// constant, so the error cannot happen.
	s.zw, _ = zlib.NewWriterLevel(&s.zbuf, zlib.BestSpeed)
	return s
}

// stash deflates page n's content and empties fpdf's buffer of it, unless it is already
// stashed or not a page. Nothing may be drawn on the page afterwards but the page number.
func (s *pageStore) stash(n int) error {
	pages := *s.pages
	if n < 1 || n >= len(pages) || *s.compress {
		return nil
	}
	for len(s.bodies) <= n {
		s.bodies = append(s.bodies, nil)
	}
	if s.bodies[n] != nil {
		return nil
	}
	s.zbuf.Reset()
	s.zw.Reset(&s.zbuf)
	if _, err := s.zw.Write(pages[n].Bytes()); err != nil {
		return err
	}
	if err := s.zw.Close(); err != nil {
		return err
	}
	s.bodies[n] = bytes.Clone(s.zbuf.Bytes())
	pages[n] = new(bytes.Buffer)
	return nil
}

// inflate returns the stashed content of page n (nil if it was not stashed), valid until
// the next call.
func (s *pageStore) inflate(n int) ([]byte, error) {
	if n >= len(s.bodies) || s.bodies[n] == nil {
		return nil, nil
	}
	var err error
	if s.zr == nil {
		s.zr, err = zlib.NewReader(bytes.NewReader(s.bodies[n]))
	} else {
		err = s.zr.(zlib.Resetter).Reset(bytes.NewReader(s.bodies[n]), nil)
	}
	if err != nil {
		return nil, err
	}
	s.plain.Reset()
	if _, err := s.plain.ReadFrom(s.zr); err != nil {
		return nil, err
	}
	return s.plain.Bytes(), nil
}

// body is deflatePages' source of what precedes page n's page number; page n's stash is
// dropped once read.
func (s *pageStore) body(n int) ([]byte, error) {
	b, err := s.inflate(n)
	if n < len(s.bodies) {
		s.bodies[n] = nil
	}
	return b, err
}

// restore puts every stashed page back into fpdf's buffers, in front of what was drawn on
// it since.
func (s *pageStore) restore() error {
	pages := *s.pages
	for n := 1; n < len(pages); n++ {
		b, err := s.inflate(n)
		if err != nil {
			return err
		}
		if b == nil {
			continue
		}
		buf := bytes.NewBuffer(make([]byte, 0, len(b)+pages[n].Len()))
		buf.Write(b)
		buf.Write(pages[n].Bytes())
		pages[n] = buf
		s.bodies[n] = nil
	}
	return nil
}

// keepWriter keeps what is written to it. fpdf's Output writes its whole buffer in one
// call and the document is not used afterwards, so the first slice is kept rather than
// copied: without a pageStore, the uncompressed PDF of a city report is tens of megabytes.
type keepWriter struct{ b []byte }

func (k *keepWriter) Write(p []byte) (int, error) {
	if k.b == nil {
		k.b = p
	} else {
		k.b = append(k.b[:len(k.b):len(k.b)], p...)
	}
	return len(p), nil
}

// compressPages deflates the page content streams of raw, a PDF that fpdf wrote with
// compression off, and rewrites its cross-reference table. fpdf compresses each page with
// a new zlib writer, whose allocation and clearing of a megabyte of tables per page was
// most of the time and nearly all the memory of a report of thousands of pages; here one
// writer is reset for every page. The level and framing are fpdf's own, so the bytes are
// exactly those fpdf would have written with compression on.
func compressPages(raw []byte) ([]byte, error) { return deflatePages(raw, nil) }

// deflatePages is compressPages where body, if not nil, gives what precedes the content
// fpdf wrote for page n (1-based): the page's stash, see pageStore.
func deflatePages(raw []byte, body func(page int) ([]byte, error)) ([]byte, error) {
	bad := func(what string) error { return fmt.Errorf("PDF结构异常（%s）", what) }
	sx := bytes.LastIndex(raw, []byte("startxref\n"))
	if sx < 0 {
		return nil, bad("startxref")
	}
	rest := raw[sx+len("startxref\n"):]
	xref, err := strconv.Atoi(string(bytes.TrimSpace(rest[:bytes.IndexByte(rest, '\n')+1])))
	if err != nil || xref <= 0 || xref >= sx {
		return nil, bad("startxref")
	}
	// xref\n0 N\n then N entries of 20 bytes, the first the free entry.
	head := raw[xref:]
	if !bytes.HasPrefix(head, []byte("xref\n0 ")) {
		return nil, bad("xref")
	}
	nl := bytes.IndexByte(head[len("xref\n0 "):], '\n')
	if nl < 0 {
		return nil, bad("xref")
	}
	n, err := strconv.Atoi(string(head[len("xref\n0 ") : len("xref\n0 ")+nl]))
	entries := xref + len("xref\n0 ") + nl + 1
	if err != nil || n < 1 || entries+20*n > sx {
		return nil, bad("xref")
	}
	type object struct{ num, off, end int }
	objs := make([]object, 0, n-1)
	for i := 1; i < n; i++ {
		e := raw[entries+20*i : entries+20*i+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, bad("xref")
		}
		objs = append(objs, object{num: i, off: off})
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].off < objs[j].off })
	for i := range objs {
		objs[i].end = xref
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].off
		}
	}
	// The content objects are those the page objects name; fpdf writes the pages in
	// order, so the k-th page object is page k. contents maps object to page.
	contents := make(map[int]int, n/2)
	page := 0
	for _, o := range objs {
		obj := raw[o.off:o.end]
		if !bytes.Contains(obj[:min(len(obj), 40)], []byte("<</Type /Page\n")) {
			continue
		}
		page++
		if i := bytes.Index(obj, []byte("/Contents ")); i >= 0 {
			f := bytes.Fields(obj[i+len("/Contents "):])
			if len(f) > 0 {
				if c, err := strconv.Atoi(string(f[0])); err == nil {
					contents[c] = page
				}
			}
		}
	}
	size := len(raw) / 3
	if body != nil {
		size = len(raw) + 4096*page // stashed pages deflate to a few kilobytes each
	}
	out := bytes.NewBuffer(make([]byte, 0, size))
	out.Write(raw[:objs[0].off])
	offsets := make([]int, n)
	var zbuf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&zbuf, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	for _, o := range objs {
		offsets[o.num] = out.Len()
		obj := raw[o.off:o.end]
		if pg := contents[o.num]; pg > 0 {
			if data, ok := plainStream(obj, o.num); ok {
				zbuf.Reset()
				zw.Reset(&zbuf)
				if body != nil {
					b, err := body(pg)
					if err != nil {
						return nil, err
					}
					if _, err := zw.Write(b); err != nil {
						return nil, err
					}
				}
				if _, err := zw.Write(data); err != nil {
					return nil, err
				}
				if err := zw.Close(); err != nil {
					return nil, err
				}
				fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.num, zbuf.Len())
				out.Write(zbuf.Bytes())
				out.WriteString("\nendstream\nendobj\n")
				continue
			}
		}
		out.Write(obj)
	}
	start := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", n)
	for _, off := range offsets[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	out.Write(raw[entries+20*n : sx])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}

// plainStream returns the data of body when it is exactly object num holding an
// uncompressed stream, as fpdf writes a page's content with compression off.
func plainStream(body []byte, num int) ([]byte, bool) {
	prefix := fmt.Sprintf("%d 0 obj\n<</Length ", num)
	if !bytes.HasPrefix(body, []byte(prefix)) {
		return nil, false
	}
	rest := body[len(prefix):]
	i := bytes.Index(rest, []byte(">>\nstream\n"))
	if i < 0 {
		return nil, false
	}
	n, err := strconv.Atoi(string(rest[:i]))
	rest = rest[i+len(">>\nstream\n"):]
	const tail = "\nendstream\nendobj\n"
	if err != nil || n < 0 || len(rest) != n+len(tail) || string(rest[n:]) != tail {
		return nil, false
	}
	return rest[:n], true
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
// finished but for its number: its content is stashed deflated.
func (d *doc) newPage() {
	size := d.size
	d.pdf.AddPage()
	if d.pages != nil {
		if err := d.pages.stash(d.pdf.PageCount() - 1); err != nil {
			d.pdf.SetError(err)
		}
	}
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

// runeWidth is r's advance in thousandths of an em, cached.
func (d *doc) runeWidth(r rune) int {
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
		d.pdf.CellFormat(d.width, h, l, "", 1, "C", false, 0, "")
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
		d.pdf.CellFormat(d.width, h, safeText(right), "", 0, "R", false, 0, "")
	}
	lines := d.wrap(safeText(left), d.width-d.textWidth(safeText(right))-4)
	for _, l := range lines {
		d.pdf.SetXY(marginX, y)
		d.pdf.CellFormat(d.width, h, l, "", 0, "L", false, 0, "")
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
	d.pdf.CellFormat(d.width, h, safeText(s), "", 1, "L", false, 0, "")
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
	top := d.pdf.GetY()
	for _, p := range ps {
		lw := d.textWidth(p.label)
		d.pdf.SetXY(marginX+p.x, top+p.y)
		d.pdf.CellFormat(lw, h, p.label, "", 0, "L", false, 0, "")
		d.pdf.SetCellMargin(0)
		d.pdf.CellFormat(p.w-lw, h, p.value, "", 0, "L", false, 0, "")
		d.pdf.SetCellMargin(cellMargin)
		if p.underlineValue {
			yy := top + p.y + h - 1.5
			d.pdf.Line(marginX+p.x+lw, yy, marginX+p.x+p.w, yy)
		}
	}
	d.pdf.SetXY(marginX, top+y+h)
	d.setSize(bodySize)
}

// table is a table being drawn; its header repeats at the top of every page it spans.
type table struct {
	d    *doc
	cols []Column
	// carry is the band (e.g. a village heading) the rows now drawn belong to; a page
	// break repeats it, marked （续）, under the header.
	carry string
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
	t := &table{d: d, cols: cols}
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
	d.setSize(bodySize)
	lh := d.lineH()
	wrapped := make([][]string, len(t.cols))
	n := 1
	for i, c := range t.cols {
		s := ""
		if i < len(cells) {
			s = cells[i]
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
		d.cellLines(x, top, c.Width, h, wrapped[i], c.Align, fill)
		x += c.Width
	}
	d.pdf.SetXY(marginX, top+h)
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
	d.pdf.CellFormat(w, h, d.fitLine(safeText(text), w-2*cellMargin-d.textWidth(suffix))+suffix, "", 0, "L", false, 0, "")
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

func (d *doc) cellLines(x, y, w, h float64, lines []string, align string, fill [3]int) {
	p := d.pdf
	p.SetFillColor(fill[0], fill[1], fill[2])
	style := "D"
	if fill != colorWhite {
		style = "FD"
	}
	p.Rect(x, y, w, h, style)
	lh := d.lineH()
	ty := y + (h-float64(len(lines))*lh)/2
	for _, l := range lines {
		p.SetXY(x, ty)
		p.CellFormat(w, lh, l, "", 0, align, false, 0, "")
		ty += lh
	}
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
