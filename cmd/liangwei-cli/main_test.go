package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

// fixedNow is "today" for every test, so completion dates in 2026 are in the past whatever
// year the tests run in.
var fixedNow = time.Date(2026, 11, 25, 10, 30, 0, 0, time.Local)

func TestMain(m *testing.M) {
	now = func() time.Time { return fixedNow }
	os.Setenv("LIANGWEI_DB", "") // a test never falls back to the user's real database
	os.Exit(m.Run())
}

// runCLI runs liangwei-cli with args and returns the exit status and both outputs.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// mustRun runs a command that must succeed.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d\nstdout:\n%s\nstderr:\n%s", args, code, out, errOut)
	}
	return out
}

// statsJSON runs stats --json and decodes it.
func statsJSON(t *testing.T, db string, extra ...string) data.Stats {
	t.Helper()
	out := mustRun(t, append([]string{"--db", db, "stats", "--json"}, extra...)...)
	var s data.Stats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("stats --json printed invalid JSON: %v\n%s", err, out)
	}
	return s
}

// sheets is a workbook's content: sheet name → rows, the first row the header.
type sheets map[string][][]any

// writeWorkbook saves a workbook with the sheets in the order given.
func writeWorkbook(t *testing.T, path string, order []string, s sheets) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

var (
	townshipHeader = []any{"乡镇", "县区", "联系人", "联系电话"}
	villageHeader  = []any{"乡镇", "村名", "类型", "户数", "人口", "区划代码", "状态"}
	electionHeader = []any{"乡镇", "村名", "届次", "组织", "状态", "完成日期", "一次选举成功", "应参加人数", "实参加人数", "应选职数", "候选人数", "当选人数", "未完成原因"}
)

// hexiVillage names the n-th village of the fixture township (1–50).
func hexiVillage(n int) string { return fmt.Sprintf("河西%02d村", n) }

// hexiWorkbook is the hand-counted township 河西镇: 50 villages, 48 active and 2 merged
// (49, 50). Its figures for round 2026:
//
// 党组织: villages 1–47 已完成, 48 进行中; merged 49 has a completed election that must not
// count. One-time: all but 47 → 46. Due 48, completed 47, rate 47/48 = 97.92%,
// one-time rate 46/47 = 97.87%. 应到会 100 each: Σ = 47×100 = 4700; 实到会 95 for 1–40
// and 90 for 41–47: Σ = 40×95 + 7×90 = 3800 + 630 = 4430; 到会率 4430/4700 = 94.26%.
//
// 村委会: villages 1–46 已完成, 47 未完成 (with a reason), 48 has no record at all; merged
// 50 has a completed election that must not count. One-time: all but 46 → 45. Due 48,
// completed 46, rate 46/48 = 95.83%, one-time rate 45/46 = 97.83%. 登记选民 1000 each:
// Σ = 46×1000 = 46000; 参加投票 900 for 1–30 and 850 for 31–46: Σ = 30×900 + 16×850 =
// 27000 + 13600 = 40600; 参选率 40600/46000 = 88.26%.
//
// Records: 1 township + 50 villages + 49 party + 48 committee elections = 148.
func hexiWorkbook() sheets {
	s := sheets{
		"乡镇": {townshipHeader, {"河西镇", "青山县", "赵敏", "0537-5210000"}},
		"村庄": {villageHeader},
		"换届": {electionHeader},
	}
	for n := 1; n <= 50; n++ {
		status := "正常"
		if n >= 49 {
			status = "已撤并"
		}
		s["村庄"] = append(s["村庄"], []any{"河西镇", hexiVillage(n), "村", 400 + n, 1500 + n, fmt.Sprintf("130229101%03d", 200+n), status})
	}
	for n := 1; n <= 49; n++ { // 党组织
		row := []any{"河西镇", hexiVillage(n), 2026, "党组织", "已完成", "2026-04-10", "是", 100, 95, 5, 6, 5, ""}
		switch {
		case n >= 41 && n <= 47:
			row[8] = 90
		case n == 48:
			row = []any{"河西镇", hexiVillage(n), 2026, "党组织", "进行中", "", "", 100, 0, 5, 6, 0, ""}
		case n == 49:
			row[8] = 100
		}
		if n == 47 {
			row[6] = "否"
		}
		s["换届"] = append(s["换届"], row)
	}
	for n := 1; n <= 50; n++ { // 村委会
		row := []any{"河西镇", hexiVillage(n), 2026, "村委会", "已完成", "2026/5/20", "是", 1000, 900, 5, 7, 5, ""}
		switch {
		case n >= 31 && n <= 46:
			row[8] = 850
		case n == 47:
			row = []any{"河西镇", hexiVillage(n), 2026, "村委会", "未完成", "", "否", 1000, 0, 5, 7, 0, "选民登记存在争议，待重新选举"}
		case n == 48:
			continue
		case n == 49:
			continue
		case n == 50:
			row[8] = 999
		}
		if n == 46 {
			row[6] = "否"
		}
		s["换届"] = append(s["换届"], row)
	}
	return s
}

var sheetOrder = []string{"乡镇", "村庄", "换届"}

// wantHexiParty and wantHexiCommittee are the hand counts of hexiWorkbook.
var (
	wantHexiParty = data.BodyStats{Due: 48, Completed: 47, Rate: 97.92, OneTime: 46, OneTimeRate: 97.87,
		Turnout: 94.26, Eligible: 4700, Voted: 4430}
	wantHexiCommittee = data.BodyStats{Due: 48, Completed: 46, Rate: 95.83, OneTime: 45, OneTimeRate: 97.83,
		Turnout: 88.26, Eligible: 46000, Voted: 40600}
)

// importedHexi returns a database holding the 河西镇 workbook.
func importedHexi(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "ledger.db")
	wb := filepath.Join(dir, "河西镇.xlsx")
	writeWorkbook(t, wb, sheetOrder, hexiWorkbook())
	out := mustRun(t, "--db", db, "import", wb)
	if want := "河西镇.xlsx：新增 148，更新 0，未变 0"; !strings.Contains(out, want) {
		t.Fatalf("import printed %q, want %q", out, want)
	}
	return db, dir
}

func TestImportAndStatsJSON(t *testing.T) {
	db, dir := importedHexi(t)
	got := statsJSON(t, db)
	if got.Round != 2026 || got.Townships != 1 || got.Villages != 48 {
		t.Errorf("round/townships/villages = %d/%d/%d, want 2026/1/48", got.Round, got.Townships, got.Villages)
	}
	if got.PartyOrg != wantHexiParty {
		t.Errorf("party_org = %+v\nwant        %+v", got.PartyOrg, wantHexiParty)
	}
	if got.Committee != wantHexiCommittee {
		t.Errorf("committee = %+v\nwant        %+v", got.Committee, wantHexiCommittee)
	}

	// The JSON keys are those of SPEC §7.
	out := mustRun(t, "--db", db, "stats", "--json")
	for _, key := range []string{`"round": 2026`, `"townships": 1`, `"villages": 48`, `"party_org"`, `"committee"`,
		`"rate": 97.92`, `"one_time": 46`, `"turnout": 94.26`, `"rate": 95.83`, `"turnout": 88.26`,
		`"members"`, `"leadership"`, `"party"`, `"petitions"`, `"talks"`, `"申请约谈": 0`} {
		if !strings.Contains(out, key) {
			t.Errorf("stats --json lacks %s:\n%s", key, out)
		}
	}

	// Importing the same file again changes nothing.
	out = mustRun(t, "--db", db, "import", filepath.Join(dir, "河西镇.xlsx"))
	if want := "河西镇.xlsx：新增 0，更新 0，未变 148"; !strings.Contains(out, want) {
		t.Errorf("second import printed %q, want %q", out, want)
	}
	if again := statsJSON(t, db); again.PartyOrg != wantHexiParty || again.Committee != wantHexiCommittee {
		t.Errorf("figures changed after re-import: %+v %+v", again.PartyOrg, again.Committee)
	}
}

func TestStatsText(t *testing.T) {
	db, _ := importedHexi(t)
	out := mustRun(t, "--db", db, "stats", "--date", "2026-12-01")
	for _, want := range []string{
		"2026年村“两委”换届情况（全部 1 个乡镇，截至 2026-12-01）",
		"应换届村（社区）48 个",
		"村党组织：应换届 48，已完成 47，完成率 97.92%，一次选举成功 46（97.87%），到会率 94.26%（4430/4700）",
		"村（居）委会：应换届 48，已完成 46，完成率 95.83%，一次选举成功 45（97.83%），参选率 88.26%（40600/46000）",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stats text lacks %q:\n%s", want, out)
		}
	}
}

func TestStatsRoundAndTownship(t *testing.T) {
	db, dir := importedHexi(t)
	// A second township in the same database: 2 villages, both elections completed.
	other := sheets{
		"村庄": {villageHeader, {"河东镇", "河东01村", "村", 300, 1200, "", "正常"}, {"河东镇", "河东02村", "社区", 500, 2000, "", "正常"}},
		"换届": {electionHeader,
			{"河东镇", "河东01村", 2026, "党组织", "已完成", "2026-03-01", "是", 60, 50, 3, 4, 3, ""},
			{"河东镇", "河东01村", 2026, "村委会", "已完成", "2026-03-20", "是", 900, 800, 3, 4, 3, ""},
			{"河东镇", "河东02村", 2021, "党组织", "已完成", "2021-03-01", "是", 60, 60, 3, 4, 3, ""},
		},
	}
	wb := filepath.Join(dir, "河东镇.xlsx")
	writeWorkbook(t, wb, []string{"村庄", "换届"}, other)
	mustRun(t, "--db", db, "import", wb)

	tests := []struct {
		name                 string
		args                 []string
		townships, villages  int
		partyDone, partyDue  int
		committeeDone, round int
	}{
		{"all townships", nil, 2, 50, 48, 50, 47, 2026},
		{"one township", []string{"--township", "河西镇"}, 1, 48, 47, 48, 46, 2026},
		{"other township", []string{"--township", "河东镇"}, 1, 2, 1, 2, 1, 2026},
		{"earlier round", []string{"--round", "2021"}, 2, 50, 1, 50, 0, 2021},
		{"flags after the round", []string{"--round", "2021", "--township", "河东镇"}, 1, 2, 1, 2, 0, 2021},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := statsJSON(t, db, tt.args...)
			got := []int{s.Round, s.Townships, s.Villages, s.PartyOrg.Completed, s.PartyOrg.Due, s.Committee.Completed}
			want := []int{tt.round, tt.townships, tt.villages, tt.partyDone, tt.partyDue, tt.committeeDone}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("round, townships, villages, party done/due, committee done = %v, want %v", got, want)
			}
		})
	}

	code, _, errOut := runCLI(t, "--db", db, "stats", "--township", "不存在镇")
	if code != 1 || !strings.Contains(errOut, "未找到乡镇“不存在镇”") || !strings.Contains(errOut, "河东镇、河西镇") && !strings.Contains(errOut, "河西镇、河东镇") {
		t.Errorf("unknown township: exit %d, stderr %q; want 1 and the known townships", code, errOut)
	}
}

func TestBadFileChangesNothing(t *testing.T) {
	db, dir := importedHexi(t)
	before := mustRun(t, "--db", db, "stats", "--json")

	bad := hexiWorkbook()
	rows := bad["换届"]
	// Row 2 of the sheet is 河西01村 党组织: raise its turnout above the register and lower
	// the register of every village so the figures would change if anything were written.
	rows[1][8] = 120
	// Row 5 is 河西04村 党组织: an unknown status.
	rows[4][4] = "差不多完成"
	for i := 6; i < len(rows); i++ {
		if rows[i][3] == "村委会" {
			rows[i][7] = 1001
		}
	}
	path := filepath.Join(dir, "坏文件.xlsx")
	writeWorkbook(t, path, sheetOrder, bad)

	code, out, errOut := runCLI(t, "--db", db, "import", path)
	if code != 1 {
		t.Fatalf("bad file: exit %d, want 1\nstdout %s\nstderr %s", code, out, errOut)
	}
	for _, want := range []string{"坏文件.xlsx:换届:2:实参加人数:", "坏文件.xlsx:换届:5:状态:", "导入失败：坏文件.xlsx 有 2 个错误，未写入任何数据"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if after := mustRun(t, "--db", db, "stats", "--json"); after != before {
		t.Errorf("stats changed after a rejected file:\nbefore %s\nafter %s", before, after)
	}

	// Several files: the good one is imported, the bad one refused, exit 1. (The township
	// 河北镇 is created for its village but is not counted as an imported record.)
	good := filepath.Join(dir, "河北镇.xlsx")
	writeWorkbook(t, good, []string{"村庄"}, sheets{"村庄": {villageHeader, {"河北镇", "河北01村", "村", 100, 400, "", "正常"}}})
	code, out, errOut = runCLI(t, "--db", db, "import", path, good)
	if code != 1 || !strings.Contains(out, "河北镇.xlsx：新增 1，更新 0，未变 0") || !strings.Contains(errOut, "共 2 个文件，1 个导入失败") {
		t.Errorf("mixed import: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}

	// A file that is not a workbook at all.
	junk := filepath.Join(dir, "乱码.xlsx")
	if err := os.WriteFile(junk, []byte("PK\x03\x04 truncated"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "--db", db, "import", junk); code != 1 || !strings.Contains(errOut, "导入失败：乱码.xlsx") {
		t.Errorf("truncated file: exit %d, stderr %q; want 1 and 导入失败", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "import", filepath.Join(dir, "没有这个文件.xlsx")); code != 1 || !strings.Contains(errOut, "没有这个文件.xlsx") {
		t.Errorf("missing file: exit %d, stderr %q; want 1", code, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "缺少命令"},
		{"unknown command", []string{"--db", db, "frobnicate"}, "未知的命令“frobnicate”"},
		{"unknown global flag", []string{"--bogus", "stats"}, "未知的选项 -bogus"},
		{"unknown command flag", []string{"--db", db, "stats", "--bogus"}, "未知的选项 -bogus"},
		{"flag without value", []string{"--db", db, "stats", "--round"}, "选项 -round 需要一个值"},
		{"bad round", []string{"--db", db, "stats", "--round", "abc"}, "--round"},
		{"bad date", []string{"--db", db, "stats", "--date", "2026-13-45"}, "--date"},
		{"stray argument", []string{"--db", db, "stats", "extra"}, "多余的“extra”"},
		{"import without files", []string{"--db", db, "import"}, "import 需要至少一个文件"},
		{"template without file", []string{"--db", db, "template"}, "template 需要一个文件名"},
		{"export two files", []string{"--db", db, "export", "a.xlsx", "b.xlsx"}, "export 需要一个文件名"},
		{"report without kind", []string{"--db", db, "report", "--out", "x.pdf"}, "缺少报表类型"},
		{"report unknown kind", []string{"--db", db, "report", "roster", "--out", "x.pdf"}, "报表类型“roster”尚未提供"},
		{"report without out", []string{"--db", db, "report", "summary"}, "缺少 --out"},
		{"init with argument", []string{"--db", db, "init", "now"}, "init 不需要参数"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stdout %q)", code, out)
			}
			if !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "用法：liangwei-cli") {
				t.Errorf("stderr %q lacks %q and the usage", errOut, tt.want)
			}
		})
	}
	// Usage errors are found before the database is touched.
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a usage error created the database (stat: %v)", err)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, _ := runCLI(t, args...)
		if code != 0 || !strings.Contains(out, "report 类型 --out") || !strings.Contains(out, "petitions  信访举报受理情况台账") {
			t.Errorf("%v: exit %d, stdout %q", args, code, out)
		}
	}
	code, out, _ := runCLI(t, "stats", "-h")
	if code != 0 || !strings.Contains(out, "用法：liangwei-cli [--db 数据库文件] stats") {
		t.Errorf("stats -h: exit %d, stdout %q", code, out)
	}
}

func TestPanicIsRecovered(t *testing.T) {
	var errOut bytes.Buffer
	// A nil stdout makes the help text panic on write; run must turn that into status 1.
	code := run([]string{"--help"}, nil, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "程序内部错误") {
		t.Errorf("exit %d, stderr %q; want 1 and 程序内部错误", code, errOut.String())
	}
}

func TestInitAndDBLocation(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	out := mustRun(t, "--db", db, "init")
	if !strings.Contains(out, "数据库已就绪："+db) {
		t.Errorf("init printed %q", out)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("init did not create the database: %v", err)
	}
	// Twice is fine (migrations are idempotent).
	mustRun(t, "--db", db, "init")

	// $LIANGWEI_DB is used when --db is not given; --db after the command also works.
	envDB := filepath.Join(dir, "env.db")
	t.Setenv("LIANGWEI_DB", envDB)
	if out := mustRun(t, "init"); !strings.Contains(out, envDB) {
		t.Errorf("init with LIANGWEI_DB printed %q, want %s", out, envDB)
	}
	other := filepath.Join(dir, "other.db")
	if out := mustRun(t, "init", "--db", other); !strings.Contains(out, other) {
		t.Errorf("init --db after the command printed %q, want %s", out, other)
	}

	// A database that cannot be opened is a user error.
	notDB := filepath.Join(dir, "not.db")
	if err := os.WriteFile(notDB, bytes.Repeat([]byte("这不是数据库"), 200), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "--db", notDB, "init"); code != 1 || !strings.Contains(errOut, notDB) {
		t.Errorf("corrupt database: exit %d, stderr %q; want 1 naming the file", code, errOut)
	}
}

func TestTemplateAndExport(t *testing.T) {
	db, dir := importedHexi(t)
	tmpl := filepath.Join(dir, "模板.xlsx")
	mustRun(t, "--db", db, "template", tmpl)
	f, err := excelize.OpenFile(tmpl)
	if err != nil {
		t.Fatalf("template is not a workbook: %v", err)
	}
	list := f.GetSheetList()
	f.Close()
	for _, want := range []string{"乡镇", "村庄", "换届"} {
		if !strings.Contains(strings.Join(list, ","), want) {
			t.Errorf("template sheets %v lack %s", list, want)
		}
	}

	// Export, import into an empty database: the same figures.
	exp := filepath.Join(dir, "导出.xlsx")
	mustRun(t, "--db", db, "export", exp)
	db2 := filepath.Join(dir, "second.db")
	out := mustRun(t, "--db", db2, "import", exp)
	if !strings.Contains(out, "导出.xlsx：新增 148，更新 0，未变 0") {
		t.Errorf("re-import of the export printed %q", out)
	}
	a, b := statsJSON(t, db), statsJSON(t, db2)
	if a.PartyOrg != b.PartyOrg || a.Committee != b.Committee || a.Villages != b.Villages {
		t.Errorf("export round trip changed the figures:\n%+v\n%+v", a, b)
	}

	// Writing into a folder that does not exist is a user error and leaves no file.
	if code, _, errOut := runCLI(t, "--db", db, "export", filepath.Join(dir, "无此目录", "x.xlsx")); code != 1 || errOut == "" {
		t.Errorf("export to a missing folder: exit %d, stderr %q", code, errOut)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".liangwei-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestCheck(t *testing.T) {
	db, _ := importedHexi(t)
	code, out, _ := runCLI(t, "--db", db, "check")
	if code != 0 {
		t.Fatalf("check on valid data: exit %d\n%s", code, out)
	}
	for _, want := range []string{
		// 河西48村 has no 村委会 record; the merged villages' elections do not count.
		"警告 河西镇/河西48村/2026/村委会: 状态: 2026年届次没有村委会换届记录",
		"警告 河西镇/河西49村/2026/党组织: 村名: 该村已撤并，这条换届记录不计入统计",
		"警告 河西镇/河西50村/2026/村委会: 村名: 该村已撤并",
		// The file has no 离任审计 sheet: each of the 47 active villages with a completed
		// election is warned of.
		"警告 河西镇/河西01村/2026/离任审计: 审计对象: 2026年已完成换届，但没有离任审计记录",
		"检查完毕（2026年届次）：乡镇 1 个，村（社区）50 个，换届记录 97 条，两委成员 0 人，乡镇班子 0 条，党组织台账 0 条，信访举报 0 件，约谈 0 条；错误 0 个，警告 50 个",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}

	// Seen from a day before the elections, the completion dates are in the future: errors.
	old := now
	now = func() time.Time { return time.Date(2026, 4, 1, 9, 0, 0, 0, time.Local) }
	defer func() { now = old }()
	code, out, _ = runCLI(t, "--db", db, "check", "--round", "2026")
	if code != 1 {
		t.Errorf("check with errors: exit %d, want 1", code)
	}
	if want := "错误 河西镇/河西01村/2026/党组织: 完成日期: 完成日期 2026-04-10 晚于今天"; !strings.Contains(out, want) {
		t.Errorf("check output lacks %q:\n%s", want, out)
	}
	// 48 party (1–47 and merged 49) + 47 committee (1–46 and merged 50) completed elections
	// are dated after 2026-04-01: 95 errors.
	if want := "错误 95 个，警告 50 个"; !strings.Contains(out, want) {
		t.Errorf("check count line lacks %q:\n%s", want, out)
	}
}

func TestImportCSVWithSheetFlag(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csv.db")
	// A file name that does not say which sheet it is: --sheet does, after or before the file.
	villages := filepath.Join(dir, "名单.csv")
	if err := os.WriteFile(villages, []byte("\ufeff乡镇,村名,类型,户数,人口\n河南镇,河南01村,村,300,1100\n河南镇,河南02村,社区,500,2100\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	elections := filepath.Join(dir, "进度.csv")
	if err := os.WriteFile(elections, []byte("乡镇,村名,届次,组织,状态,完成日期,一次选举成功,应参加人数,实参加人数,应选职数,候选人数,当选人数\n"+
		"河南镇,河南01村,2026,党组织,已完成,2026年3月15日,是,40,38,3,4,3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, "--db", db, "import", villages, "--sheet", "村庄"); !strings.Contains(out, "名单.csv：新增 2，更新 0，未变 0") {
		t.Errorf("csv import printed %q", out)
	}
	if out := mustRun(t, "--db", db, "import", "--sheet", "换届", elections); !strings.Contains(out, "进度.csv：新增 1，更新 0，未变 0") {
		t.Errorf("csv import printed %q", out)
	}
	s := statsJSON(t, db)
	if s.Villages != 2 || s.PartyOrg.Completed != 1 || s.PartyOrg.Turnout != 95 {
		t.Errorf("after csv import: villages %d, party completed %d, turnout %v; want 2, 1, 95", s.Villages, s.PartyOrg.Completed, s.PartyOrg.Turnout)
	}
}
