package sqlite

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// at sets the store's clock to a fixed instant.
func at(s *Store, t time.Time) { s.now = func() time.Time { return t } }

func TestAuditLogFilters(t *testing.T) {
	s := openTest(t)
	d1 := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	d2 := time.Date(2026, 6, 2, 10, 0, 0, 0, time.UTC)
	d2late := time.Date(2026, 6, 2, 20, 0, 0, 0, time.UTC) // 2026-06-03 04:00 in UTC+8
	d3 := time.Date(2026, 6, 3, 11, 0, 0, 0, time.UTC)
	at(s, d1)
	saveVillages(t, s, "城关镇", "东关村") // township and village created
	at(s, d2)
	saveVillages(t, s, "城关镇", "西关村")
	e := completed("城关镇", "东关村", data.BodyParty)
	if err := s.SaveElection(ctx, &e, today); err != nil {
		t.Fatal(err)
	}
	at(s, d2late)
	w := completed("城关镇", "西关村", data.BodyCommittee)
	if err := s.SaveElection(ctx, &w, today); err != nil {
		t.Fatal(err)
	}
	at(s, d3)
	if err := s.DeleteElection(ctx, e.ID); err != nil {
		t.Fatal(err)
	}

	type row struct{ Action, Kind, Record string }
	cst := time.FixedZone("CST", 8*3600)
	tests := []struct {
		name   string
		filter data.AuditFilter
		want   []row
	}{
		{"all, newest first", data.AuditFilter{}, []row{
			{"delete", "election", "城关镇/东关村/2026/党组织"},
			{"create", "election", "城关镇/西关村/2026/村委会"},
			{"create", "election", "城关镇/东关村/2026/党组织"},
			{"create", "village", "城关镇/西关村"},
			{"create", "village", "城关镇/东关村"},
			{"create", "township", "城关镇"},
		}},
		{"kind", data.AuditFilter{Kind: string(data.CodeVillage)}, []row{
			{"create", "village", "城关镇/西关村"},
			{"create", "village", "城关镇/东关村"},
		}},
		{"village substring", data.AuditFilter{Village: "东关"}, []row{
			{"delete", "election", "城关镇/东关村/2026/党组织"},
			{"create", "election", "城关镇/东关村/2026/党组织"},
			{"create", "village", "城关镇/东关村"},
		}},
		{"kind and village", data.AuditFilter{Kind: string(data.CodeElection), Village: "西关村"}, []row{
			{"create", "election", "城关镇/西关村/2026/村委会"},
		}},
		{"one UTC day", data.AuditFilter{Since: day("2026-06-02"), Until: day("2026-06-02")}, []row{
			{"create", "election", "城关镇/西关村/2026/村委会"},
			{"create", "election", "城关镇/东关村/2026/党组织"},
			{"create", "village", "城关镇/西关村"},
		}},
		{"one local day (UTC+8)", data.AuditFilter{Since: time.Date(2026, 6, 3, 0, 0, 0, 0, cst), Until: time.Date(2026, 6, 3, 0, 0, 0, 0, cst)}, []row{
			{"delete", "election", "城关镇/东关村/2026/党组织"},
			{"create", "election", "城关镇/西关村/2026/村委会"},
		}},
		{"since only", data.AuditFilter{Since: day("2026-06-03")}, []row{
			{"delete", "election", "城关镇/东关村/2026/党组织"},
		}},
		{"until only", data.AuditFilter{Until: day("2026-06-01")}, []row{
			{"create", "village", "城关镇/东关村"},
			{"create", "township", "城关镇"},
		}},
		{"limit", data.AuditFilter{Limit: 2}, []row{
			{"delete", "election", "城关镇/东关村/2026/党组织"},
			{"create", "election", "城关镇/西关村/2026/村委会"},
		}},
		{"no match", data.AuditFilter{Village: "北关村"}, nil},
		{"percent is not a wildcard", data.AuditFilter{Village: "%"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.AuditLog(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var rows []row
			for _, g := range got {
				rows = append(rows, row{g.Action, g.Kind, g.Record})
			}
			if !reflect.DeepEqual(rows, tt.want) {
				t.Errorf("got  %v\nwant %v", rows, tt.want)
			}
		})
	}
	all, _ := s.AuditLog(ctx, data.AuditFilter{})
	if !all[0].At.Equal(d3) || !all[len(all)-1].At.Equal(d1) {
		t.Errorf("times %v … %v, want %v … %v", all[0].At, all[len(all)-1].At, d3, d1)
	}
}

func TestTrashListsAndRestoresEveryKind(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村", "西关村")
	if err := s.SaveTownship(ctx, &data.Township{Name: "新城镇"}); err != nil {
		t.Fatal(err)
	}
	e := completed("城关镇", "东关村", data.BodyParty)
	m := member("城关镇", "东关村", "王镕", idNumber("19750101", 11), data.PartySecretary, data.CommitteeDirector)
	l := data.Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 2}
	p := partyOrg("城关镇", "东关村", 2026)
	c := complaint("城关镇", "XF-1", day("2026-03-01"))
	k := talk("城关镇", "YT-1", day("2026-04-01"))
	for _, err := range []error{s.SaveElection(ctx, &e, today), s.SaveMember(ctx, &m), s.SaveLeadership(ctx, &l),
		s.SavePartyOrg(ctx, &p), s.SaveComplaint(ctx, &c), s.SaveTalk(ctx, &k)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	before := withoutIDs(mustLedger(t, s))
	vs, _ := s.Villages(ctx)
	west := vs[1]
	ts, _ := s.Townships(ctx)
	xin := ts[1]

	base := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	deletes := []struct {
		kind   string
		id     int64
		record string
		del    func() error
	}{
		{string(data.CodeTalk), k.ID, "城关镇/YT-1", func() error { return s.DeleteTalk(ctx, k.ID) }},
		{string(data.CodeComplaint), c.ID, "城关镇/XF-1", func() error { return s.DeleteComplaint(ctx, c.ID) }},
		{string(data.CodePartyOrg), p.ID, "城关镇/东关村/2026", func() error { return s.DeletePartyOrg(ctx, p.ID) }},
		{string(data.CodeLeadership), l.ID, "城关镇/2026", func() error { return s.DeleteLeadership(ctx, l.ID) }},
		{string(data.CodeMember), m.ID, "城关镇/东关村/2026/王镕/" + data.MaskID(m.IDNumber), func() error { return s.DeleteMember(ctx, m.ID) }},
		{string(data.CodeElection), e.ID, "城关镇/东关村/2026/党组织", func() error { return s.DeleteElection(ctx, e.ID) }},
		{string(data.CodeVillage), west.ID, "城关镇/西关村", func() error { return s.DeleteVillage(ctx, west.ID) }},
		{string(data.CodeTownship), xin.ID, "新城镇", func() error {
			// No screen deletes a township; the bin still lists and restores one.
			_, err := s.db.Exec(`UPDATE townships SET deleted_at = ? WHERE id = ?`, s.stamp(), xin.ID)
			return err
		}},
	}
	var want []data.TrashItem
	for i, d := range deletes {
		at(s, base.Add(time.Duration(i)*time.Minute))
		if err := d.del(); err != nil {
			t.Fatalf("deleting %s: %v", d.kind, err)
		}
		want = append([]data.TrashItem{{Kind: d.kind, ID: d.id, Record: d.record, DeletedAt: s.now()}}, want...)
	}
	got, err := s.Trash(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Trash =\n%+v\nwant\n%+v", got, want)
	}

	if err := s.Restore(ctx, "customer", 1); !errors.Is(err, data.ErrUnknownKind) {
		t.Errorf("Restore of an unknown kind = %v, want data.ErrUnknownKind", err)
	}
	if err := s.Restore(ctx, string(data.CodeVillage), vs[0].ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Restore of a listed village = %v, want data.ErrNotFound", err)
	}
	for _, item := range got {
		if err := s.Restore(ctx, item.Kind, item.ID); err != nil {
			t.Errorf("Restore(%s, %d): %v", item.Kind, item.ID, err)
		}
	}
	if rest, err := s.Trash(ctx); err != nil || len(rest) != 0 {
		t.Errorf("Trash after restoring everything = %+v, %v", rest, err)
	}
	if after := withoutIDs(mustLedger(t, s)); !reflect.DeepEqual(after, before) {
		t.Errorf("restored ledger differs:\n%+v\nwant\n%+v", after, before)
	}
	restores, _ := s.AuditLog(ctx, data.AuditFilter{Limit: len(got)})
	for i, r := range restores {
		if r.Action != ActionRestore || r.Kind != got[len(got)-1-i].Kind {
			t.Errorf("audit[%d] = %s %s, want restore %s", i, r.Action, r.Kind, got[len(got)-1-i].Kind)
		}
	}
}

func mustLedger(t *testing.T, s *Store) data.Ledger {
	t.Helper()
	l, err := s.Ledger(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// The recycle bin refuses a member whose village is deleted with a message, not a panic.
func TestRestoreNeedsItsVillage(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村")
	m := member("城关镇", "东关村", "王镕", idNumber("19750101", 11), data.PartySecretary, data.CommitteeDirector)
	if err := s.SaveMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	vs, _ := s.Villages(ctx)
	if err := s.DeleteMember(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteVillage(ctx, vs[0].ID); err != nil {
		t.Fatal(err)
	}
	err := s.Restore(ctx, string(data.CodeMember), m.ID)
	if !errors.Is(err, data.ErrUnknownVillage) || !strings.Contains(err.Error(), "回收站") {
		t.Errorf("Restore member of a deleted village = %v, want data.ErrUnknownVillage naming the bin", err)
	}
}
