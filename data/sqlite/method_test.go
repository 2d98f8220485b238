package sqlite

import (
	"strings"
	"testing"

	"liangwei/data"
)

// TestElectionMethodStored: a 居民委员会's 选举方式 is stored, listed, exported in the ledger and
// audited; a file without the column keeps it.
func TestElectionMethodStored(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "新华社区")
	e := completed("城关镇", "新华社区", data.BodyCommittee)
	e.Method = data.VoteHouseholds
	if err := s.SaveElection(ctx, &e, today); err != nil {
		t.Fatal(err)
	}
	es, err := s.Elections(ctx, 2026)
	if err != nil || len(es) != 1 || es[0].Method != data.VoteHouseholds {
		t.Fatalf("Elections = %+v, %v", es, err)
	}
	if a := mustAudit(t, s); len(a) == 0 || !strings.Contains(a[0].NewValue, `"选举方式":"户代表"`) {
		t.Errorf("audit = %+v", a[0])
	}
	b := data.Batch{Elections: []data.Election{es[0]}, Absent: map[data.KindCode][]string{data.CodeElection: {"选举方式"}}}
	b.Elections[0].ID, b.Elections[0].Method = 0, ""
	if _, err := s.Import(ctx, b, "无选举方式.xlsx"); err != nil {
		t.Fatal(err)
	}
	if es, _ := s.Elections(ctx, 2026); es[0].Method != data.VoteHouseholds {
		t.Errorf("a file without 选举方式 changed it to %q", es[0].Method)
	}
}
