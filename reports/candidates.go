package reports

import (
	"fmt"
	"io"
	"strconv"

	"liangwei/data"
)

// candidateGridColumns are the columns of the counts by 拟任组织 × 联审结论.
var candidateGridColumns = []Column{
	{Header: "拟任组织", Width: 44, Align: "C"},
	{Header: "审查人数", Width: 28, Align: "R"},
	{Header: string(data.VerdictPassed), Width: 28, Align: "R"},
	{Header: string(data.VerdictFailed), Width: 28, Align: "R"},
	{Header: string(data.VerdictPending), Width: 28, Align: "R"},
}

// candidateReasonColumns are the columns of the 不通过 counts by negative-list item.
var candidateReasonColumns = []Column{
	{Header: "负面清单情形", Width: 60, Align: "L"},
	{Header: "不通过人数", Width: 28, Align: "R"},
}

// candidateColumns are the columns of the list, for A4 landscape; 不通过原因 takes the rest.
var candidateColumns = []Column{
	{Header: "序号", Width: 10, Align: "R"},
	{Header: "村名", Width: 26, Align: "L"},
	{Header: "姓名", Width: 18, Align: "L"},
	{Header: "身份证号", Width: 38, Align: "C"},
	{Header: "拟任组织", Width: 28, Align: "C"},
	{Header: "拟任职务", Width: 18, Align: "C"},
	{Header: "联审结论", Width: 18, Align: "C"},
	{Header: "审查日期", Width: 22, Align: "C"},
	{Header: "不通过原因", Width: 0, Align: "L"},
}

// CandidatesTitle is the title of the vetting report: {unit}村“两委”候选人资格联审情况表（{round}年）.
func CandidatesTitle(r data.CandidatesReport, m Meta) string {
	return reportTitle(r.Township, m, "村“两委”候选人资格联审情况表", r.Round)
}

// WriteCandidates writes the 村“两委”候选人资格联审情况表 as an A4 landscape PDF: the counts by
// body and verdict with totals, the 不通过 by negative-list item, the list of candidates (ID
// numbers masked) and the signature block. The same r and m give byte-identical output.
func WriteCandidates(w io.Writer, r data.CandidatesReport, m Meta) error {
	title := CandidatesTitle(r, m)
	return render(w, Landscape, title, m, func(d *doc) {
		d.title(title)
		d.line("填报单位（盖章）："+m.Unit, "单位：人")

		t := d.beginTable(candidateGridColumns)
		var total [4]int
		for i, b := range data.VetBodies {
			row := []string{string(b)}
			for j, n := range r.ByBody[i] {
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

		d.heading(fmt.Sprintf("不通过情形（共%d人）", r.Stats.Failed), 20)
		t = d.beginTable(candidateReasonColumns)
		for _, c := range r.ByReason {
			t.row([]string{c.Name, strconv.Itoa(c.N)}, colorWhite)
		}
		t.end()

		d.heading(fmt.Sprintf("联审人员名单（共%d人）", len(r.Candidates)), 20)
		cols := append([]Column(nil), candidateColumns...)
		several := r.Township == "" && candidateTownships(r.Candidates) > 1
		if several {
			cols = append([]Column{cols[0], {Header: "乡镇", Width: 20, Align: "L"}}, cols[1:]...)
		}
		t = d.beginTable(cols)
		if len(r.Candidates) == 0 {
			t.span("暂无数据")
		}
		for i, c := range r.Candidates {
			cells := []string{strconv.Itoa(i + 1)}
			if several {
				cells = append(cells, c.Township)
			}
			cells = append(cells, c.Village, c.Name, data.MaskID(c.IDNumber), string(c.Body), c.Post, string(c.Verdict),
				data.FormatDate(c.Checked), c.Reason)
			fill := colorWhite
			if c.Failed() {
				fill = colorBand
			}
			t.row(cells, fill)
		}
		t.end()
		d.signature()
	})
}

func candidateTownships(cs []data.Candidate) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.Township] = true
	}
	return len(seen)
}
