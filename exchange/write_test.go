package exchange

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

func exportTo(t *testing.T, st data.Store, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Export(ctx, st, f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	fx := goodTownship(20)
	fx.village.rows[5][6] = "已撤并"
	fx.village.rows = append(fx.village.rows, []any{"河西街道", "幸福社区", "社区", 1500, 4200, nil, nil})
	fx.election.rows = append(fx.election.rows,
		[]any{"河西街道", "幸福社区", 2021, "村委会", "已完成", "2021年5月9日", "否", 3000, 2100, 7, 9, 7},
		[]any{"河西街道", "幸福社区", 2026, "党组织", "未启动"},
		[]any{"城关镇", villageName(0), 2021, "党组织", "已完成", 44300, "是", 35, 34, 5, 6, 5},
	)
	src := writeXLSX(t, dir, "城关镇.xlsx", fx.sheets()...)

	first := openStore(t)
	if p, _, err := Import(ctx, first, src, "", today); err != nil {
		t.Fatalf("import: %v %v", err, p.Issues)
	}
	exp1 := filepath.Join(dir, "export1.xlsx")
	exportTo(t, first, exp1)

	second := openStore(t)
	p, res, err := Import(ctx, second, exp1, "", today)
	if err != nil {
		t.Fatalf("re-import: %v %v", err, p.Issues)
	}
	if len(p.Issues) != 0 {
		t.Errorf("issues re-importing an export: %v", p.Issues)
	}
	// Only 城关镇 has a 乡镇 row in the source; 河西街道 was created by its village and is
	// exported like any other township.
	if got, want := res.Inserted, 2+21+43; got != want {
		t.Errorf("inserted %d, want %d", got, want)
	}
	sameBatch(t, snapshot(t, second), snapshot(t, first))

	exp2 := filepath.Join(dir, "export2.xlsx")
	exportTo(t, second, exp2)
	c1, c2 := cells(t, exp1), cells(t, exp2)
	if !reflect.DeepEqual(c1, c2) {
		t.Errorf("export → import → export differs")
	}

	if got, want := reflect.ValueOf(c1).MapKeys(), 3; len(got) != want {
		t.Errorf("%d sheets, want %d", len(got), want)
	}
	for _, c := range []struct {
		sheet string
		row   int
		want  []string
	}{
		{"乡镇", 0, []string{"乡镇", "县区", "联系人", "联系电话"}},
		{"乡镇", 1, []string{"城关镇", "平原县", "王珺", "0534-1234567"}},
		{"乡镇", 2, []string{"河西街道"}},
		{"村庄", 0, []string{"乡镇", "村名", "类型", "户数", "人口", "区划代码", "状态"}},
		{"村庄", 21, []string{"河西街道", "幸福社区", "社区", "1500", "4200", "", "正常"}},
		{"换届", 0, []string{"乡镇", "村名", "届次", "组织", "状态", "完成日期", "一次选举成功", "应参加人数", "实参加人数", "应选职数", "候选人数", "当选人数", "未完成原因"}},
		{"换届", 42, []string{"河西街道", "幸福社区", "2021", "村委会", "已完成", "2021-05-09", "否", "3000", "2100", "7", "9", "7"}},
		{"换届", 43, []string{"河西街道", "幸福社区", "2026", "党组织", "未启动", "", "否", "0", "0", "0", "0", "0"}},
	} {
		rows := c1[c.sheet]
		if c.row >= len(rows) {
			t.Errorf("%s has %d rows, want row %d", c.sheet, len(rows), c.row+1)
			continue
		}
		if got := rows[c.row]; !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s row %d = %q, want %q", c.sheet, c.row+1, got, c.want)
		}
	}
	// Sorted by township, village, round, body: the merged village is there, and the 2021
	// election of the first village comes before its 2026 ones.
	merged := false
	for _, r := range c1["村庄"][1:] {
		if r[1] == villageName(4) && r[6] == "已撤并" {
			merged = true
		}
	}
	if !merged {
		t.Error("merged village not exported")
	}
	var firstVillage [][]string
	for _, r := range c1["换届"][1:] {
		if r[1] == villageName(0) {
			firstVillage = append(firstVillage, r[2:4])
		}
	}
	if want := [][]string{{"2021", "党组织"}, {"2026", "党组织"}, {"2026", "村委会"}}; !reflect.DeepEqual(firstVillage, want) {
		t.Errorf("order = %v, want %v", firstVillage, want)
	}

	f, err := excelize.OpenFile(exp1)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	panes, err := f.GetPanes("换届")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v, %v; want the header row frozen", panes, err)
	}
	if w, _ := f.GetColWidth("换届", "M"); w < 20 {
		t.Errorf("未完成原因 width = %v", w)
	}
	style, _ := f.GetCellStyle("换届", "A1")
	if s, _ := f.GetStyle(style); s == nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("header style = %+v, want bold", s)
	}
}

func TestTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "模板.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteTemplate(out); err != nil {
		t.Fatal(err)
	}
	out.Close()

	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, Sheets) {
		t.Errorf("sheets = %v, want %v", got, Sheets)
	}
	for _, s := range Sheets {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, c := range specs[s].Columns {
			want = append(want, c.Header)
		}
		if len(rows) != 1 || !reflect.DeepEqual(rows[0], want) {
			t.Errorf("%s rows = %q, want only the header %q", s, rows, want)
		}
	}
	wantLists := map[string]map[string]string{
		"村庄": {"C2:C5000": `"村,社区"`, "G2:G5000": `"正常,已撤并"`},
		"换届": {"D2:D5000": `"党组织,村委会"`, "E2:E5000": `"未启动,进行中,已完成,未完成"`, "G2:G5000": `"是,否"`},
	}
	for s, want := range wantLists {
		dvs, err := f.GetDataValidations(s)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, dv := range dvs {
			if dv.Type != "list" {
				t.Errorf("%s %s type = %q", s, dv.Sqref, dv.Type)
			}
			got[dv.Sqref] = dv.Formula1
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s drop-downs = %v, want %v", s, got, want)
		}
	}

	// The blank template imports without errors and writes nothing.
	st := openStore(t)
	p, res, err := Import(ctx, st, path, "", today)
	if err != nil || res != (data.ImportResult{}) {
		t.Fatalf("import template: %v %+v %v", err, res, p.Issues)
	}
	if len(p.Issues) != 1 || !strings.Contains(p.Issues[0].Message, "没有数据行") {
		t.Errorf("issues = %v, want only the no-data warning", p.Issues)
	}
}
