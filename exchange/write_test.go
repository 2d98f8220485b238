package exchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

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

	if got, want := reflect.ValueOf(c1).MapKeys(), len(Sheets); len(got) != want {
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
		{"换届", 0, []string{"乡镇", "村名", "届次", "组织", "状态", "完成日期", "一次选举成功", "应参加人数", "实参加人数", "应选职数", "候选人数", "当选人数", "未完成原因", "选举方式"}},
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
		"换届": {"D2:D5000": `"党组织,村委会"`, "E2:E5000": `"未启动,进行中,已完成,未完成"`, "G2:G5000": `"是,否"`, "N2:N5000": `"全体选民,户代表,居民代表"`},
		"两委成员": {"F2:F5000": `"男,女"`, "I2:I5000": `"初中及以下,高中中专,大专,本科及以上"`, "J2:J5000": `"中共党员,预备党员,群众,其他"`,
			"K2:K5000": `"—,书记,副书记,委员"`, "L2:L5000": `"—,主任,副主任,委员"`, "M2:M5000": `"新任,连任"`},
		"党组织": {"D2:D5000": `"党支部,党总支,党委"`, "I2:I5000": `"是,否"`, "J2:J5000": `"是,否"`, "L2:L5000": `"是,否"`,
			"N2:N5000": `"是,否"`, "P2:P5000": `"是,否"`, "S2:S5000": `"整顿中,已销号"`},
		"乡镇班子": {},
		"信访举报": {"C2:C5000": `"来信,来访,电话,网络,短信,上级交办"`, "H2:H5000": `"拉票贿选,资格争议,程序违规,其他"`, "L2:L5000": `"办理中,属实,部分属实,不属实"`},
		"约谈":   {"D2:D5000": `"申请约谈,主动约谈,下访约谈"`, "I2:I5000": `"个人诉求,汇报工作和思想,意见建议"`},
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

// TestExportRoundTripAllSheets exports a ledger with every kind of record, several rounds
// and years, imports it into an empty database and exports again: same records, same cells.
func TestExportRoundTripAllSheets(t *testing.T) {
	dir := t.TempDir()
	fx := goodLedger(6)
	// Another round and year: a 2021 member, a 2025 party ledger row, last year's complaint.
	old := append([]any(nil), fx.member.rows[1]...)
	old[2], old[10], old[11], old[13] = "2021年", "书记", "主任", "退役军人"
	fx.member.rows = append(fx.member.rows, old)
	fx.party.rows = append(fx.party.rows, []any{"城关镇", villageName(0), 2025, "党支部", 28, 7, 1, 2,
		"是", "否", nil, "是", 10, "否", nil, "是", "选派第一书记", "整顿中", "整顿中"})
	fx.complaint.rows = append(fx.complaint.rows, []any{"2025-009", time.Date(2025, 12, 30, 0, 0, 0, 0, time.UTC), "上级交办", "城关镇", nil, "匿名", "钱某", "其他", "", "", "", "不属实", "", "2026-01-05"})
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
	if got, want := res.Inserted, fx.records(); got != want {
		t.Errorf("inserted %d, want %d", got, want)
	}
	if got, want := len(p.Issues.Errors()), 0; got != want {
		t.Errorf("errors re-importing an export: %v", p.Issues)
	}
	want := snapshot(t, first)
	sameBatch(t, snapshot(t, second), want)
	if got := counts(want); !reflect.DeepEqual(got, []int{1, 6, 12, 49, 2, 7, 13, 20}) {
		t.Errorf("records %v", got)
	}

	exp2 := filepath.Join(dir, "export2.xlsx")
	exportTo(t, second, exp2)
	c1, c2 := cells(t, exp1), cells(t, exp2)
	if !reflect.DeepEqual(c1, c2) {
		for s := range c1 {
			if !reflect.DeepEqual(c1[s], c2[s]) {
				t.Errorf("export → import → export differs in %s", s)
			}
		}
	}
	if got := len(c1); got != len(Sheets) {
		t.Errorf("%d sheets, want %d", got, len(Sheets))
	}

	// The member row of village 0 with j = 2 (a woman, 委员 of the party only) and its tags;
	// the 2021 member comes first in its village, the 2026 书记 next.
	m2 := fx.member.rows[3]
	birth := m2[6].(string)
	for _, c := range []struct {
		sheet string
		row   int // -1: the row whose first key cells are want's
		key   int
		want  []string
	}{
		{"两委成员", 0, 0, []string{"乡镇", "村名", "届次", "姓名", "身份证号", "性别", "出生日期", "民族", "学历", "政治面貌", "党组织职务", "村委会职务", "新任或连任", "身份标签", "联系电话"}},
		{"两委成员", -1, 5, []string{"城关镇", villageName(0), "2021", old[3].(string), old[4].(string), "男", dateOf(old[4].(string)), "汉族", "初中及以下", "中共党员", "书记", "主任", "新任", "退役军人", old[14].(string)}},
		{"两委成员", -1, 5, []string{"城关镇", villageName(0), "2026", fx.member.rows[1][3].(string), fx.member.rows[1][4].(string), "男", dateOf(fx.member.rows[1][4].(string)), "汉族", "初中及以下", "中共党员", "书记", "主任", "新任", "", fx.member.rows[1][14].(string)}},
		{"两委成员", -1, 5, []string{"城关镇", villageName(0), "2026", m2[3].(string), m2[4].(string), "女", birth, "汉族", "大专", "中共党员", "委员", "—", "连任", "", m2[14].(string)}},
		{"党组织", -1, 3, []string{"城关镇", villageName(0), "2025", "党支部", "28", "7", "1", "2", "是", "否", "", "是", "10", "否", "", "是", "选派第一书记", "整顿中", "整顿中"}},
		{"党组织", -1, 3, []string{"城关镇", villageName(0), "2026", "党总支", "30", "8", "0", "1", "是", "是", "120.5", "是", "12", "是", "3", "否"}},
		{"党组织", -1, 3, []string{"城关镇", villageName(1), "2026", "党支部", "31", "9", "1", "2", "是", "是", "200", "是", "12", "是", "12.5", "否"}},
		{"乡镇班子", 1, 0, []string{"城关镇", "2021", "9", "5", "3"}},
		{"信访举报", 1, 0, []string{"2025-009", "2025-12-30", "上级交办", "城关镇", "", "匿名", "钱某", "其他", "", "", "", "不属实", "", "2026-01-05"}},
		{"信访举报", -1, 1, []string{"2026-001", "2026-03-01", "来信", "城关镇", villageName(0), "匿名", "赵某", "拉票贿选", "反映换届中存在问题", "王珺", "2026-07-31", "办理中", "已调查核实"}},
		{"约谈", -1, 2, []string{"YT01", "城关镇", "2026-02-01", "申请约谈", "县委组织部", "张镕", villageName(0) + "党支部", "书记", "个人诉求", "换届工作", "已谈话提醒"}},
	} {
		rows := c1[c.sheet]
		if c.row >= len(rows) {
			t.Errorf("%s has %d rows, want row %d", c.sheet, len(rows), c.row+1)
			continue
		}
		if c.row < 0 {
			c.row = rowStarting(rows, c.want[:c.key])
			if c.row < 0 {
				t.Errorf("%s has no row starting with %q", c.sheet, c.want[:c.key])
				continue
			}
		}
		if got := rows[c.row]; !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s row %d =\n %q\nwant\n %q", c.sheet, c.row+1, got, c.want)
		}
	}

	// Members by village and round, then as a roster: the 2021 member, then the 2026 书记
	// (also 主任), 副书记, the party-and-committee 委员, the party-only ones.
	var order []int
	for _, j := range []int{-1, 0, 1, 5, 2} {
		r, round := old, "2021"
		if j >= 0 {
			r, round = fx.member.rows[1+j], "2026"
		}
		order = append(order, rowStarting(c1["两委成员"], []string{"城关镇", villageName(0), round, r[3].(string), r[4].(string)}))
	}
	if !slices.IsSorted(order) || order[0] < 1 || order[4]-order[0] != 4 {
		t.Errorf("rows of village 0's members %v, want consecutive in roster order", order)
	}

	// ID numbers and numbers like 编号 are text cells, so Excel keeps all 18 digits.
	f, err := excelize.OpenFile(exp1)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range []struct{ sheet, cell string }{{"两委成员", "E2"}, {"两委成员", "O2"}, {"信访举报", "A2"}, {"约谈", "A2"}} {
		if typ, err := f.GetCellType(c.sheet, c.cell); err != nil || typ == excelize.CellTypeNumber {
			t.Errorf("%s!%s type %v, %v; want text", c.sheet, c.cell, typ, err)
		}
	}
}

// dateOf is the birth date an ID number encodes, as the export writes it.
func dateOf(id string) string { return id[6:10] + "-" + id[10:12] + "-" + id[12:14] }

// rowStarting is the index of the first row whose leading cells are prefix, -1 if none.
func rowStarting(rows [][]string, prefix []string) int {
	for i, r := range rows {
		if len(r) >= len(prefix) && reflect.DeepEqual(r[:len(prefix)], prefix) {
			return i
		}
	}
	return -1
}

// TestRowCountAndWindow: every sheet's row count is found without making its rows, and
// its rows made a window at a time are the rows of the whole batch, in order.
func TestRowCountAndWindow(t *testing.T) {
	// A batch with a different number of records of each kind (1, 2, 3…), numbered so
	// that rows out of order would show.
	var b data.Batch
	v := reflect.ValueOf(&b).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Kind() != reflect.Slice {
			continue // Absent: not records
		}
		s := reflect.MakeSlice(f.Type(), 2*i+1, 2*i+1)
		for j := range s.Len() {
			// The first string field of every record kind is on its sheet.
			r := s.Index(j)
			for k := range r.NumField() {
				if r.Field(k).Kind() == reflect.String {
					r.Field(k).SetString(fmt.Sprintf("第%03d条", j))
					break
				}
			}
		}
		f.Set(s)
	}
	seen := map[int]bool{}
	for _, sh := range supportedSheets() {
		want := sh.rows(&b, 0, 1<<30)
		if got := sh.count(&b); got != len(want) {
			t.Errorf("%s: count = %d, want %d", sh.Name, got, len(want))
		}
		if seen[len(want)] {
			t.Errorf("%s: %d rows, as many as another sheet: not its own kind's records", sh.Name, len(want))
		}
		seen[len(want)] = true
		for _, chunk := range []int{1, 2, 4, 100} {
			var got [][]any
			for lo := 0; lo < len(want); lo += chunk {
				got = append(got, sh.rows(&b, lo, lo+chunk)...)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s in windows of %d: rows differ from the whole batch's", sh.Name, chunk)
			}
		}
	}
	if got := specs["村庄"].count(&data.Batch{}); got != 0 {
		t.Errorf("count of an empty batch = %d, want 0", got)
	}
}

// TestExportLargeSheet: a sheet longer than the drop-down range and than one chunk keeps
// every row in order, its drop-down lists reach its last row, and the header is styled,
// frozen and sized as in the template.
func TestExportLargeSheet(t *testing.T) {
	const n = dropRows + exportChunk + 7
	b := data.Batch{Townships: []data.Township{{Name: "城关镇"}}}
	for i := range n {
		b.Villages = append(b.Villages, data.Village{Township: "城关镇", Name: fmt.Sprintf("村%05d", i),
			Kind: data.KindVillage, Households: i, Population: 3 * i, Status: data.VillageActive})
	}
	b.Elections = []data.Election{{Township: "城关镇", Village: "村00000", Round: 2026, Body: data.BodyParty, Status: data.StatusNotStarted}}
	path := filepath.Join(t.TempDir(), "导出.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Export(context.Background(), held(b), out); err != nil {
		t.Fatal(err)
	}
	out.Close()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	rows, err := f.GetRows("村庄")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n+1 {
		t.Fatalf("村庄 has %d rows, want the header and %d", len(rows), n)
	}
	for i, r := range rows[1:] {
		want := []string{"城关镇", fmt.Sprintf("村%05d", i), "村", strconv.Itoa(i), strconv.Itoa(3 * i)}
		if len(r) < len(want) || !reflect.DeepEqual(r[:len(want)], want) {
			t.Fatalf("村庄 row %d = %q, want it to start %q", i+2, r, want)
		}
	}

	tests := []struct {
		sheet, col string
		last       int
	}{
		{"村庄", "C", n + 1}, // longer than the template's range: down to the last row
		{"村庄", "G", n + 1},
		{"换届", "D", dropRows}, // one row: the template's range
	}
	for _, tc := range tests {
		dvs, err := f.GetDataValidations(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("%s2:%s%d", tc.col, tc.col, tc.last)
		found := false
		for _, dv := range dvs {
			found = found || dv.Sqref == want
		}
		if !found {
			t.Errorf("%s: no drop-down list on %s", tc.sheet, want)
		}
	}

	for _, name := range []string{"村庄", "换届"} {
		panes, err := f.GetPanes(name)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s panes = %+v, want the header row frozen", name, panes)
		}
		id, err := f.GetCellStyle(name, "A1")
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font == nil || !st.Font.Bold {
			t.Errorf("%s header style = %+v, want bold", name, st.Font)
		}
		for j, c := range specs[name].Columns {
			col, _ := excelize.ColumnNumberToName(j + 1)
			if got, err := f.GetColWidth(name, col); err != nil || got != width(c) {
				t.Errorf("%s column %s (%s) width = %v, %v; want %v", name, col, c.Header, got, err, width(c))
			}
		}
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d, want the first", got)
	}
}

// held is a ledger in memory as a LedgerReader.
type held data.Ledger

func (h held) ReadKinds(_ context.Context, _ string, fn func(data.KindReader) error) error {
	return fn(data.HeldKinds(data.Ledger(h)))
}

// countOnly claims a sheet of rows records (1 of every other) and gives no rows; strict,
// it fails the test when asked for rows.
type countOnly struct {
	t      *testing.T
	big    data.KindCode
	rows   int
	strict bool
}

func (c countOnly) ReadKinds(_ context.Context, _ string, fn func(data.KindReader) error) error {
	return fn(c)
}

func (c countOnly) Count(code data.KindCode) (int, error) {
	if code == c.big {
		return c.rows, nil
	}
	return 1, nil
}

func (c countOnly) EachTownship(code data.KindCode, _ func(data.Ledger) error) error {
	if c.strict {
		c.t.Errorf("rows of %s read before the sheet too long was refused", code)
	}
	return nil
}

// TestExportTooManyRows: a sheet of more records than a worksheet holds rows (the header one
// of them) is refused at once, before any row is read, naming the sheet and the limit; one
// that just fits is not refused for its size (but for the rows the reader did not give).
func TestExportTooManyRows(t *testing.T) {
	var out bytes.Buffer
	err := Export(context.Background(), countOnly{t, data.CodeMember, excelize.TotalRows, true}, &out)
	var tm *TooManyRows
	if !errors.As(err, &tm) || tm.Sheet != "两委成员" || tm.Records != excelize.TotalRows {
		t.Fatalf("Export = %v, want TooManyRows of 两委成员", err)
	}
	for _, want := range []string{"“两委成员”工作表有 1048576 条记录", "最多 1048576 行", "请按乡镇分别导出"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if out.Len() != 0 {
		t.Errorf("%d bytes written", out.Len())
	}
	err = Export(context.Background(), countOnly{t, data.CodeMember, excelize.TotalRows - 1, false}, &out)
	if errors.As(err, &tm) || err == nil || !strings.Contains(err.Error(), "读到 0 条记录，应有 1 条") {
		t.Errorf("a sheet that fits: %v", err)
	}
}
