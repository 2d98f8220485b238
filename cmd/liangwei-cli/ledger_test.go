package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

var (
	memberHeader     = []any{"乡镇", "村名", "届次", "姓名", "身份证号", "性别", "出生日期", "民族", "学历", "政治面貌", "党组织职务", "村委会职务", "新任或连任", "身份标签", "联系电话"}
	partyHeader      = []any{"乡镇", "村名", "年度", "党组织类型", "党员数", "女党员数", "预备党员数", "年度发展党员数", "有班子", "有场所", "场所面积", "有活动", "年度活动次数", "有收入", "集体经济收入", "软弱涣散", "整顿措施", "整顿进展", "整顿结果"}
	leadershipHeader = []any{"乡镇", "届次", "党委班子成员数", "政府班子成员数", "交叉任职数"}
	complaintHeader  = []any{"编号", "受理日期", "渠道", "乡镇", "村名", "反映人", "被反映人", "类别", "内容摘要", "承办人", "办结时限", "办理结果", "处理情况", "回复日期"}
	talkHeader       = []any{"编号", "乡镇", "日期", "约谈方式", "约谈人", "被约谈人", "单位", "职务", "类别", "事由", "处理情况"}
)

var fullOrder = []string{"乡镇", "村庄", "换届", "两委成员", "党组织", "乡镇班子", "信访举报", "约谈"}

// testID is a valid 身份证号 of the fixture county: birth yyyymmdd, a three-digit sequence
// (its last digit odd for men, even for women) and the GB 11643 check digit.
func testID(birth string, seq int, female bool) string {
	n := seq * 2
	if !female {
		n++
	}
	body := fmt.Sprintf("130229%s%03d", birth, n)
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(body[i]-'0') * w[i]
	}
	return body + string("10X98765432"[sum%11])
}

// hexiSlot is one seat of a 河西镇 village roster; see fullWorkbook.
type hexiSlot struct {
	name  string
	birth string // yyyymmdd; the age on 1 January 2026 follows
	age   int
}

var hexiSlots = []hexiSlot{
	{"甲", "19700615", 55}, {"乙", "19750310", 50}, {"丙", "19880909", 37},
	{"丁", "19620505", 63}, {"戊", "19800101", 46}, {"己", "19951231", 30},
	{"庚", "19910102", 34}, {"辛", "19900707", 35}, {"壬", "19660101", 60},
}

// fullWorkbook is hexiWorkbook plus every new sheet, all hand-counted for round 2026 and
// reference date 2026-12-01.
//
// 两委成员: villages 河西01–45 have nine members each (slots 甲…壬, rows 2–406 in village
// order), plus one 书记 in the merged 河西49村 (row 407) who must not count. Posts:
// 甲 书记 (and 主任 when n%3 == 0: 一肩挑), 乙 副书记 (and 主任 otherwise), 丙 党组织委员 and
// 村委会委员, 丁 党组织委员, 戊 副主任, 己 庚 辛 壬 村委会委员. So per village 4 party posts, 7
// committee posts, 2 交叉任职: total 45×9 = 405, party 180, committee 315, cross 90
// (405 = 180 + 315 − 90): every roster is of a village whose both elections are 已完成.
// 一肩挑 15 of the 48 due villages: 31.25%.
// Women: 己 always (45), 庚 when n%5 == 0 (9), 甲 of 河西07村 (1) = 55.
// Ages on 1 January 2026 (birth days chosen on the boundaries): 55+50+37+63+46+30+34+35+60 =
// 410 per village, 45×410 / 405 = 45.56 → 45.6; 35岁及以下 己 (30) 庚 (34) 辛 (35) = 135; 60岁及以上
// 丁 (63) 壬 (60, born 1 January) = 90. 大专及以上: 甲 本科 (45), 丙 大专 (45), 己 大专 when n is
// even (22) = 112. 党员 on the 村委会: the 主任 (45), 丙 (45), 戊 when n is even (22), 辛 预备党员
// when n%9 == 0 (5) = 117. 新任: 己 庚 (90) + 丙 when n%4 == 0 (11) = 101.
//
// 乡镇班子: 2026 9/4/2 counts; a 2021 row 8/3/1 does not.
//
// 党组织 (year 2026, every active village 1–48): 党员 100 for 1–40, 60 for 41–48 = 4480; four
// haves all but 05 (no 场所), 10 (no 收入), 15 (no 活动) = 45; 软弱涣散 15 and 20 (整顿中) and 30
// (已销号) = 3, 1 已销号. A 2025 row of 河西01村 and the 2026 row of the merged 河西49村 do not count.
//
// 信访举报 (2026 by 受理日期; reference 2026-12-01): 7, 属实 1 + 部分属实 1 = 2, 办理中 3 of
// which only XF05 (deadline 2026-11-30) is overdue: XF06's deadline is the reference day
// itself; closed 4. XF08 was received in 2025 and does not count.
//
// 约谈 (2026): 7; 申请约谈 2, 主动约谈 4, 下访约谈 1; 个人诉求 2, 汇报工作和思想 3, 意见建议 2.
// T08 of 2025 does not count.
//
// Records: 148 + 406 members + 2 leaderships + 50 party rows + 8 complaints + 8 talks = 622.
func fullWorkbook() sheets {
	s := hexiWorkbook()
	s["两委成员"] = [][]any{memberHeader}
	for n := 1; n <= 45; n++ {
		for i, sl := range hexiSlots {
			female := i == 5 || i == 6 && n%5 == 0 || i == 0 && n == 7
			pol, edu, tenure, party, comm, tags := "群众", "高中中专", "连任", "", "", ""
			switch i {
			case 0:
				pol, edu, party = "中共党员", "本科及以上", "书记"
				if n%3 == 0 {
					comm = "主任"
				} else {
					comm = "—"
				}
				tags = "致富能手、退役军人"
			case 1:
				pol, party = "中共党员", "副书记"
				if n%3 != 0 {
					comm = "主任"
				}
			case 2:
				pol, edu, party, comm = "中共党员", "大专", "委员", "委员"
				if n%4 == 0 {
					tenure = "新任"
				}
			case 3:
				pol, edu, party = "中共党员", "初中及以下", "委员"
			case 4:
				comm = "副主任"
				if n%2 == 0 {
					pol = "中共党员"
				}
			case 5:
				comm, tenure, tags = "委员", "新任", "大学生村官"
				if n%2 == 0 {
					edu = "大专"
				}
			case 6:
				comm, tenure = "委员", "新任"
			case 7:
				comm, edu = "委员", "初中及以下"
				if n%9 == 0 {
					pol = "预备党员"
				}
			case 8:
				comm, edu = "委员", "初中及以下"
			}
			gender, birth := "", ""
			if n == 1 { // the first village states them; the rest leave them to the ID
				gender, birth = "男", sl.birth[:4]+"-"+sl.birth[4:6]+"-"+sl.birth[6:]
				if female {
					gender = "女"
				}
			}
			s["两委成员"] = append(s["两委成员"], []any{"河西镇", hexiVillage(n), 2026, "河" + sl.name + fmt.Sprint(n),
				testID(sl.birth, n*10+i, female), gender, birth, "汉族", edu, pol, party, comm, tenure, tags, "13900000000"})
		}
	}
	s["两委成员"] = append(s["两委成员"], []any{"河西镇", hexiVillage(49), 2026, "撤并书记", testID("19700101", 490, false),
		"", "", "汉族", "高中中专", "中共党员", "书记", "", "连任", "", ""})

	s["乡镇班子"] = [][]any{leadershipHeader, {"河西镇", 2026, 9, 4, 2}, {"河西镇", 2021, 8, 3, 1}}

	s["党组织"] = [][]any{partyHeader}
	for n := 1; n <= 49; n++ {
		members := 100
		if n > 40 {
			members = 60
		}
		row := []any{"河西镇", hexiVillage(n), 2026, "党支部", members, 20, 2, 1, "是", "是", 200, "是", 12, "是", 15.5, "否", "", "", ""}
		switch n {
		case 5:
			row[9], row[10] = "否", 0
		case 10:
			row[13], row[14] = "否", 0
		case 15:
			row[11], row[12], row[15], row[16], row[17], row[18] = "否", 0, "是", "选派第一书记，整顿班子", "已召开专题组织生活会", "整顿中"
		case 20:
			row[15], row[16], row[17], row[18] = "是", "调整支部书记", "新书记已到任", "整顿中"
		case 30:
			row[15], row[16], row[17], row[18] = "是", "规范三会一课，发展集体经济", "经县委组织部验收", "已销号"
		}
		s["党组织"] = append(s["党组织"], row)
	}
	s["党组织"] = append(s["党组织"], []any{"河西镇", hexiVillage(1), 2025, "党支部", 98, 20, 2, 1, "是", "是", 200, "是", 12, "是", 15.5, "否", "", "", ""})

	s["信访举报"] = [][]any{complaintHeader,
		{"XF01", "2026-03-01", "来信", "河西镇", hexiVillage(1), "匿名", "河甲1", "拉票贿选", "请吃拉票", "赵敏", "2026-03-31", "属实", "取消候选人资格", "2026-03-20"},
		{"XF02", "2026-04-01", "来访", "河西镇", hexiVillage(2), "王某", "河乙2", "资格争议", "户籍不在本村", "赵敏", "2026-05-01", "部分属实", "补正资格审查", "2026-04-15"},
		{"XF03", "2026-05-01", "电话", "河西镇", "", "李某", "河丙3", "程序违规", "未张榜公布", "赵敏", "2026-05-31", "不属实", "已答复", "2026-05-10"},
		{"XF04", "2026-06-01", "网络", "河西镇", hexiVillage(4), "匿名", "河丁4", "其他", "账目不清", "赵敏", "2026-07-01", "不属实", "已答复", "2026-06-20"},
		{"XF05", "2026-10-31", "短信", "河西镇", hexiVillage(5), "匿名", "河戊5", "拉票贿选", "宗族拉票", "赵敏", "2026-11-30", "办理中", "", ""},
		{"XF06", "2026-11-01", "上级交办", "河西镇", hexiVillage(6), "县纪委", "河己6", "资格争议", "涉嫌违法占地", "赵敏", "2026-12-01", "办理中", "", ""},
		{"XF07", "2026-11-20", "来访", "河西镇", "", "张某", "河庚7", "程序违规", "委托投票", "赵敏", "2026-12-31", "办理中", "", ""},
		{"XF08", "2025-12-20", "来信", "河西镇", "", "匿名", "河辛8", "其他", "旧案", "赵敏", "2026-01-10", "办理中", "", ""},
	}
	s["约谈"] = [][]any{talkHeader,
		{"T01", "河西镇", "2026-02-01", "申请约谈", "赵敏", "河甲1", hexiVillage(1), "书记", "个人诉求", "调整分工", "已记录"},
		{"T02", "河西镇", "2026-03-01", "申请约谈", "赵敏", "河甲2", hexiVillage(2), "书记", "个人诉求", "家庭困难", "已记录"},
		{"T03", "河西镇", "2026-04-01", "主动约谈", "赵敏", "河甲3", hexiVillage(3), "书记", "汇报工作和思想", "工作思路", "已谈话"},
		{"T04", "河西镇", "2026-05-01", "主动约谈", "赵敏", "河甲4", hexiVillage(4), "书记", "汇报工作和思想", "任期目标", "已谈话"},
		{"T05", "河西镇", "2026-06-01", "主动约谈", "赵敏", "河甲5", hexiVillage(5), "书记", "汇报工作和思想", "廉洁自律", "已谈话"},
		{"T06", "河西镇", "2026-07-01", "下访约谈", "赵敏", "河甲6", hexiVillage(6), "书记", "意见建议", "道路规划", "已谈话"},
		{"T07", "河西镇", "2026-08-01", "主动约谈", "赵敏", "河甲7", hexiVillage(7), "书记", "意见建议", "培训需求", "已谈话"},
		{"T08", "河西镇", "2025-08-01", "主动约谈", "赵敏", "河甲8", hexiVillage(8), "书记", "汇报工作和思想", "旧谈话", "已谈话"},
	}
	return s
}

// wantFull are the figures of fullWorkbook on 2026-12-01 beyond the elections.
var (
	wantFullMembers = data.MemberStats{Total: 405, Party: 180, Committee: 315, Cross: 90,
		DualHead: 15, DualHeadBase: 48, DualHeadRate: 31.25, Women: 55, AvgAge: 45.6,
		Under35: 135, Age60Plus: 90, College: 112, CommitteeParty: 117, New: 101}
	wantFullLeadership = data.LeadershipStats{PartyCommittee: 9, Government: 4, Cross: 2}
	wantFullParty      = data.PartyStats{Orgs: 48, Members: 4480, FourHaves: 45, Weak: 3, WeakRectified: 1}
	wantFullPetitions  = data.PetitionStats{Total: 7, Substantiated: 2, Overdue: 1, Closed: 4}
	wantFullTalks      = data.TalkStats{Total: 7,
		ByMode:     map[string]int{"申请约谈": 2, "主动约谈": 4, "下访约谈": 1},
		ByCategory: map[string]int{"个人诉求": 2, "汇报工作和思想": 3, "意见建议": 2}}
)

// importedFull returns a database holding the full 河西镇 workbook.
func importedFull(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "ledger.db")
	wb := filepath.Join(dir, "河西镇全台账.xlsx")
	writeWorkbook(t, wb, fullOrder, fullWorkbook())
	out := mustRun(t, "--db", db, "import", wb)
	if want := "河西镇全台账.xlsx：新增 622，更新 0，未变 0"; !strings.Contains(out, want) {
		t.Fatalf("import printed %q, want %q", out, want)
	}
	return db, dir
}

func TestFullImportStatsJSON(t *testing.T) {
	db, dir := importedFull(t)
	for _, args := range [][]string{{"--date", "2026-12-01"}, {"--date", "2026-12-01", "--township", "河西镇", "--round", "2026"}} {
		got := statsJSON(t, db, args...)
		if got.Round != 2026 || got.Townships != 1 || got.Villages != 48 {
			t.Errorf("%v: round/townships/villages = %d/%d/%d, want 2026/1/48", args, got.Round, got.Townships, got.Villages)
		}
		for _, c := range []struct {
			name      string
			got, want any
		}{
			{"party_org", got.PartyOrg, wantHexiParty},
			{"committee", got.Committee, wantHexiCommittee},
			{"members", got.Members, wantFullMembers},
			{"leadership", got.Leadership, wantFullLeadership},
			{"party", got.Party, wantFullParty},
			{"petitions", got.Petitions, wantFullPetitions},
			{"talks", got.Talks, wantFullTalks},
		} {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("%v: %s = %+v\nwant %+v", args, c.name, c.got, c.want)
			}
		}
	}

	// The day after XF06's deadline it is overdue too.
	if got := statsJSON(t, db, "--date", "2026-12-02").Petitions.Overdue; got != 2 {
		t.Errorf("overdue on 2026-12-02 = %d, want 2", got)
	}
	// The 2021 round sees only its leadership row and nothing of 2026.
	old := statsJSON(t, db, "--round", "2021", "--date", "2026-12-01")
	if old.Leadership != (data.LeadershipStats{PartyCommittee: 8, Government: 3, Cross: 1}) || old.Members.Total != 0 || old.Petitions.Total != 0 || old.Talks.Total != 0 {
		t.Errorf("round 2021: leadership %+v, members %d, petitions %d, talks %d; want 8/3/1 and nothing else",
			old.Leadership, old.Members.Total, old.Petitions.Total, old.Talks.Total)
	}

	// Importing the same file again changes nothing.
	out := mustRun(t, "--db", db, "import", filepath.Join(dir, "河西镇全台账.xlsx"))
	if want := "新增 0，更新 0，未变 622"; !strings.Contains(out, want) {
		t.Errorf("second import printed %q, want %q", out, want)
	}
}

func TestFullStatsText(t *testing.T) {
	db, _ := importedFull(t)
	out := mustRun(t, "--db", db, "stats", "--date", "2026-12-01")
	for _, want := range []string{
		"两委成员（仅计已完成换届的组织）：405 人（党组织成员 180，村委会成员 315，交叉任职 90），一肩挑 15 个村（占应换届 48 个村的 31.25%）",
		"女性 55（13.58%），平均年龄 45.6 岁，35岁及以下 135（33.33%），60岁及以上 90（22.22%），大专及以上 112（27.65%），村委会成员中党员 117（37.14%），新任 101（24.94%）",
		"乡镇班子：党委班子成员 9，政府班子成员 4，交叉任职 2",
		"村级党组织：48 个，党员 4480 名，“四有”齐全 45 个，软弱涣散 3 个（已销号 1 个）",
		"信访举报：受理 7 件，属实（含部分属实）2 件，已办结 4 件，超期 1 件",
		"干部约谈：7 人次；按方式 申请约谈 2，主动约谈 4，下访约谈 1；按类别 个人诉求 2，汇报工作和思想 3，意见建议 2",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stats text lacks %q:\n%s", want, out)
		}
	}
}

func TestWrongCheckDigitRefused(t *testing.T) {
	db, dir := importedFull(t)
	before := mustRun(t, "--db", db, "stats", "--json", "--date", "2026-12-01")

	bad := fullWorkbook()
	rows := bad["两委成员"]
	// Row 9 of the sheet is the eighth member of 河西01村 (辛): change its check digit. Give
	// every later member a committee post too, so anything written would show in the figures.
	id := rows[8][4].(string)
	last := byte('0')
	if id[17] == '0' {
		last = '1'
	}
	rows[8][4] = id[:17] + string(last)
	for i := 10; i < len(rows); i++ {
		rows[i][11] = "委员"
	}
	path := filepath.Join(dir, "错号.xlsx")
	writeWorkbook(t, path, fullOrder, bad)
	code, out, errOut := runCLI(t, "--db", db, "import", path)
	if code != 1 {
		t.Fatalf("wrong check digit: exit %d, want 1\nstdout %s\nstderr %s", code, out, errOut)
	}
	if want := "错号.xlsx:两委成员:9:身份证号:"; !strings.Contains(errOut, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut)
	}
	if !strings.Contains(errOut, "未写入任何数据") {
		t.Errorf("stderr does not say nothing was written:\n%s", errOut)
	}
	if after := mustRun(t, "--db", db, "stats", "--json", "--date", "2026-12-01"); after != before {
		t.Errorf("stats changed after a rejected file:\nbefore %s\nafter %s", before, after)
	}
}

func TestFullCheck(t *testing.T) {
	db, _ := importedFull(t)
	code, out, _ := runCLI(t, "--db", db, "check")
	if code != 0 {
		t.Fatalf("check on valid data: exit %d\n%s", code, out)
	}
	for _, want := range []string{
		// The merged village's 书记 is listed, not counted.
		"警告 河西镇/河西49村/2026/撤并书记（1302**********",
		": 村名: 该村已撤并，这条两委成员记录不计入统计",
		"警告 河西镇/河西49村/2026/党组织台账: 村名: 该村已撤并，这条党组织台账记录不计入统计",
		// Short of 四有, and overdue (on the real today, 2026-11-25, XF05 is not yet).
		"警告 河西镇/河西05村/2026/党组织台账: ",
		"检查完毕（2026年届次）：乡镇 1 个，村（社区）50 个，换届记录 97 条，两委成员 406 人，乡镇班子 1 条，党组织台账 49 条，信访举报 7 件，约谈 7 条；错误 0 个",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "≠") {
		t.Errorf("the balance identity fails on valid data:\n%s", out)
	}
}

func TestCheckMemberErrors(t *testing.T) {
	// Records that only the store could hold wrongly are checked through the functions.
	ms := []data.Member{
		{Township: "甲镇", Village: "一村", Round: 2026, Name: "张三", IDNumber: testID("19800101", 1, false),
			Education: data.EduHigh, Political: data.PolParty, PartyPost: data.PartySecretary, CommitteePost: data.CommitteeDirector, Tenure: data.TenureNew},
		{Township: "甲镇", Village: "一村", Round: 2026, Name: "李四", IDNumber: testID("19800101", 2, false),
			Education: data.EduHigh, Political: data.PolParty, PartyPost: data.PartySecretary, Tenure: data.TenureNew},
		{Township: "甲镇", Village: "一村", Round: 2026, Name: "王五", IDNumber: testID("19800101", 3, true),
			Education: data.EduHigh, Political: data.PolMasses, Tenure: data.TenureNew},
	}
	for i := range ms {
		ms[i].FillFromID()
	}
	l := data.Ledger{
		Townships: []data.Township{{Name: "甲镇"}},
		Villages:  []data.Village{{Township: "甲镇", Name: "一村", Kind: data.KindVillage, Status: data.VillageActive}},
		Members:   ms,
		// The 党组织 elected one but the roster holds two party posts (张三, 李四).
		Elections: []data.Election{{Township: "甲镇", Village: "一村", Round: 2026, Body: data.BodyParty, Status: data.StatusCompleted,
			CompletedOn: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), OneTime: true, Eligible: 50, Participants: 45, Seats: 1, Candidates: 2, Elected: 1}},
	}
	var lines []string
	for _, f := range data.CheckLedger(l, 2026, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)) {
		lines = append(lines, f.String())
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		"错误 甲镇/一村/2026/李四（1302**********", // a second 书记
		"错误 甲镇/一村/2026/王五（1302**********", // no post
		"警告 甲镇/一村/2026/党组织: 当选人数: 党组织当选人数 1 人，两委成员花名册中党组织成员 2 人，两者不一致",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("check lacks %q:\n%s", want, text)
		}
	}
}

// flat removes the spaces pdftotext puts between characters and columns.
func flat(s string) string { return regexp.MustCompile(`\s+`).ReplaceAllString(s, "") }

func TestNewReports(t *testing.T) {
	db, dir := importedFull(t)
	fullIDs := regexp.MustCompile(`130229\d{11}[\dX]`)
	for _, c := range []struct {
		kind, printed string
		texts         []string
	}{
		{"members", "已生成《两委成员花名册》（2026年，45 个村（社区），405 人）",
			[]string{"河西镇村“两委”成员花名册（2026年）", "河西01村", "河甲1", "1302**********", "405", "180", "315", "90", "33.33", "45.6", "第1页共"}},
		{"party", "已生成《村级党组织“四有”情况统计表》（2026年度，党组织 48 个，软弱涣散 3 个）",
			[]string{"河西镇村级党组织“四有”情况统计表（2026年）", "4480", "河西15村", "选派第一书记，整顿班子", "已销号", "规范三会一课，发展集体经济"}},
		{"petitions", "已生成《信访举报受理情况台账》（2026年，7 件，超期 1 件）",
			[]string{"河西镇", "信访举报受理情况台账（2026年）", "XF01", "XF07", "超期", "宗族拉票"}},
		{"talks", "已生成《干部约谈情况统计表》（2026年，7 人次）",
			[]string{"河西镇干部约谈情况统计表（2026年）", "申请约谈", "主动约谈", "下访约谈", "T07", "道路规划"}},
	} {
		t.Run(c.kind, func(t *testing.T) {
			pdf := filepath.Join(dir, c.kind+".pdf")
			out := mustRun(t, "--db", db, "report", c.kind, "--out", pdf, "--date", "2026-12-01")
			if !strings.Contains(out, c.printed) {
				t.Errorf("report printed %q, want %q", out, c.printed)
			}
			text := pdfText(t, pdf)
			for _, w := range c.texts {
				if !strings.Contains(flat(text), flat(w)) {
					t.Errorf("PDF text lacks %q:\n%s", w, text)
				}
			}
			if id := fullIDs.FindString(text); id != "" {
				t.Errorf("PDF shows a full 身份证号 %s", id)
			}
			if strings.Contains(flat(text), "XF08") || strings.Contains(flat(text), "T08") {
				t.Errorf("PDF lists a record of 2025:\n%s", text)
			}
			// The same data and date give the same bytes.
			again := filepath.Join(dir, c.kind+"2.pdf")
			mustRun(t, "--db", db, "report", c.kind, "--out", again, "--date", "2026-12-01", "--township", "河西镇")
			a, _ := os.ReadFile(pdf)
			b, _ := os.ReadFile(again)
			if !bytes.Equal(a, b) {
				t.Error("two reports of the same data and date differ")
			}
		})
	}
	// Only the overdue complaint is marked 超期: XF05, not XF06 on its deadline day.
	for _, line := range strings.Split(pdfText(t, filepath.Join(dir, "petitions.pdf")), "\n") {
		for no, want := range map[string]bool{"XF05": true, "XF06": false, "XF07": false, "XF01": false} {
			if strings.Contains(line, no) && strings.Contains(line, "超期") != want {
				t.Errorf("row %s marked 超期 = %v, want %v: %q", no, !want, want, line)
			}
		}
	}
}
