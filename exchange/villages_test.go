package exchange

import (
	"strings"
	"testing"

	"liangwei/data"
)

// TestEveryKindNamingAVillageIsChecked: a record of any kind that names a village under
// 村名 (here a 候选人 and a 离任审计 row) naming one that neither the file nor the database has
// is refused at its own row and column, as 换届 rows are.
func TestEveryKindNamingAVillageIsChecked(t *testing.T) {
	header := func(k []data.Column) []any {
		out := make([]any, len(k))
		for i, c := range k {
			out[i] = c.Header
		}
		return out
	}
	cand := data.CandidateDesc.Columns()
	candRow := make([]any, len(cand))
	for i, c := range cand {
		candRow[i] = map[string]any{"乡镇": "城关镇", "村名": "不存在村", "届次": 2026, "姓名": "赵一",
			"身份证号": "11010519491231002X", "拟任组织": "村委会", "拟任职务": "委员", "联审结论": "通过", "审查日期": "2026-02-01"}[c.Header]
	}
	aud := data.AuditDesc.Columns()
	audRow := make([]any, len(aud))
	for i, c := range aud {
		audRow[i] = map[string]any{"乡镇": "城关镇", "村名": "王家庄村", "届次": 2026, "审计对象": "王老", "职务": "书记",
			"审计单位": "农经站", "审计日期": "2026-01-10", "结论": "无问题"}[c.Header]
	}
	path := writeXLSX(t, t.TempDir(), "城关镇.xlsx",
		sheetData{"村庄", [][]any{{"乡镇", "村名", "类型", "状态"}, {"城关镇", "王家庄村", "村", "正常"}}},
		sheetData{"候选人", [][]any{header(cand), candRow}},
		sheetData{"离任审计", [][]any{header(aud), audRow}})
	p := Load(ctx, nil, path, "", today)
	var got []string
	for _, is := range p.Issues.Errors() {
		got = append(got, is.String())
	}
	want := "城关镇.xlsx:候选人:2:村名: " + data.UnknownVillage(data.VillageKey{Township: "城关镇", Village: "不存在村"})
	if len(got) != 1 || got[0] != want {
		t.Errorf("errors = %q, want only %q", got, want)
	}
	if strings.Contains(strings.Join(got, "\n"), "离任审计") {
		t.Error("an audit of a village in the file was refused")
	}
}
