package reports

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// join is the file of the first part, shell (written with compression off), with its
// pages' contents deflated and the pages of the later parts put after its own. shell's
// pages are its own own pages, then, if there are later parts, the page of characters
// (see finish), which is left out (its objects become null). Each later page becomes
// three objects numbered after shell's: a page like shell's first, whose contents are
// its stream from bodies followed by its footer from labels (called for labelPages pages
// at a time, in order; from counts the later pages), and those two streams. The page tree
// lists the pages in order.
func join(w io.Writer, shell []byte, own int, bodies *pageStore, labels func(from, n int) ([][]byte, error), z *deflater) error {
	bad := func(what string) error { return fmt.Errorf("PDF结构异常（%s）", what) }
	f, err := parsePDF(shell)
	if err != nil {
		return err
	}
	pages, contents := f.pages()
	later := bodies.len()
	want := own
	if later > 0 {
		want++
	}
	if own < 1 || len(pages) != want {
		return bad("页数")
	}
	first := f.n // the object number of the first later page; its streams follow it
	dropped := map[int]bool{}
	if later > 0 {
		dropped[pages[own]], dropped[contents[own]] = true, true
	}
	content := make(map[int]bool, len(contents))
	for _, c := range contents {
		content[c] = true
	}
	// The later pages are written as the first own page is, but for its number and
	// contents: head is its dictionary up to the contents, tail what follows them.
	var head, tail []byte

	out := &countWriter{w: bufio.NewWriterSize(w, 64<<10)}
	out.Write(shell[:f.objs[0].off])
	offsets := make([]int, f.n+3*later)
	for _, o := range f.objs {
		offsets[o.num] = out.n
		obj := f.body(o)
		switch {
		case dropped[o.num]:
			fmt.Fprintf(out, "%d 0 obj\nnull\nendobj\n", o.num)
		case content[o.num]:
			data, ok := plainStream(obj, o.num)
			if !ok {
				return bad("页面内容")
			}
			b, err := z.stream(data)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%d 0 obj\n", o.num)
			out.Write(b)
			out.WriteString("\nendobj\n")
		case later > 0 && bytes.HasPrefix(obj, fmt.Appendf(nil, "%d 0 obj\n<</Type /Pages\n", o.num)):
			k := bytes.Index(obj, []byte("/Kids ["))
			ke := bytes.IndexByte(obj[max(k, 0):], ']')
			c := bytes.Index(obj, []byte("/Count "))
			ce := bytes.IndexByte(obj[max(c, 0):], '\n')
			if k < 0 || ke < 0 || c < k+ke || ce < 0 {
				return bad("页面树")
			}
			out.Write(obj[:k])
			out.WriteString("/Kids [")
			for _, kid := range pages[:own] {
				fmt.Fprintf(out, "%d 0 R ", kid)
			}
			for i := range later {
				fmt.Fprintf(out, "%d 0 R ", first+3*i)
			}
			out.Write(obj[k+ke : c])
			fmt.Fprintf(out, "/Count %d", later+own)
			out.Write(obj[c+ce:])
		default:
			if o.num == pages[0] {
				h := bytes.IndexByte(obj, '\n') + 1
				i := bytes.Index(obj, []byte("/Contents "))
				if i < 0 {
					return bad("页面内容")
				}
				c := i + len("/Contents ")
				j := bytes.Index(obj[c:], []byte(" 0 R"))
				if j < 0 {
					return bad("页面内容")
				}
				head, tail = obj[h:c], obj[c+j+len(" 0 R"):]
			}
			out.Write(obj)
		}
	}
	var batch [][]byte
	for i := range later {
		if i%labelPages == 0 {
			if batch, err = labels(i, min(labelPages, later-i)); err != nil {
				return err
			}
			if len(batch) != min(labelPages, later-i) {
				return bad("页码")
			}
		}
		n := first + 3*i
		offsets[n] = out.n
		fmt.Fprintf(out, "%d 0 obj\n", n)
		out.Write(head)
		fmt.Fprintf(out, "[%d 0 R %d 0 R]", n+1, n+2)
		out.Write(tail)
		offsets[n+1] = out.n
		fmt.Fprintf(out, "%d 0 obj\n", n+1)
		if err := bodies.copyTo(out, i); err != nil && out.err == nil {
			return err
		}
		out.WriteString("\nendobj\n")
		offsets[n+2] = out.n
		fmt.Fprintf(out, "%d 0 obj\n", n+2)
		out.Write(batch[i%labelPages])
		out.WriteString("\nendobj\n")
	}
	start := out.n
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", f.n+3*later)
	for _, off := range offsets[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	sz := fmt.Appendf(nil, "/Size %d\n", f.n)
	if !bytes.Contains(f.trailer, sz) {
		return bad("trailer")
	}
	out.Write(bytes.Replace(f.trailer, sz, fmt.Appendf(nil, "/Size %d\n", f.n+3*later), 1))
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", start)
	if out.err != nil {
		return fmt.Errorf("写入PDF报表时出错：%w", out.err)
	}
	if err := out.w.Flush(); err != nil {
		return fmt.Errorf("写入PDF报表时出错：%w", err)
	}
	return nil
}
