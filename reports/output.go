package reports

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
	"github.com/klauspost/compress/zlib"

	"liangwei/assets"
)

// partPages is how many pages one part of a report holds before its pages are written out
// and the report goes on in the next part. fpdf keeps the content of every page as text
// (about 29 KB a page of the roster: 60 MB for the city's 2,121 pages, with its buffers
// twice that); drawn in parts, only the first part's text (the file's own pages, see
// finish) and the current part's are held, and the finished parts' pages are kept as
// deflated streams, about 4.5 KB each. The first part is an fpdf document; every later
// part is a page template of it (tplPart), which shares its parsed font and so costs
// neither a parse of the font nor a font subset of its own. A variable so that tests can
// make short reports run over several parts.
//
// 64 pages: what a long report holds is then about what the city's 225-page detail holds,
// so a province's reports take no more memory than a city's (issue 19: at 3× the city the
// 四有 report's peak RSS was 1.26–1.46× the city's with parts of 128 pages, 1.11–1.21× with
// 64), and drawing them takes no longer.
var partPages = 64

// render draws a report with draw and writes the finished PDF to w. Panics inside fpdf
// (it panics on some malformed input) come back as errors; nothing is written to w
// unless the whole document succeeded.
func render(w io.Writer, orientation, title string, m Meta, draw func(d *doc)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("生成PDF报表时出错：%v", r)
		}
	}()
	// The signature is kept with the table's last rows (drawKept); the seal follows it.
	var d *doc
	defer func() {
		if d != nil {
			d.close()
		}
	}()
	d = drawKept(func() *doc {
		if d != nil {
			d.close()
		}
		d = newDoc(orientation, title, m)
		return d
	}, draw)
	d.sealBlock()
	if err := d.finish(w); err != nil {
		return fmt.Errorf("生成PDF报表时出错：%w", err)
	}
	return nil
}

// startPart begins the next part of the report, a page template of its first part whose
// first page is already added; it is set up as the first part was, so that its pages look
// as if one document held them all.
func (d *doc) startPart() {
	d.part = newTplPart(d.first)
	d.pdf = d.part.pdf
	d.pdf.SetMargins(marginX, marginTop, marginX)
	d.pdf.SetAutoPageBreak(false, marginBot)
	d.pdf.SetCellMargin(cellMargin)
}

// close ends what drawing d left running: the goroutines writing out and holding parts,
// and the page store.
func (d *doc) close() {
	if d.part != nil {
		d.part.pages() // its goroutine returns
		d.part = nil
	}
	d.waitParts()
	d.done.close()
}

// newPart is an empty fpdf document set up as every part of the report is: the same page,
// font (hence the same font resource name) and metadata.
func (d *doc) newPart() *fpdf.Fpdf {
	pdf := fpdf.New(d.orientation, "mm", "A4", "")
	date := d.meta.Date
	if date.IsZero() {
		date = fallbackDate
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetCatalogSort(true)
	// fpdf deflates each page with a new zlib writer, whose megabyte of tables per page was
	// most of the time and allocation of a report of thousands of pages: the pages are
	// deflated here instead, by one writer (see deflater), with fpdf's level and framing.
	pdf.SetCompression(false)
	pdf.SetTitle(safeText(d.titleText), true)
	pdf.SetAuthor(safeText(d.meta.Unit), true)
	pdf.SetCreator("两委台账", true)
	d.sealMeta(pdf)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetAutoPageBreak(false, marginBot) // rows are placed by hand so none is split
	pdf.SetCellMargin(cellMargin)
	pdf.AddUTF8FontFromBytes(assets.FontName, "", assets.FontTTF)
	pdf.SetFont(assets.FontName, "", d.size)
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetTextColor(0, 0, 0)
	return pdf
}

// endPart ends the current part. The first part stays open: it becomes the file (finish).
// A later one is written out and its pages deflated on another goroutine while the next
// part is drawn; one part at a time, in order.
func (d *doc) endPart() {
	t := d.part
	d.pdf, d.part = nil, nil
	if t == nil {
		return
	}
	if d.writer == nil {
		d.writer = make(chan *tplPart, 1)
		d.written = make(chan error, 1)
		go func(parts <-chan *tplPart) {
			var err error
			for p := range parts {
				pages, perr := p.pages()
				if err != nil {
					continue
				}
				if err = perr; err != nil {
					continue
				}
				for _, page := range pages {
					var b []byte
					if b, err = d.z.stream(page); err != nil {
						break
					}
					if err = d.done.put(d.done.len(), b); err != nil {
						break
					}
				}
			}
			d.written <- err
		}(d.writer)
	}
	d.writer <- t
}

// waitParts waits until the parts handed to endPart's goroutine are written out.
func (d *doc) waitParts() {
	if d.writer == nil {
		return
	}
	close(d.writer)
	if err := <-d.written; err != nil && d.err == nil {
		d.err = err
	}
	d.writer = nil
}

// tplPart is a part of a report after its first: a page template of the first part's
// document (fpdf's CreateTemplate), drawn on as any fpdf document. It shares the first
// part's font, so the characters drawn on it are noted for the file's font subset.
// CreateTemplate hands the template to a function and collects its pages when that
// returns: the function waits, on a goroutine of its own, until the part is ended.
type tplPart struct {
	pdf     *fpdf.Fpdf
	release chan struct{}
	done    chan fpdf.Template
}

// newTplPart starts a template of first.
func newTplPart(first *fpdf.Fpdf) *tplPart {
	t := &tplPart{release: make(chan struct{}), done: make(chan fpdf.Template, 1)}
	got := make(chan *fpdf.Fpdf)
	go func() {
		t.done <- first.CreateTemplate(func(tpl *fpdf.Tpl) {
			got <- &tpl.Fpdf
			<-t.release
		})
	}()
	t.pdf = <-got
	return t
}

// pages ends the part and returns the content of its pages, uncompressed, or the error
// that stopped its drawing.
func (t *tplPart) pages() ([][]byte, error) {
	err := t.pdf.Error()
	close(t.release)
	tpl := <-t.done
	if err != nil {
		return nil, err
	}
	pages := make([][]byte, 0, tpl.NumPages())
	for _, p := range tpl.FromPages() {
		pages = append(pages, p.Bytes())
	}
	return pages, nil
}

// labelPages is how many earlier pages' footers finish draws in one throwaway document
// (see labelStreams): each costs a subset of the font (~30 ms), each page ~0.3 KB while
// drawn. A variable so that tests can use several.
var labelPages = 4096

// labelDigits are drawn on the page of characters so that the font has every page number.
const labelDigits = "0123456789"

// finish writes 第 N 页 共 M 页 on every page and outputs the document. The total is known
// only now, so the page numbers are drawn by revisiting each page rather than with fpdf's
// AliasNbPages, whose placeholder is measured (and centred) at its own width and whose
// digits may be missing from a UTF-8 font subset.
//
// The first part becomes the file: its own pages get their footers in it; the footers of
// the later parts' pages are drawn a batch at a time in throwaway documents
// (labelStreams), and join puts each after its page's content.
func (d *doc) finish(w io.Writer) error {
	d.drawPending()
	d.endPart()
	d.waitParts()
	if d.err != nil {
		return d.err
	}
	p := d.first
	d.sealMeta(p) // the seal of a report drawn as its records are read is known only now
	own, later := p.PageCount(), d.done.len()
	total := own + later
	if later > 0 {
		// The later parts' footers are drawn in other documents: their characters are
		// drawn on one more page, which join leaves out of the file.
		p.AddPage()
		p.Text(marginX, marginTop, d.used.text()+labelDigits+pageLabel(total, total))
		if s := d.meta.Seal; s != nil {
			p.Text(marginX, marginTop+10, printLabel(s))
		}
	}
	for n := 1; n <= own; n++ {
		p.SetPage(n)
		d.label(p, n, total)
	}
	p.SetPage(p.PageCount())
	if err := p.Error(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return err
	}
	d.pdf, d.first = nil, nil
	labels := func(from, n int) ([][]byte, error) { return d.labelStreams(own+from, n, total) }
	return join(w, buf.Bytes(), own, &d.done, labels, &d.z)
}

// label draws the footer of page n of total on p's current page.
func (d *doc) label(p *fpdf.Fpdf, n, total int) {
	// fpdf only emits state it believes changed; the page's stream may end in another
	// size or colour, so set both explicitly.
	p.SetFontSize(footerSize)
	p.SetFillColor(colorWhite[0], colorWhite[1], colorWhite[2])
	p.SetTextColor(0, 0, 0)
	p.SetXY(marginX, d.pageH-marginBot+4)
	p.CellFormat(d.width, 5, pageLabel(n, total), "", 0, "C", false, 0, "")
	d.sealFooter(p)
}

// labelStreams are the deflated content streams of the footers of pages from+1 to from+n
// of total, drawn each on a page of a throwaway document set up as the report's parts.
// fpdf writes UTF-8 text as the characters' codes (Identity-H, with a CIDToGIDMap to the
// subset's glyphs) and names the font by a hash of its registration, so the streams are
// valid with the final document's font and resources.
func (d *doc) labelStreams(from, n, total int) ([][]byte, error) {
	p := d.newPart()
	for i := 1; i <= n; i++ {
		p.AddPage()
		d.label(p, from+i, total)
	}
	if err := p.Error(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, err
	}
	return pageStreams(buf.Bytes(), &d.z)
}

// runeSet is a set of characters of the Basic Multilingual Plane, all that safeText lets
// through; a bitset because every character of every cell is added.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(str string) {
	for _, r := range str {
		if r < 0x10000 {
			s[r/64] |= 1 << (r % 64)
		}
	}
}

// text is every character of the set, in order, without spaces and control characters.
func (s *runeSet) text() string {
	var b []rune
	for i, word := range s {
		for word != 0 {
			bit := 0
			for word&(1<<bit) == 0 {
				bit++
			}
			word &^= 1 << bit
			if r := rune(i*64 + bit); r > ' ' {
				b = append(b, r)
			}
		}
	}
	return string(b)
}

// pdfFile is the object layout of a PDF as fpdf writes it: objects 1 to n-1 listed in one
// cross-reference section, followed by the trailer.
type pdfFile struct {
	raw     []byte
	objs    []pdfObject // by offset
	n       int         // entries in the cross-reference table, the free entry included
	trailer []byte      // from "trailer" to "startxref"
}

// pdfObject is object num at raw[off:end], from "num 0 obj" to the next object.
type pdfObject struct{ num, off, end int }

// body is the object's text from "num 0 obj".
func (f *pdfFile) body(o pdfObject) []byte { return f.raw[o.off:o.end] }

// parsePDF reads the cross-reference table of a PDF written by fpdf.
func parsePDF(raw []byte) (*pdfFile, error) {
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
	f := &pdfFile{raw: raw, n: n, trailer: raw[entries+20*n : sx], objs: make([]pdfObject, 0, n-1)}
	for i := 1; i < n; i++ {
		e := raw[entries+20*i : entries+20*i+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, bad("xref")
		}
		f.objs = append(f.objs, pdfObject{num: i, off: off})
	}
	sort.Slice(f.objs, func(i, j int) bool { return f.objs[i].off < f.objs[j].off })
	for i := range f.objs {
		f.objs[i].end = xref
		if i+1 < len(f.objs) {
			f.objs[i].end = f.objs[i+1].off
		}
		if !bytes.HasPrefix(f.body(f.objs[i]), fmt.Appendf(nil, "%d 0 obj\n", f.objs[i].num)) {
			return nil, bad("obj")
		}
	}
	return f, nil
}

// pages are the page objects in page order (fpdf writes them in order) and the object
// holding each one's content.
func (f *pdfFile) pages() (pages, contents []int) {
	for _, o := range f.objs {
		obj := f.body(o)
		if !bytes.Contains(obj[:min(len(obj), 40)], []byte("<</Type /Page\n")) {
			continue
		}
		c := 0
		if i := bytes.Index(obj, []byte("/Contents ")); i >= 0 {
			if fs := bytes.Fields(obj[i+len("/Contents "):]); len(fs) > 0 {
				c, _ = strconv.Atoi(string(fs[0]))
			}
		}
		pages, contents = append(pages, o.num), append(contents, c)
	}
	return pages, contents
}

// pageStreams are the content streams of a part's pages, in page order, deflated, each
// as the dictionary and stream of its object ("<</Filter … endstream").
func pageStreams(raw []byte, z *deflater) ([][]byte, error) {
	f, err := parsePDF(raw)
	if err != nil {
		return nil, err
	}
	byNum := make(map[int]pdfObject, len(f.objs))
	for _, o := range f.objs {
		byNum[o.num] = o
	}
	_, contents := f.pages()
	streams := make([][]byte, len(contents))
	for i, c := range contents {
		o, ok := byNum[c]
		data, plain := plainStream(f.body(o), c)
		if !ok || !plain {
			return nil, fmt.Errorf("PDF结构异常（第%d页的内容）", i+1)
		}
		b, err := z.stream(data)
		if err != nil {
			return nil, err
		}
		streams[i] = bytes.Clone(b)
	}
	return streams, nil
}

// deflater deflates page contents as fpdf does with compression on (zlib framing,
// BestSpeed), with one writer for all of them. The writer is klauspost/compress's, whose
// BestSpeed makes streams of the same size as the standard library's in a third of the
// time: deflating was 29 % of the CPU of a province's roster (BENCHMARKS.md, issue 19).
type deflater struct {
	buf, zbuf bytes.Buffer
	zw        *zlib.Writer
}

// stream is data deflated, as the dictionary and stream of a PDF object ("<</Filter …
// endstream"), valid until the next call.
func (z *deflater) stream(data []byte) ([]byte, error) {
	z.zbuf.Reset()
	if z.zw == nil {
		z.zw, _ = zlib.NewWriterLevel(&z.zbuf, zlib.BestSpeed) // a valid level: no error
	} else {
		z.zw.Reset(&z.zbuf)
	}
	if _, err := z.zw.Write(data); err != nil {
		return nil, err
	}
	if err := z.zw.Close(); err != nil {
		return nil, err
	}
	z.buf.Reset()
	fmt.Fprintf(&z.buf, "<</Filter /FlateDecode /Length %d>>\nstream\n", z.zbuf.Len())
	z.buf.Write(z.zbuf.Bytes())
	z.buf.WriteString("\nendstream")
	return z.buf.Bytes(), nil
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
