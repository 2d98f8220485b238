package exchange

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// csvRecord is one record of a CSV file with the row number a spreadsheet shows for it.
type csvRecord struct {
	Row   int
	Cells []string
}

// decodeText turns the bytes of a text file into UTF-8: UTF-8 with or without a byte-order
// mark, UTF-16 with a byte-order mark (Excel's “Unicode 文本”), else GBK/GB18030 as Excel
// writes CSV on Chinese Windows. Bytes that are none of these are refused. UTF-8 input is
// returned without a copy.
func decodeText(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
		if !utf8.Valid(b) {
			return nil, errors.New("文件标明为 UTF-8 编码，但内容不是有效的 UTF-8")
		}
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil || bytes.ContainsRune(d, utf8.RuneError) {
			return nil, errors.New("文件的 UTF-16 编码有误")
		}
		b = d
	case utf8.Valid(b):
	default:
		d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		if err != nil || bytes.ContainsRune(d, utf8.RuneError) {
			return nil, errors.New("文件编码无法识别（既不是 UTF-8 也不是 GBK），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”")
		}
		b = d
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return nil, errors.New("这不是文本格式的 CSV 文件（可能是改了扩展名的工作簿），请导入原文件")
	}
	return b, nil
}

// lineLimiter passes bytes through and fails once a line passes MaxCSVLineBytes or holds
// more than MaxCSVColumns cells, so the CSV reader never holds a longer or wider line. A
// separator is counted outside double quotes only (their parity on the line), so a quoted
// cell's commas never make a line too wide; a quote the reader takes as a plain character
// can only make it count fewer.
type lineLimiter struct {
	r      io.Reader
	sep    byte
	line   int  // 1-based number of the line being read
	n      int  // bytes of it so far
	cells  int  // cells of it so far, less one
	quoted bool // inside double quotes
	err    error
}

func (l *lineLimiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	for i, b := range p[:n] {
		switch {
		case b == '\n':
			l.line++
			l.n, l.cells = 0, 0
			continue
		case b == '"':
			l.quoted = !l.quoted
		case b == l.sep && !l.quoted:
			if l.cells++; l.cells >= MaxCSVColumns {
				l.err = fmt.Errorf("第%d行超过 %d 列的上限，不是正常的台账文件（可能已损坏），拒绝导入", l.line, MaxCSVColumns)
				return i, l.err
			}
		}
		if l.n++; l.n > MaxCSVLineBytes {
			l.err = fmt.Errorf("第%d行超过 %d KB 的上限，不是正常的台账文件（可能已损坏），拒绝导入", l.line, MaxCSVLineBytes>>10)
			return i, l.err
		}
	}
	return n, err
}

// scanCSV decodes and parses a CSV file, calling fn with each record and the row number
// Excel would show for it: blank lines count as rows, and line breaks inside quoted cells
// do not. Records are streamed, a line longer than MaxCSVLineBytes or a row number beyond
// MaxRows stops the scan with an error. fn returns false to stop early.
func scanCSV(b []byte, fn func(rec csvRecord) bool) error {
	text, err := decodeText(b)
	if err != nil {
		return err
	}
	lim := &lineLimiter{r: bytes.NewReader(text), sep: ',', line: 1}
	r := csv.NewReader(lim)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	if tabSeparated(text) {
		r.Comma, lim.sep = '\t', '\t'
	}
	extra := 0 // line breaks inside cells of earlier records
	for {
		rec, err := r.Read()
		if lim.err != nil {
			return lim.err
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fmt.Errorf("第%d行格式有误，无法按 CSV 读取（请检查引号）", pe.StartLine-extra)
			}
			return errors.New("无法按 CSV 读取")
		}
		line, _ := r.FieldPos(0)
		row := line - extra
		if row > MaxRows {
			return fmt.Errorf("文件超过%d行的上限（读到第%d行即停止），请按乡镇拆分后分别导入", MaxRows, row)
		}
		if !fn(csvRecord{Row: row, Cells: rec}) {
			return nil
		}
		for _, c := range rec {
			extra += strings.Count(c, "\n")
		}
	}
}

// tabSeparated reports whether a text file is tab-separated (Excel's “Unicode 文本”): more of
// its first lines hold a tab than a comma. The first lines, not the first: a form saved as
// text starts with its title, which holds neither.
func tabSeparated(text []byte) bool {
	tabs, commas := 0, 0
	for i := 0; i < maxHeaderRow+1 && len(text) > 0; i++ {
		line := text
		if j := bytes.IndexByte(text, '\n'); j >= 0 {
			line, text = text[:j], text[j+1:]
		} else {
			text = nil
		}
		if bytes.IndexByte(line, '\t') >= 0 {
			tabs++
		}
		if bytes.IndexByte(line, ',') >= 0 {
			commas++
		}
	}
	return tabs > commas
}

// readCSV is scanCSV collecting every record.
func readCSV(b []byte) ([]csvRecord, error) {
	var out []csvRecord
	err := scanCSV(b, func(rec csvRecord) bool {
		out = append(out, rec)
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// loadCSV reads a CSV file holding one sheet: the one named, else the one its file name
// contains. It returns false when the file as a whole cannot be read.
func (l *loader) loadCSV(ctx context.Context, path, sheet string) bool {
	name := strings.TrimSpace(sheet)
	if name == "" {
		base := filepath.Base(path)
		name = sheetFromFileName(strings.TrimSuffix(base, filepath.Ext(base)))
		if name == "" {
			l.fileError("无法从文件名判断这是哪个工作表，请在文件名中写明（如“城关镇-换届.csv”）或用 --sheet 指定：" + supportedNames())
			return false
		}
	}
	sh := specs[name]
	switch {
	case sh == nil:
		l.fileError("“" + name + "”不是工作表名，应为：" + strings.Join(Sheets, "、"))
		return false
	case !sh.supported():
		l.fileError("本版本暂不支持导入“" + name + "”，可导入的有：" + supportedNames())
		return false
	}
	b, err := os.ReadFile(path)
	if err != nil {
		l.fileError("无法读取文件：" + osMessage(err))
		return false
	}
	if bytes.Count(b, []byte{'\n'}) >= MaxRows {
		// Perhaps too many rows: check the limits before any row is parsed and kept.
		if err := scanCSV(b, func(csvRecord) bool { return ctx.Err() == nil }); err != nil {
			l.fileError(err.Error())
			return false
		}
	}
	sr := l.open(name, sh, nil)
	i, canceled, read := 0, false, false
	err = scanCSV(b, func(rec csvRecord) bool {
		read = true
		if i++; i%1024 == 0 && ctx.Err() != nil {
			canceled = true
			return false
		}
		sr.feed(rec.Row, rec.Cells)
		return true
	})
	switch {
	case err != nil:
		l.fileError(err.Error())
		return false
	case canceled:
		l.fileError("导入已取消")
		return false
	case !read:
		l.fileError("文件是空的")
		return false
	}
	sr.finish()
	return true
}
