package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The limits of import (README “导入限制”). A whole city's ledger is far below each of them;
// a file beyond one is refused before it can exhaust memory, and nothing of it is written.
const (
	// MaxFileSize is the largest .xlsx or .csv file accepted, in bytes.
	MaxFileSize = 50 << 20
	// MaxUnzippedSize caps the sum of the uncompressed sizes of a workbook's zip entries.
	MaxUnzippedSize = 256 << 20
	// MaxCompressionRatio is the largest uncompressed/compressed ratio accepted for a zip
	// entry of more than 1 MB uncompressed; zip bombs inflate hundreds to thousands of times.
	MaxCompressionRatio = 200
	// MaxZipEntries caps the number of parts of a workbook.
	MaxZipEntries = 2000
	// MaxSheets caps the number of worksheets of a workbook (the ledger has eight).
	MaxSheets = 100
	// MaxRows is the largest spreadsheet row number read in a sheet or CSV file, header
	// included; a city has about 50,000 members.
	MaxRows = 200_000
	// MaxCellChars is the longest cell accepted, in characters.
	MaxCellChars = 2000
	// MaxCSVLineBytes is the longest line of a CSV file, in bytes.
	MaxCSVLineBytes = 1 << 20
	// MaxCSVColumns is the most cells a line of a CSV file may hold: Excel's 16,384
	// columns (A to XFD). Each cell costs the CSV reader some 40 bytes, so a line of a
	// million commas, within MaxCSVLineBytes, had made it hold 100 MB.
	MaxCSVColumns = 16384
)

const (
	// spillSize is excelize's UnzipXMLSizeLimit: worksheets and shared strings larger than
	// this are unpacked to temp files and streamed instead of held in memory.
	spillSize = 4 << 20
	// maxInMemory caps the parts excelize keeps in memory (all but the spilled ones).
	maxInMemory = 64 << 20
	// maxXMLRun is the longest run of bytes between two '<' or '>' of a sheet or of the
	// shared strings: a cell of MaxCellChars characters, even fully escaped, is far shorter,
	// and the XML decoder would hold a longer run in memory at once.
	maxXMLRun = 1 << 20
	// maxXMLDepth caps the nesting of a worksheet's XML.
	maxXMLDepth = 64
	// maxFormulaCells caps the formula cells without a value listed per sheet.
	maxFormulaCells = 100
	// maxFastPart is the largest worksheet the pre-scan reads whole to tokenize it fast
	// (xmltok.go): a city's 两委成员 sheet is 40 MB; the buffer is let go before excelize
	// opens the workbook.
	maxFastPart = 64 << 20
)

// cellRange is a merged range of a sheet, 1-based inclusive.
type cellRange struct {
	ref                      string // as in the file, e.g. "A2:A5"
	top, left, bottom, right int
}

// cellPos is a cell of a sheet, 1-based.
type cellPos struct{ row, col int }

// sheetScan is what the pre-scan of one worksheet found: its merged ranges and its formula
// cells that carry no computed value.
type sheetScan struct {
	merges   []cellRange
	formulas []cellPos
	// plain is set when rows holds the sheet's cells as excelize would read them
	// (xlsx_rows.go): rows[i] is row i+1.
	plain bool
	rows  [][]string
	// part is the sheet's zip entry (as named in the zip, "/"-separated) and spilled
	// whether excelize would spill it to a temp file (larger than spillSize).
	part    string
	spilled bool
}

// limitError is a refusal of the whole file by the pre-scan; sheet and row are where it was
// found, when known.
type limitError struct {
	sheet string
	row   int
	msg   string
}

func (e *limitError) Error() string { return e.msg }

// mb formats a byte count in megabytes for messages.
func mb(n uint64) string { return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB" }

// preflightXLSX checks a workbook's zip structure and scans every worksheet before excelize
// opens it: entry count, uncompressed sizes and compression ratios (zip bombs), the number
// of sheets, the rows of each sheet, over-long cells and well-formed XML. It returns, per
// sheet name, the merged ranges and the formula cells without a value.
func preflightXLSX(zr *zip.Reader) (map[string]*sheetScan, error) {
	if len(zr.File) > MaxZipEntries {
		return nil, &limitError{msg: fmt.Sprintf("工作簿内含%d个部件，超过%d个的上限，可能已损坏或不是台账工作簿", len(zr.File), MaxZipEntries)}
	}
	var total, inMemory uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		total += size
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		spilled := size > spillSize && (strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml")
		if !spilled {
			inMemory += size
		}
		if size > 1<<20 && (f.CompressedSize64 == 0 || size/f.CompressedSize64 > MaxCompressionRatio) {
			return nil, &limitError{msg: fmt.Sprintf("工作簿中的“%s”压缩比异常（解压后 %s），疑似“压缩炸弹”，拒绝导入", f.Name, mb(size))}
		}
		if total > MaxUnzippedSize || inMemory > maxInMemory {
			return nil, &limitError{msg: fmt.Sprintf("工作簿解压后超过 %s 的上限，可能已损坏或是“压缩炸弹”，请按乡镇拆分后分别导入", mb(MaxUnzippedSize))}
		}
	}
	sheets, err := workbookSheets(zr)
	if err != nil {
		return nil, err
	}
	if len(sheets) > MaxSheets {
		return nil, &limitError{msg: fmt.Sprintf("工作簿有%d个工作表，超过%d个的上限，请只保留台账的工作表", len(sheets), MaxSheets)}
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.ReplaceAll(f.Name, "\\", "/")] = f
	}
	// The shared strings are read before the sheets, which need them, but their problems
	// are reported after the sheets', as always.
	var sst *sharedStrings
	var sstErr error
	for name, f := range files {
		if strings.EqualFold(name, "xl/sharedStrings.xml") {
			s, err := readSharedStrings(f)
			if err != nil && sstErr == nil {
				sstErr = err
			}
			if name == "xl/sharedStrings.xml" { // the part excelize reads
				sst = s
			}
		}
	}
	out := map[string]*sheetScan{}
	for _, s := range sheets {
		f := files[s.part]
		if f == nil {
			continue // excelize reports a missing part
		}
		sc, err := scanSheet(f, s.name, sst)
		if err != nil {
			return nil, err
		}
		sc.part, sc.spilled = s.part, f.UncompressedSize64 > spillSize
		out[s.name] = sc
	}
	if sstErr != nil {
		return nil, sstErr
	}
	return out, nil
}

// sheetPart is a worksheet's name and the zip entry holding it.
type sheetPart struct{ name, part string }

// workbookSheets reads the sheet names of xl/workbook.xml and their parts from its
// relationships. A workbook without them is left to excelize to refuse.
func workbookSheets(zr *zip.Reader) ([]sheetPart, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	var wbFile, relFile *zip.File
	for _, f := range zr.File {
		switch strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/")) {
		case "xl/workbook.xml":
			wbFile = f
		case "xl/_rels/workbook.xml.rels":
			relFile = f
		}
	}
	if wbFile == nil {
		return nil, nil
	}
	if err := decodePart(wbFile, &wb); err != nil {
		return nil, nil // damaged: excelize refuses it with its own message
	}
	if relFile != nil {
		_ = decodePart(relFile, &rels)
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.ReplaceAll(r.Target, "\\", "/")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := make([]sheetPart, 0, len(wb.Sheets))
	for _, s := range wb.Sheets {
		out = append(out, sheetPart{s.Name, targets[s.ID]})
	}
	return out, nil
}

// decodePart unmarshals a small XML part, its size capped by the zip checks above.
func decodePart(f *zip.File, v any) error {
	r, err := f.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	d := xml.NewDecoder(&runLimiter{r: r})
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d.Decode(v)
}

// errLongRun is returned by runLimiter when a run passes maxXMLRun.
var errLongRun = errors.New("long run")

// runLimiter passes bytes through and fails once more than maxXMLRun bytes pass without a
// '<' or '>', so no XML token larger than that is ever buffered.
type runLimiter struct {
	r   io.Reader
	run int
}

func (l *runLimiter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, b := range p[:n] {
		if b == '<' || b == '>' {
			l.run = 0
		} else if l.run++; l.run > maxXMLRun {
			return 0, errLongRun
		}
	}
	return n, err
}

// scanSheet streams one worksheet's XML: it refuses a sheet with more than MaxRows rows as
// soon as the row is met, an over-long run, XML that is not well-formed, and collects the
// merged ranges and the formula cells without a cached value. Its rows are collected too
// (rowCollector), sst giving the shared strings.
//
// A sheet of up to maxFastPart bytes is read whole and tokenized by fastTokens
// (xmltok.go); when that tokenizer does not vouch for it, the sheet is scanned again by
// encoding/xml, whose verdict stands — collecting the rows only of a sheet excelize would
// hold in memory anyway (larger ones it streams from a temp file).
func scanSheet(f *zip.File, name string, sst *sharedStrings) (*sheetScan, error) {
	small := f.UncompressedSize64 <= spillSize
	if f.UncompressedSize64 <= maxFastPart {
		if b, ok := readSmallPart(f); ok {
			if sc, err := scanTokens(newFastTokens(b), name, sst, true); !errors.Is(err, errSlowPath) {
				return sc, err
			}
		}
	}
	r, err := f.Open()
	if err != nil {
		return nil, &limitError{sheet: name, msg: "工作表已损坏，无法读取"}
	}
	defer r.Close()
	d := xml.NewDecoder(&runLimiter{r: r})
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return scanTokens(d, name, sst, small)
}

// readSmallPart reads a part of at most maxFastPart bytes whole; false when it cannot (the
// slow path then reads it and reports what is wrong).
func readSmallPart(f *zip.File) ([]byte, bool) {
	r, err := f.Open()
	if err != nil {
		return nil, false
	}
	defer r.Close()
	b := make([]byte, f.UncompressedSize64)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, false
	}
	var one [1]byte
	if n, err := r.Read(one[:]); n != 0 || err != io.EOF {
		return nil, false // longer than the zip says, or damaged
	}
	return b, true
}

// scanTokens is scanSheet's reading of one sheet's tokens; collect gathers its rows too
// (rowCollector). It returns errSlowPath as it is.
func scanTokens(d rawTokens, name string, sst *sharedStrings, collect bool) (*sheetScan, error) {
	sc := &sheetScan{}
	var rc *rowCollector
	if collect {
		rc = &rowCollector{ok: true, sst: sst}
	}
	var (
		stack           []string
		rowNum, col     int
		inCell, inValue bool
		hasF, hasV      bool
		root            bool
	)
	damaged := func() (*sheetScan, error) {
		return nil, &limitError{sheet: name, msg: "工作表已损坏，无法完整读取，请在 Excel 或 WPS 中打开并重新保存为 .xlsx"}
	}
	src := sourceOf(d)
	var t token
	for {
		err := src.next(&t)
		if err == io.EOF {
			if len(stack) != 0 || !root {
				return damaged()
			}
			if rc != nil && rc.ok && rc.seenData && !rc.inData {
				sc.plain, sc.rows = true, rc.rows
			}
			return sc, nil
		}
		if err != nil {
			if err == errSlowPath {
				return nil, err
			}
			if errors.Is(err, errLongRun) {
				at := ""
				if rowNum > 0 {
					at = fmt.Sprintf("第%d行", rowNum)
				}
				return nil, &limitError{sheet: name, row: rowNum, msg: fmt.Sprintf("工作表%s有单元格内容超过 %s，远超%d字的上限，拒绝导入", at, mb(maxXMLRun), MaxCellChars)}
			}
			return damaged()
		}
		switch t.kind {
		case tokStart:
			if len(stack) == 0 {
				if root {
					return damaged()
				}
				root = true
			}
			stack = append(stack, t.name.Local)
			if len(stack) > maxXMLDepth {
				return damaged()
			}
			if rc != nil {
				rc.start(t.name.Local, t.attr, len(stack))
			}
			switch t.name.Local {
			case "row":
				n := rowNum + 1
				if v := attr(t.attr, "r"); v != "" {
					if k, err := strconv.Atoi(v); err == nil && k > 0 {
						n = k
					}
				}
				rowNum, col = n, 0
				if rowNum > MaxRows {
					return nil, &limitError{sheet: name, row: rowNum, msg: fmt.Sprintf("工作表超过%d行的上限（读到第%d行即停止），请按乡镇拆分后分别导入", MaxRows, rowNum)}
				}
			case "c":
				col++
				if c, err := cellColumn(attr(t.attr, "r")); err == nil {
					col = c
				}
				inCell, hasF, hasV = true, false, false
			case "f":
				hasF = inCell
			case "v":
				inValue = inCell
			case "is":
				hasV = inCell
			case "mergeCell":
				if m, ok := parseRange(attr(t.attr, "ref")); ok {
					sc.merges = append(sc.merges, m)
				}
			}
		case tokEnd:
			if len(stack) == 0 || stack[len(stack)-1] != t.name.Local {
				return damaged()
			}
			if rc != nil {
				rc.end(t.name.Local, len(stack))
			}
			stack = stack[:len(stack)-1]
			switch t.name.Local {
			case "v":
				inValue = false
			case "c":
				if hasF && !hasV && len(sc.formulas) < maxFormulaCells {
					sc.formulas = append(sc.formulas, cellPos{rowNum, col})
				}
				inCell = false
			}
		case tokText:
			if inValue && len(bytes.TrimSpace(t.text)) > 0 {
				hasV = true
			}
			if rc != nil {
				rc.text(t.text)
			}
		}
	}
}

// attr is the value of the attribute with the local name, "" if absent; the last one when
// it is given twice, as excelize reads it.
func attr(as []xml.Attr, local string) string {
	v := ""
	for _, a := range as {
		if a.Name.Local == local {
			v = a.Value
		}
	}
	return v
}

// cellColumn is the column of a cell reference such as "B12", as
// excelize.CellNameToCoordinates reads it. The references Excel, WPS and LibreOffice write
// (one to three capital letters, a row number without a leading zero) are read here, once
// per cell of a large sheet; anything else is left to excelize.
func cellColumn(ref string) (int, error) {
	i, col := 0, 0
	for i < len(ref) && i < 3 && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i > 0 && i < len(ref) && len(ref)-i <= 7 && ref[i] != '0' && col <= excelize.MaxColumns {
		row := 0
		for j := i; j < len(ref); j++ {
			c := ref[j]
			if c < '0' || c > '9' {
				row = -1
				break
			}
			row = row*10 + int(c-'0')
		}
		if row > 0 && row <= excelize.TotalRows {
			return col, nil
		}
	}
	c, _, err := excelize.CellNameToCoordinates(ref)
	return c, err
}

// parseRange reads a merged range such as "A2:A5"; a single cell is not a merge.
func parseRange(ref string) (cellRange, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return cellRange{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return cellRange{}, false
	}
	m := cellRange{ref: strings.Clone(ref), top: min(r1, r2), bottom: max(r1, r2), left: min(c1, c2), right: max(c1, c2)}
	return m, m.top != m.bottom || m.left != m.right
}

// merger fills the cells of a sheet's one-column merged ranges, as they read in Excel:
// every cell of the range has the top cell's value. Ranges over several columns are not
// filled; readSheet refuses them.
type merger struct {
	pending []cellRange // one-column ranges not yet reached, by top row
	active  []cellRange
	values  map[cellRange]string
}

func newMerger(ms []cellRange) *merger {
	var p []cellRange
	for _, m := range ms {
		if m.left == m.right {
			p = append(p, m)
		}
	}
	sort.Slice(p, func(i, j int) bool { return p[i].top < p[j].top })
	return &merger{pending: p, values: map[cellRange]string{}}
}

// fill takes row n's cells and returns them with the merged cells filled.
func (g *merger) fill(n int, cells []string) []string {
	for len(g.pending) > 0 && g.pending[0].top <= n {
		m := g.pending[0]
		g.pending = g.pending[1:]
		if m.top == n {
			v := ""
			if m.left-1 < len(cells) {
				v = cells[m.left-1]
			}
			g.values[m] = v
			g.active = append(g.active, m)
		}
	}
	keep := g.active[:0]
	for _, m := range g.active {
		if n > m.bottom {
			delete(g.values, m)
			continue
		}
		keep = append(keep, m)
		if n > m.top {
			for len(cells) < m.left {
				cells = append(cells, "")
			}
			cells[m.left-1] = g.values[m]
		}
	}
	g.active = keep
	return cells
}
