package exchange

import "liangwei/data"

func init() {
	register(&sheet{
		Name: "乡镇班子",
		Columns: []column{
			{Header: "乡镇", Key: true, Width: 16},
			{Header: "届次", Key: true, Width: 8},
			{Header: "党委班子成员数"},
			{Header: "政府班子成员数"},
			{Header: "交叉任职数"},
		},
		parse: parseLeadership,
		rows:  leadershipRows,
	})
}

func parseLeadership(r *row) {
	x := data.Leadership{Township: r.text("乡镇")}
	x.Round = r.round("届次")
	x.PartyCommittee = r.count("党委班子成员数")
	x.Government = r.count("政府班子成员数")
	x.Cross = r.count("交叉任职数")
	if !r.unique(x.Township, roundText(x.Round)) {
		return
	}
	r.check(x.Validate())
	r.l.batch.Leaderships = append(r.l.batch.Leaderships, x)
}

func leadershipRows(b data.Batch) [][]any {
	out := make([][]any, 0, len(b.Leaderships))
	for _, x := range b.Leaderships {
		out = append(out, []any{x.Township, x.Round, x.PartyCommittee, x.Government, x.Cross})
	}
	return out
}
