package data

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// peopleFixture is a hand-counted township for the figures of issues 3–5: villages 甲村,
// 丙村, 丁村 are active, 乙村 merged. Its counts are stated next to the records.
//
// Members of round 2026 in the active villages (14):
//
//	甲村: 王镕 书记+主任 (一肩挑) 男 1975-03-10 (50) 本科 党员 连任
//	      李堃 副书记 女 1990-01-01 (36, turned that day) 大专 党员 新任
//	      张赟 委员+委员 (交叉) 男 1960-05-05 (65) 初中 党员 连任
//	      吴芳 —+副主任 女 1995-07-07 (30) 高中 群众 新任
//	      刘喆 —+委员 男 2000-01-01 (26) 本科 预备党员 新任
//	丙村: 陈昇 书记 男 1970-01-01 (56) 大专 党员 连任
//	      赵玥 —+主任 女 1985-12-31 (40) 高中 群众 新任
//	      黄彧 委员+副主任 (交叉) 男 1966-01-01 (60) 初中 党员 连任
//	      杨珺 委员 女 1980-02-02 (45) 本科 党员 新任
//	      孙丽 —+委员 女 1998-06-06 (27) 大专 预备党员 新任
//	丁村: 徐强 书记 男 1965-06-01 (60) 高中 党员 连任            (no 主任)
//	      马军 委员+委员 (交叉) 男 1958-03-03 (67) 初中 党员 连任
//	      周明 —+副主任 男 1992-01-02 (33) 大专 群众 新任
//	      朱红 —+委员 女 1999-09-09 (26) 本科 党员 新任 — gender and birth only in the ID
//
//	party posts 8 (王李张陈黄杨徐马), committee posts 10 (王张吴刘赵黄孙马周朱), cross 4 (王张黄马):
//	8 + 10 − 4 = 14. 一肩挑 1 (甲村) of the 3 due villages: 33.33% (base 3).
//	women 6 (李吴赵杨孙朱); ages sum 621 / 14 = 44.36 → 44.4; under 35: 吴刘孙周朱 = 5;
//	60 and over: 张黄徐马 = 4; 大专及以上: 王李刘陈杨孙周朱 = 8;
//	committee members who are 党员 or 预备党员: 王张刘黄孙马朱 = 7; 新任: 李吴刘赵杨孙周朱 = 8.
//	Not counted: a member of the merged 乙村 and one of round 2021.
//
// Elections of 2026: both bodies of 甲, 丙, 丁 已完成, 当选 = the roster (甲 3/4, 丙 3/3,
// 丁 2/3), so every post counts and the roster reconciles.
//
// Leadership 2026: 城关镇 9/4/2 and 河东镇 7/5/3 → 16/9/5; the 2021 row is not counted.
//
// Party organizations of 2026 in active villages (3): 甲 40 members, all four; 丙 30, no
// venue, weak and 已销号; 丁 25, all four, weak with no result (整顿中) → orgs 3, members 95,
// four_haves 2, weak 2, weak_rectified 1. Not counted: merged 乙村, 甲村 of 2025.
//
// Complaints received in 2026, reference date 2026-06-30 (6): 001 属实, 002 部分属实, 003 办理中
// due 06-29 (Monday; overdue one working day on Tuesday 06-30), 004 办理中 due 06-30 (deadline
// day: not overdue), 005 拉票贿选 with no result and no deadline, received Wednesday 06-10: due
// by default 5 working days later, 06-17, so overdue; 006 不属实 → substantiated 2, overdue 2,
// closed 3.
// Not counted: one received 2025-12-31 (overdue), one 2027-01-01.
//
// Talks dated 2026 (7): 申请约谈 × 个人诉求 2, 申请约谈 × 意见建议 1, 主动约谈 × 汇报工作和思想 3,
// 下访约谈 × 个人诉求 1 → by mode 3/3/1, by category 3/3/1. Not counted: 2025-12-31, 2027-01-01.
func peopleFixture() Ledger {
	l := Ledger{Townships: []Township{{Name: "城关镇"}, {Name: "河东镇"}}}
	for _, n := range []string{"甲村", "乙村", "丙村", "丁村"} {
		v := Village{Township: "城关镇", Name: n, Kind: KindVillage, Status: VillageActive}
		if n == "乙村" {
			v.Status = VillageMerged
		}
		l.Villages = append(l.Villages, v)
	}
	seq := 100
	m := func(village, name string, pp PartyPost, cp CommitteePost, g Gender, birth string, edu Education, pol Political, ten Tenure) Member {
		seq += 2
		s := seq
		if g == Male {
			s++
		}
		return Member{Township: "城关镇", Village: village, Round: 2026, Name: name, IDNumber: idFor(strings.ReplaceAll(birth, "-", ""), s),
			Gender: g, Birth: d(birth), Education: edu, Political: pol, PartyPost: pp, CommitteePost: cp, Tenure: ten}
	}
	const (
		no  = PartyNone
		cno = CommitteeNone
	)
	l.Members = []Member{
		m("丁村", "朱红", no, CommitteeMember, Female, "1999-09-09", EduBachelor, PolParty, TenureNew),
		m("甲村", "刘喆", no, CommitteeMember, Male, "2000-01-01", EduBachelor, PolProbationary, TenureNew),
		m("丙村", "黄彧", PartyMember, CommitteeDeputy, Male, "1966-01-01", EduMiddle, PolParty, TenureReelected),
		m("甲村", "王镕", PartySecretary, CommitteeDirector, Male, "1975-03-10", EduBachelor, PolParty, TenureReelected),
		m("甲村", "李堃", PartyDeputy, cno, Female, "1990-01-01", EduCollege, PolParty, TenureNew),
		m("甲村", "张赟", PartyMember, CommitteeMember, Male, "1960-05-05", EduMiddle, PolParty, TenureReelected),
		m("甲村", "吴芳", no, CommitteeDeputy, Female, "1995-07-07", EduHigh, PolMasses, TenureNew),
		m("丙村", "杨珺", PartyMember, cno, Female, "1980-02-02", EduBachelor, PolParty, TenureNew),
		m("丙村", "陈昇", PartySecretary, cno, Male, "1970-01-01", EduCollege, PolParty, TenureReelected),
		m("丙村", "赵玥", no, CommitteeDirector, Female, "1985-12-31", EduHigh, PolMasses, TenureNew),
		m("丙村", "孙丽", no, CommitteeMember, Female, "1998-06-06", EduCollege, PolProbationary, TenureNew),
		m("丁村", "周明", no, CommitteeDeputy, Male, "1992-01-02", EduCollege, PolMasses, TenureNew),
		m("丁村", "徐强", PartySecretary, cno, Male, "1965-06-01", EduHigh, PolParty, TenureReelected),
		m("丁村", "马军", PartyMember, CommitteeMember, Male, "1958-03-03", EduMiddle, PolParty, TenureReelected),
		// Not counted:
		m("乙村", "钱芳", PartySecretary, CommitteeDirector, Female, "1980-01-01", EduBachelor, PolParty, TenureNew),
		m("甲村", "旧人", PartySecretary, cno, Male, "1950-01-01", EduMiddle, PolParty, TenureNew),
	}
	l.Members[0].Gender, l.Members[0].Birth = "", time.Time{} // 朱红: both from the ID
	for _, e := range []struct {
		village          string
		party, committee int
	}{{"甲村", 3, 4}, {"丙村", 3, 3}, {"丁村", 2, 3}} {
		for _, b := range Bodies {
			n := e.party
			if b == BodyCommittee {
				n = e.committee
			}
			l.Elections = append(l.Elections, Election{Township: "城关镇", Village: e.village, Round: 2026, Body: b, Status: StatusCompleted,
				CompletedOn: d("2026-04-01"), OneTime: true, Eligible: 100, Participants: 90, Seats: n, Candidates: n + 1, Elected: n})
		}
	}
	l.Members[len(l.Members)-1].Round = 2021
	l.Leaderships = []Leadership{
		{Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 2},
		{Township: "河东镇", Round: 2026, PartyCommittee: 7, Government: 5, Cross: 3},
		{Township: "城关镇", Round: 2021, PartyCommittee: 8, Government: 4, Cross: 1},
	}
	org := func(village string, year, members int, venue, weak bool, res Rectification) PartyOrg {
		p := PartyOrg{Township: "城关镇", Village: village, Year: year, Type: OrgBranch, Members: members, Women: 5, Probationary: 1, Developed: 1,
			HasTeam: true, HasVenue: venue, HasActivity: true, Activities: 10, HasIncome: true, Income: 3.3, Weak: weak, Result: res}
		if venue {
			p.VenueArea = 100
		}
		if weak {
			p.Measures = "选派第一书记"
		}
		return p
	}
	l.PartyOrgs = []PartyOrg{
		org("甲村", 2026, 40, true, false, RectNone),
		org("丙村", 2026, 30, false, true, RectClosed),
		org("丁村", 2026, 25, true, true, RectNone),
		org("乙村", 2026, 10, true, false, RectNone),
		org("甲村", 2025, 38, true, true, RectClosed),
	}
	cp := func(no, received string, ch Channel, cat ComplaintCategory, res ComplaintResult, deadline string) Complaint {
		c := Complaint{Township: "城关镇", No: no, Received: d(received), Channel: ch, Category: cat, Result: res}
		if deadline != "" {
			c.Deadline = d(deadline)
		}
		return c
	}
	l.Complaints = []Complaint{
		cp("XF-004", "2026-06-01", ChanPhone, CatProcedure, ResPending, "2026-06-30"),
		cp("XF-001", "2026-01-05", ChanLetter, CatBribery, ResTrue, "2026-02-05"),
		cp("XF-003", "2026-05-01", ChanVisit, CatBribery, ResPending, "2026-06-29"),
		cp("XF-002", "2026-03-01", ChanVisit, CatEligibility, ResPartlyTrue, ""),
		cp("XF-006", "2026-04-01", ChanReferred, CatOther, ResUnfounded, ""),
		cp("XF-005", "2026-06-10", ChanOnline, CatBribery, "", ""),
		cp("XF-000", "2025-12-31", ChanLetter, CatBribery, ResPending, "2026-01-10"),
		cp("XF-100", "2027-01-01", ChanLetter, CatBribery, ResTrue, ""),
	}
	tk := func(no, date string, mode TalkMode, cat TalkCategory) Talk {
		return Talk{Township: "城关镇", No: no, Date: d(date), Mode: mode, Interviewee: "某", Category: cat}
	}
	l.Talks = []Talk{
		tk("YT-03", "2026-03-01", ModeRequested, TalkPersonal),
		tk("YT-01", "2026-01-10", ModeRequested, TalkPersonal),
		tk("YT-02", "2026-03-01", ModeRequested, TalkSuggestion),
		tk("YT-04", "2026-04-01", ModeInitiated, TalkReport),
		tk("YT-05", "2026-05-01", ModeInitiated, TalkReport),
		tk("YT-06", "2026-06-01", ModeInitiated, TalkReport),
		tk("YT-07", "2026-12-31", ModeVisiting, TalkPersonal),
		tk("YT-00", "2025-12-31", ModeVisiting, TalkSuggestion),
		tk("YT-99", "2027-01-01", ModeVisiting, TalkSuggestion),
	}
	return l
}

func TestComputeStatsPeople(t *testing.T) {
	s := ComputeStats(peopleFixture(), 2026, d("2026-06-30"))
	if s.Villages != 3 || s.Townships != 2 {
		t.Errorf("header: villages %d townships %d", s.Villages, s.Townships)
	}
	wantMembers := MemberStats{Total: 14, Party: 8, Committee: 10, Cross: 4, DualHead: 1, DualHeadBase: 3, DualHeadRate: 33.33,
		Women: 6, AvgAge: 44.4, Under35: 5, Age60Plus: 4, College: 8, CommitteeParty: 7, New: 8}
	if s.Members != wantMembers {
		t.Errorf("members:\n got %+v\nwant %+v", s.Members, wantMembers)
	}
	if m := s.Members; m.Total != m.Party+m.Committee-m.Cross {
		t.Errorf("balance: %d != %d + %d - %d", m.Total, m.Party, m.Committee, m.Cross)
	}
	if want := (LeadershipStats{PartyCommittee: 16, Government: 9, Cross: 5}); s.Leadership != want {
		t.Errorf("leadership: got %+v, want %+v", s.Leadership, want)
	}
	if want := (PartyStats{Orgs: 3, Members: 95, FourHaves: 2, Weak: 2, WeakRectified: 1}); s.Party != want {
		t.Errorf("party: got %+v, want %+v", s.Party, want)
	}
	if want := (PetitionStats{Total: 6, Substantiated: 2, Overdue: 2, Closed: 3}); s.Petitions != want {
		t.Errorf("petitions: got %+v, want %+v", s.Petitions, want)
	}
	wantTalks := TalkStats{Total: 7,
		ByMode:     map[string]int{"申请约谈": 3, "主动约谈": 3, "下访约谈": 1},
		ByCategory: map[string]int{"个人诉求": 3, "汇报工作和思想": 3, "意见建议": 1}}
	if !reflect.DeepEqual(s.Talks, wantTalks) {
		t.Errorf("talks: got %+v, want %+v", s.Talks, wantTalks)
	}
}

func TestComputeStatsOverdueMovesWithRef(t *testing.T) {
	// XF-005 is overdue from 06-18 on; on the deadline day of XF-003 it is the only one; a
	// working day after XF-004's deadline all three are.
	for _, c := range []struct {
		ref  string
		want int
	}{{"2026-06-17", 0}, {"2026-06-18", 1}, {"2026-06-29", 1}, {"2026-06-30", 2}, {"2026-07-01", 3}} {
		if got := ComputeStats(peopleFixture(), 2026, d(c.ref)).Petitions.Overdue; got != c.want {
			t.Errorf("ref %s: overdue %d, want %d", c.ref, got, c.want)
		}
	}
}

func TestComputeStatsEmpty(t *testing.T) {
	s := ComputeStats(Ledger{}, 2026, today)
	if s.Members != (MemberStats{}) || s.Talks.Total != 0 || len(s.Talks.ByMode) != 3 || len(s.Talks.ByCategory) != 3 {
		t.Errorf("empty ledger: %+v", s)
	}
}

func TestBuildSummaryPeople(t *testing.T) {
	r := BuildSummary(peopleFixture(), 2026, d("2026-06-30"))
	if len(r.Rows) != 1 {
		t.Fatalf("rows: %+v", r.Rows)
	}
	for _, row := range []SummaryRow{r.Rows[0], r.Total} {
		if got := [3]int{row.DualHead, row.Cross, row.Women}; got != [3]int{1, 4, 6} {
			t.Errorf("%s: 一肩挑/交叉/女 = %v, want [1 4 6]", row.Township, got)
		}
	}
}

func TestBuildMembers(t *testing.T) {
	r := BuildMembers(peopleFixture(), 2026)
	var got []string
	for _, v := range r.Villages {
		var names []string
		for _, m := range v.Members {
			names = append(names, m.Name)
		}
		got = append(got, v.Township+"/"+v.Village+": "+strings.Join(names, " "))
	}
	// Villages in the official order: no 区划代码 here, so by pinyin (丙 bǐng < 丁 dīng <
	// 甲 jiǎ), not by code point (丁 < 丙 < 甲); in each: 书记, 主任, other party
	// posts (副书记 before 委员, then by name), other committee posts (副主任 before 委员).
	want := []string{
		"城关镇/丙村: 陈昇 赵玥 杨珺 黄彧 孙丽",
		"城关镇/丁村: 徐强 马军 周明 朱红",
		"城关镇/甲村: 王镕 李堃 张赟 吴芳 刘喆",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("roster:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.Round != 2026 || r.Stats.Total != 14 || r.Stats.DualHead != 1 {
		t.Errorf("header/stats: %d %+v", r.Round, r.Stats)
	}
}

func TestBuildParty(t *testing.T) {
	r := BuildParty(peopleFixture(), 2026)
	var orgs, weak []string
	for _, p := range r.Orgs {
		orgs = append(orgs, p.Village)
	}
	for _, p := range r.Weak {
		weak = append(weak, p.Village+":"+string(p.Result))
	}
	if got, want := strings.Join(orgs, " "), "丙村 丁村 甲村"; got != want {
		t.Errorf("orgs %q, want %q", got, want)
	}
	if got, want := strings.Join(weak, " "), "丙村:已销号 丁村:整顿中"; got != want {
		t.Errorf("weak %q, want %q", got, want)
	}
	// 3 organizations: 5 women, 1 probationary, 1 developed, 10 activities and 3.3 万元 each;
	// all have a team, activities and income; 甲 and 丁 have a venue.
	want := PartyTotals{Members: 95, Women: 15, Probationary: 3, Developed: 3, Activities: 30, Income: 9.9,
		Team: 3, Venue: 2, Activity: 3, IncomeOrgs: 3}
	if r.Totals != want {
		t.Errorf("totals:\n got %+v\nwant %+v", r.Totals, want)
	}
	if r.Stats != (PartyStats{Orgs: 3, Members: 95, FourHaves: 2, Weak: 2, WeakRectified: 1}) || r.Year != 2026 {
		t.Errorf("stats: %+v", r.Stats)
	}
}

func TestBuildPetitions(t *testing.T) {
	r := BuildPetitions(peopleFixture(), 2026, d("2026-06-30"))
	var got []string
	for i, c := range r.Complaints {
		got = append(got, fmt.Sprintf("%s:%v", c.No, r.Overdue[i]))
	}
	want := "XF-001:false XF-002:false XF-006:false XF-003:true XF-004:false XF-005:true"
	if strings.Join(got, " ") != want {
		t.Errorf("ledger %q, want %q", strings.Join(got, " "), want)
	}
	wantChannel := []Count{{"来信", 1}, {"来访", 2}, {"电话", 1}, {"网络", 1}, {"短信", 0}, {"上级交办", 1}}
	wantCategory := []Count{{"拉票贿选", 3}, {"资格争议", 1}, {"程序违规", 1}, {"其他", 1}}
	wantResult := []Count{{"办理中", 3}, {"属实", 1}, {"部分属实", 1}, {"不属实", 1}}
	if !reflect.DeepEqual(r.ByChannel, wantChannel) || !reflect.DeepEqual(r.ByCategory, wantCategory) || !reflect.DeepEqual(r.ByResult, wantResult) {
		t.Errorf("breakdowns:\n%v\n%v\n%v", r.ByChannel, r.ByCategory, r.ByResult)
	}
	if r.Stats != (PetitionStats{Total: 6, Substantiated: 2, Overdue: 2, Closed: 3}) || r.Year != 2026 || !r.Ref.Equal(d("2026-06-30")) {
		t.Errorf("stats: %+v", r.Stats)
	}
}

func TestBuildTalks(t *testing.T) {
	r := BuildTalks(peopleFixture(), 2026)
	var nos []string
	for _, x := range r.Talks {
		nos = append(nos, x.No)
	}
	if got, want := strings.Join(nos, " "), "YT-01 YT-02 YT-03 YT-04 YT-05 YT-06 YT-07"; got != want {
		t.Errorf("talks %q, want %q", got, want)
	}
	// Rows 申请/主动/下访 × columns 个人诉求/汇报工作和思想/意见建议.
	if want := [3][3]int{{2, 0, 1}, {0, 3, 0}, {1, 0, 0}}; r.Grid != want {
		t.Errorf("grid %v, want %v", r.Grid, want)
	}
	if r.Stats.Total != 7 || r.Year != 2026 {
		t.Errorf("stats %+v", r.Stats)
	}
}

// BenchmarkComputeStatsCity measures the figures of a city: 5,000 villages of 10 members.
func BenchmarkComputeStatsCity(b *testing.B) {
	var l Ledger
	for v := 0; v < 5000; v++ {
		name := fmt.Sprintf("村%04d", v)
		l.Villages = append(l.Villages, Village{Township: "镇", Name: name, Kind: KindVillage, Status: VillageActive})
		for i := 0; i < 10; i++ {
			l.Members = append(l.Members, Member{Township: "镇", Village: name, Round: 2026, Name: "某", IDNumber: idFor("19800101", 100+i),
				PartyPost: PartyPosts[i%4], CommitteePost: CommitteePosts[(i+1)%4], Political: PolParty, Education: EduCollege})
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ComputeStats(l, 2026, today)
	}
}
