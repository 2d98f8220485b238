package reports

import (
	"fmt"
	"io"
	"strconv"

	"liangwei/data"
)

// changeColumns are the columns of the list of changes, for A4 landscape; 备注 takes the rest.
var changeColumns = []Column{
	{Header: "序号", Width: 10, Align: "R"},
	{Header: "村名", Width: 26, Align: "L"},
	{Header: "日期", Width: 22, Align: "C"},
	{Header: "组织", Width: 16, Align: "C"},
	{Header: "职务", Width: 14, Align: "C"},
	{Header: "离任人", Width: 18, Align: "L"},
	{Header: "离任原因", Width: 18, Align: "C"},
	{Header: "接任人", Width: 18, Align: "L"},
	{Header: "接任身份证号", Width: 38, Align: "C"},
	{Header: "接任方式", Width: 18, Align: "C"},
	{Header: "备注", Width: 0, Align: "L"},
}

// holderColumns are the columns of the holders of the two main posts.
var holderColumns = []Column{
	{Header: "乡镇", Width: 36, Align: "L"},
	{Header: "村名", Width: 40, Align: "L"},
	{Header: "党组织书记", Width: 36, Align: "L"},
	{Header: "村委会主任", Width: 36, Align: "L"},
	{Header: "一肩挑", Width: 20, Align: "C"},
}

// ChangesTitle is the title of the changes report: {unit}村“两委”成员届中变动情况表（{round}年）.
func ChangesTitle(r data.ChangesReport, m Meta) string {
	return reportTitle(r.Township, m, "村“两委”成员届中变动情况表", r.Round)
}

// WriteChanges writes the 村“两委”成员届中变动情况表 as an A4 landscape PDF: the counts by
// 离任原因 and 接任方式, the changes of the term up to r.Date, then who holds each changed
// village's 书记 and 主任 posts on that date, and the signature block.
func WriteChanges(w io.Writer, r data.ChangesReport, m Meta) error {
	title := ChangesTitle(r, m)
	asOf := "全部"
	if !r.Date.IsZero() {
		asOf = "截至 " + data.FormatDate(r.Date)
	}
	return render(w, Landscape, title, m, func(d *doc) {
		d.title(title)
		d.line("填报单位（盖章）："+m.Unit, asOf+"    单位：人次")

		var cols []Column
		var counts []string
		for _, c := range data.ChangeCauses {
			cols = append(cols, Column{Header: string(c), Width: 20, Align: "R", Group: "离任原因"})
			counts = append(counts, strconv.Itoa(r.Stats.ByReason[string(c)]))
		}
		for _, mth := range data.ChangeMethods {
			cols = append(cols, Column{Header: string(mth), Width: 20, Align: "R", Group: "接任方式"})
			counts = append(counts, strconv.Itoa(r.Stats.ByMethod[string(mth)]))
		}
		cols = append([]Column{{Header: "变动合计", Width: 24, Align: "R"}}, cols...)
		t := d.beginTable(cols)
		t.row(append([]string{strconv.Itoa(r.Stats.Total)}, counts...), colorWhite)
		t.end()

		d.heading(fmt.Sprintf("变动明细（共%d次）", len(r.Changes)), 20)
		list := append([]Column(nil), changeColumns...)
		several := r.Township == "" && changeTownships(r.Changes) > 1
		if several {
			list = append([]Column{list[0], {Header: "乡镇", Width: 20, Align: "L"}}, list[1:]...)
		}
		t = d.beginTable(list)
		if len(r.Changes) == 0 {
			t.span("暂无数据")
		}
		for i, c := range r.Changes {
			cells := []string{strconv.Itoa(i + 1)}
			if several {
				cells = append(cells, c.Township)
			}
			cells = append(cells, c.Village, data.FormatDate(c.Date), string(c.Body), string(c.Post), c.Leaver, string(c.Cause),
				c.Successor, data.MaskID(c.SuccessorID), string(c.Method), c.Note)
			t.row(cells, colorWhite)
		}
		t.end()

		d.heading(fmt.Sprintf("发生变动的村现任书记、主任（%s）", asOf), 20)
		t = d.beginTable(holderColumns)
		if len(r.Holders) == 0 {
			t.span("暂无数据")
		}
		for _, h := range r.Holders {
			dual := ""
			if h.Secretary != "" && h.Secretary == h.Director {
				dual = "是"
			}
			t.row([]string{h.Township, h.Village, orVacant(h.Secretary), orVacant(h.Director), dual}, colorWhite)
		}
		t.end()
		d.signature()
	})
}

func orVacant(name string) string {
	if name == "" {
		return "（空缺）"
	}
	return name
}

func changeTownships(cs []data.Change) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.Township] = true
	}
	return len(seen)
}
