package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

// loadXLSX reads every sheet of a workbook. It returns false when the file as a whole
// cannot be read (the error is recorded). The zip is checked and every sheet pre-scanned
// (preflightXLSX) before excelize opens it, so a hostile file is refused before it can
// exhaust memory. excelize is not trusted to never panic on a damaged file, so a panic
// becomes that error too.
func (l *loader) loadXLSX(ctx context.Context, path string) (ok bool) {
	defer func() {
		if p := recover(); p != nil {
			l.fileError("文件已损坏，无法读取，请在 Excel 或 WPS 中打开并重新保存为 .xlsx")
			ok = false
		}
	}()
	zr, err := zip.OpenReader(path)
	if err != nil {
		if isOLE(path) {
			err = excelize.ErrWorkbookFileFormat // old .xls or a password-protected workbook
		}
		l.fileError(openMessage(err))
		return false
	}
	scans, err := preflightXLSX(&zr.Reader)
	var wb *bytes.Reader
	if err == nil {
		wb, _ = withoutRead(&zr.Reader, scans) // nil on a failure: excelize reads the file
	}
	zr.Close()
	if err != nil {
		var le *limitError
		if errors.As(err, &le) {
			l.errorf(le.sheet, le.row, "", le.msg)
		} else {
			l.fileError(openMessage(err))
		}
		return false
	}
	opts := excelize.Options{RawCellValue: true, UnzipSizeLimit: MaxUnzippedSize, UnzipXMLSizeLimit: spillSize}
	var f *excelize.File
	if wb != nil {
		f, err = excelize.OpenReader(wb, opts)
	} else {
		f, err = excelize.OpenFile(path, opts)
	}
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		l.fileError(openMessage(err))
		return false
	}
	defer f.Close()
	// A workbook saved in the 1904 date system (Excel for Mac, some WPS settings) stores
	// every date 1462 days smaller; read as 1900 dates they would fall four years early.
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		l.date1904 = *props.Date1904
	}
	l.declared = readPrintProps(f)
	for _, name := range f.GetSheetList() {
		if !l.readSheet(ctx, f, name, scans[name]) {
			return false
		}
	}
	return true
}

// withoutRead is the workbook for excelize without the worksheets it would spill to temp
// files but whose rows the pre-scan already holds (sheetScan.plain), nil when there are
// none. excelize reads them from nothing else: it would only unpack tens of MB a second
// time to a temp file it never reads. The other entries are copied as they are, compressed;
// the pre-scan has read each left-out sheet to its end, its checksum included.
func withoutRead(zr *zip.Reader, scans map[string]*sheetScan) (*bytes.Reader, error) {
	skip := map[string]bool{}
	for _, sc := range scans {
		if sc.plain && sc.spilled {
			skip[sc.part] = true
		}
	}
	if len(skip) == 0 {
		return nil, nil
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if skip[strings.ReplaceAll(f.Name, "\\", "/")] {
			continue
		}
		r, err := f.OpenRaw()
		if err != nil {
			return nil, err
		}
		out, err := w.CreateRaw(&f.FileHeader)
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(out, r); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return bytes.NewReader(buf.Bytes()), nil
}

// isOLE reports whether the file is an OLE compound file: an old .xls, or an .xlsx
// encrypted with an opening password.
func isOLE(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var b [4]byte
	_, err = io.ReadFull(f, b[:])
	return err == nil && b == [4]byte{0xD0, 0xCF, 0x11, 0xE0}
}

// openMessage says why a workbook cannot be opened. A file the clerk may not read is not a
// damaged one: saying so sends them to re-save a file they cannot open.
func openMessage(err error) string {
	switch {
	case errors.Is(err, os.ErrPermission), errors.Is(err, os.ErrNotExist):
		return "无法打开文件：" + osMessage(err)
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword):
		return "文件是旧版 .xls 格式或设有打开密码，请在 Excel 或 WPS 中取消密码并另存为 .xlsx 后再导入"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum):
		return "文件已损坏或不完整，不是有效的 .xlsx 工作簿，请重新保存或重新拷贝该文件"
	case strings.Contains(err.Error(), "size limit"):
		return "文件解压后过大，可能已损坏，无法导入"
	}
	return "文件已损坏，无法读取，请在 Excel 或 WPS 中打开并重新保存为 .xlsx"
}

// readSheet streams one sheet's rows; row 1 is the header. Row numbers count every row,
// empty or missing ones included, so they are the numbers Excel shows. sc is the sheet's
// pre-scan (nil when the sheet was not scanned): one-column merged ranges are filled with
// their top cell's value, ranges over several columns and formula cells without a computed
// value are refused on their cells.
//
// A sheet the pre-scan read completely (sc.plain) is taken from sc.rows; any other is
// streamed by excelize.
func (l *loader) readSheet(ctx context.Context, f *excelize.File, name string, sc *sheetScan) bool {
	if sc == nil {
		sc = &sheetScan{}
	}
	var next func() bool
	var columns func() ([]string, error)
	var rowsErr func() error
	if sc.plain {
		i := -1
		next = func() bool { i++; return i < len(sc.rows) }
		columns = func() ([]string, error) { return sc.rows[i], nil }
		rowsErr = func() error { return nil }
		l.rowsHint = len(sc.rows)
		defer func() { sc.rows, l.rowsHint = nil, 0 }() // read once; let the rows go
	} else {
		rows, err := f.Rows(name)
		if err != nil {
			l.errorf(name, 0, "", "工作表已损坏，无法读取")
			return false
		}
		defer rows.Close()
		next = rows.Next
		columns = func() ([]string, error) { return rows.Columns(excelize.Options{RawCellValue: true}) }
		rowsErr = rows.Error
	}
	sh := specs[strings.TrimSpace(name)]
	label := name
	if sh != nil {
		label = sh.Name
	}
	merge := newMerger(sc.merges)
	sr := l.open(label, sh, sc.merges)
	n := 0
	for next() {
		n++
		if n%1024 == 0 && ctx.Err() != nil {
			l.fileError("导入已取消")
			return false
		}
		if n > MaxRows {
			l.errorf(label, n, "", fmt.Sprintf("工作表超过%d行的上限（读到第%d行即停止），请按乡镇拆分后分别导入", MaxRows, n))
			return false
		}
		cells, err := columns()
		if err != nil {
			l.errorf(label, n, "", "此行已损坏，无法读取")
			return false
		}
		sr.feed(n, merge.fill(n, cells))
	}
	if err := rowsErr(); err != nil {
		l.errorf(label, 0, "", fmt.Sprintf("工作表无法读完（读到第%d行）", n))
		return false
	}
	sr.finish()
	// Merged ranges over several columns and formulas without a value matter in the data
	// only: titles, group headers, 合计 rows and footers are merged and summed freely.
	for _, m := range sc.merges {
		if m.left != m.right && sr.inData(m.top, m.bottom) {
			cell, _ := excelize.CoordinatesToCellName(m.left, m.top)
			l.errorf(label, m.top, sr.header(m.left), fmt.Sprintf("单元格 %s 合并了多列（%s），无法判断各列的值，请取消合并并在每个单元格中填写后再导入", cell, m.ref))
		}
	}
	for _, c := range sc.formulas {
		if !sr.inData(c.row, c.row) {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(c.col, c.row)
		l.errorf(label, c.row, sr.header(c.col), fmt.Sprintf("单元格 %s 是公式，但文件中没有保存计算结果（可能由其他程序生成），请在 Excel 或 WPS 中打开并保存后再导入，或把公式改为数值", cell))
	}
	return true
}
