package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// unzipLimit caps the unpacked size of a workbook, against zip bombs.
const unzipLimit = 1 << 30

// loadXLSX reads every sheet of a workbook. It returns false when the file as a whole
// cannot be read (the error is recorded). excelize is not trusted to never panic on a
// damaged file, so a panic becomes that error too.
func (l *loader) loadXLSX(ctx context.Context, path string) (ok bool) {
	defer func() {
		if p := recover(); p != nil {
			l.fileError("文件已损坏，无法读取，请在 Excel 或 WPS 中打开并重新保存为 .xlsx")
			ok = false
		}
	}()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipSizeLimit: unzipLimit})
	if err != nil {
		if f != nil {
			_ = f.Close()
		}
		l.fileError(openMessage(err))
		return false
	}
	defer f.Close()
	if damagedSheets(f) {
		l.fileError("工作簿中有工作表已损坏，无法完整读取，请在 Excel 或 WPS 中打开并重新保存为 .xlsx")
		return false
	}
	for _, name := range f.GetSheetList() {
		if !l.readSheet(ctx, f, name) {
			return false
		}
	}
	return true
}

func openMessage(err error) string {
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword):
		return "文件是旧版 .xls 格式或设有打开密码，请在 Excel 或 WPS 中取消密码并另存为 .xlsx 后再导入"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum):
		return "文件已损坏或不完整，不是有效的 .xlsx 工作簿，请重新保存或重新拷贝该文件"
	case strings.Contains(err.Error(), "size limit"):
		return "文件解压后过大，可能已损坏，无法导入"
	}
	return "文件已损坏，无法读取，请在 Excel 或 WPS 中打开并重新保存为 .xlsx"
}

// damagedSheets reports whether a worksheet part of the package is not well-formed XML.
// excelize's row iterator stops quietly at the first XML error, so a damaged sheet would read
// as a shorter or empty one; this check refuses it instead. Parts too large to be held in
// memory (moved to temp files by excelize) are not in Pkg and are not checked.
func damagedSheets(f *excelize.File) bool {
	bad := false
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		b, ok := v.([]byte)
		if !ok || !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") {
			return true
		}
		d := xml.NewDecoder(bytes.NewReader(b))
		d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
		for {
			_, err := d.Token()
			if err == io.EOF {
				return true
			}
			if err != nil {
				bad = true
				return false
			}
		}
	})
	return bad
}

// readSheet streams one sheet's rows; row 1 is the header. Row numbers count every row,
// empty or missing ones included, so they are the numbers Excel shows.
func (l *loader) readSheet(ctx context.Context, f *excelize.File, name string) bool {
	rows, err := f.Rows(name)
	if err != nil {
		l.errorf(name, 0, "", "工作表已损坏，无法读取")
		return false
	}
	defer rows.Close()
	sh := specs[strings.TrimSpace(name)]
	label := name
	if sh != nil {
		label = sh.Name
	}
	var sr *sheetReader
	n := 0
	for rows.Next() {
		n++
		if n%1024 == 0 && ctx.Err() != nil {
			l.fileError("导入已取消")
			return false
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			l.errorf(label, n, "", "此行已损坏，无法读取")
			return false
		}
		if n == 1 {
			sr = l.begin(label, sh, cells)
			continue
		}
		sr.row(n, cells)
	}
	if err := rows.Error(); err != nil {
		l.errorf(label, 0, "", fmt.Sprintf("工作表无法读完（读到第%d行）", n))
		return false
	}

	if sr != nil {
		sr.end()
	}
	return true
}
