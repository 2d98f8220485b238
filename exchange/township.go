package exchange

import "liangwei/data"

func init() {
	register(&sheet{
		Name: "乡镇",
		Columns: []column{
			{Header: "乡镇", Key: true, Width: 16},
			{Header: "县区", Width: 16},
			{Header: "联系人", Width: 12},
			{Header: "联系电话", Width: 16, Text: true},
		},
		parse: parseTownship,
		rows:  townshipRows,
	})
}

func parseTownship(r *row) {
	t := data.Township{Name: r.text("乡镇"), County: r.text("县区"), Contact: r.text("联系人"), Phone: r.text("联系电话")}
	if !r.unique(t.Name) {
		return
	}
	r.check(t.Validate())
	r.l.batch.Townships = append(r.l.batch.Townships, t)
}

func townshipRows(b data.Batch) [][]any {
	out := make([][]any, 0, len(b.Townships))
	for _, t := range b.Townships {
		out = append(out, []any{t.Name, t.County, t.Contact, t.Phone})
	}
	return out
}
