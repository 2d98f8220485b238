package reports

import (
	"fmt"
	"io"
	"strconv"

	"liangwei/data"
)

// summaryColumns are the columns of the 换届完成情况汇总表, sized for A4 landscape.
var summaryColumns = []Column{
	{Header: "乡镇", Width: 0, Align: "L"},
	{Header: "应换届村数", Width: 20, Align: "R"},
	{Group: "村党组织", Header: "完成数", Width: 16, Align: "R"},
	{Group: "村党组织", Header: "完成率%", Width: 18, Align: "R"},
	{Group: "村党组织", Header: "一次选举\n成功率%", Width: 20, Align: "R"},
	{Group: "村党组织", Header: "到会率%", Width: 18, Align: "R"},
	{Group: "村民委员会", Header: "完成数", Width: 16, Align: "R"},
	{Group: "村民委员会", Header: "完成率%", Width: 18, Align: "R"},
	{Group: "村民委员会", Header: "一次选举\n成功率%", Width: 20, Align: "R"},
	{Group: "村民委员会", Header: "参选率%", Width: 18, Align: "R"},
	{Header: "一肩挑村数", Width: 20, Align: "R"},
	{Header: "交叉任职\n人数", Width: 20, Align: "R"},
	{Header: "女性成员\n人数", Width: 20, Align: "R"},
}

// unfinishedColumns list the villages whose election is not 已完成.
var unfinishedColumns = []Column{
	{Header: "序号", Width: 13, Align: "R"},
	{Header: "乡镇", Width: 40, Align: "L"},
	{Header: "村名", Width: 40, Align: "L"},
	{Header: "组织", Width: 22, Align: "C"},
	{Header: "状态", Width: 20, Align: "C"},
	{Header: "原因", Width: 0, Align: "L"},
}

// SummaryTitle is the title of the summary report: {unit}村“两委”换届完成情况汇总表（{round}年）,
// where the unit is the report's township, else m.Unit, else nothing.
func SummaryTitle(r data.SummaryReport, m Meta) string {
	return reportTitle(r.Township, m, "村“两委”换届完成情况汇总表", r.Round)
}

// WriteSummary writes the 换届完成情况汇总表 of SPEC §5 as an A4 landscape PDF: one row per
// township and the totals, the unfinished villages with their reasons, and the signature
// block. The same r and m give byte-identical output.
func WriteSummary(w io.Writer, r data.SummaryReport, m Meta) error {
	return render(w, Landscape, SummaryTitle(r, m), m, func(d *doc) {
		d.title(SummaryTitle(r, m))
		d.line("填报单位（盖章）："+m.Unit, "单位：个、%")
		t := d.beginTable(summaryColumns)
		if len(r.Rows) == 0 {
			t.span("暂无数据")
		} else {
			for _, row := range r.Rows {
				t.row(summaryCells(row), colorWhite)
			}
			total := r.Total
			total.Township = "合计"
			t.row(summaryCells(total), colorTotal)
		}
		t.end()

		d.heading(fmt.Sprintf("未完成换届村名单（共%d项）", len(r.Unfinished)), 20)
		if len(r.Unfinished) == 0 {
			d.line("无", "")
		} else {
			t := d.beginTable(unfinishedColumns)
			for i, u := range r.Unfinished {
				t.row([]string{strconv.Itoa(i + 1), u.Township, u.Village, string(u.Body), u.Status, u.Reason}, colorWhite)
			}
			t.end()
		}
		d.signature()
	})
}

func summaryCells(r data.SummaryRow) []string {
	return []string{
		r.Township, strconv.Itoa(r.Villages),
		strconv.Itoa(r.PartyOrg.Completed), pct(r.PartyOrg.Rate), pct(r.PartyOrg.OneTimeRate), pct(r.PartyOrg.Turnout),
		strconv.Itoa(r.Committee.Completed), pct(r.Committee.Rate), pct(r.Committee.OneTimeRate), pct(r.Committee.Turnout),
		strconv.Itoa(r.DualHead), strconv.Itoa(r.Cross), strconv.Itoa(r.Women),
	}
}

// pct prints a rate already rounded by data.Rate with its two decimals: 99.31, 100.00.
func pct(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
