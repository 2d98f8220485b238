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
// export. A sheet a later issue will support has only its columns (parse and rows are nil):
// the template shows it and the importer ignores it with a warning.
type sheet struct {
	Name    string
	Columns []column
	// parse reads one data row into the loader's batch.
	parse func(r *row)
	// rows lists the batch's records of this sheet as export rows, in column order.
	rows func(b data.Batch) [][]any
}

func (s *sheet) supported() bool { return s.parse != nil }

// keyColumns lists the headers of the key columns, in column order.
func (s *sheet) keyColumns() []string {
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

// The sheets of later issues: headers of SPEC §3 so the template is complete.
func init() {
	plain := func(name string, headers ...string) {
		if specs[name] != nil {
			return // a file of this package already supports the sheet
		}
		s := &sheet{Name: name}
		for _, h := range headers {
			s.Columns = append(s.Columns, column{Header: h})
		}
		register(s)
	}
	plain("两委成员", "乡镇", "村名", "届次", "姓名", "身份证号", "性别", "出生日期", "民族", "学历", "政治面貌",
		"党组织职务", "村委会职务", "新任或连任", "身份标签", "联系电话")
	plain("党组织", "乡镇", "村名", "年度", "党组织类型", "党员数", "女党员数", "预备党员数", "年度发展党员数",
		"有班子", "有场所", "场所面积", "有活动", "年度活动次数", "有收入", "集体经济收入", "软弱涣散",
		"整顿措施", "整顿进展", "整顿结果")
	plain("乡镇班子", "乡镇", "届次", "党委班子成员数", "政府班子成员数", "交叉任职数")
	plain("信访举报", "编号", "受理日期", "渠道", "乡镇", "村名", "反映人", "被反映人", "类别", "内容摘要",
		"承办人", "办结时限", "办理结果", "处理情况", "回复日期")
	plain("约谈", "编号", "乡镇", "日期", "约谈方式", "约谈人", "被约谈人", "单位", "职务", "类别", "事由", "处理情况")
}
