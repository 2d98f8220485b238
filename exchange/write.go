package exchange

import (
	"archive/zip"
	"cmp"
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

// dropRows is how far down the template's drop-down lists reach.
const dropRows = 5000

// LedgerReader is all Export needs of a store: its records kind by kind, township by
// township, in one read transaction. Declared here, at its one consumer, so a caller holding
// a ledger in memory (the demo's generated townships) passes a one-method value
// (data.HeldKinds) instead of a whole data.Store; data.Store satisfies it.
type LedgerReader interface {
	ReadKinds(ctx context.Context, township string, fn func(data.KindReader) error) error
}

// Export writes every sheet with all records of the store, of every round and year, merged
// villages included, each sheet sorted by its key (members in roster order within a village
// and round). The workbook imports back into an empty database to the same data.
func Export(ctx context.Context, st LedgerReader, w io.Writer) error {
	return ExportTownship(ctx, st, "", w)
}

// ExportTownship is Export of one township's records (of every township when township is
// ""). Each sheet is written township by township, a township's records of the sheet's kind
// read, sorted and written before the next township's are read, so that the memory is one
// township's records of one kind whatever the number of townships. A sheet with more rows
// than a worksheet holds is refused (TooManyRows) before anything is written.
func ExportTownship(ctx context.Context, st LedgerReader, township string, w io.Writer) error {
	return st.ReadKinds(ctx, township, func(r data.KindReader) error {
		sheets := supportedSheets()
		counts := make([]int, len(sheets))
		for i, sh := range sheets {
			n, err := r.Count(sh.Code)
			if err != nil {
				return fmt.Errorf("读取数据失败：%w", err)
			}
			if n+1 > excelize.TotalRows {
				return &TooManyRows{Sheet: sh.Name, Records: n}
			}
			counts[i] = n
		}
		var prints data.PrintSum
		src := func(i int, fn func(b *data.Batch) error) error {
			return r.EachTownship(sheets[i].Code, func(b data.Ledger) error {
				sortBatch(&b)
				prints.Add(b)
				return fn(&b)
			})
		}
		return writeWorkbook(w, sheets, counts, src, &prints)
	})
}

// TooManyRows refuses a sheet with more records than one worksheet holds (Excel's
// 1,048,576 rows, the header one of them).
type TooManyRows struct {
	Sheet   string
	Records int
}

func (e *TooManyRows) Error() string {
	return fmt.Sprintf("“%s”工作表有 %d 条记录，超过一个工作表最多 %d 行（含表头一行）的上限，无法导出到一个工作簿；请按乡镇分别导出",
		e.Sheet, e.Records, excelize.TotalRows)
}

// WriteTemplate writes the blank workbook: every sheet with its header row and drop-down
// lists on the enumerated columns, no data.
func WriteTemplate(w io.Writer) error {
	var all []*sheet
	for _, n := range Sheets {
		all = append(all, specs[n])
	}
	none := func(int, func(*data.Batch) error) error { return nil }
	return writeWorkbook(w, all, make([]int, len(all)), none, nil)
}

// rank is v's position in order, len(order) when absent.
func rank[T comparable](v T, order []T) int {
	for i, x := range order {
		if x == v {
			return i
		}
	}
	return len(order)
}

// sortBatch puts every kind of record in the order of the export.
func sortBatch(b *data.Batch) {
	sort.SliceStable(b.Townships, func(i, j int) bool { return b.Townships[i].Name < b.Townships[j].Name })
	sort.SliceStable(b.Villages, func(i, j int) bool {
		return cmp.Or(cmp.Compare(b.Villages[i].Township, b.Villages[j].Township), cmp.Compare(b.Villages[i].Name, b.Villages[j].Name)) < 0
	})
	sort.SliceStable(b.Elections, func(i, j int) bool {
		x, y := b.Elections[i], b.Elections[j]
		return cmp.Or(cmp.Compare(x.Township, y.Township), cmp.Compare(x.Village, y.Village), cmp.Compare(x.Round, y.Round),
			cmp.Compare(rank(x.Body, data.Bodies), rank(y.Body, data.Bodies))) < 0
	})
	// Members as a roster: 书记 first, then by party post, committee post, name and ID. A
	// post of none sorts last, as it is first in PartyPosts/CommitteePosts.
	postRank := func(m data.Member) (int, int) {
		return (rank(m.PartyPost, data.PartyPosts) + len(data.PartyPosts) - 1) % len(data.PartyPosts),
			(rank(m.CommitteePost, data.CommitteePosts) + len(data.CommitteePosts) - 1) % len(data.CommitteePosts)
	}
	sort.SliceStable(b.Members, func(i, j int) bool {
		x, y := b.Members[i], b.Members[j]
		xp, xc := postRank(x)
		yp, yc := postRank(y)
		return cmp.Or(cmp.Compare(x.Township, y.Township), cmp.Compare(x.Village, y.Village), cmp.Compare(x.Round, y.Round),
			cmp.Compare(xp, yp), cmp.Compare(xc, yc), cmp.Compare(x.Name, y.Name), cmp.Compare(x.IDNumber, y.IDNumber)) < 0
	})
	sort.SliceStable(b.Leaderships, func(i, j int) bool {
		x, y := b.Leaderships[i], b.Leaderships[j]
		return cmp.Or(cmp.Compare(x.Township, y.Township), cmp.Compare(x.Round, y.Round)) < 0
	})
	sort.SliceStable(b.PartyOrgs, func(i, j int) bool {
		x, y := b.PartyOrgs[i], b.PartyOrgs[j]
		return cmp.Or(cmp.Compare(x.Township, y.Township), cmp.Compare(x.Village, y.Village), cmp.Compare(x.Year, y.Year)) < 0
	})
	sort.SliceStable(b.Complaints, func(i, j int) bool {
		x, y := b.Complaints[i], b.Complaints[j]
		return cmp.Or(cmp.Compare(x.Township, y.Township), x.Received.Compare(y.Received), cmp.Compare(x.No, y.No)) < 0
	})
	sort.SliceStable(b.Talks, func(i, j int) bool {
		x, y := b.Talks[i], b.Talks[j]
		return cmp.Or(cmp.Compare(x.Township, y.Township), x.Date.Compare(y.Date), cmp.Compare(x.No, y.No)) < 0
	})
}

// writeWorkbook writes the sheets in order, each with a bold frozen header row, column
// widths fit for Chinese, drop-down lists, and its rows: counts[i] records of sheets[i],
// which src(i, fn) gives fn a batch at a time, in the sheet's order. The fingerprints of the
// records written (prints, nil for the template) go into the document properties.
//
// excelize makes the workbook's frame: every part as it would write it, but each sheet with
// its header row only (frameSheets). The frame's parts are copied to w, one zip entry after
// another, and each sheet's rows are written into its part, after the header row, as they
// are read (xlsxout.go): the memory is the frame and one township's records of one kind,
// whatever the number of rows. The sheets' parts come first, as excelize itself writes
// its streamed sheets first; the other parts are taken from the frame once the rows are
// written, with the fingerprints of the rows in its properties.
func writeWorkbook(w io.Writer, sheets []*sheet, counts []int, src func(i int, fn func(*data.Batch) error) error, prints *data.PrintSum) error {
	f := excelize.NewFile()
	defer f.Close()
	text, err := frameSheets(f, sheets, counts)
	if err != nil {
		return err
	}
	parts, err := frameParts(f)
	if err != nil {
		return err
	}
	paths, err := parts.sheetPaths()
	if err != nil {
		return err
	}
	out := &outWriter{w: w}
	zw := zip.NewWriter(out)
	for i, sh := range sheets {
		each := func(fn func(*data.Batch) error) error { return src(i, fn) }
		if err := writeSheet(zw, parts, paths[sh.Name], sh, counts[i], each, text); err != nil {
			return out.failed(fmt.Errorf("写入“%s”工作表失败：%w", sh.Name, err))
		}
	}
	if prints != nil {
		if err := setPrintProps(f, prints.Print()); err != nil {
			return err
		}
		if parts, err = frameParts(f); err != nil {
			return err
		}
	}
	sheetPart := map[string]bool{}
	for _, p := range paths {
		sheetPart[p] = true
	}
	for _, p := range parts.files {
		if sheetPart[p.Name] {
			continue
		}
		if err := copyPart(zw, p); err != nil {
			return out.failed(err)
		}
	}
	return out.failed(zw.Close())
}

// frameSheets adds the sheets to f, each with its drop-down lists (reaching the row of its
// last record, counts[i]), the header row frozen and the column widths and styles, and no
// other rows; it returns the style of text cells.
func frameSheets(f *excelize.File, sheets []*sheet, counts []int) (text int, err error) {
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		Border: []excelize.Border{
			{Type: "bottom", Color: "#808080", Style: 1},
		},
	})
	if err != nil {
		return 0, err
	}
	text, err = f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": keep what is typed as text
	if err != nil {
		return 0, err
	}
	for i, sh := range sheets {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), sh.Name)
		} else {
			_, err = f.NewSheet(sh.Name)
		}
		if err != nil {
			return 0, err
		}
		if err := frameSheet(f, sh, counts[i], header, text); err != nil {
			return 0, fmt.Errorf("写入“%s”工作表失败：%w", sh.Name, err)
		}
	}
	// The first sheet is the active one already. f.SetActiveSheet would parse every
	// streamed sheet back into cells to unselect its tab.
	return text, nil
}

// frameSheet writes sh's drop-down lists, down to the row of its n-th record, and its
// header row, through excelize's stream writer: the sheet's part as excelize writes it.
func frameSheet(f *excelize.File, sh *sheet, n int, header, text int) error {
	last := max(dropRows, n+1)
	for j, c := range sh.Columns {
		if c.Values == nil {
			continue
		}
		col, err := excelize.ColumnNumberToName(j + 1)
		if err != nil {
			return err
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, last)
		if err := dv.SetDropList(c.Values); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误", "请从下拉列表中选择："+strings.Join(c.Values, "、"))
		if err := f.AddDataValidation(sh.Name, dv); err != nil {
			return err
		}
	}
	// The data validations above live in the worksheet; the stream writer keeps them.
	sw, err := f.NewStreamWriter(sh.Name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	hdr := make([]any, len(sh.Columns))
	for j, c := range sh.Columns {
		if err := sw.SetColWidth(j+1, j+1, width(c)); err != nil {
			return err
		}
		if c.Digits {
			if err := sw.SetColStyle(j+1, j+1, text); err != nil {
				return err
			}
		}
		hdr[j] = excelize.Cell{StyleID: header, Value: c.Header}
	}
	if err := sw.SetRow("A1", hdr, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	return sw.Flush()
}

// exportChunk is how many records become rows at a time. The rows of a whole sheet as
// cells (a []any of boxed values per row) would take tens of megabytes for a city.
const exportChunk = 1024

// writeSheet writes the sheet's part of the frame, at path, to zw with n rows after its
// header row, which each gives a batch at a time, a chunk of records at a time, so that
// neither the sheet's cells nor all its rows are held at once. A column of digits is in
// the text style.
func writeSheet(zw *zip.Writer, parts *frame, path string, sh *sheet, n int, each func(fn func(*data.Batch) error) error, text int) error {
	rw, err := newRowWriter(zw, path, sh, text)
	if err != nil {
		return err
	}
	head, tail, err := parts.splitSheet(path, "A1:"+rw.cols[len(rw.cols)-1]+strconv.Itoa(n+1))
	if err != nil {
		return err
	}
	if _, err := rw.b.Write(head); err != nil {
		return err
	}
	next := 2
	err = each(func(b *data.Batch) error {
		m := sh.count(b)
		for lo := 0; lo < m; lo += exportChunk {
			for _, r := range sh.rows(b, lo, lo+exportChunk) {
				if err := rw.row(next, r); err != nil {
					return err
				}
				next++
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if next-2 != n {
		return fmt.Errorf("读到 %d 条记录，应有 %d 条", next-2, n)
	}
	if _, err := rw.b.Write(tail); err != nil {
		return err
	}
	return rw.b.Flush()
}
