package reports

import (
	"fmt"
	"io"
	"strconv"

	"liangwei/data"
)

// developmentListColumns are the columns of the list of people, for A4 landscape; 下一阶段
// takes the rest.
var developmentListColumns = []Column{
	{Header: "序号", Width: 10, Align: "R"},
	{Header: "村名", Width: 24, Align: "L"},
	{Header: "姓名", Width: 16, Align: "L"},
	{Header: "性别", Width: 9, Align: "C"},
	{Header: "学历", Width: 22, Align: "C"},
	{Header: "申请入党", Width: 20, Align: "C"},
	{Header: "积极分子", Width: 20, Align: "C"},
	{Header: "发展对象", Width: 20, Align: "C"},
	{Header: "接收预备", Width: 20, Align: "C"},
	{Header: "转正", Width: 20, Align: "C"},
	{Header: "阶段", Width: 22, Align: "C"},
	{Header: "下一阶段", Width: 0, Align: "L"},
}

// developmentWarningColumns are the columns of the time-rule reminders.
var developmentWarningColumns = []Column{
	{Header: "序号", Width: 10, Align: "R"},
	{Header: "人员或党组织", Width: 80, Align: "L"},
	{Header: "项目", Width: 32, Align: "L"},
	{Header: "提醒", Width: 0, Align: "L"},
}

// DevelopmentTitle is the title of the development report: {unit}发展党员工作情况统计表（{year}年）.
func DevelopmentTitle(r data.DevelopmentReport, m Meta) string {
	return reportTitle(r.Township, m, "发展党员工作情况统计表", r.Year)
}

// WriteDevelopment writes the 发展党员工作情况统计表 as an A4 landscape PDF: per village the
// people of the year by stage on r.AsOf, those admitted (发展党员数) and confirmed in the
// year beside the 党组织 sheet's 年度发展党员数, with totals; the structure of those developed;
// the list of people with their stages and the next stage's earliest day; the time-rule
// reminders; and the signature block. The same r and m give byte-identical output.
func WriteDevelopment(w io.Writer, r data.DevelopmentReport, m Meta) error {
	title := DevelopmentTitle(r, m)
	return render(w, Landscape, title, m, func(d *doc) {
		d.title(title)
		d.line("填报单位（盖章）："+m.Unit, "阶段截至 "+data.FormatDate(r.AsOf)+"    单位：人")

		several := r.Township == "" && developmentTownships(r.Rows) > 1
		cols := []Column{{Header: "村名", Width: 34, Align: "L"}}
		if several {
			cols = append([]Column{{Header: "乡镇", Width: 24, Align: "L"}}, cols...)
		}
		for _, s := range data.DevStages {
			cols = append(cols, Column{Header: string(s), Width: 24, Align: "R", Group: "在册人员（按阶段）"})
		}
		cols = append(cols, Column{Header: "合计", Width: 16, Align: "R", Group: "在册人员（按阶段）"},
			Column{Header: "接收预备党员", Width: 26, Align: "R", Group: "本年"},
			Column{Header: "转为正式党员", Width: 26, Align: "R", Group: "本年"},
			Column{Header: "党组织台账填报", Width: 0, Align: "R", Group: "本年"})
		t := d.beginTable(cols)
		if len(r.Rows) == 0 {
			t.span("暂无数据")
		}
		line := func(x data.DevelopmentRow, name []string, fill [3]int) {
			cells := append([]string(nil), name...)
			sum := 0
			for _, n := range x.ByStage {
				cells = append(cells, strconv.Itoa(n))
				sum += n
			}
			reported := "—"
			if x.Reported >= 0 {
				reported = strconv.Itoa(x.Reported)
				if x.Reported != x.Admitted && fill == colorWhite {
					fill = colorBand
				}
			}
			cells = append(cells, strconv.Itoa(sum), strconv.Itoa(x.Admitted), strconv.Itoa(x.Confirmed), reported)
			t.row(cells, fill)
		}
		for _, x := range r.Rows {
			name := []string{x.Village}
			if several {
				name = []string{x.Township, x.Village}
			}
			line(x, name, colorWhite)
		}
		total := []string{"合计"}
		if several {
			total = []string{"合计", ""}
		}
		line(r.Total, total, colorTotal)
		t.end()

		s := r.Stats
		d.figures(fmt.Sprintf("%d年发展党员结构（接收预备党员 %d 名）", r.Year, s.Developed), []figure{
			share("女性", s.Women, s.Developed, "占发展党员"),
			share("35岁及以下", s.Under35, s.Developed, "接收时年龄"),
			share("大专及以上", s.College, s.Developed, "占发展党员"),
			count("转为正式党员", s.Confirmed),
			count("预备期满未转正", s.Overdue),
			count("填报数不一致的村", s.Mismatched),
		})

		d.heading(fmt.Sprintf("发展党员名单（共%d人）", len(r.People)), 20)
		list := append([]Column(nil), developmentListColumns...)
		if several {
			list = append([]Column{list[0], {Header: "乡镇", Width: 20, Align: "L"}}, list[1:]...)
		}
		t = d.beginTable(list)
		if len(r.People) == 0 {
			t.span("暂无数据")
		}
		for i, p := range r.People {
			cells := []string{strconv.Itoa(i + 1)}
			if several {
				cells = append(cells, p.Township)
			}
			cells = append(cells, p.Village, p.Name, string(p.Gender), string(p.Education), data.FormatDate(p.Applied),
				data.FormatDate(p.Activist), data.FormatDate(p.Candidate), data.FormatDate(p.Admitted), data.FormatDate(p.Full),
				string(p.StageOn(r.AsOf)), p.NextText())
			t.row(cells, colorWhite)
		}
		t.end()

		d.heading(fmt.Sprintf("时限提醒（共%d条，依据《中国共产党发展党员工作细则》）", len(r.Warnings)), 20)
		t = d.beginTable(developmentWarningColumns)
		if len(r.Warnings) == 0 {
			t.span("无")
		}
		for i, f := range r.Warnings {
			t.row([]string{strconv.Itoa(i + 1), f.Where, f.Field, f.Message}, colorWhite)
		}
		t.end()
		d.signature()
	})
}

func developmentTownships(rs []data.DevelopmentRow) int {
	seen := map[string]bool{}
	for _, x := range rs {
		seen[x.Township] = true
	}
	return len(seen)
}
