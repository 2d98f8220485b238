package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// idNumber makes a GB 11643 身份证号 of region 371602, the given birth date and sequence
// (odd for men, even for women), with its check digit.
func idNumber(birth time.Time, seq int) string {
	body := fmt.Sprintf("371602%s%03d", birth.Format("20060102"), seq%1000)
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(body[i]-'0') * w
	}
	return body + string("10X98765432"[sum%11])
}

func birthday(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// member is a member of 城关镇 in round 2026.
func member(village, name string, g data.Gender, birth time.Time, seq int, pp data.PartyPost, cp data.CommitteePost) data.Member {
	pol := data.PolMasses
	if pp != data.PartyNone {
		pol = data.PolParty
	}
	return data.Member{
		Township: "城关镇", Village: village, Round: 2026, Name: name, IDNumber: idNumber(birth, seq),
		Gender: g, Birth: birth, Ethnicity: "汉族", Education: data.EduHigh, Political: pol,
		PartyPost: pp, CommitteePost: cp, Tenure: data.TenureReelected, Phone: fmt.Sprintf("139%08d", seq),
	}
}

// rosterReport is a hand-made roster of two villages and seven members whose figures the
// comments count:
//
//	东关村: 王镕 书记+主任 (一肩挑), 李堃 副书记, 赵赟 委员+委员 (woman), 孙喆 村委会委员
//	西关村: 周昇 书记, 吴珺 主任 (woman), 郑玥彧 村委会委员
//
// total 7; party posts 王镕 李堃 赵赟 周昇 = 4; committee posts 王镕 赵赟 孙喆 吴珺 郑玥彧 = 5;
// cross 王镕 赵赟 = 2 (4+5−2 = 7); 一肩挑 1 of the 2 due villages; women 2. 书记 王镕 (50, 大专)
// and 周昇 (45); 主任 王镕 and 吴珺 (37, woman).
func rosterReport() data.MembersReport {
	ms := []data.Member{
		member("东关村", "王镕", data.Male, birthday(1975, 3, 8), 11, data.PartySecretary, data.CommitteeDirector),
		member("东关村", "李堃", data.Male, birthday(1992, 1, 1), 13, data.PartyDeputy, data.CommitteeNone),
		member("东关村", "赵赟", data.Female, birthday(1966, 1, 2), 22, data.PartyMember, data.CommitteeMember),
		member("东关村", "孙喆", data.Male, birthday(1998, 12, 31), 15, data.PartyNone, data.CommitteeMember),
		member("西关村", "周昇", data.Male, birthday(1980, 2, 29), 17, data.PartySecretary, data.CommitteeNone),
		member("西关村", "吴珺", data.Female, birthday(1988, 6, 30), 24, data.PartyNone, data.CommitteeDirector),
		member("西关村", "郑玥彧", data.Male, birthday(1958, 10, 1), 19, data.PartyNone, data.CommitteeMember),
	}
	ms[0].Tags = []string{"致富能手", "退役军人"}
	ms[0].Education = data.EduCollege
	ms[3].Tags = []string{"大学生村官"}
	ms[3].Education = data.EduBachelor
	ms[3].Tenure = data.TenureNew
	ms[5].Tenure = data.TenureNew
	ms[5].Political = data.PolParty
	ms[6].Ethnicity = "回族"
	return data.MembersReport{
		Round: 2026, Township: "城关镇",
		Villages: []data.VillageMembers{
			{Township: "城关镇", Village: "东关村", Members: ms[:4]},
			{Township: "城关镇", Village: "西关村", Members: ms[4:]},
		},
		// Ages on 2026-01-01: 50, 34, 59, 27, 45, 37, 67 → 319/7 = 45.6; under 35: 李堃 孙喆;
		// 60+: 郑玥彧; 大专及以上: 王镕 孙喆; 党员 in the 村委会: 王镕 赵赟 吴珺; 新任: 孙喆 吴珺.
		Stats: data.MemberStats{
			Total: 7, Party: 4, Committee: 5, Cross: 2, DualHead: 1, DualHeadBase: 2, DualHeadRate: 50, Women: 2, AvgAge: 45.6,
			Under35: 2, Age60Plus: 1, College: 2, CommitteeParty: 3, New: 2,
		},
		Secretaries: data.HeadStats{Count: 2, AvgAge: 47.5, College: 1},
		Directors:   data.HeadStats{Count: 2, Women: 1, AvgAge: 43.5, College: 1},
	}
}

// renderMembers writes the roster PDF and fails the test on error.
func renderMembers(t testing.TB, r data.MembersReport, m Meta) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteMembers(&buf, r, m); err != nil {
		t.Fatalf("WriteMembers: %v", err)
	}
	return buf.Bytes()
}

// fullID matches an unmasked 身份证号.
var fullID = regexp.MustCompile(`\d{17}[\dX]`)

func TestWriteMembersContent(t *testing.T) {
	r := rosterReport()
	pages := pdfPages(t, renderMembers(t, r, testMeta))
	// The roster and its figures on the first page; the 书记/主任 table and the signatures turn it.
	if len(pages) != 2 {
		t.Fatalf("got %d pages, want 2", len(pages))
	}
	text := strings.Join(pages, "\f")
	wang := r.Villages[0].Members[0].IDNumber
	for _, want := range []string{
		"城关镇村“两委”成员花名册（2026年）",
		"填报单位（盖章）：城关镇", "共2个村（社区）、7人",
		"序号 姓名 性别 年龄 民族 学历 政治面貌",
		"东关村（4人）", "西关村（3人）",
		// 序号 姓名 性别 年龄 民族 学历 政治面貌 党组织职务 村委会职务 新任或连任 身份标签 身份证号 联系电话
		"1 王镕 男 50 汉族 大专 中共党员 书记 主任 连任 致富能手、退役军人 " + wang[:4] + "**********" + wang[14:] + " 13900000011",
		"2 李堃 男 34 汉族 高中中专 中共党员 副书记 — 连任",
		"3 赵赟 女 59 ",
		"4 孙喆 男 27 汉族 本科及以上 群众 — 委员 新任 大学生村官",
		"5 周昇 男 45 ", "6 吴珺 女 37 ", "7 郑玥彧 男 67 回族",
		"班子结构情况", "项目 数值 占比% 说明",
		"两委成员总数 7 党组织成员＋村委会成员－交叉任职",
		"党组织成员 4 57.14 占两委成员总数",
		"村委会成员 5 71.43 占两委成员总数",
		"交叉任职 2 28.57 占两委成员总数",
		"书记、主任“一肩挑”村数 1 50.00 占应换届的2个村（社区）",
		"女性成员 2 28.57",
		"平均年龄（岁） 45.6 按2026年1月1日计算周岁",
		"35岁及以下 2 28.57", "60岁及以上 1 14.29", "大专及以上学历 2 28.57",
		"村委会成员中的党员 3 60.00 占村委会成员",
		"新任成员 2 28.57",
		"大学生村官 1 14.29", "退役军人 1 14.29", "致富能手 1 14.29", "返乡大中专毕业生 0 0.00",
		"村党组织书记 2 0 0.00 47.5 0 0 1 50.00", "村（居）委会主任 2 1 50.00 43.5 0 0 1 50.00",
		"负责人：张卫国", "填报日期：2026年11月25日", "第 1 页 共 2 页", "第 2 页 共 2 页",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

func TestWriteMembersMasksIDs(t *testing.T) {
	r := rosterReport()
	// An ID ending in X, and an ID with a typing error that is not a valid number at all.
	r.Villages[1].Members[0].IDNumber = idNumber(birthday(1980, 2, 29), 17)
	for seq := 17; !strings.HasSuffix(r.Villages[1].Members[0].IDNumber, "X"); seq += 2 {
		r.Villages[1].Members[0].IDNumber = idNumber(birthday(1980, 2, 29), seq)
	}
	r.Villages[1].Members[1].IDNumber = "37160219880630002"
	text := strings.Join(pdfPages(t, renderMembers(t, r, testMeta)), "\f")
	for _, v := range r.Villages {
		for _, m := range v.Members {
			id := m.IDNumber
			if strings.Contains(text, id) {
				t.Errorf("the full 身份证号 %s of %s is in the PDF", id, m.Name)
			}
			if len(id) == 18 {
				if masked := id[:4] + "**********" + id[14:]; !strings.Contains(text, masked) {
					t.Errorf("PDF text lacks the masked %s of %s", masked, m.Name)
				}
			}
			if middle := id[4:14]; strings.Contains(text, middle) {
				t.Errorf("the middle %s of %s's 身份证号 is in the PDF", middle, m.Name)
			}
		}
	}
	if got := fullID.FindString(text); got != "" {
		t.Errorf("an unmasked 身份证号 %s is in the PDF", got)
	}
}

// bigRoster is a roster of n members, 8 per village, for page breaks and benchmarks.
func bigRoster(n int) data.MembersReport {
	r := data.MembersReport{Round: 2026, Township: "城关镇"}
	var v *data.VillageMembers
	for i := range n {
		if i%8 == 0 {
			r.Villages = append(r.Villages, data.VillageMembers{Township: "城关镇", Village: fmt.Sprintf("试验%03d村", i/8+1)})
			v = &r.Villages[len(r.Villages)-1]
		}
		pp, cp := data.PartyMember, data.CommitteeMember
		switch i % 8 {
		case 0:
			pp, cp = data.PartySecretary, data.CommitteeDirector
		case 1, 2:
			cp = data.CommitteeNone
		case 3, 4:
			pp = data.PartyNone
		}
		g := data.Male
		if i%3 == 0 {
			g = data.Female
		}
		m := member(v.Village, fmt.Sprintf("成员%05d", i+1), g, birthday(1960+i%40, 1+i%12, 1+i%28), i, pp, cp)
		m.Village = v.Village
		if i%5 == 0 {
			m.Tags = []string{"返乡大中专毕业生", "外出务工经商返乡人员", "专业合作组织负责人"}
		}
		v.Members = append(v.Members, m)
		r.Stats.Total++
	}
	return r
}

func TestWriteMembersPages(t *testing.T) {
	r := bigRoster(400)
	pages := pdfPages(t, renderMembers(t, r, testMeta))
	if len(pages) < 10 {
		t.Fatalf("got %d pages for 400 members, want at least 10", len(pages))
	}
	seen := map[string]int{}
	name := regexp.MustCompile(`成员\d{5}`)
	for i, p := range pages {
		footer := fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(pages))
		if !strings.Contains(p, footer) {
			t.Errorf("page %d lacks %q", i+1, footer)
		}
		names := name.FindAllString(p, -1)
		if len(names) > 0 && !strings.Contains(p, "序号 姓名 性别 年龄 民族 学历 政治面貌") {
			t.Errorf("page %d has members but no header:\n%s", i+1, p)
		}
		// Every page of rows names the village its first row belongs to.
		if len(names) > 0 && !regexp.MustCompile(`试验\d{3}村（(续|\d+人)）`).MatchString(p) {
			t.Errorf("page %d has members but no village band:\n%s", i+1, p)
		}
		for _, n := range names {
			seen[n]++
		}
		if got := fullID.FindString(p); got != "" {
			t.Errorf("page %d shows an unmasked 身份证号 %s", i+1, got)
		}
	}
	if len(seen) != 400 {
		t.Errorf("%d members in the PDF, want 400", len(seen))
	}
	for n, c := range seen {
		if c != 1 {
			t.Errorf("%s appears %d times, want once", n, c)
		}
	}
	// The figures end the roster: on its last two pages (the 书记/主任 table may turn the page).
	tail := strings.Join(pages[max(len(pages)-2, 0):], "\f")
	for _, want := range []string{"班子结构情况", "两委成员总数 400", "村党组织书记", "负责人：张卫国"} {
		if !strings.Contains(tail, want) {
			t.Errorf("the last pages lack %q:\n%s", want, tail)
		}
	}
}

// TestWriteMembersVillageBand: a village that continues onto the next page repeats its
// band marked （续）, and a band is never the last line of a page.
func TestWriteMembersVillageBand(t *testing.T) {
	r := bigRoster(8)
	r.Villages[0].Members = nil
	for i := range 60 {
		m := member("东关村", fmt.Sprintf("成员%05d", i+1), data.Male, birthday(1980, 1, 1), i, data.PartyMember, data.CommitteeNone)
		r.Villages[0].Members = append(r.Villages[0].Members, m)
	}
	r.Villages[0].Village = "东关村"
	pages := pdfPages(t, renderMembers(t, r, testMeta))
	if len(pages) < 2 {
		t.Fatalf("got %d pages, want the village to run over a page break", len(pages))
	}
	if !strings.Contains(pages[0], "东关村（60人）") {
		t.Errorf("page 1 lacks the band 东关村（60人）:\n%s", pages[0])
	}
	if !strings.Contains(pages[1], "东关村（60人）（续）") {
		t.Errorf("page 2 lacks the repeated band 东关村（60人）（续）:\n%s", pages[1])
	}
	for i, p := range pages {
		lines := strings.Split(strings.TrimSpace(p), "\n")
		for j := len(lines) - 1; j > 0; j-- {
			l := strings.TrimSpace(lines[j])
			if l == "" || strings.HasPrefix(l, "第 ") {
				continue
			}
			if regexp.MustCompile(`村（\d+人）$`).MatchString(l) {
				t.Errorf("page %d ends with the band %q", i+1, l)
			}
			break
		}
	}
}

func TestWriteMembersAllTownships(t *testing.T) {
	r := rosterReport()
	r.Township = ""
	r.Villages[1].Township = "河西乡"
	text := pdfPages(t, renderMembers(t, r, Meta{Unit: "县委组织部"}))[0]
	for _, want := range []string{"县委组织部村“两委”成员花名册（2026年）", "城关镇 东关村（4人）", "河西乡 西关村（3人）"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

func TestWriteMembersRareCharacters(t *testing.T) {
	r := rosterReport()
	vs := r.Villages
	vs[0].Members[3].Name = "王\U00020000明"
	vs[1].Members[2].Name = "陈玥😀"
	text := strings.Join(pdfPages(t, renderMembers(t, r, testMeta)), "\f")
	for _, want := range []string{"王镕", "李堃", "赵赟", "周昇", "吴珺", "王□明", "陈玥□"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

func TestWriteMembersEmpty(t *testing.T) {
	tests := []struct {
		name string
		r    data.MembersReport
	}{
		{"no villages", data.MembersReport{Round: 2026}},
		{"villages without members", data.MembersReport{Round: 2026, Villages: []data.VillageMembers{{Township: "河西乡", Village: "东关村"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages := pdfPages(t, renderMembers(t, tc.r, Meta{Unit: "河西乡"}))
			if len(pages) != 1 {
				t.Fatalf("got %d pages, want 1", len(pages))
			}
			text := pages[0]
			for _, want := range []string{"河西乡村“两委”成员花名册（2026年）", "暂无数据", "填报日期：年 月 日", "第 1 页 共 1 页"} {
				if !strings.Contains(text, want) {
					t.Errorf("PDF text lacks %q; got:\n%s", want, text)
				}
			}
			for _, bad := range []string{"班子结构情况", "东关村"} {
				if strings.Contains(text, bad) {
					t.Errorf("an empty roster shows %q:\n%s", bad, text)
				}
			}
		})
	}
}

func TestMembersTitle(t *testing.T) {
	tests := []struct {
		name     string
		township string
		unit     string
		round    int
		want     string
	}{
		{"township of the report", "城关镇", "县委组织部", 2026, "城关镇村“两委”成员花名册（2026年）"},
		{"unit when all townships", "", "河西乡", 2021, "河西乡村“两委”成员花名册（2021年）"},
		{"neither", "", "", 2026, "村“两委”成员花名册（2026年）"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := MembersTitle(data.MembersReport{Round: tc.round, Township: tc.township}, Meta{Unit: tc.unit})
			if got != tc.want {
				t.Errorf("MembersTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWriteMembersDeterministic(t *testing.T) {
	r := bigRoster(400)
	a, b := renderMembers(t, r, testMeta), renderMembers(t, r, testMeta)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same roster differ")
	}
	other := bigRoster(400)
	other.Villages[3].Members[2].Name = "赵赟"
	if bytes.Equal(a, renderMembers(t, other, testMeta)) {
		t.Fatal("a different name gives the same bytes")
	}
}

func TestWriteMembersWriteError(t *testing.T) {
	err := WriteMembers(failWriter{}, rosterReport(), testMeta)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("WriteMembers to a failing writer: err = %v, want the write error", err)
	}
}

// TestWriteMembersGolden compares the roster with reports/testdata/members.pdf.
func TestWriteMembersGolden(t *testing.T) {
	checkGolden(t, "members.pdf", renderMembers(t, rosterReport(), testMeta))
}

func BenchmarkWriteMembers(b *testing.B) {
	r := bigRoster(50000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteMembers(&buf, r, testMeta); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

// rosterLedger holds the members of rosterReport, plus two that BuildMembers must leave
// out: one of another round and one of a merged village.
func rosterLedger() data.Ledger {
	l := data.Ledger{Townships: []data.Township{{Name: "城关镇"}}}
	for _, v := range []string{"东关村", "西关村"} {
		l.Villages = append(l.Villages, data.Village{Township: "城关镇", Name: v, Kind: data.KindVillage, Status: data.VillageActive})
	}
	l.Villages = append(l.Villages, data.Village{Township: "城关镇", Name: "老城村", Kind: data.KindVillage, Status: data.VillageMerged})
	r := rosterReport()
	// Reverse the order so that the builder, not the input, sorts the roster.
	for i := len(r.Villages) - 1; i >= 0; i-- {
		for j := len(r.Villages[i].Members) - 1; j >= 0; j-- {
			l.Members = append(l.Members, r.Villages[i].Members[j])
		}
	}
	old := member("东关村", "钱旧", data.Male, birthday(1970, 5, 5), 31, data.PartySecretary, data.CommitteeNone)
	old.Round = 2021
	merged := member("老城村", "冯撤", data.Female, birthday(1970, 5, 5), 42, data.PartySecretary, data.CommitteeDirector)
	l.Members = append(l.Members, old, merged)
	// Both bodies of both villages are elected, 当选 = the roster: 东关村 3 and 3, 西关村 1 and 2.
	for _, e := range []struct {
		village          string
		party, committee int
	}{{"东关村", 3, 3}, {"西关村", 1, 2}} {
		for _, b := range data.Bodies {
			n := e.party
			if b == data.BodyCommittee {
				n = e.committee
			}
			l.Elections = append(l.Elections, data.Election{Township: "城关镇", Village: e.village, Round: 2026, Body: b,
				Status: data.StatusCompleted, CompletedOn: birthday(2026, 4, 1), OneTime: true, Eligible: 100, Participants: 90,
				Seats: n, Candidates: n + 1, Elected: n})
		}
	}
	return l
}

// TestWriteMembersFromLedger builds the roster from records with data.BuildMembers: the
// result draws exactly the hand-made roster (and its golden file) whose figures are
// counted by hand in rosterReport.
func TestWriteMembersFromLedger(t *testing.T) {
	r := data.BuildMembers(rosterLedger(), 2026)
	r.Township = "城关镇"
	want := rosterReport()
	if r.Stats != want.Stats {
		t.Errorf("BuildMembers stats = %+v, want %+v", r.Stats, want.Stats)
	}
	got := renderMembers(t, r, testMeta)
	if !bytes.Equal(got, renderMembers(t, want, testMeta)) {
		text := strings.Join(pdfPages(t, got), "\f")
		t.Errorf("the roster built from the ledger differs from the hand-made one; got:\n%s", text)
	}
	text := strings.Join(pdfPages(t, got), "\f")
	for _, bad := range []string{"钱旧", "冯撤", "老城村"} {
		if strings.Contains(text, bad) {
			t.Errorf("the roster shows %s, of another round or a merged village", bad)
		}
	}
}
