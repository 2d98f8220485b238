package bench

import (
	"testing"

	"liangwei/data"
)

// BenchmarkCityStatsEach is `liangwei-cli stats` as it runs: the round read township by
// township (Store.EachTownship) and added up (data.StatsSum).
func BenchmarkCityStatsEach(b *testing.B) {
	st := cityStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sum := data.NewStatsSum(city.Round, today)
		if err := st.EachTownship(ctx, city.Round, func(l data.Ledger) error { sum.Add(l); return nil }); err != nil {
			b.Fatal(err)
		}
		if s := sum.Stats(); s.Villages != city.Expected.Villages {
			b.Fatalf("%d villages", s.Villages)
		}
	}
}

// BenchmarkCityPrint is the data fingerprint (issue 18) of the city's round, as a report's
// seal takes it: every record's audit value hashed, sorted and summed.
func BenchmarkCityPrint(b *testing.B) {
	st := cityStore(b)
	l, err := st.Ledger(ctx, city.Round)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if f := data.TakePrint(l, nil); len(f.Townships) != len(city.Townships) {
			b.Fatalf("%d townships printed", len(f.Townships))
		}
	}
}
