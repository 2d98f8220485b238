package sqlite

import (
	"reflect"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/demo"
)

// TestReadKinds: each kind read township by township is, township after township, what
// Ledger(0) holds of it (a deleted record left out alike), and counted as many; with a
// township, that township's only; an unknown township reads nothing.
func TestReadKinds(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s := openTest(t)
	importCity(t, s, today, demo.Scale{Townships: 3, Villages: 150})
	if _, err := s.Import(ctx, demoIn(demo.Batch(today), "演示镇"), "demo"); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Members(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMember(ctx, ms[3].ID); err != nil {
		t.Fatal(err)
	}
	whole, err := s.Ledger(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, town := range []string{"", "演示镇", whole.Townships[0].Name, "无此镇"} {
		var names []string // the townships read, in Ledger's order
		for _, tw := range whole.Townships {
			if town == "" || tw.Name == town {
				names = append(names, tw.Name)
			}
		}
		err := s.ReadKinds(ctx, town, func(r data.KindReader) error {
			for _, k := range data.Descriptions {
				code := k.Info().Code
				n, err := r.Count(code)
				if err != nil {
					return err
				}
				i, total := 0, 0
				err = r.EachTownship(code, func(l data.Ledger) error {
					var want data.Ledger
					if i < len(names) {
						k.CopyTownship(&want, &whole, names[i])
					}
					if !reflect.DeepEqual(l, want) {
						t.Errorf("township %q, %s, part %d: read %d records, Ledger(0) %d", town, code, i, l.Len(), want.Len())
					}
					i++
					total += l.Len()
					return nil
				})
				if err != nil {
					return err
				}
				if i != len(names) || n != total {
					t.Errorf("township %q, %s: %d townships read of %d, counted %d, read %d", town, code, i, len(names), n, total)
				}
				if town == "" && n != k.Count(&whole) {
					t.Errorf("%s: counted %d, Ledger(0) %d", code, n, k.Count(&whole))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(whole.Developments) == 0 || len(whole.Candidates) == 0 {
		t.Error("the party work or the vetting is not read: not a test")
	}
}
