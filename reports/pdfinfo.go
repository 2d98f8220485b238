package reports

import (
	"bytes"
	"errors"
	"strconv"
	"unicode/utf16"
)

// Reading a seal back from a PDF: the document information dictionary the trailer names,
// its Keywords as a PDF literal string, decoded from UTF-16BE. Only PDFs laid out as this
// program writes them (see parsePDF) are read; any other is not one of its reports.

// ErrNotPDF is returned by ReadSeal for a file that is not a PDF at all.
var ErrNotPDF = errors.New("这不是PDF文件，请选择两委台账生成的PDF报表")

// ErrDamagedPDF is returned by ReadSeal for a PDF of this program whose structure is broken
// (cut short in a download, or altered).
var ErrDamagedPDF = errors.New("PDF文件已损坏（内容不完整或被改动过），无法核验，请向报送单位索取原文件")

// ReadSeal reads the seal of a report written by this program. A PDF of another program,
// or of a version without fingerprints, gives ErrNoSeal; a damaged one ErrDamagedPDF.
func ReadSeal(raw []byte) (Seal, error) {
	if !bytes.HasPrefix(raw, []byte("%PDF-")) {
		return Seal{}, ErrNotPDF
	}
	f, err := parsePDF(raw)
	if err != nil {
		// Not laid out as this program writes PDFs: another program's (LibreOffice, WPS,
		// a scanner), or one of ours cut short or altered. Ours carry the fpdf producer
		// line in their information dictionary, near the end.
		if bytes.Contains(raw, []byte("/Producer (FPDF")) && bytes.Contains(raw, []byte("/Creator (")) {
			return Seal{}, ErrDamagedPDF
		}
		if !bytes.Contains(raw[max(0, len(raw)-1024):], []byte("%%EOF")) {
			return Seal{}, ErrDamagedPDF
		}
		return Seal{}, ErrNoSeal
	}
	info, ok := f.object(f.trailerRef("/Info "))
	if !ok {
		return Seal{}, ErrNoSeal
	}
	kw, ok := literalAfter(info, "/Keywords ")
	if !ok {
		return Seal{}, ErrNoSeal
	}
	return parseKeywords(pdfText(kw))
}

// trailerRef is the object number the trailer gives after key ("/Info "), 0 if none.
func (f *pdfFile) trailerRef(key string) int {
	i := bytes.Index(f.trailer, []byte(key))
	if i < 0 {
		return 0
	}
	fs := bytes.Fields(f.trailer[i+len(key):])
	if len(fs) == 0 {
		return 0
	}
	n, _ := strconv.Atoi(string(fs[0]))
	return n
}

// object is the text of object num.
func (f *pdfFile) object(num int) ([]byte, bool) {
	for _, o := range f.objs {
		if o.num == num {
			return f.body(o), true
		}
	}
	return nil, false
}

// literalAfter reads the literal string "(…)" that follows key in b, unescaped.
func literalAfter(b []byte, key string) ([]byte, bool) {
	i := bytes.Index(b, []byte(key+"("))
	if i < 0 {
		return nil, false
	}
	b = b[i+len(key)+1:]
	var out []byte
	depth := 0
	for j := 0; j < len(b); j++ {
		c := b[j]
		switch c {
		case '\\':
			j++
			if j >= len(b) {
				return nil, false
			}
			switch e := b[j]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\n':
			case '\r':
				if j+1 < len(b) && b[j+1] == '\n' {
					j++
				}
			default:
				if e >= '0' && e <= '7' {
					v, k := 0, 0
					for ; k < 3 && j+k < len(b) && b[j+k] >= '0' && b[j+k] <= '7'; k++ {
						v = v*8 + int(b[j+k]-'0')
					}
					j += k - 1
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		case '(':
			depth++
			out = append(out, c)
		case ')':
			if depth == 0 {
				return out, true
			}
			depth--
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return nil, false
}

// pdfText decodes a PDF text string: UTF-16BE after its byte-order mark, else as is.
func pdfText(b []byte) string {
	if len(b) < 2 || b[0] != 0xFE || b[1] != 0xFF {
		return string(b)
	}
	b = b[2:]
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}
