package sqlite

import (
	"testing"

	"liangwei/data"
)

// roundRestLocks holds records of the four kinds of a round's rest (候选人, 村务监督委员会,
// 任职变动, 离任审计) of 2026, stored before the lock, for the cases a lock of 2026 must refuse.
type roundRestLocks struct {
	b data.Batch
	l data.Ledger
}

// newRoundRestLocks stores one record of each of the four kinds in 城关镇/西关村, 2026.
func newRoundRestLocks(t *testing.T, s *Store) *roundRestLocks {
	t.Helper()
	const tw, v = "城关镇", "西关村"
	b := data.Batch{
		Candidates: []data.Candidate{{Township: tw, Village: v, Round: 2026, Name: "冯八", IDNumber: idNumber("19720101", 81),
			Body: data.VetCommittee, Post: "委员", Verdict: data.VerdictPassed, Checked: day("2026-02-01")}},
		Supervisors: []data.Supervisor{
			{Township: tw, Village: v, Round: 2026, Name: "周五", IDNumber: idNumber("19660606", 51), Post: data.SupChair, InLiangwei: true, Method: data.SupByRepresentative, Elected: day("2026-03-20")},
			{Township: tw, Village: v, Round: 2026, Name: "吴六", IDNumber: idNumber("19670707", 62), Post: data.SupMember, Method: data.SupByRepresentative, Elected: day("2026-03-20")},
			{Township: tw, Village: v, Round: 2026, Name: "郑七", IDNumber: idNumber("19680808", 71), Post: data.SupMember, Method: data.SupByRepresentative, Elected: day("2026-03-20")},
		},
		Changes: []data.Change{{Township: tw, Village: v, Round: 2026, Date: day("2026-05-10"), Body: data.BodyCommittee, Post: data.PostDirector,
			Leaver: "钱二", LeaverID: idNumber("19750505", 22), Cause: data.CauseResigned, Successor: "李四", SuccessorID: idNumber("19850303", 41), Method: data.MethodByElection}},
		Audits: []data.DepartureAudit{{Township: tw, Village: v, Round: 2026, Subject: "王老", Post: "书记", Auditor: "城关镇农经站",
			Date: day("2026-01-10"), Conclusion: data.AuditRectified, Findings: "白条入账 2 笔"}},
	}
	if _, err := s.Import(ctx, b, "西关村.xlsx"); err != nil {
		t.Fatalf("round-rest records: %v", err)
	}
	l, err := s.Ledger(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	return &roundRestLocks{b: b, l: l}
}

// cases are the changes of the four kinds of 2026 a lock of 2026 refuses: new, edited,
// deleted.
func (r *roundRestLocks) cases(s *Store) []lockCase {
	newCand := r.b.Candidates[0]
	newCand.Name, newCand.IDNumber = "褚九", idNumber("19730202", 92)
	newSup := r.b.Supervisors[1]
	newSup.Name, newSup.IDNumber = "卫十", idNumber("19740303", 13)
	newChange := r.b.Changes[0]
	newChange.Date = day("2026-06-10")
	newAudit := r.b.Audits[0]
	newAudit.Subject = "张旧"
	return []lockCase{
		{"SaveCandidate", "new candidate", func() error { c := newCand; return s.SaveCandidate(ctx, &c) }},
		{"SaveCandidate", "edit candidate", func() error { c := r.l.Candidates[0]; c.Post = "副主任"; return s.SaveCandidate(ctx, &c) }},
		{"DeleteCandidate", "delete candidate", func() error { return s.DeleteCandidate(ctx, r.l.Candidates[0].ID) }},
		{"SaveSupervisor", "new supervisor", func() error { x := newSup; return s.SaveSupervisor(ctx, &x) }},
		{"SaveSupervisor", "edit supervisor", func() error { x := r.l.Supervisors[0]; x.Name = "周伍"; return s.SaveSupervisor(ctx, &x) }},
		{"DeleteSupervisor", "delete supervisor", func() error { return s.DeleteSupervisor(ctx, r.l.Supervisors[0].ID) }},
		{"SaveChange", "new change", func() error { x := newChange; return s.SaveChange(ctx, &x) }},
		{"SaveChange", "edit change", func() error { x := r.l.Changes[0]; x.Note = "补记"; return s.SaveChange(ctx, &x) }},
		{"DeleteChange", "delete change", func() error { return s.DeleteChange(ctx, r.l.Changes[0].ID) }},
		{"SaveAudit", "new audit", func() error { x := newAudit; return s.SaveAudit(ctx, &x) }},
		{"SaveAudit", "edit audit", func() error { x := r.l.Audits[0]; x.Findings = "无"; return s.SaveAudit(ctx, &x) }},
		{"DeleteAudit", "delete audit", func() error { return s.DeleteAudit(ctx, r.l.Audits[0].ID) }},
	}
}
