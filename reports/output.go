package reports

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

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
