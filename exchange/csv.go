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
// writes CSV on Chinese Windows. Bytes that are none of these are refused.
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
		if !utf8.Valid(b) {
			return "", errors.New("文件标明为 UTF-8 编码，但内容不是有效的 UTF-8")
		}
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil || bytes.ContainsRune(d, utf8.RuneError) {
			return "", errors.New("文件的 UTF-16 编码有误")
		}
		b = d
	case utf8.Valid(b):
	default:
		d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		if err != nil || bytes.ContainsRune(d, utf8.RuneError) {
			return "", errors.New("文件编码无法识别（既不是 UTF-8 也不是 GBK），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”")
		}
		b = d
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", errors.New("这不是文本格式的 CSV 文件（可能是改了扩展名的工作簿），请导入原文件")
	}
	return string(b), nil
}

// readCSV decodes and parses a CSV file. Each record carries the row number Excel would
// show: blank lines count as rows, and line breaks inside quoted cells do not.
func readCSV(b []byte) ([]csvRecord, error) {
	text, err := decodeText(b)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	if first, _, _ := strings.Cut(text, "\n"); !strings.Contains(first, ",") && strings.Contains(first, "\t") {
		r.Comma = '\t'
	}
	var out []csvRecord
	extra := 0 // line breaks inside cells of earlier records
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("第%d行格式有误，无法按 CSV 读取（请检查引号）", pe.StartLine-extra)
			}
			return nil, errors.New("无法按 CSV 读取")
		}
		line, _ := r.FieldPos(0)
		out = append(out, csvRecord{Row: line - extra, Cells: rec})
		for _, c := range rec {
			extra += strings.Count(c, "\n")
		}
	}
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
	recs, err := readCSV(b)
	if err != nil {
		l.fileError(err.Error())
		return false
	}
	if len(recs) == 0 {
		l.fileError("文件是空的")
		return false
	}
	sr := l.begin(name, sh, recs[0].Cells)
	for i, rec := range recs[1:] {
		if i%1024 == 1023 && ctx.Err() != nil {
			l.fileError("导入已取消")
			return false
		}
		sr.row(rec.Row, rec.Cells)
	}
	sr.end()
	return true
}
