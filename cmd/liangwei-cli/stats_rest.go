package main

import (
	"fmt"
	"io"

	"liangwei/data"
)

// writeRoundRest prints the figures of the rest of the round: vetting, the 村务监督委员会,
// the changes during the term (up to the reference date) and the departure audits.
func writeRoundRest(w io.Writer, s data.Stats) {
	c := s.Candidates
	fmt.Fprintf(w, "候选人资格联审：%d 人次，通过 %d，不通过 %d，待审 %d；不通过情形 %s\n",
		c.Total, c.Passed, c.Failed, c.Pending, nonZero(c.ByReason, data.NegativeList))
	v := s.Supervision
	fmt.Fprintf(w, "村务监督委员会：%d 个村，成员 %d 人，其中两委成员 %d 人（%.2f%%）\n", v.Villages, v.Members, v.InLiangwei, v.LiangweiShare)
	g := s.Changes
	fmt.Fprintf(w, "届中任职变动：%d 次；离任原因 %s；接任方式 %s\n", g.Total,
		nonZero(g.ByReason, data.Strings(data.ChangeCauses...)), nonZero(g.ByMethod, data.Strings(data.ChangeMethods...)))
	a := s.Audits
	fmt.Fprintf(w, "离任审计：%d 个村（%d 份），发现问题 %d 个村，已整改 %d 个村\n", a.Villages, a.Audits, a.WithProblems, a.Rectified)
}

// nonZero writes the counts of m that are not zero, in the order of keys: “甲 1，乙 2”, or 无.
func nonZero(m map[string]int, keys []string) string {
	out := ""
	for _, k := range keys {
		if m[k] == 0 {
			continue
		}
		if out != "" {
			out += "，"
		}
		out += fmt.Sprintf("%s %d", k, m[k])
	}
	if out == "" {
		return "无"
	}
	return out
}
