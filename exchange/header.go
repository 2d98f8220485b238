package exchange

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	xwidth "golang.org/x/text/width"

	"liangwei/data"
)

// Reading the forms clerks really have. The statistical forms counties hand out for the
// 村（社区）“两委”换届 put a title (often merged over the whole table), a 填报单位/单位 line and
// sometimes a two-level header (村党组织 / 村民委员会 over their columns) above the data, and a
// 合计 row and the 负责人/审核人/填表人/填报日期 line below it — the layout SPEC §5 prints our own
// reports in, and the one described for election statistics reports (报表封面: 单位, 填表人,
// 审核人, 联系电话, 报表时间) in the county guidance quoted in README “表头别名与单元格清理”. The
// header is therefore looked for, not assumed to be row 1, and the rows around the data are
// recognised and left out — each named in the preview, so nothing is left out silently.

// maxHeaderRow is how far down the header is looked for.
const maxHeaderRow = 10

// normHeader is a header cell as it is matched: cleaned of invisible characters, full-width
// letters, digits and brackets folded to half-width, bracketed units and notes such as
// （人）, (名), （%）, （万元） and 【必填】 dropped, and the spaces, line breaks and the “*”
// of required columns that clerks put into headers removed.
func normHeader(h string) string {
	h = xwidth.Fold.String(data.StripText(h))
	var b strings.Builder
	depth := 0
	for _, r := range h {
		switch r {
		case '(', '[', '【', '〔', '〈', '《':
			depth++
		case ')', ']', '】', '〕', '〉', '》':
			if depth > 0 {
				depth--
			}
		case ' ', '\t', '\r', '\n', '*':
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// rowMark is what a row below the header is, by its first non-empty cell.
type rowMark int

const (
	markData     rowMark = iota
	markSubtotal         // 小计: left out; the data goes on
	markTotal            // 合计, 总计: left out, and the data ends
	markFooter           // 负责人, 填表人, 填报日期, 注: the data has ended
)

// footerPrefixes begin the lines printed under a form's table (SPEC §5's signature block
// and the notes of official forms).
var footerPrefixes = []string{"负责人", "单位负责人", "主要负责人", "分管负责人", "审核人", "审核:", "填表人", "填报人",
	"制表人", "统计人", "经办人", "填报日期", "填表日期", "制表日期", "报送日期", "注:", "说明:", "填表说明", "填报说明"}

// markChars holds a character of every marker: a first cell with none of them is data,
// known without normalizing it (this runs on every data row).
const markChars = "计责核表报办注明"

func markOf(cells []string) rowMark {
	first := ""
	for _, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if !strings.ContainsAny(c, markChars) {
			return markData
		}
		first = normHeader(c)
		break
	}
	switch {
	case first == "":
		return markData
	case strings.HasSuffix(first, "小计") && utf8.RuneCountInString(first) <= 12:
		return markSubtotal
	case (strings.HasSuffix(first, "合计") || strings.HasSuffix(first, "总计") || first == "共计") && utf8.RuneCountInString(first) <= 12:
		return markTotal
	}
	for _, p := range footerPrefixes {
		if strings.HasPrefix(first, p) {
			return markFooter
		}
	}
	return markData
}

// canon is the column a header cell names in sheet sh, "" for none.
func (sh *sheet) canon(cell string) string {
	if sh == nil {
		return ""
	}
	return sh.alias[normHeader(cell)]
}

// holdsKeys reports whether a row names every key column of the sheet.
func (sh *sheet) holdsKeys(cells []string) bool {
	n := 0
	for _, k := range sh.Keys {
		for _, c := range cells {
			if sh.canon(c) == k {
				n++
				break
			}
		}
	}
	return n == len(sh.Keys)
}

// known counts the cells of a row that name a column of the sheet.
func (sh *sheet) known(cells []string) int {
	n := 0
	for _, c := range cells {
		if sh.canon(c) != "" {
			n++
		}
	}
	return n
}

// heldRow is a row read while the header is looked for.
type heldRow struct {
	num   int
	cells []string
}

// open starts reading a sheet whose header is still to be found; merges are its merged
// ranges (none for a CSV file). name is the sheet's name in the file; sh is nil for a sheet
// the workbook does not know, whose first row is taken as its header.
func (l *loader) open(name string, sh *sheet, merges []cellRange) *sheetReader {
	return &sheetReader{l: l, sh: sh, name: name, col: map[string]int{}, ok: true, seeking: true, merges: merges, leftOut: map[int]bool{}}
}

// feed takes the sheet's rows in order: the first of the first maxHeaderRow rows that names
// the key columns is the header (two-level when it holds merged group cells), the rows
// above it are left out, and the rows below it are data until a 合计 row or a footer line.
func (s *sheetReader) feed(n int, cells []string) {
	switch {
	case s.upper != nil:
		s.twoLevel(n, cells)
	case s.seeking && (s.sh == nil || !s.sh.supported()):
		s.seeking = false
		s.setHeader(n, cells)
	case s.seeking && n > maxHeaderRow:
		s.settle()
		s.feed(n, cells)
	case s.seeking && s.sh.holdsKeys(cells):
		s.seeking = false
		s.skipHeld(n)
		if len(s.groupsAt(n, cells)) > 0 {
			s.upper, s.upperRow = cells, n
			return
		}
		s.setHeader(n, cells)
	case s.seeking:
		s.held = append(s.held, heldRow{n, cells})
	case s.endRow > 0:
		if !blank(cells) {
			s.after++
		}
	default:
		switch markOf(cells) {
		case markSubtotal:
			s.leftOut[n] = true
			s.l.warnf(s.label(), n, "", "此行是小计行，不作为记录导入")
		case markTotal, markFooter:
			s.endRow, s.endMark = n, markOf(cells)
		default:
			s.row(n, cells)
		}
	}
}

// settle ends the search without a row naming every key column: the held row naming the
// most columns (the first row when none does) is taken as the header, so that the missing
// columns are reported on it, and the rows after it are read as data.
func (s *sheetReader) settle() {
	s.seeking = false
	if len(s.held) == 0 {
		return
	}
	best := 0
	for i, h := range s.held {
		if s.sh.known(h.cells) > s.sh.known(s.held[best].cells) {
			best = i
		}
	}
	held := s.held
	s.held = nil
	s.setHeader(held[best].num, held[best].cells)
	for _, h := range held[best+1:] {
		s.feed(h.num, h.cells)
	}
}

// skipHeld reports the non-empty rows above the header found on row n as left out.
func (s *sheetReader) skipHeld(n int) {
	for _, h := range s.held {
		if !blank(h.cells) {
			s.l.warnf(s.label(), h.num, "", fmt.Sprintf("表头在第%d行，此行（%s）不是数据，已跳过", n, excerpt(h.cells)))
		}
	}
	s.held = nil
}

// groupsAt lists the merged ranges of header row n (its cells) that span several columns
// and do not themselves name a column: the group cells of a two-level header. A merged
// cell naming a column (a wide 村名) is that column, at its left cell.
func (s *sheetReader) groupsAt(n int, cells []string) []cellRange {
	var out []cellRange
	for _, m := range s.merges {
		if m.top == n && m.left != m.right && s.sh.canon(cellAt(cells, m.left-1)) == "" {
			out = append(out, m)
		}
	}
	return out
}

// twoLevel reads the lower row n of a two-level header: a column under a group cell is named
// by its lower cell, another column by the cell the two rows agree on, or by the lower cell
// when the upper one names no column (a group label over a single column). A lower cell that
// is empty under a group, an upper cell naming a column over a lower cell saying something
// else, or a group cell reaching below the lower row cannot be read with certainty and are
// refused on their cells.
func (s *sheetReader) twoLevel(n int, lower []string) {
	upper, top := s.upper, s.upperRow
	s.upper = nil
	inGroup := map[int]cellRange{}
	for _, m := range s.groupsAt(top, upper) {
		if m.bottom > top {
			s.l.errorf(s.label(), top, "", fmt.Sprintf("表头的合并单元格 %s 跨了多行多列，无法确定各列的标题，请把分组标题和列标题分成两行", m.ref))
		}
		for c := m.left; c <= m.right; c++ {
			inGroup[c] = m
		}
	}
	header := make([]string, max(len(upper), len(lower)))
	for i := range header {
		u, w := cellAt(upper, i), cellAt(lower, i)
		if m, ok := inGroup[i+1]; ok {
			if normHeader(w) == "" {
				s.l.errorf(s.label(), n, colName(i+1), fmt.Sprintf("两行表头中，分组“%s”（%s）下的单元格 %s 是空的，无法确定这一列是什么，请填写列标题", data.StripText(cellAt(upper, m.left-1)), m.ref, cellName(i+1, n)))
			}
			header[i] = w
			continue
		}
		switch nu, nw := normHeader(u), normHeader(w); {
		case nu != "" && nw != "" && nu != nw && s.sh.canon(u) == "":
			header[i] = w // a group label over one column: the lower row names it
		case nu != "" && nw != "" && nu != nw:
			s.l.errorf(s.label(), n, colName(i+1), fmt.Sprintf("两行表头中，%s“%s”与其下的 %s“%s”不同，无法确定这一列的标题，请合并这两个单元格或只保留一个标题", cellName(i+1, top), data.StripText(u), cellName(i+1, n), data.StripText(w)))
			header[i] = u
		case nu != "":
			header[i] = u
		default:
			header[i] = w
		}
	}
	s.setHeader(n, header)
}

// finish ends the sheet: a header still looked for is settled, and the rows left out below
// the data are named.
func (s *sheetReader) finish() {
	if s.upper != nil { // a two-level header with nothing under it
		upper := s.upper
		s.upper = nil
		s.setHeader(s.upperRow, upper)
	}
	if s.seeking {
		s.settle()
	}
	if s.endRow > 0 {
		more := ""
		if s.after > 0 {
			more = fmt.Sprintf("，其下%d行也不再读取", s.after)
		}
		what := "落款（负责人、填表人、填报日期或注）"
		if s.endMark == markTotal {
			what = "合计行"
		}
		s.l.warnf(s.label(), s.endRow, "", "此行是"+what+"，数据到此为止，此行不作为记录导入"+more)
	}
	s.end()
}

// inData reports whether any of the spreadsheet rows top to bottom is a data row of the
// sheet: below the header, above the 合计 or footer, and not a 小计 row. Before a header is
// found, every row is.
func (s *sheetReader) inData(top, bottom int) bool {
	for r := top; r <= bottom; r++ {
		if (s.hdrRow == 0 || r > s.hdrRow) && (s.endRow == 0 || r < s.endRow) && !s.leftOut[r] {
			return true
		}
	}
	return false
}

// label is the sheet's name in messages: the workbook's name for a known sheet.
func (s *sheetReader) label() string {
	if s.sh != nil {
		return s.sh.Name
	}
	return s.name
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// excerpt is a row's text for a message: its non-empty cells, shortened.
func excerpt(cells []string) string {
	var parts []string
	for _, c := range cells {
		if c = data.StripText(c); c != "" {
			parts = append(parts, strings.ReplaceAll(c, "\n", " "))
		}
	}
	s := strings.Join(parts, " ")
	if r := []rune(s); len(r) > 30 {
		s = string(r[:30]) + "…"
	}
	return "“" + s + "”"
}

func cellAt(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

// colName is column col (1-based) as issues name a column without a header: “E列”.
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name + "列"
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
