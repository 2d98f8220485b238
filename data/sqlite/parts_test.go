package sqlite

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/demo"
)

// TestEachPartReadsOnlyTownshipsWritten: a round's figures summed from kept township shares
// equal the figures of every township read, while only the townships an import wrote are
// read again; any other write, the cache turned off, or another reference date reads them
// all; keeping shares raises no version and writes no audit row.
func TestEachPartReadsOnlyTownshipsWritten(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s := openTest(t)
	city := importCity(t, s, today, demo.Scale{Townships: 4, Villages: 120})
	round := city.Round
	names := func() []string {
		var ns []string
		for _, b := range city.Townships {
			ns = append(ns, b.Villages[0].Township)
		}
		slices.Sort(ns)
		return ns
	}()
	whole := func(ref time.Time) data.Stats {
		sum := data.NewStatsSum(round, ref)
		if err := s.EachTownship(ctx, round, func(l data.Ledger) error { sum.Add(l); return nil }); err != nil {
			t.Fatal(err)
		}
		return sum.Stats()
	}
	// parts sums the shares as the CLI does and says which townships were read.
	parts := func(ref time.Time) (data.Stats, []string) {
		t.Helper()
		sum := data.NewStatsSum(round, ref)
		var read []string
		compute := func(l data.Ledger) data.StatsPart {
			read = append(read, l.Townships[0].Name)
			return sum.PartOf(l)
		}
		if err := EachPart(ctx, s, "stats "+ref.Format(time.DateOnly), round, true, compute, sum.AddPart); err != nil {
			t.Fatal(err)
		}
		return sum.Stats(), read
	}
	check := func(step string, ref time.Time, wantRead []string) data.Stats {
		t.Helper()
		got, read := parts(ref)
		if want := whole(ref); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the figures from kept shares differ from every township's:\n%+v\nwant\n%+v", step, got, want)
		}
		slices.Sort(read)
		if !slices.Equal(read, wantRead) {
			t.Fatalf("%s: read %v, want %v", step, read, wantRead)
		}
		return got
	}

	check("first", today, names)
	audits, v0 := len(mustAudit(t, s)), ledgerVersion(t, s)
	before := check("again", today, nil)
	if len(mustAudit(t, s)) != audits || ledgerVersion(t, s) != v0 {
		t.Errorf("keeping shares wrote to the ledger: audit rows %d → %d, version %d → %d",
			audits, len(mustAudit(t, s)), v0, ledgerVersion(t, s))
	}

	// One township's workbook again, with a member's education changed: only it is read.
	b := city.Townships[1]
	changed := b.Villages[0].Township
	b.Members = slices.Clone(b.Members)
	for i := range b.Members {
		if b.Members[i].Education == data.EduMiddle {
			b.Members[i].Education = data.EduBachelor
		}
	}
	if _, err := s.Import(ctx, b, changed+".xlsx"); err != nil {
		t.Fatal(err)
	}
	after := check("after one township's import", today, []string{changed})
	if after.Members.College == before.Members.College {
		t.Fatalf("the changed education did not change the figures (大专及以上 %d): the test proves nothing", after.Members.College)
	}
	check("again after it", today, nil)

	// A kept share that does not decode (a damaged page, say) is read again, and only it.
	if _, err := s.db.Exec("UPDATE figure_parts SET value = '{\"s\": [' WHERE township = ?", names[3]); err != nil {
		t.Fatal(err)
	}
	check("after a share is damaged", today, []string{names[3]})

	// A dry run writes nothing: nothing is read.
	if _, err := s.PlanImport(ctx, city.Townships[2], "dry.xlsx"); err != nil {
		t.Fatal(err)
	}
	check("after a dry run", today, nil)

	// Another reference date is another figure.
	check("another date", today.AddDate(0, 1, 0), names)

	// A write by hand may change anything: every township is read.
	saveVillages(t, s, names[0], "新设村")
	check("after a village saved by hand", today, names)

	// Without the cache every township is read, every time.
	t.Setenv(noCacheEnv, "1")
	check("without the cache", today, names)
	check("without the cache, again", today, names)
}
