package exchange

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

var (
	memberHeader = []any{"乡镇", "村名", "届次", "姓名", "身份证号", "性别", "出生日期", "民族", "学历", "政治面貌",
		"党组织职务", "村委会职务", "新任或连任", "身份标签", "联系电话"}
	partyHeader = []any{"乡镇", "村名", "年度", "党组织类型", "党员数", "女党员数", "预备党员数", "年度发展党员数",
		"有班子", "有场所", "场所面积", "有活动", "年度活动次数", "有收入", "集体经济收入", "软弱涣散", "整顿措施", "整顿进展", "整顿结果"}
	leadershipHeader = []any{"乡镇", "届次", "党委班子成员数", "政府班子成员数", "交叉任职数"}
	complaintHeader  = []any{"编号", "受理日期", "渠道", "乡镇", "村名", "反映人", "被反映人", "类别", "内容摘要", "承办人", "办结时限", "办理结果", "处理情况", "回复日期", "延期至", "延期原因"}
	talkHeader       = []any{"编号", "乡镇", "日期", "约谈方式", "约谈人", "被约谈人", "单位", "职务", "类别", "事由", "处理情况"}
)

// idWeights and idChecks are GB 11643's, to generate valid ID numbers for the fixtures.
var (
	idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	idChecks  = "10X98765432"
)

// makeID builds a valid 身份证号 of 平原县 (371426) for the birth date and gender.
func makeID(birth time.Time, seq int, female bool) string {
	seq %= 1000
	if female {
		seq &^= 1
	} else {
		seq |= 1
	}
	body := fmt.Sprintf("371426%s%03d", birth.Format("20060102"), seq)
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(body[i]-'0') * idWeights[i]
	}
	return body + string(idChecks[sum%11])
}

var givenNames = []string{"镕", "堃", "赟", "喆", "昇", "珺", "玥", "彧", "建国", "秀英", "志强"}

// ledgerFixture is goodTownship plus the five sheets of issues 3–5, with the figures counted
// by hand from the rules that generate it.
type ledgerFixture struct {
	fixture
	member, party, leadership, complaint, talk sheetData
}

func (fx ledgerFixture) sheets() []sheetData {
	return append(fx.fixture.sheets(), fx.member, fx.party, fx.leadership, fx.complaint, fx.talk)
}

// records is how many records the fixture's workbook holds.
func (fx ledgerFixture) records() int {
	n := 0
	for _, s := range fx.sheets() {
		n += len(s.rows) - 1
	}
	return n
}

// goodLedger builds a township of n villages with 8 members each in round 2026 (member j
// of village i is on spreadsheet row 2+8i+j):
//
//	j  party   committee          political  gender
//	0  书记    主任 (even i) / —   中共党员    男
//	1  副书记  委员               中共党员    男
//	2  委员    —                  中共党员    女
//	3  —       主任 (odd i) / 副主任 群众   男
//	4  —       委员               群众       女
//	5  委员    委员               中共党员    男
//	6  —       委员               预备党员    男
//	7  委员    —                  中共党员    男
//
// so with n = 50: 400 members, 250 with a party post, 275 with a committee post, 125 in
// both, 25 一肩挑, 100 women, 200 with 大专 or more. Every village has one party ledger row
// (villages 3 and 7 软弱涣散, 7 已销号), the township two leadership rows, 12 complaints and
// 20 talks; nothing in it warrants a warning.
func goodLedger(n int) ledgerFixture {
	fx := ledgerFixture{fixture: goodTownship(n)}
	fx.member = sheetData{"两委成员", [][]any{memberHeader}}
	fx.party = sheetData{"党组织", [][]any{partyHeader}}
	for i := 0; i < n; i++ {
		name := villageName(i)
		for j := 0; j < 8; j++ {
			k := i*8 + j
			female := j == 2 || j == 4
			birth := time.Date(1960+k%45, time.Month(1+j), 1+i%28, 0, 0, 0, 0, time.UTC)
			if k == 13 {
				birth = time.Date(1972, 2, 29, 0, 0, 0, 0, time.UTC)
			}
			party, committee, political := "—", "—", "中共党员"
			switch j {
			case 0:
				party = "书记"
				if i%2 == 0 {
					committee = "主任"
				}
			case 1:
				party, committee = "副书记", "委员"
			case 2:
				party = "委员"
			case 3:
				committee, political = "副主任", "群众"
				if i%2 == 1 {
					committee = "主任"
				}
			case 4:
				committee, political = "委员", "群众"
			case 5:
				party, committee = "委员", "委员"
			case 6:
				committee, political = "委员", "预备党员"
			case 7:
				party = "委员"
			}
			var gender, born any // given on even rows, taken from the ID on odd ones
			if j%2 == 0 {
				gender, born = "男", birth.Format("2006-01-02")
				if female {
					gender = "女"
				}
			}
			tenure := "连任"
			if j%3 == 0 {
				tenure = "新任"
			}
			var tags any
			switch j {
			case 3:
				tags = "致富能手"
			case 6:
				tags = "退役军人、大学生村官"
			}
			fx.member.rows = append(fx.member.rows, []any{"城关镇", name, 2026,
				surnames[k%10] + givenNames[k%len(givenNames)], makeID(birth, k, female), gender, born, "汉族",
				string(data.Educations[(i+j)%4]), political, party, committee, tenure, tags, fmt.Sprintf("1380534%04d", k)})
		}
		typ := "党支部"
		if i%10 == 0 {
			typ = "党总支"
		}
		area, income := 120.5, 3.0
		if i%2 == 1 {
			area, income = 200, 12.5
		}
		weak, measures, progress, result := "否", "", "", ""
		switch i {
		case 3:
			weak, measures, progress, result = "是", "选派第一书记，建强班子", "已调整班子成员2名", "整顿中"
		case 7:
			weak, measures, progress, result = "是", "县级领导包联，集中整顿", "已完成整顿", "已销号"
		}
		fx.party.rows = append(fx.party.rows, []any{"城关镇", name, 2026, typ, 30 + i, 8 + i%5, i % 3, 1 + i%2,
			"是", "是", area, "是", 12, "是", income, weak, measures, progress, result})
	}
	fx.leadership = sheetData{"乡镇班子", [][]any{leadershipHeader, {"城关镇", 2026, 9, 4, 2}, {"城关镇", 2021, 9, 5, 3}}}
	fx.complaint = sheetData{"信访举报", [][]any{complaintHeader}}
	for k := 0; k < 12; k++ {
		received := time.Date(2026, 3, 1+k, 0, 0, 0, 0, time.UTC)
		var village, replied any
		if k%3 != 2 {
			village = villageName(k % n)
		}
		complainant := "李某"
		if k%4 == 0 {
			complainant = "匿名"
		}
		result := data.ComplaintResults[k%4]
		deadline := received.AddDate(0, 0, 30).Format("2006/1/2")
		if result == data.ResPending {
			deadline = "2026-07-31" // still open on today, not overdue
		} else {
			replied = received.AddDate(0, 0, 20).Format("2006-01-02")
		}
		fx.complaint.rows = append(fx.complaint.rows, []any{fmt.Sprintf("2026-%03d", k+1), received.Format("2006-01-02"),
			string(data.Channels[k%6]), "城关镇", village, complainant, "赵某", string(data.ComplaintCategories[k%4]),
			"反映换届中存在问题", "王珺", deadline, string(result), "已调查核实", replied})
	}
	fx.talk = sheetData{"约谈", [][]any{talkHeader}}
	for k := 0; k < 20; k++ {
		fx.talk.rows = append(fx.talk.rows, []any{fmt.Sprintf("YT%02d", k+1), "城关镇", fmt.Sprintf("2026年2月%d日", 1+k),
			string(data.TalkModes[k%3]), "县委组织部", "张" + givenNames[k%len(givenNames)], villageName(k) + "党支部", "书记",
			string(data.TalkCategories[k%3]), "换届工作", "已谈话提醒"})
	}
	return fx
}

func TestImportGoodLedger(t *testing.T) {
	st := openStore(t)
	fx := goodLedger(50)
	path := writeXLSX(t, t.TempDir(), "城关镇.xlsx", fx.sheets()...)

	p, res, err := Import(ctx, st, path, "", today)
	if err != nil {
		t.Fatalf("Import: %v\n%v", err, p.Issues)
	}
	if len(p.Issues) != 0 {
		t.Errorf("issues on a good file: %v", p.Issues)
	}
	wantRows := map[string]int{"乡镇": 1, "村庄": 50, "换届": 100, "两委成员": 400, "党组织": 50, "乡镇班子": 2, "信访举报": 12, "约谈": 20}
	if !reflect.DeepEqual(p.Rows, wantRows) {
		t.Errorf("Rows = %v, want %v", p.Rows, wantRows)
	}
	if got, want := res, (data.ImportResult{Inserted: 635}); got != want || fx.records() != 635 {
		t.Errorf("first import = %+v, want %+v (fixture has %d)", got, want, fx.records())
	}

	l, err := st.Ledger(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := counts(l), []int{1, 50, 100, 400, 1, 50, 12, 20}; !reflect.DeepEqual(got, want) {
		t.Errorf("ledger of 2026 counts %v, want %v", got, want)
	}
	s := data.ComputeStats(l, 2026, today)
	for _, c := range []struct {
		name      string
		got, want int
	}{
		// Only posts on bodies whose election is 已完成 count: the 党组织 of villages 24 and 49
		// is still electing, the 村委会 of 9, 19, 29, 39 and 49 failed. So 2 party-only
		// members of 24, all 8 of 49 and the 3 committee-only ones of each of 9…39 drop out:
		// 400 − 22 = 378; party posts 250 − 10; committee posts 275 − 25; cross 125 − 13;
		// 一肩挑 25 − 1 (village 24).
		{"members", s.Members.Total, 378},
		{"party posts", s.Members.Party, 240},
		{"committee posts", s.Members.Committee, 250},
		{"cross", s.Members.Cross, 112},
		{"一肩挑", s.Members.DualHead, 24},
		{"一肩挑 base: the due villages", s.Members.DualHeadBase, 50},
		{"women", s.Members.Women, 93},
		{"college", s.Members.College, 188},
		{"党委班子", s.Leadership.PartyCommittee, 9},
		{"政府班子", s.Leadership.Government, 4},
		{"班子交叉", s.Leadership.Cross, 2},
		{"party orgs", s.Party.Orgs, 50},
		{"四有", s.Party.FourHaves, 50},
		{"软弱涣散", s.Party.Weak, 2},
		{"已销号", s.Party.WeakRectified, 1},
		{"complaints", s.Petitions.Total, 12},
		{"talks", s.Talks.Total, 20},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}

	// Gender and birth date were taken from the ID where the row left them out, the 29
	// February birth included; tags were split.
	ms, err := st.Members(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]data.Member{}
	for _, m := range ms {
		byID[m.IDNumber] = m
	}
	m13 := byID[fx.member.rows[14][4].(string)]
	if want := time.Date(1972, 2, 29, 0, 0, 0, 0, time.UTC); !m13.Birth.Equal(want) || m13.Gender != data.Male {
		t.Errorf("member of row 15 = %+v, want born %v, 男", m13, want)
	}
	m6 := byID[fx.member.rows[7][4].(string)]
	if want := []string{"退役军人", "大学生村官"}; !reflect.DeepEqual(m6.Tags, want) || m6.Political != data.PolProbationary {
		t.Errorf("member of row 8 = %+v, want tags %v", m6, want)
	}

	// The same file again changes nothing.
	before := snapshot(t, st)
	_, res, err = Import(ctx, st, path, "", today)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res, (data.ImportResult{Unchanged: 635}); got != want {
		t.Errorf("second import = %+v, want %+v", got, want)
	}
	sameBatch(t, snapshot(t, st), before)
}

func TestBadLedgers(t *testing.T) {
	type loc struct {
		sheet  string
		row    int
		column string
		msg    string // part of the message
	}
	cases := []struct {
		name string
		edit func(fx *ledgerFixture)
		want []loc
	}{
		{"wrong check digit", func(fx *ledgerFixture) {
			row := fx.member.rows[8] // spreadsheet row 9
			id := row[4].(string)
			row[4] = id[:17] + string(idChecks[(strings.IndexByte(idChecks, id[17])+1)%11])
		}, []loc{{"两委成员", 9, "身份证号", "校验位"}}},
		{"17 years old", func(fx *ledgerFixture) {
			// Village 1, j = 4 (row 14), born 2008-06-01: 17 on 1 January 2026. A member
			// without a unique post, so the database's row of the person replaced stays
			// without conflict.
			birth := time.Date(2008, 6, 1, 0, 0, 0, 0, time.UTC)
			fx.member.rows[13][4] = makeID(birth, 1, true)
			fx.member.rows[13][6] = nil
		}, []loc{{"两委成员", 14, "身份证号", "未满18周岁"}}},
		{"two 书记 in one village", func(fx *ledgerFixture) {
			fx.member.rows[11][10] = "书记" // village 1, j = 2: row 12, after its 书记 on row 10
		}, []loc{{"两委成员", 12, "党组织职务", "只能有一名书记"}}},
		{"two 主任 in one village", func(fx *ledgerFixture) {
			fx.member.rows[21][11] = "主任" // village 2, j = 4: row 22, after its 主任 on row 18
		}, []loc{{"两委成员", 22, "村委会职务", "只能有一名主任"}}},
		{"party post held by 群众", func(fx *ledgerFixture) {
			fx.member.rows[4][10] = "委员" // village 0, j = 3: row 5
		}, []loc{{"两委成员", 5, "党组织职务", "中共党员"}}},
		{"no post", func(fx *ledgerFixture) {
			fx.member.rows[3][10] = "无" // village 0, j = 2 has only a party post: row 4
		}, []loc{{"两委成员", 4, "党组织职务", "至少应有一项"}}},
		{"gender against ID", func(fx *ledgerFixture) {
			fx.member.rows[5][5] = "男" // village 0, j = 4 is a woman: row 6
		}, []loc{{"两委成员", 6, "性别", "与身份证号不符"}}},
		{"member of an unknown village", func(fx *ledgerFixture) {
			fx.member.rows[30][1] = "不存在村"
		}, []loc{{"两委成员", 31, "村名", "不存在村"}}},
		{"member twice", func(fx *ledgerFixture) {
			dup := append([]any(nil), fx.member.rows[2]...)
			dup[4] = strings.ToLower(dup[4].(string)) // the same ID: case does not matter
			fx.member.rows = append(fx.member.rows, dup)
		}, []loc{{"两委成员", 82, "身份证号", "与第3行重复"}}},
		{"ID stored as a number", func(fx *ledgerFixture) {
			fx.member.rows[6][4] = "3.71426199001011E+17"
		}, []loc{{"两委成员", 7, "身份证号", "文本"}}},
		{"女党员 more than 党员", func(fx *ledgerFixture) {
			fx.party.rows[4][5] = 40 // 党员数 33
		}, []loc{{"党组织", 5, "女党员数", "不能多于党员数"}}},
		{"有场所 without area", func(fx *ledgerFixture) {
			fx.party.rows[2][10] = nil
		}, []loc{{"党组织", 3, "场所面积", "场所面积"}}},
		{"bad amount", func(fx *ledgerFixture) {
			fx.party.rows[6][14] = "三万"
		}, []loc{{"党组织", 7, "集体经济收入", "不是数值"}}},
		{"party org of an unknown village", func(fx *ledgerFixture) {
			fx.party.rows[9][1] = "不存在村"
		}, []loc{{"党组织", 10, "村名", "不存在村"}}},
		{"bad year", func(fx *ledgerFixture) {
			fx.party.rows[1][2] = "二〇二六"
		}, []loc{{"党组织", 2, "年度", "年度"}}},
		{"交叉 more than min", func(fx *ledgerFixture) {
			fx.leadership.rows[2][4] = 6 // 9 and 5
		}, []loc{{"乡镇班子", 3, "交叉任职数", "不能多于"}}},
		{"leadership twice", func(fx *ledgerFixture) {
			fx.leadership.rows = append(fx.leadership.rows, []any{"城关镇", "2026年", 8, 4, 1})
		}, []loc{{"乡镇班子", 4, "届次", "与第2行重复"}}},
		{"回复日期 before 受理日期", func(fx *ledgerFixture) {
			fx.complaint.rows[2][13] = "2026-02-28" // received 2026-03-02
		}, []loc{{"信访举报", 3, "回复日期", "早于受理日期"}}},
		{"complaint of an unknown village", func(fx *ledgerFixture) {
			fx.complaint.rows[4][4] = "不存在村"
		}, []loc{{"信访举报", 5, "村名", "不存在村"}}},
		{"complaint number twice", func(fx *ledgerFixture) {
			fx.complaint.rows[6][0] = fx.complaint.rows[1][0]
		}, []loc{{"信访举报", 7, "编号", "与第2行重复"}}},
		{"unknown channel", func(fx *ledgerFixture) {
			fx.complaint.rows[8][2] = "飞鸽传书"
		}, []loc{{"信访举报", 9, "渠道", "飞鸽传书"}}},
		{"talk without 被约谈人", func(fx *ledgerFixture) {
			fx.talk.rows[5][5] = nil
		}, []loc{{"约谈", 6, "被约谈人", "被约谈人"}}},
		{"talk number twice", func(fx *ledgerFixture) {
			fx.talk.rows[3][0] = fx.talk.rows[2][0]
		}, []loc{{"约谈", 4, "编号", "与第3行重复"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			// The good ledger first, so "unchanged" means something.
			seed := writeXLSX(t, t.TempDir(), "seed.xlsx", goodLedger(10).sheets()...)
			if p, _, err := Import(ctx, st, seed, "", today); err != nil {
				t.Fatalf("seed: %v %v", err, p.Issues)
			}
			before := snapshot(t, st)
			fx := goodLedger(10)
			c.edit(&fx)
			path := writeXLSX(t, t.TempDir(), "城关镇.xlsx", fx.sheets()...)

			p, res, err := Import(ctx, st, path, "", today)
			if !errors.Is(err, ErrRejected) {
				t.Fatalf("err = %v, want ErrRejected; issues %v", err, p.Issues)
			}
			if res != (data.ImportResult{}) {
				t.Errorf("result = %+v, want zero", res)
			}
			for _, w := range c.want {
				i, ok := findIssue(p.Issues, w.sheet, w.row, w.column)
				if !ok {
					t.Errorf("no issue at %s:%d:%s; got:\n%v", w.sheet, w.row, w.column, p.Issues)
					continue
				}
				if !strings.Contains(i.Message, w.msg) {
					t.Errorf("issue %q does not contain %q", i, w.msg)
				}
				if want := "城关镇.xlsx:" + w.sheet + ":" + fmt.Sprint(w.row) + ":" + w.column + ": "; !strings.HasPrefix(i.String(), want) {
					t.Errorf("issue %q, want it to start with %q", i, want)
				}
			}
			if got := len(p.Issues.Errors()); got != len(c.want) {
				t.Errorf("%d errors, want %d: %v", got, len(c.want), p.Issues)
			}
			sameBatch(t, snapshot(t, st), before)
		})
	}
}

// TestMembersAgainstStore checks the cross-record rules over the file and the database: a
// second 书记 in a file of its own is refused on its row, a file row replaces the database
// row of the same person, and a village's warnings land on its first row in the file.
func TestMembersAgainstStore(t *testing.T) {
	st := openStore(t)
	fx := goodLedger(3)
	seed := writeXLSX(t, t.TempDir(), "seed.xlsx", fx.sheets()...)
	if p, _, err := Import(ctx, st, seed, "", today); err != nil {
		t.Fatalf("seed: %v %v", err, p.Issues)
	}
	dir := t.TempDir()
	header := fx.member.rows[0]
	secretary, deputy := fx.member.rows[1], fx.member.rows[2] // village 0: 书记 (and 主任), 副书记

	// Village 0's 副书记 as a second 书记: refused on the file's row 2.
	promoted := append([]any(nil), deputy...)
	promoted[10] = "书记"
	path := writeXLSX(t, dir, "两委成员.xlsx", sheetData{"两委成员", [][]any{header, promoted}})
	p, _, err := Import(ctx, st, path, "", today)
	if !errors.Is(err, ErrRejected) {
		t.Fatalf("err = %v, want ErrRejected; issues %v", err, p.Issues)
	}
	if i, ok := findIssue(p.Issues, "两委成员", 2, "党组织职务"); !ok || !strings.Contains(i.Message, "只能有一名书记") {
		t.Errorf("issues %v, want the second 书记 on row 2", p.Issues)
	}

	// The same file, with the old 书记 stepping down to 委员 (same ID, so it replaces the
	// database row): accepted, with the 主任 of the old 书记 gone a warning on row 2.
	stepped := append([]any(nil), secretary...)
	stepped[10], stepped[11] = "委员", "—"
	path = writeXLSX(t, dir, "两委成员2.xlsx", sheetData{"两委成员", [][]any{header, promoted, stepped}})
	p, res, err := Import(ctx, st, path, "", today)
	if err != nil {
		t.Fatalf("err = %v; issues %v", err, p.Issues)
	}
	if res.Updated != 2 {
		t.Errorf("result %+v, want 2 updated", res)
	}
	w, ok := findIssue(p.Issues, "两委成员", 2, "村委会职务")
	if !ok || w.Level != data.LevelWarning || !strings.Contains(w.Message, "没有村委会主任") || len(p.Issues) != 1 {
		t.Errorf("issues %v, want one warning: no 主任 on row 2", p.Issues)
	}
}

func TestWarningsOfNewSheets(t *testing.T) {
	st := openStore(t)
	fx := goodLedger(4)
	fx.party.rows[1][13], fx.party.rows[1][14] = "否", nil // village 0: no income, 四有 not met
	fx.party.rows[2][15] = "是"                            // village 1: weak, no measures
	fx.complaint.rows[1][10] = "2026-04-30"               // 办理中 past its deadline on today
	// Village 3 without its woman committee member (j = 4, row 30).
	fx.member.rows = append(fx.member.rows[:29], fx.member.rows[30:]...)
	path := writeXLSX(t, t.TempDir(), "城关镇.xlsx", fx.sheets()...)

	p, _, err := Import(ctx, st, path, "", today)
	if err != nil {
		t.Fatalf("Import: %v %v", err, p.Issues)
	}
	for _, w := range []struct {
		sheet  string
		row    int
		column string
	}{{"党组织", 2, "有收入"}, {"党组织", 3, "整顿措施"}, {"信访举报", 2, "办结时限"}, {"两委成员", 26, "性别"}} {
		i, ok := findIssue(p.Issues, w.sheet, w.row, w.column)
		if !ok || i.Level != data.LevelWarning {
			t.Errorf("no warning at %s:%d:%s in %v", w.sheet, w.row, w.column, p.Issues)
		}
	}
	if got := len(p.Issues); got != 4 {
		t.Errorf("%d issues, want 4: %v", got, p.Issues)
	}
}
