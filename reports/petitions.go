package reports

import (
	"fmt"
	"io"
	"strconv"

	"liangwei/data"
)

// petitionOverdueFill is the light red behind a complaint that is 超期 on the reference date.
var petitionOverdueFill = [3]int{252, 226, 226}

// petitionColumns are the columns of the 信访举报受理情况台账, sized for A4 landscape (273 mm
// between the margins); 内容摘要 takes what is left and wraps.
var petitionColumns = []Column{
	{Header: "序号", Width: 9, Align: "R"},
	{Header: "编号", Width: 19, Align: "L"},
	{Header: "受理日期", Width: 19, Align: "C"},
	{Header: "渠道", Width: 16, Align: "C"},
	{Header: "村名", Width: 20, Align: "L"},
	{Header: "反映人", Width: 15, Align: "L"},
	{Header: "被反映人", Width: 16, Align: "L"},
	{Header: "类别", Width: 16, Align: "C"},
	{Header: "内容摘要", Width: 0, Align: "L"},
	{Header: "承办人", Width: 14, Align: "L"},
	{Header: "办结时限", Width: 19, Align: "C"},
	{Header: "办理结果", Width: 25, Align: "C"},
	{Header: "回复日期", Width: 19, Align: "C"},
}

// petitionFitted are the columns of petitionColumns whose width follows their content
// (a 编号 such as 城关信〔2026〕01号 is much longer than XF-001), between a minimum and a
// maximum beyond which the text wraps; 内容摘要 takes what they leave.
var petitionFitted = map[string][2]float64{
	"编号": {14, 36}, "村名": {14, 26}, "反映人": {15, 22}, "被反映人": {16, 22}, "承办人": {14, 20},
}

// petitionTownshipColumn is inserted after 序号 when one report covers several townships.
var petitionTownshipColumn = Column{Header: "乡镇", Width: 18, Align: "L"}

// PetitionsTitle is the title of the complaints ledger:
// {unit}村“两委”换届信访举报受理情况台账（{year}年）, where the unit is the report's township,
// else m.Unit, else nothing.
func PetitionsTitle(r data.PetitionsReport, m Meta) string {
	return reportTitle(r.Township, m, "村“两委”换届信访举报受理情况台账", r.Year)
}

// WritePetitions writes the 信访举报受理情况台账 of SPEC §5 as an A4 landscape PDF: the ledger
// with the complaints that are 超期 on r.Ref marked and shaded, the totals by channel,
// category and result (every value, zeros included), the summary line and the signature
// block. The same r and m give byte-identical output.
func WritePetitions(w io.Writer, r data.PetitionsReport, m Meta) error {
	title := PetitionsTitle(r, m)
	return render(w, Landscape, title, m, func(d *doc) {
		d.title(title)
		d.line("填报单位（盖章）："+m.Unit, "单位：件")

		cols := append([]Column(nil), petitionColumns...)
		for i, c := range cols {
			if lim, ok := petitionFitted[c.Header]; ok {
				cols[i].Width = listColumnWidth(d, c.Header, lim, len(r.Complaints), func(k int) string {
					return petitionCell(r.Complaints[k], c.Header)
				})
			}
		}
		several := r.Township == "" && petitionTownships(r.Complaints) > 1
		if several {
			cols = append([]Column{cols[0], petitionTownshipColumn}, cols[1:]...)
		}
		t := d.beginTable(cols)
		if len(r.Complaints) == 0 {
			t.span("暂无数据")
		}
		for i, c := range r.Complaints {
			overdue := i < len(r.Overdue) && r.Overdue[i]
			result := string(c.Result)
			if c.Pending() {
				result = string(data.ResPending) // an empty result is still being handled
			}
			fill := colorWhite
			if overdue {
				result += "（超期）"
				fill = petitionOverdueFill
			}
			cells := []string{strconv.Itoa(i + 1)}
			if several {
				cells = append(cells, c.Township)
			}
			cells = append(cells, c.No, data.FormatDate(c.Received), string(c.Channel), c.Village,
				c.Complainant, c.Subject, string(c.Category), c.Summary, c.Handler,
				dueText(c), result, data.FormatDate(c.Replied))
			t.row(cells, fill)
		}
		t.end()

		d.heading("分类统计", 40)
		petitionBreakdown(d, "渠道", petitionCounts(channelNames(), r.ByChannel))
		d.pdf.Ln(3)
		petitionBreakdown(d, "类别", petitionCounts(categoryNames(), r.ByCategory))
		d.pdf.Ln(3)
		petitionBreakdown(d, "办理结果", petitionCounts(resultNames(), r.ByResult))

		d.pdf.Ln(3)
		d.line(PetitionsSummaryLine(r), "")
		d.signature()
	})
}

// PetitionsSummaryLine is the sentence under the totals: how many complaints were received,
// substantiated (属实 or 部分属实), closed and overdue, as of the reference date.
func PetitionsSummaryLine(r data.PetitionsReport) string {
	s := r.Stats
	asOf := ""
	if !r.Ref.IsZero() {
		asOf = fmt.Sprintf("截至%d年%d月%d日，", r.Ref.Year(), int(r.Ref.Month()), r.Ref.Day())
	}
	return fmt.Sprintf("%s共受理信访举报 %d 件，其中属实（含部分属实）%d 件，已办结 %d 件，超期 %d 件。",
		asOf, s.Total, s.Substantiated, s.Closed, s.Overdue)
}

// petitionCell is the text of a fitted column for c.
func petitionCell(c data.Complaint, header string) string {
	switch header {
	case "编号":
		return c.No
	case "村名":
		return c.Village
	case "反映人":
		return c.Complainant
	case "被反映人":
		return c.Subject
	case "承办人":
		return c.Handler
	}
	return ""
}

// listColumnWidth is the width, in millimetres, of a list column (of the petitions or the
// talks report) that fits the widest of its header and its n values, kept within lim
// (minimum, maximum): longer values wrap.
func listColumnWidth(d *doc, header string, lim [2]float64, n int, value func(i int) string) float64 {
	d.setSize(bodySize)
	w := d.textWidth(safeText(header))
	for i := range n {
		if w >= lim[1] {
			break
		}
		w = max(w, d.textWidth(safeText(value(i))))
	}
	return min(max(w+2*cellMargin+0.5, lim[0]), lim[1])
}

// petitionTownships counts the distinct townships of the complaints.
func petitionTownships(cs []data.Complaint) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.Township] = true
	}
	return len(seen)
}

func channelNames() []string {
	out := make([]string, len(data.Channels))
	for i, v := range data.Channels {
		out[i] = string(v)
	}
	return out
}

func categoryNames() []string {
	out := make([]string, len(data.ComplaintCategories))
	for i, v := range data.ComplaintCategories {
		out[i] = string(v)
	}
	return out
}

func resultNames() []string {
	out := make([]string, len(data.ComplaintResults))
	for i, v := range data.ComplaintResults {
		out[i] = string(v)
	}
	return out
}

// petitionCounts lists every name of the enumeration in order with its count from given
// (zero when absent), then any value given that the enumeration does not know, so that no
// complaint drops out of the totals.
func petitionCounts(names []string, given []data.Count) []data.Count {
	n := map[string]int{}
	for _, c := range given {
		n[c.Name] += c.N
	}
	out := make([]data.Count, 0, len(names)+1)
	known := map[string]bool{}
	for _, name := range names {
		out = append(out, data.Count{Name: name, N: n[name]})
		known[name] = true
	}
	for _, c := range given {
		if !known[c.Name] {
			out = append(out, data.Count{Name: c.Name, N: n[c.Name]})
			known[c.Name] = true
		}
	}
	return out
}

// petitionBreakdown draws one breakdown as a two-row table: the values across with 合计
// last, and their counts underneath.
func petitionBreakdown(d *doc, label string, counts []data.Count) {
	cols := []Column{{Header: label, Width: 24, Align: "C"}}
	cells := []string{"件数"}
	total := 0
	for _, c := range counts {
		name := c.Name
		if name == "" {
			name = "未填"
		}
		cols = append(cols, Column{Header: name, Width: 24, Align: "R"})
		cells = append(cells, strconv.Itoa(c.N))
		total += c.N
	}
	cols = append(cols, Column{Header: "合计", Width: 24, Align: "R"})
	cells = append(cells, strconv.Itoa(total))
	t := d.beginTable(cols)
	t.row(cells, colorWhite)
	t.end()
}

// dueText is the 办结时限 cell: the date the complaint is due by, the category's default when
// none was entered, the extended date marked 延 when it was extended (延期).
func dueText(c data.Complaint) string {
	t := data.FormatDate(c.DueDate())
	if !c.ExtendedTo.IsZero() {
		t += "（延）"
	}
	return t
}
