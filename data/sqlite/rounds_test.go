package sqlite

import (
	"slices"
	"testing"
	"time"

	"liangwei/demo"
)

// TestRoundsListedOnly: Rounds lists a round while one of its elections is listed, and not
// once every one is deleted.
func TestRoundsListedOnly(t *testing.T) {
	s := openTest(t)
	city := demo.CityOf(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), demo.Scale{Townships: 2, Villages: 6})
	for _, b := range city.Townships {
		if _, err := s.Import(ctx, b, "city"); err != nil {
			t.Fatal(err)
		}
	}
	rounds, err := s.Rounds(ctx)
	if err != nil || len(rounds) == 0 || !slices.IsSortedFunc(rounds, func(a, b int) int { return b - a }) {
		t.Fatalf("Rounds = %v, %v", rounds, err)
	}
	old := rounds[len(rounds)-1]
	es, err := s.Elections(ctx, old)
	if err != nil || len(es) == 0 {
		t.Fatalf("Elections(%d) = %d, %v", old, len(es), err)
	}
	for i, e := range es {
		if err := s.DeleteElection(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
		got, err := s.Rounds(ctx)
		if last := i == len(es)-1; err != nil || slices.Contains(got, old) == last {
			t.Fatalf("%d of %d elections of %d deleted: Rounds = %v, %v", i+1, len(es), old, got, err)
		}
	}
	if got, _ := s.Rounds(ctx); !slices.Equal(got, rounds[:len(rounds)-1]) {
		t.Errorf("Rounds = %v, want %v", got, rounds[:len(rounds)-1])
	}
}
