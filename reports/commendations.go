package reports

import (
	"fmt"
	"io"
	"strconv"

	"liangwei/data"
)

// commendationListColumns are the columns of the list, for A4 landscape; 文号 takes the rest.
var commendationListColumns = []Column{
	{Header: "序号", Width: 10, Align: "R"},
	{Header: "表彰类别", Width: 56, Align: "L"},
	{Header: "对象", Width: 40, Align: "L"},
	{Header: "村名", Width: 26, Align: "L"},
	{Header: "身份证号", Width: 34, Align: "C"},
	{Header: "表彰单位", Width: 18, Align: "C"},
	{Header: "表彰日期", Width: 20, Align: "C"},
	{Header: "文号", Width: 0, Align: "L"},
}

// CommendationsTitle is the title of the commendations report: {unit}创先争优表彰情况表（{year}年）.
func CommendationsTitle(r data.CommendationsReport, m Meta) string {
	return reportTitle(r.Township, m, "创先争优表彰情况表", r.Year)
}

// WriteCommendations writes the 创先争优表彰情况表 as an A4 landscape PDF: the counts by 表彰类别
// and 表彰单位 with totals, the list (ID numbers masked) and the signature block. The same r
// and m give byte-identical output.
func WriteCommendations(w io.Writer, r data.CommendationsReport, m Meta) error {
	title := CommendationsTitle(r, m)
	return render(w, Landscape, title, m, func(d *doc) {
		d.title(title)
		d.line("填报单位（盖章）："+m.Unit, "单位：个、人")

		cols := []Column{{Header: "表彰类别", Width: 70, Align: "L"}}
		for _, l := range data.CommendLevels {
			cols = append(cols, Column{Header: string(l), Width: 30, Align: "R", Group: "表彰单位"})
		}
		cols = append(cols, Column{Header: "合计", Width: 30, Align: "R"})
		t := d.beginTable(cols)
		var total [5]int
		for i, c := range data.CommendCategories {
			row := []string{string(c)}
			for j, n := range r.ByCategory[i] {
				row = append(row, strconv.Itoa(n))
				total[j] += n
			}
			t.row(row, colorWhite)
		}
		row := []string{"合计"}
		for _, n := range total {
			row = append(row, strconv.Itoa(n))
		}
		t.row(row, colorTotal)
		t.end()

		d.heading(fmt.Sprintf("受表彰名单（共%d个（人））", len(r.Commendations)), 20)
		list := append([]Column(nil), commendationListColumns...)
		several := r.Township == "" && commendationTownships(r.Commendations) > 1
		if several {
			list = append([]Column{list[0], {Header: "乡镇", Width: 20, Align: "L"}}, list[1:]...)
		}
		t = d.beginTable(list)
		if len(r.Commendations) == 0 {
			t.span("暂无数据")
		}
		for i, c := range r.Commendations {
			cells := []string{strconv.Itoa(i + 1)}
			if several {
				cells = append(cells, c.Township)
			}
			cells = append(cells, string(c.Category), c.Subject, c.Village, data.MaskID(c.IDNumber), string(c.Level),
				data.FormatDate(c.Date), c.DocNo)
			t.row(cells, colorWhite)
		}
		t.end()
		d.signature()
	})
}

func commendationTownships(cs []data.Commendation) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.Township] = true
	}
	return len(seen)
}
