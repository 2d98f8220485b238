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
	{Group: "村（居）民委员会", Header: "完成数", Width: 16, Align: "R"},
	{Group: "村（居）民委员会", Header: "完成率%", Width: 18, Align: "R"},
	{Group: "村（居）民委员会", Header: "一次选举\n成功率%", Width: 20, Align: "R"},
	{Group: "村（居）民委员会", Header: "参选率%", Width: 18, Align: "R"},
	{Group: "“一肩挑”", Header: "村数", Width: 14, Align: "R"},
	{Group: "“一肩挑”", Header: "占应换届\n村数%", Width: 18, Align: "R"},
	{Header: "交叉任职\n人数", Width: 18, Align: "R"},
	{Header: "女性成员\n人数", Width: 18, Align: "R"},
}

// headColumns are the figures of the 书记 and the 主任 on their own.
var headColumns = []Column{
	{Header: "", Width: 0, Align: "L"},
	{Header: "人数", Width: 22, Align: "R"},
	{Header: "女性", Width: 22, Align: "R"},
	{Header: "女性%", Width: 22, Align: "R"},
	{Header: "平均年龄", Width: 22, Align: "R"},
	{Header: "35岁及以下", Width: 24, Align: "R"},
	{Header: "60岁及以上", Width: 24, Align: "R"},
	{Header: "大专及以上", Width: 24, Align: "R"},
	{Header: "大专及以上%", Width: 24, Align: "R"},
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
		drawKeyRates(d, r)
		drawHeads(d, r.Secretaries, r.Directors)

		d.heading(fmt.Sprintf("未完成换届村名单（共%d项）", len(r.Unfinished)), 20)
		if len(r.Unfinished) == 0 {
			d.line("无", "")
		} else {
			t := d.beginTable(unfinishedColumns)
			for i, u := range r.Unfinished {
				t.row([]string{strconv.Itoa(i + 1), u.Township, u.Village, data.BodyName(u.Body, u.Kind), u.Status, u.Reason}, colorWhite)
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
		strconv.Itoa(r.DualHead), pct(r.DualHeadRate), strconv.Itoa(r.Cross), strconv.Itoa(r.Women),
	}
}

// keyRateNames head the columns of the key-rate table, in data.Compare's order.
var keyRateNames = []string{"村党组织\n完成率%", "村（居）委会\n完成率%", "“一肩挑”\n比例%", "交叉任职\n比例%",
	"女性成员\n比例%", "35岁及以下\n比例%", "大专及以上\n比例%", "平均年龄\n（岁）"}

// drawKeyRates draws the key rates of the round, and beside them, when the previous round is
// in the data, the previous round's (上届) and the change (比上届±); else a note says so.
func drawKeyRates(d *doc, r data.SummaryReport) {
	rows := data.Compare(r.Rates, r.Previous)
	cols := []Column{{Header: "", Width: 0, Align: "L"}}
	for _, n := range keyRateNames {
		cols = append(cols, Column{Header: n, Width: 28, Align: "R"})
	}
	lines := [][]string{{fmt.Sprintf("本届（%d年）", r.Round)}}
	heading := "主要指标（数据中没有上届，不作比较）"
	if r.Previous != nil {
		heading = fmt.Sprintf("主要指标与上届（%d年）比较", r.Previous.Round)
		lines = append(lines, []string{fmt.Sprintf("上届（%d年）", r.Previous.Round)}, []string{"比上届±"})
	}
	for _, k := range rows {
		lines[0] = append(lines[0], keyRate(k.Current, k.Unit))
		if r.Previous != nil {
			lines[1] = append(lines[1], keyRate(k.Previous, k.Unit))
			lines[2] = append(lines[2], signed(k.Change, k.Unit))
		}
	}
	probe := &table{d: d, cols: cols}
	d.heading(heading, probe.headerHeight()+float64(len(lines))*oneLineRow(d))
	t := d.beginTable(cols)
	for _, l := range lines {
		t.row(l, colorWhite)
	}
	t.end()
}

// drawHeads draws the figures of the 书记 and of the 主任 on their own.
func drawHeads(d *doc, secretaries, directors data.HeadStats) {
	probe := &table{d: d, cols: headColumns}
	d.heading("村党组织书记、村（居）委会主任情况", probe.headerHeight()+2*oneLineRow(d))
	t := d.beginTable(headColumns)
	for _, h := range []struct {
		name string
		s    data.HeadStats
	}{{"村党组织书记", secretaries}, {"村（居）委会主任", directors}} {
		t.row([]string{h.name, strconv.Itoa(h.s.Count), strconv.Itoa(h.s.Women), pct(data.Rate(h.s.Women, h.s.Count)),
			strconv.FormatFloat(h.s.AvgAge, 'f', 1, 64), strconv.Itoa(h.s.Under35), strconv.Itoa(h.s.Age60Plus),
			strconv.Itoa(h.s.College), pct(data.Rate(h.s.College, h.s.Count))}, colorWhite)
	}
	t.end()
}

// keyRate prints a key rate: 97.50 for a rate, 45.5 for an age.
func keyRate(v float64, unit string) string {
	if unit == "岁" {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return pct(v)
}

// signed prints a change with its sign: +1.67, -0.50, 0.00.
func signed(v float64, unit string) string {
	if v > 0 {
		return "+" + keyRate(v, unit)
	}
	return keyRate(v, unit)
}

// pct prints a rate already rounded by data.Rate with its two decimals: 99.31, 100.00.
func pct(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
