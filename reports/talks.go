package reports

import (
	"fmt"
	"io"
	"strconv"

	"liangwei/data"
)

// talkGridColumns are the columns of the mode × category table.
var talkGridColumns = []Column{
	{Header: "约谈方式", Width: 36, Align: "C"},
	{Header: string(data.TalkPersonal), Width: 32, Align: "R"},
	{Header: string(data.TalkReport), Width: 32, Align: "R"},
	{Header: string(data.TalkSuggestion), Width: 32, Align: "R"},
	{Header: "合计", Width: 32, Align: "R"},
}

// talkColumns are the columns of the list of talks, sized for A4 landscape (273 mm between
// the margins); 事由 and 处理情况 share what is left and wrap.
var talkColumns = []Column{
	{Header: "序号", Width: 9, Align: "R"},
	{Header: "编号", Width: 19, Align: "L"},
	{Header: "日期", Width: 19, Align: "C"},
	{Header: "方式", Width: 17, Align: "C"},
	{Header: "约谈人", Width: 20, Align: "L"},
	{Header: "被约谈人", Width: 17, Align: "L"},
	{Header: "单位", Width: 30, Align: "L"},
	{Header: "职务", Width: 18, Align: "L"},
	{Header: "类别", Width: 26, Align: "C"},
	{Header: "事由", Width: 0, Align: "L"},
	{Header: "处理情况", Width: 0, Align: "L"},
}

// talkFitted are the columns of talkColumns whose width follows their content, between a
// minimum and a maximum beyond which the text wraps; 事由 and 处理情况 share what they leave.
var talkFitted = map[string][2]float64{
	"编号": {14, 36}, "约谈人": {15, 26}, "被约谈人": {16, 22}, "单位": {16, 36}, "职务": {14, 26},
}

// talkTownshipColumn is inserted after 序号 when one report covers several townships.
var talkTownshipColumn = Column{Header: "乡镇", Width: 18, Align: "L"}

// TalksTitle is the title of the talks report: {unit}干部约谈情况统计表（{year}年）, where the
// unit is the report's township, else m.Unit, else nothing.
func TalksTitle(r data.TalksReport, m Meta) string {
	return reportTitle(r.Township, m, "干部约谈情况统计表", r.Year)
}

// WriteTalks writes the 干部约谈情况统计表 of SPEC §5 as an A4 landscape PDF: the counts by
// 约谈方式 × 类别 from r.Grid with row and column totals, then the list of talks, and the
// signature block. The same r and m give byte-identical output.
func WriteTalks(w io.Writer, r data.TalksReport, m Meta) error {
	title := TalksTitle(r, m)
	return render(w, Landscape, title, m, func(d *doc) {
		d.title(title)
		d.line("填报单位（盖章）："+m.Unit, "单位：次")

		t := d.beginTable(talkGridColumns)
		for _, row := range talkGridRows(r.Grid) {
			fill := colorWhite
			if row[0] == "合计" {
				fill = colorTotal
			}
			t.row(row, fill)
		}
		t.end()

		d.heading(fmt.Sprintf("约谈情况明细（共%d次）", len(r.Talks)), 20)
		cols := append([]Column(nil), talkColumns...)
		for i, c := range cols {
			if lim, ok := talkFitted[c.Header]; ok {
				cols[i].Width = listColumnWidth(d, c.Header, lim, len(r.Talks), func(k int) string {
					return talkCell(r.Talks[k], c.Header)
				})
			}
		}
		several := r.Township == "" && talkTownships(r.Talks) > 1
		if several {
			cols = append([]Column{cols[0], talkTownshipColumn}, cols[1:]...)
		}
		t = d.beginTable(cols)
		if len(r.Talks) == 0 {
			t.span("暂无数据")
		}
		for i, k := range r.Talks {
			cells := []string{strconv.Itoa(i + 1)}
			if several {
				cells = append(cells, k.Township)
			}
			cells = append(cells, k.No, data.FormatDate(k.Date), string(k.Mode), k.Interviewer,
				k.Interviewee, k.Unit, k.Post, string(k.Category), k.Cause, k.Handling)
			t.row(cells, colorWhite)
		}
		t.end()
		d.signature()
	})
}

// talkGridRows are the cells of the mode × category table: one row per mode in
// data.TalkModes order, then 合计; each row ends with its total.
func talkGridRows(g [3][3]int) [][]string {
	var rows [][]string
	var colTotal [3]int
	all := 0
	for i, mode := range data.TalkModes {
		row := []string{string(mode)}
		sum := 0
		for j := range data.TalkCategories {
			row = append(row, strconv.Itoa(g[i][j]))
			sum += g[i][j]
			colTotal[j] += g[i][j]
		}
		all += sum
		rows = append(rows, append(row, strconv.Itoa(sum)))
	}
	total := []string{"合计"}
	for _, n := range colTotal {
		total = append(total, strconv.Itoa(n))
	}
	return append(rows, append(total, strconv.Itoa(all)))
}

// talkCell is the text of a fitted column for k.
func talkCell(k data.Talk, header string) string {
	switch header {
	case "编号":
		return k.No
	case "约谈人":
		return k.Interviewer
	case "被约谈人":
		return k.Interviewee
	case "单位":
		return k.Unit
	case "职务":
		return k.Post
	}
	return ""
}

// talkTownships counts the distinct townships of the talks.
func talkTownships(ts []data.Talk) int {
	seen := map[string]bool{}
	for _, t := range ts {
		seen[t.Township] = true
	}
	return len(seen)
}
