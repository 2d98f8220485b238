package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The export's workbook is excelize's (writeWorkbook): this file copies the parts of a frame
// that excelize wrote and writes a sheet's rows into its part as excelize's stream writer
// (StreamWriter.SetRow) writes them, byte for byte, for the values an export's cells hold
// (data.Field.Cell): inline strings, integers and decimals. TestExportSameAsExcelize holds
// the parts to those of the workbook excelize's stream writer makes of the same ledger.

// frame is the parts of a workbook excelize wrote, in its order.
type frame struct{ files []*zip.File }

// frameParts writes f and opens what it wrote.
func frameParts(f *excelize.File) (*frame, error) {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	return &frame{zr.File}, nil
}

// part is the content of the part named name.
func (fr *frame) part(name string) ([]byte, error) {
	for _, p := range fr.files {
		if p.Name == name {
			r, err := p.Open()
			if err != nil {
				return nil, err
			}
			defer r.Close()
			return io.ReadAll(r)
		}
	}
	return nil, fmt.Errorf("工作簿缺少 %s", name)
}

// sheetPaths maps each sheet's name to its part, as the workbook and its relationships
// name them.
func (fr *frame) sheetPaths() (map[string]string, error) {
	wb, err := fr.part("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	rels, err := fr.part("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var links struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(wb, &book); err != nil {
		return nil, err
	}
	if err := xml.Unmarshal(rels, &links); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range links.Rels {
		if t, ok := strings.CutPrefix(r.Target, "/"); ok {
			target[r.ID] = t
		} else {
			target[r.ID] = "xl/" + r.Target
		}
	}
	out := map[string]string{}
	for _, s := range book.Sheets {
		if target[s.ID] == "" {
			return nil, fmt.Errorf("工作簿中找不到“%s”工作表", s.Name)
		}
		out[s.Name] = target[s.ID]
	}
	return out, nil
}

// splitSheet splits the part of a sheet holding its header row only where its rows end:
// the rows go between head and tail. The dimension excelize's stream writer leaves at A1
// becomes ref, the range the rows will fill.
func (fr *frame) splitSheet(path, ref string) (head, tail []byte, err error) {
	b, err := fr.part(path)
	if err != nil {
		return nil, nil, err
	}
	const dim = `<dimension ref="A1"></dimension>`
	d, i := bytes.Index(b, []byte(dim)), bytes.LastIndex(b, []byte("</sheetData>"))
	if d < 0 || i < d {
		return nil, nil, errors.New("excelize 写出的工作表不是预期的格式")
	}
	head = append(append(append([]byte(nil), b[:d]...), `<dimension ref="`+ref+`"></dimension>`...), b[d+len(dim):i]...)
	return head, b[i:], nil
}

// copyPart copies p, compressed as it is, to zw.
func copyPart(zw *zip.Writer, p *zip.File) error { return zw.Copy(p) }

// outWriter is the workbook's file: it keeps the first error writing to it, so that a
// full disk is said as such rather than as a failed sheet.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}

// failed is err, said as a failed write to the file when writing to it failed.
func (o *outWriter) failed(err error) error {
	if err != nil && o.err != nil {
		return fmt.Errorf("写入文件失败（磁盘是否已满？）：%w", o.err)
	}
	return err
}

// rowWriter writes a sheet's rows into its part.
type rowWriter struct {
	b     *bufio.Writer
	cols  []string // the columns' letters
	style []string // ` s="…"` of a column in the text style, "" otherwise
	num   []byte
	esc   bytes.Buffer
}

// newRowWriter starts the part at path in zw (as excelize's zip writer does) for sh's rows,
// its columns of digits in the text style.
func newRowWriter(zw *zip.Writer, path string, sh *sheet, text int) (*rowWriter, error) {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: path, Method: zip.Deflate})
	if err != nil {
		return nil, err
	}
	rw := &rowWriter{b: bufio.NewWriterSize(w, 64<<10)}
	for j, c := range sh.Columns {
		col, err := excelize.ColumnNumberToName(j + 1)
		if err != nil {
			return nil, err
		}
		rw.cols = append(rw.cols, col)
		s := ""
		if c.Digits {
			s = ` s="` + strconv.Itoa(text) + `"`
		}
		rw.style = append(rw.style, s)
	}
	return rw, nil
}

// row writes row n of cells (data.Field.Cell's values, in column order). An empty string
// is no cell; a cell of a column of digits is in the text style.
func (rw *rowWriter) row(n int, cells []any) error {
	b := rw.b
	rw.num = strconv.AppendInt(rw.num[:0], int64(n), 10)
	b.WriteString(`<row r="`)
	b.Write(rw.num)
	b.WriteString(`">`)
	for j, v := range cells {
		if s, ok := v.(string); ok && s == "" || v == nil && rw.style[j] == "" {
			continue
		}
		b.WriteString(`<c r="`)
		b.WriteString(rw.cols[j])
		b.Write(rw.num)
		b.WriteByte('"')
		b.WriteString(rw.style[j])
		switch v := v.(type) {
		case nil: // a styled empty cell
			b.WriteString(`></c>`)
		case int:
			b.WriteString(`><v>`)
			b.WriteString(strconv.Itoa(v))
			b.WriteString(`</v></c>`)
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				rw.inline(fmt.Sprint(v))
				break
			}
			b.WriteString(`><v>`)
			b.WriteString(formatCellFloat(v))
			b.WriteString(`</v></c>`)
		case string:
			rw.inline(v)
		case bool, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, []byte,
			time.Time, time.Duration, excelize.Cell, *excelize.Cell, []excelize.RichTextRun:
			// excelize writes these otherwise; no field's cell is one of them.
			return fmt.Errorf("第 %d 行 %s 列：无法写入 %T 类型的值", n, rw.cols[j], v)
		default: // a kind's named string type: excelize writes what fmt prints
			rw.inline(fmt.Sprint(v))
		}
	}
	_, err := b.WriteString(`</row>`)
	return err
}

// inline ends a cell holding the inline string s, as excelize's setInlineStr and
// trimCellValue write it: at most 32,767 UTF-16 units, spaces kept at either end, XML
// escaped, and text that reads as an escaped character (_x0041_) escaped itself.
func (rw *rowWriter) inline(s string) {
	b := rw.b
	s = truncateUTF16Units(s, excelize.TotalCellChars)
	b.WriteString(` t="inlineStr"><is><t`)
	if s != "" && (isSpaceByte(s[0]) || isSpaceByte(s[len(s)-1])) {
		b.WriteString(` xml:space="preserve"`)
	}
	b.WriteByte('>')
	if plainText(s) {
		b.WriteString(s)
	} else {
		rw.esc.Reset()
		_ = xml.EscapeText(&rw.esc, []byte(s))
		b.WriteString(bstrMarshal(strings.ReplaceAll(rw.esc.String(), "&#xA;", "\n")))
	}
	b.WriteString(`</t></is></c>`)
}

func isSpaceByte(c byte) bool { return c == 9 || c == 10 || c == 13 || c == 32 }

// plainText reports whether s is written as it is: nothing for xml.EscapeText to change and
// nothing for bstrMarshal to.
func plainText(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\'' || c == '&' || c == '<' || c == '>' || c == '_' && i+1 < len(s) && s[i+1] == 'x' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r > 0xD7FF && r < 0xE000 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += size
	}
	return true
}

// What follows is excelize's own (v2.11.1, BSD-3-Clause, lib.go and cell.go), unexported
// there: how it writes a decimal and escapes a string.

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// truncateUTF16Units truncates a string to a maximum number of UTF-16 code units.
func truncateUTF16Units(s string, length int) string {
	var cnt int
	for i, r := range s {
		if cnt += utf16.RuneLen(r); cnt > length {
			return s[:i]
		}
	}
	return s
}

// bstrMarshal encode the escaped string literal which not permitted in an XML 1.0 document.
func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// formatCellFloat formats a floating point value with Excel's 15 significant digit limit.
func formatCellFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}
