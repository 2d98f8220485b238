package data

import (
	"strings"
	"testing"
	"time"
)

// officialLedger is a township of three due villages for the county's definitions (issue 14):
//
//	东村 (村): both bodies 已完成. 赵一 书记+主任 (一肩挑), man born 1991-01-01: exactly 35 on
//	      2026-01-01; 钱二 委员 woman 1966-01-01: exactly 60; 孙三 村委会委员 woman 1991-01-02:
//	      34. 当选 党组织 2, 村委会 2: reconciles.
//	西村 (村): 党组织 已完成, 村委会 进行中 (当选 0). 李四 书记+主任, man 1980-06-01 (45), 本科:
//	      counts as 书记 only, no 一肩挑; 周五 村委会委员 (not counted: the 村委会 is not elected).
//	      当选 党组织 1 = roster 1; 村委会 0 ≠ roster 2: a mismatch.
//	南社区 (社区): 党组织 已完成 with 当选 3 but 2 on the roster (mismatch); 居委会 已完成,
//	      应选 4 (a 居民委员会 has 5–9: warned), 当选 1 = roster. 吴六 书记 woman 1970-01-01
//	      (56) 大专; 郑七 委员+主任 man 1995-05-05 (30).
func officialLedger() Ledger {
	l := Ledger{Townships: []Township{{Name: "城关镇"}}}
	for _, v := range []struct {
		name string
		kind VillageKind
	}{{"东村", KindVillage}, {"西村", KindVillage}, {"南社区", KindCommunity}} {
		l.Villages = append(l.Villages, Village{Township: "城关镇", Name: v.name, Kind: v.kind, Status: VillageActive})
	}
	el := func(village string, b Body, st ElectionStatus, seats, elected int) Election {
		e := Election{Township: "城关镇", Village: village, Round: 2026, Body: b, Status: st,
			Eligible: 100, Seats: seats, Candidates: seats + 1, Elected: elected}
		if st == StatusCompleted {
			e.CompletedOn, e.Participants, e.OneTime = d("2026-04-01"), 90, true
		}
		return e
	}
	l.Elections = []Election{
		el("东村", BodyParty, StatusCompleted, 3, 2), el("东村", BodyCommittee, StatusCompleted, 3, 2),
		el("西村", BodyParty, StatusCompleted, 3, 1), el("西村", BodyCommittee, StatusInProgress, 3, 0),
		el("南社区", BodyParty, StatusCompleted, 3, 3), el("南社区", BodyCommittee, StatusCompleted, 4, 1),
	}
	seq := 200
	m := func(village, name string, pp PartyPost, cp CommitteePost, female bool, birth string, edu Education) Member {
		seq += 2
		s := seq
		g := Female
		if !female {
			s++
			g = Male
		}
		return Member{Township: "城关镇", Village: village, Round: 2026, Name: name, IDNumber: idFor(strings.ReplaceAll(birth, "-", ""), s),
			Gender: g, Birth: d(birth), Education: edu, Political: PolParty, PartyPost: pp, CommitteePost: cp, Tenure: TenureNew}
	}
	l.Members = []Member{
		m("东村", "赵一", PartySecretary, CommitteeDirector, false, "1991-01-01", EduHigh),
		m("东村", "钱二", PartyMember, CommitteeNone, true, "1966-01-01", EduMiddle),
		m("东村", "孙三", PartyNone, CommitteeMember, true, "1991-01-02", EduCollege),
		m("西村", "李四", PartySecretary, CommitteeDirector, false, "1980-06-01", EduBachelor),
		m("西村", "周五", PartyNone, CommitteeMember, false, "1985-01-01", EduHigh),
		m("南社区", "吴六", PartySecretary, CommitteeNone, true, "1970-01-01", EduCollege),
		m("南社区", "郑七", PartyMember, CommitteeDirector, false, "1995-05-05", EduHigh),
	}
	return l
}

func TestStructureOfficialDefinitions(t *testing.T) {
	s := ComputeStats(officialLedger(), 2026, d("2026-06-30"))
	// Counted: 赵一 钱二 孙三 (东村), 李四 as 书记 only (西村), 吴六 郑七 (南社区); 周五 is not.
	// Party posts 赵钱李吴郑 5, committee posts 赵孙郑 3, cross 赵郑 2: 5 + 3 − 2 = 6.
	// Ages 35 60 34 45 56 30 = 260 / 6 = 43.3; 35岁及以下 赵(35) 孙 郑 = 3; 60岁及以上 钱(60) = 1.
	// Women 钱孙吴 3; 大专及以上 孙李吴 3. 一肩挑 东村 only: 1 of 3 due villages.
	want := MemberStats{Total: 6, Party: 5, Committee: 3, Cross: 2, DualHead: 1, DualHeadBase: 3, DualHeadRate: 33.33,
		Women: 3, AvgAge: 43.3, Under35: 3, Age60Plus: 1, College: 3, CommitteeParty: 3, New: 6}
	if s.Members != want {
		t.Errorf("members:\n got %+v\nwant %+v", s.Members, want)
	}
	// 书记 赵一 (35) 李四 (45) 吴六 (56, woman, 大专); 主任 赵一 郑七 (30): 李四's 主任 post is
	// on a committee still electing.
	if want := (HeadStats{Count: 3, Women: 1, AvgAge: 45.3, Under35: 1, College: 2}); s.Secretaries != want {
		t.Errorf("secretaries: got %+v, want %+v", s.Secretaries, want)
	}
	if want := (HeadStats{Count: 2, AvgAge: 32.5, Under35: 2}); s.Directors != want {
		t.Errorf("directors: got %+v, want %+v", s.Directors, want)
	}
	if s.Previous != nil {
		t.Errorf("previous = %+v, want nil (no previous round given)", s.Previous)
	}
	if want := (KeyRates{Round: 2026, PartyRate: 100, CommitteeRate: 66.67, DualHeadRate: 33.33, CrossRate: 33.33,
		WomenRate: 50, Under35Rate: 50, CollegeRate: 50, AvgAge: 43.3}); s.Rates != want {
		t.Errorf("rates: got %+v, want %+v", s.Rates, want)
	}
}

func TestAgeBandsInclusive(t *testing.T) {
	for _, c := range []struct {
		birth           string
		under35, over60 int
	}{
		{"1991-01-01", 1, 0}, // 35 on 2026-01-01 (that very day): 35岁及以下
		{"1990-12-31", 1, 0}, // 35 full years on 2026-01-01
		{"1990-01-01", 0, 0}, // 36
		{"1991-01-02", 1, 0}, // 34
		{"1966-01-01", 0, 1}, // 60: 60岁及以上
		{"1966-01-02", 0, 0}, // 59
	} {
		l := officialLedger()
		l.Members = []Member{{Township: "城关镇", Village: "东村", Round: 2026, Name: "甲", IDNumber: idFor(strings.ReplaceAll(c.birth, "-", ""), 301),
			PartyPost: PartySecretary, Political: PolParty}}
		m := ComputeStats(l, 2026, today).Members
		under := c.under35
		if m.Under35 != under || m.Age60Plus != c.over60 {
			t.Errorf("born %s (age %d): 35岁及以下 %d, 60岁及以上 %d; want %d, %d", c.birth, AgeOn(d(c.birth), 2026), m.Under35, m.Age60Plus, under, c.over60)
		}
	}
}

func TestRosterMismatchesNamed(t *testing.T) {
	l := officialLedger()
	var got []string
	for _, x := range RosterMismatches(l, 2026) {
		got = append(got, x.Short())
	}
	want := "城关镇南社区 党组织 花名册2/当选3; 城关镇西村 村委会 花名册2/当选0"
	if strings.Join(got, "; ") != want {
		t.Errorf("mismatches = %q, want %q", strings.Join(got, "; "), want)
	}
	var findings []string
	for _, f := range CheckLedger(l, 2026, today) {
		if f.Field == "当选人数" || f.Field == "应选职数" {
			findings = append(findings, f.String())
		}
	}
	for _, w := range []string{
		"城关镇/南社区/2026/村委会: 应选职数: 应选职数 4 人不在5至9人之间",
		"城关镇/南社区/2026/党组织: 当选人数: 党组织当选人数 3 人，两委成员花名册中党组织成员 2 人",
		"城关镇/西村/2026/村委会: 当选人数: 村委会当选人数 0 人，两委成员花名册中村委会成员 2 人",
	} {
		found := false
		for _, f := range findings {
			found = found || strings.Contains(f, w)
		}
		if !found {
			t.Errorf("check does not say %q; it says:\n%s", w, strings.Join(findings, "\n"))
		}
	}
	if len(findings) != 3 {
		t.Errorf("findings on 当选/应选 = %d, want 3:\n%s", len(findings), strings.Join(findings, "\n"))
	}
}

func TestCommunityNames(t *testing.T) {
	if got := BodyName(BodyCommittee, KindCommunity); got != "居委会" {
		t.Errorf("BodyName(村委会, 社区) = %q", got)
	}
	if got := BodyName(BodyCommittee, KindVillage); got != "村委会" {
		t.Errorf("BodyName(村委会, 村) = %q", got)
	}
	if CommitteeName(KindCommunity) != "居民委员会" || CommitteeName(KindVillage) != "村民委员会" {
		t.Error("CommitteeName")
	}
	r := BuildSummary(Ledger{Villages: []Village{{Township: "镇", Name: "南社区", Kind: KindCommunity, Status: VillageActive}}}, 2026, today)
	if len(r.Unfinished) != 2 || r.Unfinished[1].Kind != KindCommunity {
		t.Errorf("unfinished %+v: want both bodies of 南社区, with its kind", r.Unfinished)
	}
}

func TestPreviousRound(t *testing.T) {
	if got := PreviousRound([]int{2026, 2021, 2018}, 2026); got != 2021 {
		t.Errorf("PreviousRound = %d, want 2021", got)
	}
	if got := PreviousRound([]int{2026}, 2026); got != 0 {
		t.Errorf("PreviousRound with one round = %d, want 0", got)
	}
	cur := officialLedger()
	prev := officialLedger()
	for i := range prev.Elections {
		prev.Elections[i].Round = 2021
		prev.Elections[i].CompletedOn = d("2021-04-01")
		prev.Elections[i].Status = StatusCompleted
	}
	for i := range prev.Members {
		prev.Members[i].Round = 2021
	}
	s := ComputeStats(cur, 2026, today)
	s.SetPrevious(prev, 2021)
	if s.Previous == nil {
		t.Fatal("previous not set")
	}
	// 2021: everything completed; 一肩挑 东村 and 西村 = 2 of 3; ages five years younger.
	p := *s.Previous
	if p.Round != 2021 || p.PartyRate != 100 || p.CommitteeRate != 100 || p.DualHeadRate != 66.67 {
		t.Errorf("previous = %+v", p)
	}
	rows := Compare(s.Rates, s.Previous)
	if rows[1].Name != "村（居）委会完成率" || rows[1].Change != -33.33 {
		t.Errorf("committee row %+v, want change −33.33", rows[1])
	}
	if rows[2].Change != -33.34 {
		t.Errorf("一肩挑 row %+v, want 33.33 − 66.67 = −33.34", rows[2])
	}
	if s.SetPrevious(prev, 2018); s.Previous != nil {
		t.Errorf("a round with no elections gave %+v", s.Previous)
	}
	for _, r := range Compare(s.Rates, nil) {
		if r.Previous != 0 || r.Change != 0 {
			t.Errorf("without previous: %+v", r)
		}
	}
}

func TestComplaintDeadlines(t *testing.T) {
	wed := d("2026-06-10") // a Wednesday
	for _, c := range []struct {
		cat  ComplaintCategory
		want string
	}{
		{CatBribery, "2026-06-17"},     // 5 working days: Thu Fri Mon Tue Wed
		{CatProcedure, "2026-06-17"},   // the same
		{CatEligibility, "2026-08-09"}, // 60 days
		{CatOther, "2026-08-09"},
	} {
		if got := FormatDate(DefaultDeadline(wed, c.cat)); got != c.want {
			t.Errorf("DefaultDeadline(%s) = %s, want %s", c.cat, got, c.want)
		}
	}
	// Received on a Saturday: the 5 working days start on Monday, and skip Friday 06-19, the
	// 端午节 of the State Council's 2026 calendar.
	if got := FormatDate(DefaultDeadline(d("2026-06-13"), CatBribery)); got != "2026-06-22" {
		t.Errorf("from a Saturday: %s, want 2026-06-22", got)
	}
	for _, c := range []struct {
		from, to string
		want     int
	}{
		{"2026-06-17", "2026-06-17", 0},
		{"2026-06-17", "2026-06-18", 1},
		{"2026-06-19", "2026-06-21", 0}, // Friday to Sunday
		{"2026-06-19", "2026-06-22", 1},
		{"2026-06-01", "2026-06-30", 20}, // 22 weekdays in June but for Monday 06-01 and 端午节 06-19
		{"2026-06-30", "2026-06-01", 0},
	} {
		if got := WorkdaysAfter(d(c.from), d(c.to)); got != c.want {
			t.Errorf("WorkdaysAfter(%s, %s) = %d, want %d", c.from, c.to, got, c.want)
		}
	}
	// Overdue counts working days: due Friday 06-12, not yet on the weekend; 端午节 06-19 is
	// not counted.
	c := Complaint{Received: d("2026-06-05"), Category: CatBribery, Result: ResPending}
	for _, x := range []struct {
		ref  string
		want int
	}{{"2026-06-12", 0}, {"2026-06-13", 0}, {"2026-06-14", 0}, {"2026-06-15", 1}, {"2026-06-18", 4}, {"2026-06-19", 4}, {"2026-06-22", 5}} {
		if got := c.OverdueDays(d(x.ref)); got != x.want {
			t.Errorf("OverdueDays(%s) = %d, want %d", x.ref, got, x.want)
		}
	}
}

func TestComplaintExtension(t *testing.T) {
	base := Complaint{Township: "城关镇", No: "1", Received: d("2026-03-02"), Channel: ChanLetter, Category: CatOther, Result: ResPending}
	for _, c := range []struct {
		name   string
		change func(*Complaint)
		want   string
	}{
		{"no extension", func(*Complaint) {}, ""},
		{"extension without reason", func(c *Complaint) { c.ExtendedTo = d("2026-05-20") }, "错误:延期原因"},
		{"extension with reason", func(c *Complaint) { c.ExtendedTo, c.Extension = d("2026-05-20"), "需调取户籍档案" }, ""},
		{"reason without date", func(c *Complaint) { c.Extension = "情况复杂" }, "错误:延期至"},
		{"extension not later", func(c *Complaint) { c.Deadline, c.ExtendedTo, c.Extension = d("2026-04-01"), d("2026-04-01"), "复杂" }, "错误:延期至"},
		// 60 days from 03-02 is 05-01; 30 more is 05-31.
		{"30 days more is the most", func(c *Complaint) { c.ExtendedTo, c.Extension = d("2026-05-31"), "复杂" }, ""},
		{"31 days more is refused", func(c *Complaint) { c.ExtendedTo, c.Extension = d("2026-06-01"), "复杂" }, "错误:延期至"},
		{"discipline extension has no 30-day cap", func(c *Complaint) {
			c.Category, c.ExtendedTo, c.Extension = CatBribery, d("2026-07-01"), "涉及多村"
		}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := base
			c.change(&x)
			if got := fields(x.Validate(d("2026-03-10"))); got != c.want {
				t.Errorf("got %q, want %q (%v)", got, c.want, x.Validate(d("2026-03-10")))
			}
		})
	}
	x := base
	x.Deadline, x.ExtendedTo, x.Extension = d("2026-04-01"), d("2026-04-20"), "复杂"
	if got := FormatDate(x.DueDate()); got != "2026-04-20" {
		t.Errorf("DueDate with an extension = %s", got)
	}
	if x.Overdue(d("2026-04-20")) || !x.Overdue(d("2026-04-21")) {
		t.Error("an extended complaint is overdue only after its extension")
	}
}

// TestVoteMethod: a 居民委员会 may be elected by 户代表 or 居民代表, whose number is its 应参加人数
// (城市居民委员会组织法 第八条); a 村民委员会 only by the villagers directly (村民委员会组织法 第十一
// 条); a party election has no 选举方式.
func TestVoteMethod(t *testing.T) {
	day := time.Date(2026, 5, 8, 0, 0, 0, 0, time.UTC)
	e := Election{Township: "城关镇", Village: "新华社区", Round: 2026, Body: BodyCommittee, Status: StatusCompleted,
		CompletedOn: day, Method: VoteHouseholds, Eligible: 600, Participants: 300, Seats: 7, Candidates: 9, Elected: 7}
	ps := e.Validate(day)
	if got := ps.For("实参加人数"); len(got) != 1 || !strings.Contains(got[0].Message, "户代表（600）的半数") {
		t.Errorf("300 of 600 household representatives: %v", ps)
	}
	e.Participants = 301
	if ps := e.Validate(day); ps.HasErrors() {
		t.Errorf("301 of 600 household representatives: %v", ps)
	}
	party := e
	party.Body, party.Eligible, party.Participants = BodyParty, 50, 45
	if got := party.Validate(day).For("选举方式"); len(got) != 1 {
		t.Errorf("a party election with a 选举方式: %v", got)
	}
	for _, tc := range []struct {
		kind VillageKind
		m    VoteMethod
		bad  bool
	}{{KindCommunity, VoteHouseholds, false}, {KindCommunity, VoteDelegates, false}, {KindVillage, VoteAll, false},
		{KindVillage, "", false}, {KindVillage, VoteHouseholds, true}, {KindVillage, VoteDelegates, true}} {
		x := e
		x.Method = tc.m
		if got := methodProblems(x, tc.kind).HasErrors(); got != tc.bad {
			t.Errorf("%s elected by %q: error %v, want %v", tc.kind, tc.m, got, tc.bad)
		}
	}
	for in, want := range map[string]VoteMethod{"户代表选举": VoteHouseholds, "居民小组代表": VoteDelegates, "直接选举": VoteAll, "": ""} {
		if got, err := ParseVoteMethod(in); err != nil || got != want {
			t.Errorf("ParseVoteMethod(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseVoteMethod("抽签"); err == nil {
		t.Error("抽签 read as a 选举方式")
	}
}
