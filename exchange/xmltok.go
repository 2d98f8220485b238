package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// A worksheet tokenizer for the pre-scan (scanSheet), several times faster than
// encoding/xml's. It reads the plain XML that Excel, WPS, LibreOffice and excelize write —
// elements, attributes in quotes, text with the five named entities and character
// references — from a part held in memory, and gives the tokens encoding/xml's RawToken
// would give for it. Anything else it meets (comments, CDATA, DOCTYPE, other processing
// instructions, carriage returns, odd names, a long run, a document not well formed as far
// as it can tell) makes it give up with errSlowPath: the sheet is then scanned by
// encoding/xml from the start, as before, so every verdict on a strange file — and every
// message — stays encoding/xml's. FuzzFastTokens holds it to that.

// errSlowPath says the fast tokenizer does not vouch for the part: scan it with
// encoding/xml.
var errSlowPath = errors.New("xml: not the plain subset")

// xmlDecls are the XML declarations the fast tokenizer accepts, as written by Excel, WPS,
// LibreOffice and excelize; encoding/xml reads each as a ProcInst without complaint.
var xmlDecls = [][]byte{
	[]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`),
	[]byte(`<?xml version="1.0" encoding="UTF-8"?>`),
}

// fastTokens tokenizes one XML part held in memory. The token next fills shares its
// attribute slice and text with the next one: a caller keeps nothing of a token past the
// next call. An attribute value without entities is a string over the part's own bytes,
// not a copy: whatever outlives the scan is cloned (parseRange's ref), so that the part
// is not held in memory by it.
type fastTokens struct {
	b     []byte
	pos   int
	attrs []xml.Attr
	text  []byte // the unescaped text of the last CharData with entities
	// end is a pending EndElement of an empty element (<c/>), given on the next call.
	end    xml.Name
	hasEnd bool
}

// newFastTokens returns the tokenizer of the part b. The checks of encoding/xml's limits
// and of the characters XML forbids are made on each text and attribute value as it is
// read (plainRun): every other byte of a part the fast path vouches for is one of a name
// (ASCII letters, digits and "-._:"), space, tab, newline or punctuation. (They were a
// pass over the whole part of their own, a sixth of the pre-scan.)
func newFastTokens(b []byte) *fastTokens {
	return &fastTokens{b: b}
}

// plainRun reports whether a text or an attribute value can be read fast: no run longer
// than encoding/xml's limit allows (a longer one with a '>' inside, which would end the
// run, is left to the slow path too), valid UTF-8, no character XML forbids and no '\r'
// (which encoding/xml rewrites).
func plainRun(raw []byte) bool {
	if len(raw) > maxXMLRun {
		return false
	}
	ascii := true
	for _, c := range raw {
		switch {
		case c >= 0x80:
			ascii = false
		case c < 0x20 && c != '\t' && c != '\n':
			return false
		}
	}
	return ascii || (utf8.Valid(raw) && !bytes.Contains(raw, []byte("\uFFFE")) && !bytes.Contains(raw, []byte("\uFFFF")))
}

// RawToken returns the next token as encoding/xml's RawToken would, io.EOF at the end, or
// errSlowPath. The pre-scan calls next, which gives the same tokens without allocating.
func (t *fastTokens) RawToken() (xml.Token, error) {
	var tk token
	if err := t.next(&tk); err != nil {
		return nil, err
	}
	return tk.xml(), nil
}

// next reads the next token into tk, as RawToken would give it.
func (t *fastTokens) next(tk *token) error {
	if t.hasEnd {
		t.hasEnd = false
		tk.kind, tk.name = tokEnd, t.end
		return nil
	}
	b := t.b
	if t.pos >= len(b) {
		return io.EOF
	}
	if b[t.pos] != '<' {
		return t.charData(tk)
	}
	p := t.pos + 1
	if p >= len(b) {
		return errSlowPath
	}
	switch b[p] {
	case '?':
		for _, d := range xmlDecls {
			if t.pos == 0 && bytes.HasPrefix(b, d) {
				t.pos = len(d)
				tk.kind, tk.text = tokProcInst, d[len("<?xml "):len(d)-len("?>")]
				return nil
			}
		}
		return errSlowPath
	case '/':
		name, q, ok := scanName(b, p+1)
		if !ok {
			return errSlowPath
		}
		q = skipSpace(b, q)
		if q >= len(b) || b[q] != '>' || q-t.pos > maxXMLRun {
			return errSlowPath
		}
		t.pos = q + 1
		tk.kind, tk.name = tokEnd, name
		return nil
	case '!':
		return errSlowPath
	}
	name, q, ok := scanName(b, p)
	if !ok {
		return errSlowPath
	}
	t.attrs = t.attrs[:0]
	for {
		r := skipSpace(b, q)
		if r >= len(b) {
			return errSlowPath
		}
		if r-t.pos > maxXMLRun {
			return errSlowPath // a tag longer than a run may be, '>' in its values or not
		}
		switch b[r] {
		case '>':
			t.pos = r + 1
			tk.kind, tk.name, tk.attr = tokStart, name, t.attrs
			return nil
		case '/':
			if r+1 >= len(b) || b[r+1] != '>' {
				return errSlowPath
			}
			t.pos = r + 2
			t.end, t.hasEnd = name, true
			tk.kind, tk.name, tk.attr = tokStart, name, t.attrs
			return nil
		}
		if r == q {
			return errSlowPath // attributes are separated by space
		}
		an, s, ok := scanName(b, r)
		if !ok {
			return errSlowPath
		}
		s = skipSpace(b, s)
		if s >= len(b) || b[s] != '=' {
			return errSlowPath
		}
		s = skipSpace(b, s+1)
		if s >= len(b) || (b[s] != '"' && b[s] != '\'') {
			return errSlowPath
		}
		quote := b[s]
		e := bytes.IndexByte(b[s+1:], quote)
		if e < 0 {
			return errSlowPath
		}
		raw := b[s+1 : s+1+e]
		if bytes.IndexByte(raw, '<') >= 0 || !plainRun(raw) {
			return errSlowPath
		}
		val, ok := unescape(raw, nil)
		if !ok {
			return errSlowPath
		}
		v := ""
		switch {
		case len(val) == 0:
		case len(raw) == len(val):
			// No entity: the value is the part's own bytes, which nothing changes.
			v = unsafe.String(unsafe.SliceData(val), len(val))
		default:
			v = string(val)
		}
		t.attrs = append(t.attrs, xml.Attr{Name: an, Value: v})
		q = s + 1 + e + 1
	}
}

// charData reads the text up to the next '<' (or the end), unescaped.
func (t *fastTokens) charData(tk *token) error {
	b := t.b
	e := bytes.IndexByte(b[t.pos:], '<')
	if e < 0 {
		e = len(b) - t.pos
	}
	raw := b[t.pos : t.pos+e]
	if !plainRun(raw) {
		return errSlowPath
	}
	if bytes.Contains(raw, []byte("]]>")) {
		return errSlowPath // encoding/xml accepts it; keep the question its own
	}
	t.pos += e
	if bytes.IndexByte(raw, '&') < 0 {
		tk.kind, tk.text = tokText, raw
		return nil
	}
	val, ok := unescape(raw, t.text[:0])
	if !ok {
		return errSlowPath
	}
	t.text = val
	tk.kind, tk.text = tokText, val
	return nil
}

// unescape replaces the entities of raw; it returns raw itself when there are none, else
// the text appended to buf. false for an entity encoding/xml would not read the same.
func unescape(raw, buf []byte) ([]byte, bool) {
	i := bytes.IndexByte(raw, '&')
	if i < 0 {
		return raw, true
	}
	out := append(buf, raw[:i]...)
	for i < len(raw) {
		c := raw[i]
		if c != '&' {
			out = append(out, c)
			i++
			continue
		}
		e := bytes.IndexByte(raw[i:], ';')
		if e < 2 {
			return nil, false
		}
		ent := raw[i+1 : i+e]
		i += e + 1
		switch string(ent) {
		case "amp":
			out = append(out, '&')
			continue
		case "lt":
			out = append(out, '<')
			continue
		case "gt":
			out = append(out, '>')
			continue
		case "quot":
			out = append(out, '"')
			continue
		case "apos":
			out = append(out, '\'')
			continue
		}
		if ent[0] != '#' || len(ent) < 2 || len(ent) > 8 {
			return nil, false
		}
		var n uint64
		var err error
		if ent[1] == 'x' {
			n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
		} else {
			n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
		}
		r := rune(n)
		if err != nil || !plainChar(r) {
			return nil, false
		}
		out = utf8.AppendRune(out, r)
	}
	return out, true
}

// plainChar is a character a reference may name on the fast path: XML's characters, but
// not '\r' (which encoding/xml treats apart).
func plainChar(r rune) bool {
	return r == '\t' || r == '\n' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// scanName reads an ASCII XML name at b[p:] as encoding/xml splits it: the prefix before
// one colon is Space, the rest Local. Anything else (another character, two colons, an
// empty part) is left to the slow path.
func scanName(b []byte, p int) (xml.Name, int, bool) {
	start, colon := p, -1
	for p < len(b) {
		c := b[p]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case c >= '0' && c <= '9', c == '-', c == '.':
			if p == start || p == colon+1 {
				return xml.Name{}, p, false
			}
		case c == ':':
			if colon >= 0 || p == start {
				return xml.Name{}, p, false
			}
			colon = p
		default:
			goto done
		}
		p++
	}
done:
	if p == start || colon == p-1 {
		return xml.Name{}, p, false
	}
	if colon < 0 {
		return xml.Name{Local: name(b[start:p])}, p, true
	}
	return xml.Name{Space: name(b[start:colon]), Local: name(b[colon+1 : p])}, p, true
}

// names interns the element and attribute names of a worksheet, so that a name costs no
// allocation.
var names = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"worksheet", "sheetData", "row", "c", "v", "f", "is", "t", "r", "s",
		"rPr", "rPh", "mergeCells", "mergeCell", "ref", "count", "spans", "ht", "customHeight",
		"cols", "col", "min", "max", "width", "customWidth", "style", "dimension", "sheetViews",
		"sheetView", "sheetFormatPr", "pageMargins", "xmlns", "tabSelected", "workbookViewId",
		"defaultRowHeight", "pane", "selection", "sheetPr", "pageSetup", "dataValidations",
		"dataValidation", "formula1", "type", "sqref", "allowBlank", "showErrorMessage",
		"showInputMessage", "outlinePr", "left", "right", "top", "bottom", "header", "footer"} {
		m[n] = n
	}
	return m
}()

func name(b []byte) string {
	// The names of every cell first, without hashing.
	switch len(b) {
	case 1:
		switch b[0] {
		case 'c':
			return "c"
		case 'v':
			return "v"
		case 't':
			return "t"
		case 'r':
			return "r"
		case 's':
			return "s"
		}
	case 2:
		if b[0] == 'i' && b[1] == 's' {
			return "is"
		}
	case 3:
		if string(b) == "row" {
			return "row"
		}
	}
	if s, ok := names[string(b)]; ok {
		return s
	}
	return string(b)
}

// skipSpace skips XML white space (encoding/xml's: space, tab, newline; '\r' never gets
// here).
func skipSpace(b []byte, p int) int {
	for p < len(b) && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n') {
		p++
	}
	return p
}
