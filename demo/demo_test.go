package demo

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"liangwei/data"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// todays covers a day early in the round's year window, mid-year and the turn of the year.
var todays = []time.Time{
	day(2026, 7, 1),   // round 2026, only four months of completion dates
	day(2026, 11, 25), // round 2026
	day(2027, 1, 3),   // round 2026, seen from the next year
	day(2026, 6, 30),  // round 2025
}

func TestRound(t *testing.T) {
	want := []int{2026, 2026, 2026, 2025}
	for i, today := range todays {
		if got := Round(today); got != want[i] {
			t.Errorf("Round(%s) = %d, want %d", data.FormatDate(today), got, want[i])
		}
	}
}

func TestBatchValid(t *testing.T) {
	for _, today := range todays {
		t.Run(data.FormatDate(today), func(t *testing.T) {
			b := Batch(today)
			for _, tw := range b.Townships {
				if ps := tw.Validate(); len(ps) > 0 {
					t.Errorf("township %s: %v", tw.Name, ps)
				}
			}
			for _, v := range b.Villages {
				if ps := v.Validate(); len(ps) > 0 {
					t.Errorf("village %s: %v", v.Name, ps)
				}
			}
			round := Round(today)
			for _, e := range b.Elections {
				// Warnings would be listed by `check` on a fresh demo, so none are allowed either.
				if ps := e.Validate(today); len(ps) > 0 {
					t.Errorf("election %s %s: %v", e.Village, e.Body, ps)
				}
				if e.Round != round {
					if e.Round != round-TermYears {
						t.Errorf("election %s %s round %d, want %d or the previous %d", e.Village, e.Body, e.Round, round, round-TermYears)
					}
					continue
				}
				if e.Status == data.StatusCompleted {
					if e.Body == data.BodyParty && (e.Eligible < 30 || e.Eligible > 150) {
						t.Errorf("%s party members %d, want 30–150", e.Village, e.Eligible)
					}
					if e.Body == data.BodyCommittee && (e.Eligible < 800 || e.Eligible > 3500) {
						t.Errorf("%s voters %d, want 800–3500", e.Village, e.Eligible)
					}
					if r := float64(e.Participants) / float64(e.Eligible); r < 0.84 || r > 0.99 {
						t.Errorf("%s %s turnout %.3f, want 85–98%%", e.Village, e.Body, r)
					}
					if e.Seats < 3 || e.Seats > 7 || e.Candidates <= e.Seats {
						t.Errorf("%s %s seats %d candidates %d", e.Village, e.Body, e.Seats, e.Candidates)
					}
				}
			}
		})
	}
}

func TestBatchCounts(t *testing.T) {
	today := day(2026, 11, 25)
	b := Batch(today)
	type counts struct {
		Townships, Villages, Communities, Merged, Elections int
	}
	var got counts
	got.Townships = len(b.Townships)
	for _, e := range b.Elections {
		if e.Round == Round(today) {
			got.Elections++
		}
	}
	for _, v := range b.Villages {
		switch {
		case v.Status == data.VillageMerged:
			got.Merged++
		case v.Kind == data.KindCommunity:
			got.Communities++
		default:
			got.Villages++
		}
	}
	// 34 villages + 6 communities active, 陈家圩村 merged; two elections per active one.
	want := counts{Townships: 1, Villages: 34, Communities: 6, Merged: 1, Elections: 80}
	if got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}

	s := data.ComputeStats(data.Ledger{Townships: b.Townships, Villages: b.Villages, Elections: b.Elections}, Round(today), today)
	type body struct{ Due, Completed, OneTime int }
	for _, c := range []struct {
		name string
		got  data.BodyStats
		want body
	}{
		// 杜家沟村 未完成; 石桥村 and 高家寨村 completed after a second ballot.
		{"党组织", s.PartyOrg, body{40, 39, 37}},
		// 杜家沟村 未启动, 黄土岗村 进行中, 火车站社区 未完成; four second ballots.
		{"村委会", s.Committee, body{40, 37, 33}},
	} {
		if g := (body{c.got.Due, c.got.Completed, c.got.OneTime}); g != c.want {
			t.Errorf("%s = %+v, want %+v", c.name, g, c.want)
		}
	}
	if s.Villages != 40 {
		t.Errorf("active villages = %d, want 40", s.Villages)
	}

	sum := data.BuildSummary(data.Ledger{Townships: b.Townships, Villages: b.Villages, Elections: b.Elections}, Round(today), today)
	var unfinished []string
	for _, u := range sum.Unfinished {
		unfinished = append(unfinished, u.Village+"/"+string(u.Body)+"/"+u.Status)
		if u.Reason == "" {
			t.Errorf("unfinished %s %s has no reason", u.Village, u.Body)
		}
	}
	// In the official order, by 区划代码: the 社区 (居委会 codes 001…) before the 村 (200…).
	wantUnfinished := []string{"火车站社区/村委会/未完成", "杜家沟村/党组织/未完成", "杜家沟村/村委会/未启动", "黄土岗村/村委会/进行中"}
	if !reflect.DeepEqual(unfinished, wantUnfinished) {
		t.Errorf("unfinished = %v, want %v", unfinished, wantUnfinished)
	}
}

func TestBatchDeterministic(t *testing.T) {
	today := day(2026, 11, 25)
	if a, b := Batch(today), Batch(today); !reflect.DeepEqual(a, b) {
		t.Error("two calls with the same date gave different batches")
	}
}

func TestUniqueKeys(t *testing.T) {
	b := Batch(day(2026, 11, 25))
	names := map[string]bool{}
	codes := map[string]bool{}
	for _, v := range b.Villages {
		if names[v.Name] || codes[v.Code] {
			t.Errorf("duplicate village %s or code %s", v.Name, v.Code)
		}
		names[v.Name], codes[v.Code] = true, true
	}
	seen := map[string]bool{}
	for _, e := range b.Elections {
		k := fmt.Sprint(e.Village, e.Body, e.Round)
		if seen[k] {
			t.Errorf("duplicate election %s %s", e.Village, e.Body)
		}
		seen[k] = true
		if !names[e.Village] {
			t.Errorf("election of unknown village %s", e.Village)
		}
	}
}
