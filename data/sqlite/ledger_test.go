package sqlite

import (
	"reflect"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/demo"
)

// TestEachTownship: the ledger read one township at a time is, township by township, what
// Ledger reads for the round and ForTownship keeps — the rest of the round, deleted records
// and another round left out alike — and in Ledger's township order.
func TestEachTownship(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s := openTest(t)
	city := importCity(t, s, today, demo.Scale{Townships: 4, Villages: 200})
	b := demo.Batch(today)
	for i := range b.Townships {
		b.Townships[i].Name = "演示镇"
	}
	if _, err := s.Import(ctx, demoIn(b, "演示镇"), "demo"); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Members(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMember(ctx, ms[5].ID); err != nil {
		t.Fatal(err)
	}
	for _, round := range []int{city.Round, city.Round - 5, 0} {
		whole, err := s.Ledger(ctx, round)
		if err != nil {
			t.Fatal(err)
		}
		if round == city.Round && (len(whole.Developments) == 0 || len(whole.Commendations) == 0) {
			t.Errorf("round %d: %d developments, %d commendations: the party work is not tested", round, len(whole.Developments), len(whole.Commendations))
		}
		var names []string
		err = s.EachTownship(ctx, round, func(l data.Ledger) error {
			if len(l.Townships) != 1 {
				t.Fatalf("a township's ledger holds %d townships", len(l.Townships))
			}
			name := l.Townships[0].Name
			names = append(names, name)
			if want := whole.ForTownship(name); !reflect.DeepEqual(l, want) {
				t.Errorf("round %d, %s: read alone %d records, ForTownship %d", round, name, l.Len(), want.Len())
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, tw := range whole.Townships {
			want = append(want, tw.Name)
		}
		if !reflect.DeepEqual(names, want) || len(names) != 5 {
			t.Errorf("round %d: townships %v, want %v", round, names, want)
		}
	}
}

// TestSumPreviousRates: the previous round's key rates added township by township are
// LoadPreviousRates's, and nil when there is no previous round.
func TestSumPreviousRates(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s := openTest(t)
	if _, err := s.Import(ctx, demo.Batch(today), "demo"); err != nil {
		t.Fatal(err)
	}
	city := demo.CityOf(today, demo.Scale{Townships: 3, Villages: 150})
	for _, b := range city.Townships[1:] { // the demo is 城关镇 already
		if _, err := s.Import(ctx, b, "city"); err != nil {
			t.Fatal(err)
		}
	}
	for _, round := range []int{2026, 2021} {
		got, err := data.SumPreviousRates(ctx, s, round)
		if err != nil {
			t.Fatal(err)
		}
		want, err := data.LoadPreviousRates(ctx, s, round, "")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) || (round == 2026) != (got != nil) {
			t.Errorf("round %d: summed %+v, read whole %+v", round, got, want)
		}
	}
}

// demoIn is the demo batch moved to the township name.
func demoIn(b data.Batch, name string) data.Batch {
	set := func(p *string) { *p = name }
	for i := range b.Villages {
		set(&b.Villages[i].Township)
	}
	for i := range b.Elections {
		set(&b.Elections[i].Township)
	}
	for i := range b.Members {
		set(&b.Members[i].Township)
	}
	for i := range b.Leaderships {
		set(&b.Leaderships[i].Township)
	}
	for i := range b.PartyOrgs {
		set(&b.PartyOrgs[i].Township)
	}
	for i := range b.Complaints {
		set(&b.Complaints[i].Township)
	}
	for i := range b.Talks {
		set(&b.Talks[i].Township)
	}
	for i := range b.Candidates {
		set(&b.Candidates[i].Township)
	}
	for i := range b.Supervisors {
		set(&b.Supervisors[i].Township)
	}
	for i := range b.Changes {
		set(&b.Changes[i].Township)
	}
	for i := range b.Audits {
		set(&b.Audits[i].Township)
	}
	for i := range b.Developments {
		set(&b.Developments[i].Township)
	}
	for i := range b.Commendations {
		set(&b.Commendations[i].Township)
	}
	return b
}

// TestMembersForFigures: members read for the figures alone (memberFiguresKind) are those
// read whole, but for no ID and an empty 姓名, 民族, 身份标签 and 联系电话.
func TestMembersForFigures(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s := openTest(t)
	city := importCity(t, s, today, demo.Scale{Townships: 2, Villages: 100})
	err := s.readRaw(ctx, func(q rowSource) error {
		whole, err := ledgerIn(ctx, q, city.Round, "")
		if err != nil {
			return err
		}
		lean, err := ledgerOf(ctx, q, city.Round, "", memberFiguresKind)
		if err != nil {
			return err
		}
		if len(whole.Members) < 100 || len(lean.Members) != len(whole.Members) {
			t.Fatalf("%d members read for the figures, %d whole", len(lean.Members), len(whole.Members))
		}
		tagged := 0
		for i, m := range whole.Members {
			if len(m.Tags) > 0 {
				tagged++
			}
			m.ID, m.Name, m.Ethnicity, m.Tags, m.Phone = 0, "", "", nil, ""
			if !reflect.DeepEqual(lean.Members[i], m) {
				t.Fatalf("member %d read for the figures:\n%+v\nwant\n%+v", i, lean.Members[i], m)
			}
		}
		if tagged == 0 {
			t.Fatal("no member has a tag: the test proves less than it says")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
