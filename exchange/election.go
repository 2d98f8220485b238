package exchange

import (
	"strconv"

	"liangwei/data"
)

func init() {
	register(&sheet{
		Name: "换届",
		Columns: []column{
			{Header: "乡镇", Key: true, Width: 16},
			{Header: "村名", Key: true, Width: 16},
			{Header: "届次", Key: true, Width: 8},
			{Header: "组织", Key: true, Width: 10, List: data.Strings(data.Bodies...)},
			{Header: "状态", Width: 10, List: data.Strings(data.ElectionStatuses...)},
			{Header: "完成日期", Width: 13},
			{Header: "一次选举成功", List: yesNo},
			{Header: "应参加人数"},
			{Header: "实参加人数"},
			{Header: "应选职数"},
			{Header: "候选人数"},
			{Header: "当选人数"},
			{Header: "未完成原因", Width: 30},
		},
		parse: parseElection,
		rows:  electionRows,
	})
}

func parseElection(r *row) {
	e := data.Election{Township: r.text("乡镇"), Village: r.text("村名")}
	e.Round = r.round("届次")
	if r.required("组织") {
		e.Body = enum(r, "组织", data.ParseBody)
	}
	e.Status = enum(r, "状态", data.ParseElectionStatus)
	e.CompletedOn = r.date("完成日期")
	e.OneTime = r.yesNo("一次选举成功")
	e.Eligible = r.count("应参加人数")
	e.Participants = r.count("实参加人数")
	e.Seats = r.count("应选职数")
	e.Candidates = r.count("候选人数")
	e.Elected = r.count("当选人数")
	e.Reason = r.text("未完成原因")
	round := ""
	if e.Round != 0 {
		round = strconv.Itoa(e.Round)
	}
	if !r.unique(e.Township, e.Village, round, string(e.Body)) {
		return
	}
	r.check(e.Validate(r.l.today))
	r.l.batch.Elections = append(r.l.batch.Elections, e)
	r.l.electionRows = append(r.l.electionRows, r.num)
}

func electionRows(b data.Batch) [][]any {
	out := make([][]any, 0, len(b.Elections))
	for _, e := range b.Elections {
		out = append(out, []any{e.Township, e.Village, e.Round, string(e.Body), string(e.Status),
			data.FormatDate(e.CompletedOn), data.FormatYesNo(e.OneTime), e.Eligible, e.Participants,
			e.Seats, e.Candidates, e.Elected, e.Reason})
	}
	return out
}
