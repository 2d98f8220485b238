package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The fast path of reading a workbook. The pre-scan (scanSheet) already tokenizes every
// worksheet; for a sheet it tokenizes fast (up to maxFastPart bytes, a city's members) or
// small enough that excelize would hold it in memory anyway, it also collects the rows' cell
// values, exactly as excelize's Rows.Columns with RawCellValue would
// give them, and readSheet uses those instead of decoding the sheet a second time (which was
// most of the time of reading a workbook). A sheet with anything the collector does not
// reproduce exactly (rows or columns out of order, cell types other than numbers and
// strings, an unknown shared string, "_xHHHH_" escapes, unexpected nesting) is read by
// excelize as before.

// sharedStrings are a workbook's shared strings as excelize reads them (xlsxSI.String):
// the item's own text, then its rich-text runs'. An item the collector would not read as
// excelize does (odd nesting, "_xHHHH_" escapes) is marked bad. nil when the workbook has
// none or they were not read (too large, not as expected): sheets using them take the slow
// path, as do sheets using a bad item.
type sharedStrings struct {
	vals []string
	bad  map[int]bool
}

// readSharedStrings reads the shared strings part through the run limiter. It returns the
// limit error the pre-scan gives for the part (a long run, an unreadable part); strings is
// nil, without error, when the part is well within limits but not read for the fast path.
func readSharedStrings(f *zip.File) (*sharedStrings, error) {
	r, err := f.Open()
	if err != nil {
		return nil, &limitError{msg: "工作簿已损坏，无法读取"}
	}
	defer r.Close()
	lim := &runLimiter{r: r}
	fail := func(err error) error {
		if errors.Is(err, errLongRun) {
			return &limitError{msg: fmt.Sprintf("工作簿中有单元格内容超过 %s，远超%d字的上限，拒绝导入", mb(maxXMLRun), MaxCellChars)}
		}
		return &limitError{msg: "工作簿已损坏或不完整，无法读取，请重新保存或重新拷贝该文件"}
	}
	// drain checks the rest of the part as the pre-scan always did, when it is not parsed.
	drain := func() (*sharedStrings, error) {
		if _, err := io.Copy(io.Discard, lim); err != nil {
			return nil, fail(err)
		}
		return nil, nil
	}
	if f.UncompressedSize64 > spillSize {
		return drain()
	}
	d := xml.NewDecoder(lim)
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		out   = &sharedStrings{bad: map[int]bool{}}
		stack []string
		item  stringItem
		ok    = true
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return drain() // excelize's own reading decides about it
			}
			return nil, fail(err)
		}
		if !ok {
			continue
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && t.Name.Local != "sst" {
				ok = false // excelize refuses it
			}
			if len(stack) == 1 && t.Name.Local == "si" {
				item.reset()
			} else if len(stack) >= 2 && stack[1] == "si" {
				item.start(stack[2:], t.Name.Local)
			}
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != t.Name.Local {
				ok = false // not well-formed: excelize's own reading decides about it
				continue
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 1 && t.Name.Local == "si" {
				s, good := item.String()
				if !good {
					out.bad[len(out.vals)] = true
				}
				out.vals = append(out.vals, s)
			}
		case xml.CharData:
			if len(stack) >= 2 && stack[1] == "si" {
				item.text(stack[2:], t)
			}
		}
	}
	if !ok {
		return nil, nil
	}
	return out, nil
}

// stringItem collects a shared string item (si) or an inline string (is): its t element and
// the t of its rich-text runs (r); phonetic runs (rPh) and run properties are ignored, as
// by excelize.
type stringItem struct {
	t      []byte
	runs   []byte
	hasT   bool
	runHas bool // the current run has its t
	bad    bool
}

// reset empties the item for the next one, keeping its buffers.
func (s *stringItem) reset() {
	*s = stringItem{t: s.t[:0], runs: s.runs[:0]}
}

// start is an element met inside the item; path is the elements open inside it.
func (s *stringItem) start(path []string, name string) bool {
	switch {
	case len(path) == 0:
		switch name {
		case "t":
			if s.hasT {
				s.bad = true // excelize keeps the last t only
			}
			s.hasT = true
		case "r":
			s.runHas = false
		case "rPh", "phoneticPr":
		default:
			s.bad = true
		}
	case path[0] == "r" && len(path) == 1:
		switch name {
		case "t":
			if s.runHas {
				s.bad = true
			}
			s.runHas = true
		case "rPr":
		default:
			s.bad = true
		}
	case path[0] == "rPh" || path[0] == "phoneticPr" || (path[0] == "r" && path[1] == "rPr"):
		// ignored, as by excelize
	default:
		s.bad = true // markup inside a text
	}
	return !s.bad
}

// text is character data inside the item; path is the elements open inside it.
func (s *stringItem) text(path []string, t []byte) bool {
	switch {
	case len(path) == 1 && path[0] == "t":
		s.t = append(s.t, t...)
	case len(path) == 2 && path[0] == "r" && path[1] == "t":
		s.runs = append(s.runs, t...)
	}
	return !s.bad
}

// String is the item's value; ok is false when excelize would have read it differently.
func (s *stringItem) String() (v string, ok bool) {
	if len(s.runs) == 0 {
		v = string(s.t)
	} else {
		v = string(s.t) + string(s.runs)
	}
	return v, !s.bad && !strings.Contains(v, "_x")
}

// rowCollector gathers a worksheet's rows during the pre-scan. It stops (ok false) at the
// first thing it would not read exactly as excelize does.
type rowCollector struct {
	ok   bool
	sst  *sharedStrings
	rows [][]string // rows[i] holds row i+1

	inData    bool // inside sheetData
	seenData  bool
	inRow     bool
	cells     []string
	col       int
	inCell    bool
	cellType  string
	hasF      bool
	v         []byte
	inV       bool
	is        stringItem
	hasIS     bool // the cell has an inline string (is)
	inIS      bool
	isPath    []string
	cellDepth int // the stack depth of the open c element
	width     int // the most cells of a row so far, the capacity of the next row's
}

// plainTypes are the cell types whose raw value the collector reproduces.
var plainTypes = map[string]bool{"": true, "n": true, "s": true, "str": true, "inlineStr": true}

func (c *rowCollector) start(name string, attrs []xml.Attr, depth int) {
	if !c.ok {
		return
	}
	if dupAttr(attrs) {
		// Not well-formed XML; which of the two excelize takes is its own affair (it takes
		// a row's last r and a cell's last r): leave the sheet to it.
		c.ok = false
		return
	}
	switch {
	case c.inIS:
		c.ok = c.is.start(c.isPath, name)
		c.isPath = append(c.isPath, name)
	case c.inCell && c.inV:
		c.ok = false // markup inside a value
	case c.inCell:
		if depth != c.cellDepth+1 {
			c.ok = false
			return
		}
		switch name {
		case "v":
			c.inV = true
			c.v = c.v[:0]
		case "f":
			c.hasF = true
		case "is":
			if c.hasIS {
				c.ok = false // excelize would decode both into one item
				return
			}
			c.is.reset()
			c.hasIS, c.inIS, c.isPath = true, true, c.isPath[:0]
		default:
			c.ok = false
		}
	case name == "sheetData":
		if c.seenData {
			c.ok = false
		}
		c.inData, c.seenData = true, true
	case name == "row":
		if !c.inData || c.inRow {
			c.ok = false
			return
		}
		n := len(c.rows) + 1
		for _, a := range attrs {
			if a.Name.Local != "r" {
				continue
			}
			// excelize refuses the row when r is present but not a number (even "")
			k, err := strconv.Atoi(a.Value)
			if err != nil || k < n || k > MaxRows { // the pre-scan refuses the sheet past MaxRows
				c.ok = false
				return
			}
			n = k
			break // excelize reads the first r
		}
		for len(c.rows) < n-1 {
			c.rows = append(c.rows, nil)
		}
		c.inRow, c.cells, c.col = true, make([]string, 0, c.width), 0
	case name == "c":
		if !c.inRow {
			c.ok = false
			return
		}
		c.col++
		c.cellType, c.hasF, c.inV, c.hasIS, c.inIS = "", false, false, false, false
		c.v = c.v[:0]
		for _, a := range attrs {
			switch a.Name.Local {
			case "r":
				col, err := cellColumn(a.Value)
				if err != nil || col < c.col {
					c.ok = false
					return
				}
				c.col = col
			case "s":
				if _, err := strconv.ParseInt(a.Value, 10, 64); err != nil {
					c.ok = false
					return
				}
			case "t":
				c.cellType = a.Value
			}
		}
		if !plainTypes[c.cellType] {
			c.ok = false
			return
		}
		c.inCell, c.cellDepth = true, depth
	case c.inRow:
		c.ok = false // something other than a cell in a row
	}
}

// dupAttr reports an element naming an attribute twice (by local name, as excelize reads
// attributes).
func dupAttr(as []xml.Attr) bool {
	for i := 1; i < len(as); i++ {
		for j := 0; j < i; j++ {
			if as[i].Name.Local == as[j].Name.Local {
				return true
			}
		}
	}
	return false
}

func (c *rowCollector) end(name string, depth int) {
	if !c.ok {
		return
	}
	switch {
	case c.inIS && len(c.isPath) > 0:
		c.isPath = c.isPath[:len(c.isPath)-1]
	case c.inIS:
		c.inIS = false // the inline string is complete; its value is taken at the cell's end
	case c.inCell && c.inV:
		c.inV = false
	case c.inCell && depth == c.cellDepth:
		c.inCell = false
		val, ok := c.value()
		if !ok {
			c.ok = false
			return
		}
		if val != "" || c.hasF {
			for len(c.cells) < c.col-1 {
				c.cells = append(c.cells, "")
			}
			c.cells = append(c.cells, val)
		}
	case name == "row" && c.inRow:
		c.inRow = false
		c.width = max(c.width, len(c.cells))
		if len(c.cells) == 0 {
			c.cells = nil // as excelize gives an empty row
		}
		c.rows = append(c.rows, c.cells)
	case name == "sheetData":
		c.inData = false
	}
}

func (c *rowCollector) text(t []byte) {
	if !c.ok || !c.inCell {
		return
	}
	switch {
	case c.inIS:
		c.ok = c.is.text(c.isPath, t)
	case c.inV:
		c.v = append(c.v, t...)
	}
}

// value is the cell's value as excelize's getValueFrom gives it with RawCellValue.
func (c *rowCollector) value() (string, bool) {
	v := c.v
	switch c.cellType {
	case "s":
		if len(v) == 0 {
			return "", true
		}
		i, err := strconv.Atoi(string(bytes.TrimSpace(v)))
		if err != nil || c.sst == nil || i < 0 || i >= len(c.sst.vals) || c.sst.bad[i] {
			return "", false
		}
		return c.sst.vals[i], true
	case "inlineStr":
		if c.hasIS {
			return c.is.String()
		}
	}
	return string(v), true
}
