package demo

import (
	"testing"

	"liangwei/data"
)

// TestRoundRest: the demo's vetting, supervision committees, changes and audits agree with
// its roster — nobody 不通过 sits on a roster, every check error is absent — and the
// figures as of today follow the three changes.
func TestRoundRest(t *testing.T) {
	today := day(2026, 11, 25)
	b := Batch(today)
	round := Round(today)
	for _, f := range data.CheckLedger(b, round, today) {
		if f.Level == data.LevelError {
			t.Errorf("check: %s", f)
		}
	}
	s := data.ComputeStats(b, round, today)
	// Candidates: one per party post and one per committee post of the roster as elected
	// (195 + 231), 3 failed, and the 2 or 4 members of each of the 37 supervision committees
	// who are not on the 两委.
	posts := 0
	for _, m := range b.Members {
		if m.Round == round {
			posts += boolInt(m.PartyPost != "") + boolInt(m.CommitteePost != "")
		}
	}
	if posts != 426 {
		t.Errorf("posts on the roster = %d, want 195 + 231", posts)
	}
	if c := s.Candidates; c.Total != posts+3+s.Supervision.Members-s.Supervision.InLiangwei || c.Failed != 3 || c.Pending != 0 ||
		c.ByReason["违法用地"] != 1 || c.ByReason["受过刑事处罚"] != 1 || c.ByReason["其他"] != 1 {
		t.Errorf("candidates = %+v", c)
	}
	// 37 villages completed their 村委会 election; every fourth of the 40 active villages (10,
	// 9 of them among the 37) has 5 members, the others 3; each chaired by a 两委 member.
	if v := s.Supervision; v.Villages != 37 || v.Members != 9*5+28*3 || v.InLiangwei != 37 {
		t.Errorf("supervision = %+v", v)
	}
	if c := s.Changes; c.Total != 3 || c.ByReason["辞职"] != 2 || c.ByReason["调整"] != 1 || c.ByMethod["补选"] != 2 || c.ByMethod["任命"] != 1 {
		t.Errorf("changes = %+v", c)
	}
	// 39 villages completed the party election; one still owes its audit.
	if a := s.Audits; a.Villages != 38 || a.WithProblems == 0 || a.WithProblems-a.Rectified != 1 {
		t.Errorf("audits = %+v", a)
	}
	// Today the adjusted 书记 of a 一肩挑 village has gone: 31 → 30 一肩挑; the 主任 who resigned
	// stays 副书记, so the roster keeps 352 + 3 successors − 1 委员 who left every post.
	if m := s.Members; m.DualHead != 30 || m.Total != 354 {
		t.Errorf("members today = %+v", m)
	}
	before := data.ComputeStats(b, round, b.Changes[2].Date.AddDate(0, 0, -1)).Members
	if before.DualHead != 31 {
		t.Errorf("一肩挑 before the adjustment = %d, want 31", before.DualHead)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
