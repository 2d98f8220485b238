package exchange

import (
	"sort"
	"strings"

	"liangwei/data"
)

// Sheets are the eight sheet names of the workbook (SPEC §6), in workbook order.
var Sheets = []string{"乡镇", "村庄", "换届", "两委成员", "党组织", "乡镇班子", "信访举报", "约谈"}

// column is one column of a sheet: its Chinese header (SPEC §3) and how it is written.
type column struct {
	Header string
	Key    bool     // part of the record's key: a sheet without it is refused
	Width  float64  // Excel column width; 0 means a width derived from the header
	List   []string // drop-down values offered in the template; nil for free input
	Text   bool     // formatted as text, so Excel keeps long digit strings as typed
}

// width is the Excel column width: CJK characters count double.
func (c column) width() float64 {
	if c.Width > 0 {
		return c.Width
	}
	w := 0.0
	for _, r := range c.Header {
		if r < 0x2E80 {
			w++
		} else {
			w += 2
		}
	}
	return w + 4
}

// sheet is one worksheet: a table of columns, a row parser for import and a row writer for
// export. A sheet without a parser would be shown by the template and ignored by the
// importer with a warning; every sheet of SPEC §6 has one now.
type sheet struct {
	Name    string
	Columns []column
	// Keys lists the key headers in the order the key is read and reported (the last one
	// is where a duplicate is placed); nil means the key columns in column order.
	Keys []string
	// parse reads one data row into the loader's batch.
	parse func(r *row)
	// rows lists the batch's records of this sheet as export rows, in column order.
	rows func(b data.Batch) [][]any
}

func (s *sheet) supported() bool { return s.parse != nil }

// keyColumns lists the headers of the key columns, in key order.
func (s *sheet) keyColumns() []string {
	if s.Keys != nil {
		return s.Keys
	}
	var ks []string
	for _, c := range s.Columns {
		if c.Key {
			ks = append(ks, c.Header)
		}
	}
	return ks
}

// specs holds every sheet by name; each record kind registers its sheet in its own file.
var specs = map[string]*sheet{}

func register(s *sheet) { specs[s.Name] = s }

// supportedSheets lists the sheets that import and export, in workbook order.
func supportedSheets() []*sheet {
	var out []*sheet
	for _, n := range Sheets {
		if s := specs[n]; s != nil && s.supported() {
			out = append(out, s)
		}
	}
	return out
}

// supportedNames joins the names of the supported sheets for messages.
func supportedNames() string {
	var ns []string
	for _, s := range supportedSheets() {
		ns = append(ns, s.Name)
	}
	return strings.Join(ns, "、")
}

// sheetFromFileName finds the sheet a CSV file holds from its name ("城关镇-换届.csv"). When
// several sheet names occur, the one ending last wins ("某乡镇-换届" is 换届, "乡镇班子" is
// not 乡镇), since clerks put the sheet after the township.
func sheetFromFileName(name string) string {
	type hit struct {
		name     string
		end, len int
	}
	var hits []hit
	for _, s := range Sheets {
		if i := strings.LastIndex(name, s); i >= 0 {
			hits = append(hits, hit{s, i + len(s), len(s)})
		}
	}
	if len(hits) == 0 {
		return ""
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].end != hits[j].end {
			return hits[i].end > hits[j].end
		}
		return hits[i].len > hits[j].len
	})
	return hits[0].name
}

// yesNo is the drop-down of the yes/no columns.
var yesNo = []string{"是", "否"}
