package data

import (
	"strings"
	"testing"
	"time"
)

// Two valid IDs of grown-ups (GB 11643 check digits), as in the other tests.
const (
	idA = "11010519491231002X" // a woman born 1949-12-31
	idB = "110105197001010011" // a man born 1970-01-01
)

func dayOf(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestRoundRestDescriptions(t *testing.T) {
	checkKind(t, CandidateDesc, Candidate{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "李四", IDNumber: idA,
		Body: VetSupervision, Post: "主任", Verdict: VerdictFailed, Reason: "违法用地", Checked: dayOf(2026, 3, 1)})
	checkKind(t, SupervisorDesc, Supervisor{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "李四", IDNumber: idA,
		Gender: Female, Birth: dayOf(1949, 12, 31), Post: SupChair, InLiangwei: true, Method: SupByRepresentative, Elected: dayOf(2026, 5, 1)})
	checkKind(t, ChangeDesc, Change{Township: "城关镇", Village: "王家庄村", Round: 2026, Date: dayOf(2027, 4, 2), Body: BodyCommittee,
		Post: PostDirector, Leaver: "李四", LeaverID: idA, Cause: CauseResigned, Successor: "王五", SuccessorID: idB, Method: MethodByElection})
	checkKind(t, AuditDesc, DepartureAudit{Township: "城关镇", Village: "王家庄村", Round: 2026, Subject: "李四", Post: "书记",
		Auditor: "城关镇农经站", Date: dayOf(2025, 12, 1), Conclusion: AuditRectified, Findings: "白条入账"})
}

func TestRoundRestRules(t *testing.T) {
	fields := func(ps Problems) string {
		var fs []string
		for _, p := range ps.Errors() {
			fs = append(fs, p.Field)
		}
		return strings.Join(fs, ",")
	}
	cand := Candidate{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "李四", IDNumber: idA, Body: VetParty, Verdict: VerdictFailed}
	for _, tc := range []struct {
		name   string
		ps     Problems
		errors string
	}{
		{"不通过 without a reason", cand.Validate(), "不通过原因"},
		{"不通过 with 其他 alone", func() Problems { c := cand; c.Reason = "其他"; return c.Validate() }(), "不通过原因"},
		{"不通过 with 其他：text", func() Problems { c := cand; c.Reason = "其他：长期缠访闹访"; return c.Validate() }(), ""},
		{"passed", func() Problems { c := cand; c.Verdict = VerdictPassed; return c.Validate() }(), ""},
		{"bad ID, no body", Candidate{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "李四", IDNumber: "123", Verdict: VerdictPending}.Validate(), "身份证号,拟任组织"},
		{"supervisor without post", Supervisor{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "李四", IDNumber: idA}.Validate(), "职务"},
		{"supervisor of wrong gender", Supervisor{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "李四", IDNumber: idA, Gender: Male, Post: SupMember}.Validate(), "性别"},
		{"change with nobody", Change{Township: "城关镇", Village: "王家庄村", Round: 2026, Date: dayOf(2027, 1, 1), Body: BodyParty, Post: PostSecretary}.Validate(), "离任人"},
		{"change of a post the body lacks", Change{Township: "城关镇", Village: "王家庄村", Round: 2026, Date: dayOf(2027, 1, 1), Body: BodyParty, Post: PostDirector, Successor: "王五", SuccessorID: idB, Method: MethodActing}.Validate(), "职务"},
		{"change after the term", Change{Township: "城关镇", Village: "王家庄村", Round: 2026, Date: dayOf(2032, 1, 1), Body: BodyParty, Post: PostMember, Leaver: "李四", LeaverID: idA, Cause: CauseDied}.Validate(), "日期"},
		{"leaver without cause", Change{Township: "城关镇", Village: "王家庄村", Round: 2026, Date: dayOf(2027, 1, 1), Body: BodyParty, Post: PostMember, Leaver: "李四", LeaverID: idA}.Validate(), "离任原因"},
		{"audit with problems, no summary", DepartureAudit{Township: "城关镇", Village: "王家庄村", Round: 2026, Subject: "李四", Date: dayOf(2026, 1, 5), Conclusion: AuditRectifying}.Validate(), "问题摘要"},
		{"audit after the round's year", DepartureAudit{Township: "城关镇", Village: "王家庄村", Round: 2026, Subject: "李四", Date: dayOf(2027, 1, 5), Conclusion: AuditClean}.Validate(), "审计日期"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := fields(tc.ps); got != tc.errors {
				t.Errorf("errors on %q, want %q (%v)", got, tc.errors, tc.ps)
			}
		})
	}
	if got, want := ReasonGroup("其他：长期缠访闹访"), ReasonOther; got != want {
		t.Errorf("ReasonGroup = %q, want %q", got, want)
	}
	if got, want := ReasonGroup("违法用地（未整改）"), "违法用地"; got != want {
		t.Errorf("ReasonGroup = %q, want %q", got, want)
	}
}

// rosterLedger is a village whose 主任 李四 resigns on 2027-04-02 and is succeeded by 王五 by
// a 补选; 赵六 is 书记. Both elections are 已完成, so that the structure figures count them.
func rosterLedger() Ledger {
	done := func(b Body) Election {
		return Election{Township: "城关镇", Village: "王家庄村", Round: 2026, Body: b, Status: StatusCompleted,
			CompletedOn: dayOf(2026, 3, 15), Eligible: 100, Participants: 90, Seats: 1, Candidates: 2, Elected: 1}
	}
	return Ledger{
		Villages:  []Village{{Township: "城关镇", Name: "王家庄村", Kind: KindVillage, Status: VillageActive}},
		Elections: []Election{done(BodyParty), done(BodyCommittee)},
		Members: []Member{
			{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "赵六", IDNumber: "110105198001010016", Political: PolParty, PartyPost: PartySecretary},
			{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "李四", IDNumber: idA, CommitteePost: CommitteeDirector},
		},
		Changes: []Change{{Township: "城关镇", Village: "王家庄村", Round: 2026, Date: dayOf(2027, 4, 2), Body: BodyCommittee,
			Post: PostDirector, Leaver: "李四", LeaverID: idA, Cause: CauseResigned, Successor: "王五", SuccessorID: idB, Method: MethodByElection}},
	}
}

func TestRosterOn(t *testing.T) {
	l := rosterLedger()
	names := func(ms []Member) string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Name+string(m.PartyPost)+string(m.CommitteePost))
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		date time.Time
		want string
	}{
		{time.Time{}, "赵六书记 李四主任"},
		{dayOf(2027, 4, 1), "赵六书记 李四主任"},
		{dayOf(2027, 4, 2), "赵六书记 王五主任"},
		{dayOf(2030, 1, 1), "赵六书记 王五主任"},
	} {
		if got := names(RosterOn(l.Members, l.Changes, 2026, tc.date)); got != tc.want {
			t.Errorf("RosterOn(%s) = %s, want %s", FormatDate(tc.date), got, tc.want)
		}
	}
	// The successor joins with what the ID tells.
	r := RosterOn(l.Members, l.Changes, 2026, dayOf(2028, 1, 1))
	if w := r[1]; w.Gender != Male || FormatDate(w.Birth) != "1970-01-01" || w.Tenure != TenureNew {
		t.Errorf("successor = %+v", w)
	}
	// 王五 taking the party secretary's post too makes the village 一肩挑 from that day.
	l.Changes = append(l.Changes, Change{Township: "城关镇", Village: "王家庄村", Round: 2026, Date: dayOf(2028, 6, 1), Body: BodyParty,
		Post: PostSecretary, Leaver: "赵六", LeaverID: "110105198001010016", Cause: CauseAdjusted, Successor: "王五", SuccessorID: idB, Method: MethodAppointed})
	if got := ComputeStats(l, 2026, dayOf(2028, 5, 31)).Members; got.Total != 2 || got.DualHead != 0 {
		t.Errorf("before: %+v", got)
	}
	if got := ComputeStats(l, 2026, dayOf(2028, 6, 1)).Members; got.Total != 1 || got.DualHead != 1 || got.Cross != 1 {
		t.Errorf("after: %+v", got)
	}
}

func TestRoundRestStatsAndChecks(t *testing.T) {
	l := rosterLedger()
	l.Elections = []Election{{Township: "城关镇", Village: "王家庄村", Round: 2026, Body: BodyCommittee, Status: StatusCompleted,
		CompletedOn: dayOf(2026, 5, 1), Eligible: 100, Participants: 90, Seats: 3, Candidates: 4, Elected: 3}}
	l.Candidates = []Candidate{
		{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "李四", IDNumber: idA, Body: VetCommittee, Verdict: VerdictFailed, Reason: "违法用地"},
		{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "王五", IDNumber: idB, Body: VetSupervision, Verdict: VerdictPending},
		{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "赵六", IDNumber: "110105198001010016", Body: VetParty, Verdict: VerdictPassed},
	}
	l.Supervisors = []Supervisor{
		{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "王五", IDNumber: idB, Post: SupChair, InLiangwei: true},
		{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "钱七", IDNumber: "110105198001010024", Post: SupChair},
	}
	l.Audits = nil
	s := ComputeStats(l, 2026, dayOf(2027, 1, 1))
	if c := s.Candidates; c.Total != 3 || c.Passed != 1 || c.Failed != 1 || c.Pending != 1 || c.ByReason["违法用地"] != 1 || len(c.ByReason) != len(NegativeList) {
		t.Errorf("candidates = %+v", c)
	}
	if v := s.Supervision; v != (SupervisionStats{Villages: 1, Members: 2, InLiangwei: 1, LiangweiShare: 50}) {
		t.Errorf("supervision = %+v", v)
	}
	if c := s.Changes; c.Total != 0 { // the change is dated 2027-04-02, after the reference date
		t.Errorf("changes before the day = %+v", c)
	}
	if c := ComputeStats(l, 2026, dayOf(2027, 5, 1)).Changes; c.Total != 1 || c.ByReason["辞职"] != 1 || c.ByMethod["补选"] != 1 {
		t.Errorf("changes = %+v", c)
	}

	msgs := map[string]bool{}
	for _, f := range CheckLedger(l, 2026, dayOf(2027, 1, 1)) {
		msgs[f.Level.String()+" "+f.Field+" "+f.Message] = true
	}
	for _, want := range []string{
		"错误 身份证号 李四（身份证号 1101**********002X）在2026年候选人资格联审中“不通过”（城关镇/王家庄村，拟任村委会，原因：违法用地），不能列入村庄“城关镇/王家庄村”2026年村委会成员",
		"警告 联审结论 村委会选举已于2026-05-01完成，联审结论仍为“待审”",
		"错误 职务 王家庄村2026年村务监督委员会已有主任王五，只能有一名主任",
		"警告 姓名 村务监督委员会有2人，应为3至5人",
		"警告 审计对象 2026年已完成换届，但没有离任审计记录",
	} {
		if !msgs[want] {
			t.Errorf("check lacks %q; has %v", want, msgs)
		}
	}
	l.Audits = []DepartureAudit{{Township: "城关镇", Village: "王家庄村", Round: 2026, Subject: "李四", Date: dayOf(2026, 1, 5), Conclusion: AuditRectified, Findings: "白条入账"}}
	if a := ComputeStats(l, 2026, time.Time{}).Audits; a != (AuditStats{Audits: 1, Villages: 1, WithProblems: 1, Rectified: 1}) {
		t.Errorf("audits = %+v", a)
	}
}
