package sqlite

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"liangwei/data"
)

// roundRestBatch is one village with a roster (书记 赵一, 主任 钱二), the vetting of three
// people (孙三 不通过 for the 村委会), a supervision committee of three, a change (钱二 resigns,
// 李四 补选) and an audit.
func roundRestBatch() data.Batch {
	const t, v = "城关镇", "东关村"
	zhao, qian := idNumber("19700101", 11), idNumber("19750505", 22)
	sun, li := idNumber("19800808", 31), idNumber("19850303", 41)
	return data.Batch{
		Villages:  []data.Village{village(t, v)},
		Elections: []data.Election{completed(t, v, data.BodyParty), completed(t, v, data.BodyCommittee)},
		Members: []data.Member{
			member(t, v, "赵一", zhao, data.PartySecretary, data.CommitteeNone),
			member(t, v, "钱二", qian, data.PartyNone, data.CommitteeDirector),
		},
		Candidates: []data.Candidate{
			{Township: t, Village: v, Round: 2026, Name: "赵一", IDNumber: zhao, Body: data.VetParty, Post: "书记", Verdict: data.VerdictPassed, Checked: day("2026-02-01")},
			{Township: t, Village: v, Round: 2026, Name: "钱二", IDNumber: qian, Body: data.VetCommittee, Post: "主任", Verdict: data.VerdictPassed, Checked: day("2026-02-01")},
			{Township: t, Village: v, Round: 2026, Name: "孙三", IDNumber: sun, Body: data.VetCommittee, Post: "委员", Verdict: data.VerdictFailed, Reason: "违法用地", Checked: day("2026-02-01")},
		},
		Supervisors: []data.Supervisor{
			{Township: t, Village: v, Round: 2026, Name: "周五", IDNumber: idNumber("19660606", 51), Post: data.SupChair, InLiangwei: true, Method: data.SupByRepresentative, Elected: day("2026-03-20")},
			{Township: t, Village: v, Round: 2026, Name: "吴六", IDNumber: idNumber("19670707", 62), Post: data.SupMember, Method: data.SupByRepresentative, Elected: day("2026-03-20")},
			{Township: t, Village: v, Round: 2026, Name: "郑七", IDNumber: idNumber("19680808", 71), Post: data.SupMember, Method: data.SupByRepresentative, Elected: day("2026-03-20")},
		},
		Changes: []data.Change{{Township: t, Village: v, Round: 2026, Date: day("2026-05-10"), Body: data.BodyCommittee, Post: data.PostDirector,
			Leaver: "钱二", LeaverID: qian, Cause: data.CauseResigned, Successor: "李四", SuccessorID: li, Method: data.MethodByElection}},
		Audits: []data.DepartureAudit{{Township: t, Village: v, Round: 2026, Subject: "王老", Post: "书记", Auditor: "城关镇农经站",
			Date: day("2026-01-10"), Conclusion: data.AuditRectified, Findings: "白条入账 2 笔"}},
	}
}

func TestRoundRestImportListAndReimport(t *testing.T) {
	s := openTest(t)
	b := roundRestBatch()
	res, err := s.Import(ctx, b, "城关镇.xlsx")
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if res.Inserted != b.Len() {
		t.Errorf("Inserted = %d, want %d", res.Inserted, b.Len())
	}
	l, err := s.Ledger(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	got := withoutIDs(l)
	for name, pair := range map[string][2]any{
		"candidates":  {got.Candidates, b.Candidates},
		"supervisors": {got.Supervisors, fillSup(b.Supervisors)},
		"changes":     {got.Changes, b.Changes},
		"audits":      {got.Audits, b.Audits},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s read back\n%+v\nwant\n%+v", name, pair[0], pair[1])
		}
	}
	// The same file again changes nothing.
	res, err = s.Import(ctx, b, "城关镇.xlsx")
	if err != nil || res.Unchanged != b.Len() {
		t.Errorf("re-import = %+v, %v; want all unchanged", res, err)
	}
	if other, _ := s.Ledger(ctx, 2021); len(other.Candidates)+len(other.Supervisors)+len(other.Changes)+len(other.Audits) != 0 {
		t.Errorf("round 2021 has the 2026 records: %+v", other)
	}
}

func fillSup(ss []data.Supervisor) []data.Supervisor {
	out := append([]data.Supervisor(nil), ss...)
	for i := range out {
		out[i].FillFromID()
	}
	return out
}

// TestVettingRule: a person 不通过 for the 村委会 cannot be saved onto its roster, by hand or
// by import, nor the 不通过 saved once they are on it; the refusal names both records.
func TestVettingRule(t *testing.T) {
	s := openTest(t)
	b := roundRestBatch()
	if _, err := s.Import(ctx, b, "城关镇.xlsx"); err != nil {
		t.Fatal(err)
	}
	sun := b.Candidates[2]
	m := member("城关镇", "东关村", "孙三", sun.IDNumber, data.PartyNone, data.CommitteeMember)
	err := s.SaveMember(ctx, &m)
	var ps data.Problems
	if !errors.As(err, &ps) || len(ps.For("身份证号")) == 0 {
		t.Fatalf("SaveMember of a failed candidate = %v, want Problems on 身份证号", err)
	}
	want := "孙三（身份证号 3701**********0318）在2026年候选人资格联审中“不通过”（城关镇/东关村，拟任村委会，原因：违法用地），不能列入村庄“城关镇/东关村”2026年村委会成员"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("message = %s\nwant it to contain %s", err, want)
	}
	// On the party organization only, the committee's vetting does not bar him.
	m.CommitteePost, m.PartyPost, m.Political = data.CommitteeNone, data.PartyMember, data.PolParty
	if err := s.SaveMember(ctx, &m); err != nil {
		t.Errorf("SaveMember on the party organization: %v", err)
	}

	// The other way round: 钱二 is on the committee; a 不通过 for him is refused.
	l, _ := s.Ledger(ctx, 2026)
	qian := l.Candidates[1]
	qian.Verdict, qian.Reason = data.VerdictFailed, "失信被执行人"
	if err := s.SaveCandidate(ctx, &qian); err == nil || !strings.Contains(err.Error(), "不能列入村庄“城关镇/东关村”2026年村委会成员") {
		t.Errorf("SaveCandidate 不通过 of a member = %v", err)
	}

	// The supervision committee: 不通过 for it bars the person from it.
	zheng := data.Candidate{Township: "城关镇", Village: "东关村", Round: 2026, Name: "冯八", IDNumber: idNumber("19690909", 81),
		Body: data.VetSupervision, Verdict: data.VerdictFailed, Reason: "其他：长期缠访闹访"}
	if err := s.SaveCandidate(ctx, &zheng); err != nil {
		t.Fatal(err)
	}
	sup := data.Supervisor{Township: "城关镇", Village: "东关村", Round: 2026, Name: "冯八", IDNumber: zheng.IDNumber, Post: data.SupMember}
	if err := s.SaveSupervisor(ctx, &sup); err == nil || !strings.Contains(err.Error(), "2026年村务监督委员会") {
		t.Errorf("SaveSupervisor of a failed candidate = %v", err)
	}

	// An import putting 孙三 on the committee is refused whole, naming both records.
	before := takeSnap(t, s)
	bad := data.Batch{Members: []data.Member{member("城关镇", "东关村", "孙三", sun.IDNumber, data.PartyNone, data.CommitteeDeputy)}}
	_, err = s.Import(ctx, bad, "坏.xlsx")
	if !errors.Is(err, data.ErrVettingFailed) || !strings.Contains(err.Error(), "城关镇/东关村/2026/孙三") || !strings.Contains(err.Error(), "不能列入") {
		t.Errorf("Import of a failed candidate = %v", err)
	}
	if !sameFullSnap(before, takeSnap(t, s)) {
		t.Error("the refused import changed the database")
	}
}

func TestSupervisorChairAndTrashAndLocks(t *testing.T) {
	s := openTest(t)
	b := roundRestBatch()
	if _, err := s.Import(ctx, b, "城关镇.xlsx"); err != nil {
		t.Fatal(err)
	}
	second := data.Supervisor{Township: "城关镇", Village: "东关村", Round: 2026, Name: "陈九", IDNumber: idNumber("19700101", 91), Post: data.SupChair, InLiangwei: true}
	var ps data.Problems
	if err := s.SaveSupervisor(ctx, &second); !errors.As(err, &ps) || len(ps.For("职务")) == 0 {
		t.Errorf("a second 主任 = %v", err)
	}
	bad := data.Batch{Supervisors: []data.Supervisor{second}}
	if _, err := s.Import(ctx, bad, "坏.xlsx"); !errors.Is(err, data.ErrPostTaken) {
		t.Errorf("import of a second 主任 = %v", err)
	}

	// Every kind goes to the recycle bin and back, each step audited.
	l, _ := s.Ledger(ctx, 2026)
	dels := []struct {
		kind data.KindCode
		id   int64
		del  func(int64) error
	}{
		{data.CodeCandidate, l.Candidates[0].ID, func(id int64) error { return s.DeleteCandidate(ctx, id) }},
		{data.CodeSupervisor, l.Supervisors[0].ID, func(id int64) error { return s.DeleteSupervisor(ctx, id) }},
		{data.CodeChange, l.Changes[0].ID, func(id int64) error { return s.DeleteChange(ctx, id) }},
		{data.CodeAudit, l.Audits[0].ID, func(id int64) error { return s.DeleteAudit(ctx, id) }},
	}
	for _, d := range dels {
		if err := d.del(d.id); err != nil {
			t.Fatalf("delete %s: %v", d.kind, err)
		}
	}
	trash, err := s.Trash(ctx)
	if err != nil || len(trash) != 4 {
		t.Fatalf("Trash = %v, %v; want the 4 records", trash, err)
	}
	if l2, _ := s.Ledger(ctx, 2026); len(l2.Candidates) != 2 || len(l2.Supervisors) != 2 || len(l2.Changes) != 0 || len(l2.Audits) != 0 {
		t.Errorf("deleted records still listed: %+v", l2)
	}
	for _, d := range dels {
		if err := s.Restore(ctx, string(d.kind), d.id); err != nil {
			t.Errorf("restore %s: %v", d.kind, err)
		}
	}
	actions := map[string]int{}
	for _, e := range mustAudit(t, s) {
		actions[e.Kind+" "+e.Action]++
	}
	for _, k := range []data.KindCode{data.CodeCandidate, data.CodeSupervisor, data.CodeChange, data.CodeAudit} {
		if actions[string(k)+" delete"] != 1 || actions[string(k)+" restore"] != 1 || actions[string(k)+" create"] == 0 {
			t.Errorf("audit of %s: %v", k, actions)
		}
	}

	// Locking 2026 refuses the round's records; a change is bound to the year it is dated in.
	if err := s.Lock(ctx, 2026, "已上报"); err != nil {
		t.Fatal(err)
	}
	c := b.Candidates[0]
	c.Post = "副书记"
	if _, err := s.Import(ctx, data.Batch{Candidates: []data.Candidate{c}}, "x.xlsx"); !errors.Is(err, data.ErrLocked) {
		t.Errorf("import into a locked round = %v", err)
	}
	a := data.DepartureAudit{Township: "城关镇", Village: "东关村", Round: 2026, Subject: "张三", Date: day("2026-01-05"), Conclusion: data.AuditClean}
	if err := s.SaveAudit(ctx, &a); !errors.Is(err, data.ErrLocked) {
		t.Errorf("SaveAudit in a locked round = %v", err)
	}
	later := data.Change{Township: "城关镇", Village: "东关村", Round: 2026, Date: day("2027-03-01"), Body: data.BodyParty, Post: data.PostMember,
		Successor: "褚十", SuccessorID: idNumber("19900101", 13), Method: data.MethodByElection}
	if err := s.SaveChange(ctx, &later); err != nil {
		t.Errorf("a 2027 change of the 2026 term with 2026 locked: %v", err)
	}
}
