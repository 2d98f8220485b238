package sqlite

import (
	"testing"
	"time"

	"liangwei/data"
)

// partyWorkLocks holds a development record and a commendation of 2026, stored before the
// lock, for the cases a lock of 2026 must refuse.
type partyWorkLocks struct {
	l data.Ledger
}

// devRecord is a development in 城关镇/西关村: applied 2024, 积极分子 2025, 发展对象 in 2026.
func devRecord() data.Development {
	return data.Development{Township: "城关镇", Village: "西关村", Name: "蒋十一", IDNumber: idNumber("19980404", 111),
		Education: data.EduCollege, Applied: day("2024-03-01"), Activist: day("2025-03-10"), Candidate: day("2026-04-01"),
		Contact: "周五、吴六", Vetting: "政审合格"}
}

func newPartyWorkLocks(t *testing.T, s *Store) *partyWorkLocks {
	t.Helper()
	b := data.Batch{
		Developments: []data.Development{devRecord()},
		Commendations: []data.Commendation{{Year: 2026, Township: "城关镇", Village: "西关村", Category: data.CommendOrg,
			Subject: "西关村党支部", Level: data.ByCounty, Date: day("2026-05-01"), DocNo: "青发〔2026〕5号"}},
	}
	if _, err := s.Import(ctx, b, "党建.xlsx"); err != nil {
		t.Fatalf("party work records: %v", err)
	}
	l, err := s.Ledger(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Developments) != 1 || len(l.Commendations) != 1 {
		t.Fatalf("ledger of 2026: %d developments, %d commendations; want 1 and 1", len(l.Developments), len(l.Commendations))
	}
	return &partyWorkLocks{l: l}
}

// cases are the changes of 2026's development and commendations a lock of 2026 refuses.
func (p *partyWorkLocks) cases(s *Store) []lockCase {
	newDev := devRecord()
	newDev.Name, newDev.IDNumber = "沈十二", idNumber("19990505", 122)
	newDev.Applied, newDev.Activist, newDev.Candidate, newDev.Contact, newDev.Vetting = day("2026-02-01"), time.Time{}, time.Time{}, "", ""
	newCom := p.l.Commendations[0]
	newCom.ID, newCom.Subject = 0, "东关村党支部"
	return []lockCase{
		{"SaveDevelopment", "new development applied in the year", func() error { d := newDev; return s.SaveDevelopment(ctx, &d) }},
		{"SaveDevelopment", "development's 2026 date moved", func() error {
			d := p.l.Developments[0]
			d.Candidate = day("2026-04-15")
			return s.SaveDevelopment(ctx, &d)
		}},
		{"SaveDevelopment", "development's name changed", func() error { d := p.l.Developments[0]; d.Name = "蒋拾壹"; return s.SaveDevelopment(ctx, &d) }},
		{"DeleteDevelopment", "delete development", func() error { return s.DeleteDevelopment(ctx, p.l.Developments[0].ID) }},
		{"SaveCommendation", "new commendation", func() error { c := newCom; return s.SaveCommendation(ctx, &c) }},
		{"SaveCommendation", "edit commendation", func() error {
			c := p.l.Commendations[0]
			c.DocNo = "青发〔2026〕6号"
			return s.SaveCommendation(ctx, &c)
		}},
		{"DeleteCommendation", "delete commendation", func() error { return s.DeleteCommendation(ctx, p.l.Commendations[0].ID) }},
	}
}
