package data_test

import (
	"reflect"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/demo"
)

// TestOverviewSumByTownship: the 概览 computed township by township (as the desktop reads a
// province), the townships in any order, is BuildOverview of the whole ledger — figures,
// rows, unfinished elections, roster mismatches and warning counts — and those of the
// whole are what the rules give on their own (ComputeStats, BuildSummary,
// RosterMismatches, the elections' and members' warnings).
func TestOverviewSumByTownship(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	city := demo.CityOf(today, demo.Scale{Townships: 7, Villages: 600})
	whole := withDemo(city, today)
	round := city.Round
	// Warnings and mismatches in some townships: elections without a choice of candidates
	// and with another 当选人数 than the roster; villages without their 书记 or 主任; and a
	// township that has not begun its roster, whose 当选人数 are then not compared.
	names := []string{whole.Townships[0].Name, whole.Townships[3].Name, whole.Townships[5].Name}
	seen := map[string]int{}
	for i, e := range whole.Elections {
		if e.Round == round && e.Status == data.StatusCompleted && (e.Township == names[0] || e.Township == names[1]) && seen[e.Township] < 4 {
			seen[e.Township]++
			whole.Elections[i].Candidates = e.Seats
			whole.Elections[i].Elected++
		}
	}
	n := 0
	for i, m := range whole.Members {
		switch {
		case m.Township == names[1] && m.PartyPost == data.PartySecretary && n < 3:
			whole.Members[i].PartyPost = data.PartyDeputy
			n++
		case m.Township == names[0] && m.CommitteePost == data.CommitteeDirector && n < 5:
			whole.Members[i].CommitteePost = data.CommitteeDeputy
			n++
		}
	}
	var kept []data.Member
	for _, m := range whole.Members {
		if m.Township != names[2] {
			kept = append(kept, m)
		}
	}
	whole.Members = kept

	want := data.BuildOverview(whole, round, today)
	if len(want.Rows) != 8 || len(want.Unfinished) == 0 || len(want.Mismatches) < 8 || want.Warnings < 8 || want.MemberWarnings < 5 {
		t.Fatalf("%d rows, %d unfinished, %d mismatches, %d warnings, %d member warnings: not a test",
			len(want.Rows), len(want.Unfinished), len(want.Mismatches), want.Warnings, want.MemberWarnings)
	}
	for _, x := range want.Mismatches {
		if x.Key.Township == names[2] {
			t.Errorf("mismatch %s in a township without a roster", x.Short())
		}
	}
	for _, order := range [][]int{{7, 6, 5, 4, 3, 2, 1, 0}, {3, 0, 7, 1, 6, 2, 5, 4}} {
		a := data.NewOverviewSum(round, today)
		for _, i := range order {
			a.Add(whole.ForTownship(whole.Townships[i].Name))
		}
		if got := a.Overview(); !reflect.DeepEqual(got, want) {
			t.Errorf("townships in order %v:\n%+v\nwhole:\n%+v", order, got, want)
		}
	}

	// The whole ledger's overview is what each rule gives.
	sum := data.BuildSummary(whole, round, today)
	if !reflect.DeepEqual(want.Stats, data.ComputeStats(whole, round, today)) || !reflect.DeepEqual(want.Rows, sum.Rows) ||
		!reflect.DeepEqual(want.Unfinished, sum.Unfinished) || !reflect.DeepEqual(want.Mismatches, data.RosterMismatches(whole, round)) {
		t.Error("the overview's figures, rows, unfinished or mismatches are not the rules' own")
	}
	active := map[data.VillageKey]bool{}
	for _, v := range whole.Villages {
		if v.Active() {
			active[v.Key()] = true
		}
	}
	warnings, memberWarnings := 0, 0
	for _, e := range whole.Elections {
		if e.Round == round && active[e.VillageKey()] && len(e.Validate(today).Warnings()) > 0 {
			warnings++
		}
	}
	var ms []data.Member
	for _, m := range whole.Members {
		if m.Round == round && active[m.VillageKey()] {
			ms = append(ms, m)
		}
	}
	for _, f := range data.CheckElectedMembers(whole, round, ms) {
		if f.Level == data.LevelWarning {
			memberWarnings++
		}
	}
	if want.Warnings != warnings || want.MemberWarnings != memberWarnings || want.Villages != len(whole.Villages) {
		t.Errorf("overview counts %d warnings, %d member warnings, %d villages; the rules %d, %d, %d",
			want.Warnings, want.MemberWarnings, want.Villages, warnings, memberWarnings, len(whole.Villages))
	}
}
