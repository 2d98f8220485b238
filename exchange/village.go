package exchange

import "liangwei/data"

func init() {
	register(&sheet{
		Name: "村庄",
		Columns: []column{
			{Header: "乡镇", Key: true, Width: 16},
			{Header: "村名", Key: true, Width: 16},
			{Header: "类型", Width: 8, List: data.Strings(data.KindVillage, data.KindCommunity)},
			{Header: "户数", Width: 8},
			{Header: "人口", Width: 8},
			{Header: "区划代码", Width: 16, Text: true},
			{Header: "状态", Width: 10, List: data.Strings(data.VillageActive, data.VillageMerged)},
		},
		parse: parseVillage,
		rows:  villageRows,
	})
}

func parseVillage(r *row) {
	v := data.Village{Township: r.text("乡镇"), Name: r.text("村名")}
	v.Kind = enum(r, "类型", data.ParseVillageKind)
	v.Households = r.count("户数")
	v.Population = r.count("人口")
	v.Code = r.text("区划代码")
	v.Status = enum(r, "状态", data.ParseVillageStatus)
	if !r.unique(v.Township, v.Name) {
		return
	}
	r.check(v.Validate())
	r.l.batch.Villages = append(r.l.batch.Villages, v)
}

func villageRows(b data.Batch) [][]any {
	out := make([][]any, 0, len(b.Villages))
	for _, v := range b.Villages {
		out = append(out, []any{v.Township, v.Name, string(v.Kind), v.Households, v.Population, v.Code, string(v.Status)})
	}
	return out
}
