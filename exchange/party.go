package exchange

import "liangwei/data"

func init() {
	register(&sheet{
		Name: "党组织",
		Columns: []column{
			{Header: "乡镇", Key: true, Width: 16},
			{Header: "村名", Key: true, Width: 16},
			{Header: "年度", Key: true, Width: 8},
			{Header: "党组织类型", List: data.Strings(data.OrgTypes...)},
			{Header: "党员数", Width: 8},
			{Header: "女党员数"},
			{Header: "预备党员数"},
			{Header: "年度发展党员数"},
			{Header: "有班子", Width: 8, List: yesNo},
			{Header: "有场所", Width: 8, List: yesNo},
			{Header: "场所面积", Width: 10},
			{Header: "有活动", Width: 8, List: yesNo},
			{Header: "年度活动次数"},
			{Header: "有收入", Width: 8, List: yesNo},
			{Header: "集体经济收入"},
			{Header: "软弱涣散", Width: 10, List: yesNo},
			{Header: "整顿措施", Width: 30},
			{Header: "整顿进展", Width: 30},
			{Header: "整顿结果", Width: 10, List: data.Strings(data.RectInProgress, data.RectClosed)},
		},
		parse: parsePartyOrg,
		rows:  partyOrgRows,
	})
}

func parsePartyOrg(r *row) {
	p := data.PartyOrg{Township: r.text("乡镇"), Village: r.text("村名")}
	p.Year = r.year("年度")
	p.Type = enum(r, "党组织类型", data.ParseOrgType)
	p.Members = r.count("党员数")
	p.Women = r.count("女党员数")
	p.Probationary = r.count("预备党员数")
	p.Developed = r.count("年度发展党员数")
	p.HasTeam = r.yesNo("有班子")
	p.HasVenue = r.yesNo("有场所")
	p.VenueArea = r.amount("场所面积")
	p.HasActivity = r.yesNo("有活动")
	p.Activities = r.count("年度活动次数")
	p.HasIncome = r.yesNo("有收入")
	p.Income = r.amount("集体经济收入")
	p.Weak = r.yesNo("软弱涣散")
	p.Measures = r.text("整顿措施")
	p.Progress = r.text("整顿进展")
	p.Result = enum(r, "整顿结果", data.ParseRectification)
	if !r.unique(p.Township, p.Village, roundText(p.Year)) {
		return
	}
	r.check(p.Validate())
	r.l.batch.PartyOrgs = append(r.l.batch.PartyOrgs, p)
	r.l.partyRows = append(r.l.partyRows, r.num)
}

// amountCell writes an amount as a number without trailing zeros (12.5, 3); nothing for 0.
func amountCell(v float64) any {
	if v == 0 {
		return ""
	}
	return v // excelize writes the shortest decimal that reads back as v
}

func partyOrgRows(b data.Batch) [][]any {
	yn := data.FormatYesNo
	out := make([][]any, 0, len(b.PartyOrgs))
	for _, p := range b.PartyOrgs {
		out = append(out, []any{p.Township, p.Village, p.Year, string(p.Type), p.Members, p.Women,
			p.Probationary, p.Developed, yn(p.HasTeam), yn(p.HasVenue), amountCell(p.VenueArea),
			yn(p.HasActivity), p.Activities, yn(p.HasIncome), amountCell(p.Income), yn(p.Weak),
			p.Measures, p.Progress, string(p.Result)})
	}
	return out
}
