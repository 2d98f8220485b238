package exchange

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

// roundRestSheets is a township of one village with its roster and the four sheets of the
// rest of the round, as a clerk's workbook has them (dates as text and as Excel dates).
func roundRestSheets() []sheetData {
	zhao := makeID(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), 11, false)
	qian := makeID(time.Date(1975, 5, 5, 0, 0, 0, 0, time.UTC), 22, true)
	sun := makeID(time.Date(1980, 8, 8, 0, 0, 0, 0, time.UTC), 31, false)
	li := makeID(time.Date(1985, 3, 3, 0, 0, 0, 0, time.UTC), 41, false)
	v := villageName(0)
	return []sheetData{
		{"村庄", [][]any{villageHeader, {"城关镇", v, "村", 300, 1200, "", "正常"}}},
		{"两委成员", [][]any{
			{"乡镇", "村名", "届次", "姓名", "身份证号", "政治面貌", "党组织职务", "村委会职务"},
			{"城关镇", v, 2026, "赵一", zhao, "中共党员", "书记", "—"},
			{"城关镇", v, 2026, "钱二", qian, "群众", "—", "主任"},
		}},
		{"候选人", [][]any{
			{"乡镇", "村名", "届次", "姓名", "身份证号", "拟任组织", "拟任职务", "联审结论", "不通过原因", "审查日期"},
			{"城关镇", v, "2026年", "赵一", zhao, "村党组织", "书记", "通过", nil, "2026/2/1"},
			{"城关镇", v, 2026, "钱二", qian, "村民委员会", "主任", "合格", nil, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)},
			{"城关镇", v, 2026, "孙三", sun, "村委会", "委员", "不通过", "违法用地", "2026年2月1日"},
		}},
		{"村务监督委员会", [][]any{
			{"乡镇", "村名", "届次", "姓名", "身份证号", "性别", "出生日期", "职务", "是否两委成员", "产生方式", "推选日期"},
			{"城关镇", v, 2026, "周五", makeID(time.Date(1966, 6, 6, 0, 0, 0, 0, time.UTC), 51, false), nil, nil, "主任", "是", "村民代表会议", "2026-03-20"},
			{"城关镇", v, 2026, "吴六", makeID(time.Date(1967, 7, 7, 0, 0, 0, 0, time.UTC), 62, true), "女", nil, "委员", "否", "村民代表会议", "2026-03-20"},
			{"城关镇", v, 2026, "郑七", makeID(time.Date(1968, 8, 8, 0, 0, 0, 0, time.UTC), 71, false), nil, nil, "委员", "否", "村民会议", "2026-03-20"},
		}},
		{"任职变动", [][]any{
			{"乡镇", "村名", "届次", "日期", "组织", "职务", "离任人", "离任身份证号", "离任原因", "接任人", "接任身份证号", "接任方式", "备注"},
			{"城关镇", v, 2026, "2026-05-10", "村委会", "村委会主任", "钱二", qian, "辞职", "李四", li, "补选", "因病辞职"},
		}},
		{"离任审计", [][]any{
			{"乡镇", "村名", "届次", "审计对象", "职务", "审计单位", "审计日期", "结论", "问题摘要"},
			{"城关镇", v, 2026, "王老", "书记", "城关镇农经站", "2026-01-10", "有问题已整改", "白条入账 2 笔"},
		}},
	}
}

// TestRoundRestWorkbook: the four sheets import (with the spellings clerks use), export and
// re-import into an empty database to the same cells, and the template offers their drop-downs.
func TestRoundRestWorkbook(t *testing.T) {
	dir := t.TempDir()
	src := writeXLSX(t, dir, "城关镇.xlsx", roundRestSheets()...)
	first := openStore(t)
	p, res, err := Import(ctx, first, src, "", today)
	if err != nil {
		t.Fatalf("import: %v %v", err, p.Issues)
	}
	if res.Inserted != 11 || len(p.Issues.Errors()) != 0 {
		t.Errorf("import = %+v, issues %v; want 11 records", res, p.Issues)
	}
	l, err := first.Ledger(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if c := l.Candidates[1]; c.Body != data.VetCommittee || c.Verdict != data.VerdictPassed || data.FormatDate(c.Checked) != "2026-02-01" {
		t.Errorf("candidate read as %+v", c)
	}
	if s := l.Supervisors[0]; s.Gender != data.Male || data.FormatDate(s.Birth) != "1966-06-06" || !s.InLiangwei {
		t.Errorf("supervisor read as %+v", s)
	}
	if c := l.Changes[0]; c.Post != data.PostDirector || c.Method != data.MethodByElection || c.Note != "因病辞职" {
		t.Errorf("change read as %+v", c)
	}

	exp1 := filepath.Join(dir, "export1.xlsx")
	exportTo(t, first, exp1)
	second := openStore(t)
	if p, res, err := Import(ctx, second, exp1, "", today); err != nil || res.Inserted != 12 { // + the township
		t.Fatalf("re-import: %+v %v %v", res, err, p.Issues)
	}
	exp2 := filepath.Join(dir, "export2.xlsx")
	exportTo(t, second, exp2)
	c1, c2 := cells(t, exp1), cells(t, exp2)
	if !reflect.DeepEqual(c1, c2) {
		t.Errorf("export → import → export differs")
	}
	for sheet, want := range map[string][]string{
		"候选人":     {"城关镇", villageName(0), "2026", "孙三", l.Candidates[2].IDNumber, "村委会", "委员", "不通过", "违法用地", "2026-02-01"},
		"村务监督委员会": {"城关镇", villageName(0), "2026", "吴六", l.Supervisors[1].IDNumber, "女", "1967-07-07", "委员", "否", "村民代表会议", "2026-03-20"},
		"任职变动":    {"城关镇", villageName(0), "2026", "2026-05-10", "村委会", "主任", "钱二", l.Changes[0].LeaverID, "辞职", "李四", l.Changes[0].SuccessorID, "补选", "因病辞职"},
		"离任审计":    {"城关镇", villageName(0), "2026", "王老", "书记", "城关镇农经站", "2026-01-10", "有问题已整改", "白条入账 2 笔"},
	} {
		if r := rowStarting(c1[sheet], want[:5]); r < 0 || !reflect.DeepEqual(c1[sheet][r], want) {
			t.Errorf("%s: no row %q in %q", sheet, want, c1[sheet])
		}
	}

	// The template: the four sheets with their drop-downs.
	path := filepath.Join(dir, "模板.xlsx")
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
	for sheet, want := range map[string]map[string]string{
		"候选人":     {"F2:F5000": `"党组织,村委会,村务监督委员会"`, "H2:H5000": `"通过,不通过,待审"`},
		"村务监督委员会": {"F2:F5000": `"男,女"`, "H2:H5000": `"主任,委员"`, "I2:I5000": `"是,否"`, "J2:J5000": `"村民会议,村民代表会议"`},
		"任职变动":    {"E2:E5000": `"党组织,村委会"`, "F2:F5000": `"书记,副书记,主任,副主任,委员"`, "I2:I5000": `"辞职,罢免,调整,死亡,其他"`, "L2:L5000": `"补选,任命,代理"`},
		"离任审计":    {"H2:H5000": `"无问题,有问题已整改,有问题整改中"`},
	} {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, dv := range dvs {
			got[dv.Sqref] = dv.Formula1
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("template %s drop-downs = %v, want %v", sheet, got, want)
		}
	}
}

// TestRoundRestWorkbookRefused: a workbook putting a person who failed the vetting on the
// roster is refused whole, naming both records; so is a 不通过 without its reason, located.
func TestRoundRestWorkbookRefused(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t)
	sheets := roundRestSheets()
	sun := sheets[2].rows[3][4]
	sheets[1].rows = append(sheets[1].rows, []any{"城关镇", villageName(0), 2026, "孙三", sun, "群众", "—", "委员"})
	bad := writeXLSX(t, dir, "坏.xlsx", sheets...)
	before := snapshot(t, st)
	_, _, err := Import(ctx, st, bad, "", today)
	if !errors.Is(err, data.ErrVettingFailed) || !strings.Contains(err.Error(), "孙三") || !strings.Contains(err.Error(), "不能列入村庄“城关镇/"+villageName(0)+"”2026年村委会成员") {
		t.Errorf("import = %v, want the vetting refusal naming both", err)
	}
	sameBatch(t, snapshot(t, st), before)

	sheets = roundRestSheets()
	sheets[2].rows[3][8] = nil // 孙三 不通过 without a reason
	p, _, err := Import(ctx, st, writeXLSX(t, dir, "缺原因.xlsx", sheets...), "", today)
	if !errors.Is(err, ErrRejected) {
		t.Fatalf("import = %v", err)
	}
	if is, ok := findIssue(p.Issues, "候选人", 4, "不通过原因"); !ok || is.Level != data.LevelError {
		t.Errorf("issues = %v, want an error on 候选人:4:不通过原因", p.Issues)
	}
}
