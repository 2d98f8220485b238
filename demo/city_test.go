package demo

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/exchange"
)

// TestCityYearbook checks that the full city states the yearbook's figures (SPEC §1).
func TestCityYearbook(t *testing.T) {
	c := City(day(2026, 11, 25))
	got := c.Expected
	checks := []struct {
		name      string
		got, want any
	}{
		{"round", got.Round, 2026},
		{"townships", got.Townships, 62},
		{"villages", got.Villages, 5252},
		{"party due", got.PartyOrg.Due, 5252},
		{"party completed", got.PartyOrg.Completed, 5216},
		{"party rate", got.PartyOrg.Rate, 99.31},
		{"committee due", got.Committee.Due, 5252},
		{"committee completed", got.Committee.Completed, 5188},
		{"committee rate", got.Committee.Rate, 98.78},
		{"leadership", got.Leadership, data.LeadershipStats{PartyCommittee: 542, Government: 193, Cross: 124}},
		{"talks", got.Talks.Total, 441},
		{"talks by category", got.Talks.ByCategory, map[string]int{"个人诉求": 59, "汇报工作和思想": 341, "意见建议": 41}},
		// 9 or 10 in each of the 5,188 complete rosters, and the 5 of the new 党组织 in each of
		// the 28 villages whose 村委会 is still electing.
		{"members", got.Members.Total, 5188*9 + (5188+2)/4 + 28*5},
		{"一肩挑 over all due villages", got.Members.DualHeadBase, 5252},
		{"batches", len(c.Townships), 62},
	}
	for _, ck := range checks {
		if !reflect.DeepEqual(ck.got, ck.want) {
			t.Errorf("%s = %v, want %v", ck.name, ck.got, ck.want)
		}
	}
	merged := 0
	for _, v := range c.Merged().Villages {
		if !v.Active() {
			merged++
		}
	}
	if merged != 34 {
		t.Errorf("merged villages = %d, want 34", merged)
	}
}

// TestCityFigures computes the figures of each generated city from its records and compares
// them with the figures stated by construction.
func TestCityFigures(t *testing.T) {
	cases := []struct {
		today time.Time
		scale Scale
	}{
		{day(2026, 11, 25), CityScale},
		{day(2026, 7, 1), Scale{Townships: 6, Villages: 240}},
		{day(2027, 1, 3), Scale{Townships: 3, Villages: 100}},
		{day(2026, 6, 30), Scale{Townships: 1, Villages: 40}},
		{day(2026, 9, 9), Scale{Townships: 10, Villages: 847}},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s-%dx%d", data.FormatDate(tc.today), tc.scale.Townships, tc.scale.Villages), func(t *testing.T) {
			c := CityOf(tc.today, tc.scale)
			got := data.ComputeStats(c.Merged(), c.Round, tc.today)
			if !reflect.DeepEqual(got, c.Expected) {
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(c.Expected)
				t.Errorf("figures of the records differ from the stated ones:\n got %s\nwant %s", g, w)
			}
			if got.PartyOrg.Completed == got.PartyOrg.Due || got.Committee.Completed >= got.PartyOrg.Completed {
				t.Errorf("want some unfinished elections, more on the committee: party %d/%d, committee %d",
					got.PartyOrg.Completed, got.PartyOrg.Due, got.Committee.Completed)
			}
		})
	}
}

// TestCityValid checks that every generated record passes its rules (warnings only for the
// planned 四有 gaps and overdue complaints), that each batch is one township's, and that every
// key is unique.
func TestCityValid(t *testing.T) {
	for _, today := range todays {
		t.Run(data.FormatDate(today), func(t *testing.T) {
			c := CityOf(today, Scale{Townships: 8, Villages: 700})
			for _, b := range c.Townships {
				if len(b.Townships) != 1 {
					t.Fatalf("batch with %d townships", len(b.Townships))
				}
				checkTownshipBatch(t, b, today)
			}
		})
	}
}

func checkTownshipBatch(t *testing.T, b data.Batch, today time.Time) {
	t.Helper()
	name := b.Townships[0].Name
	errs := func(what string, ps data.Problems) {
		if e := ps.Errors(); len(e) > 0 {
			t.Errorf("%s %s: %v", name, what, e)
		}
	}
	noWarn := func(what string, ps data.Problems) {
		if len(ps) > 0 {
			t.Errorf("%s %s: %v", name, what, ps)
		}
	}
	noWarn("township", b.Townships[0].Validate())
	keys := map[string]bool{}
	unique := func(k string) {
		if keys[k] {
			t.Errorf("%s: duplicate key %s", name, k)
		}
		keys[k] = true
	}
	for _, v := range b.Villages {
		noWarn("village "+v.Name, v.Validate())
		unique("v/" + v.Name)
		if v.Township != name {
			t.Errorf("village %s of %s in %s's batch", v.Name, v.Township, name)
		}
	}
	for _, e := range b.Elections {
		noWarn("election "+e.Village, e.Validate(today))
		unique(fmt.Sprintf("e/%s/%s", e.Village, e.Body))
		if !keys["v/"+e.Village] {
			t.Errorf("election of unknown village %s", e.Village)
		}
	}
	for _, m := range b.Members {
		noWarn("member "+m.Name, m.Validate())
		unique("m/" + m.Village + "/" + m.IDNumber)
	}
	if len(b.Members) > 0 {
		// The rosters reconcile with 当选人数 body by body.
		if xs := data.RosterMismatches(b, b.Members[0].Round); len(xs) > 0 {
			t.Errorf("%s: rosters differ from 当选人数: %+v", name, xs)
		}
	}
	for _, f := range data.CheckElectedMembers(b, roundOf(b), b.Members) {
		t.Errorf("%s members: %v", name, f)
	}
	for _, l := range b.Leaderships {
		noWarn("leadership", l.Validate())
	}
	for _, p := range b.PartyOrgs {
		errs("party "+p.Village, p.Validate())
		unique("p/" + p.Village)
		if w := p.Validate().Warnings(); len(w) > 0 && p.FourHaves() {
			t.Errorf("party %s: warnings %v", p.Village, w)
		}
	}
	for _, x := range b.Complaints {
		errs("complaint "+x.No, x.Validate(today))
		unique("c/" + x.No)
		if x.Village != "" && !keys["v/"+x.Village] {
			t.Errorf("complaint about unknown village %s", x.Village)
		}
		if w := x.Validate(today).Warnings(); len(w) > 0 && !x.Pending() {
			t.Errorf("complaint %s: warnings %v", x.No, w)
		}
	}
	for _, x := range b.Talks {
		noWarn("talk "+x.No, x.Validate())
		unique("t/" + x.No)
	}
}

// TestCityDeterministic checks that the same day gives the same city.
func TestCityDeterministic(t *testing.T) {
	s := Scale{Townships: 4, Villages: 300}
	a, b := CityOf(day(2026, 11, 25), s), CityOf(day(2026, 11, 25), s)
	if !reflect.DeepEqual(a, b) {
		t.Error("two cities of the same day differ")
	}
}

// TestCityWorkbooks writes a small city's workbooks and reads them back: every file loads
// without error, holds its township's records, and the files together give the stated figures.
func TestCityWorkbooks(t *testing.T) {
	today := day(2026, 11, 25)
	c := CityOf(today, Scale{Townships: 3, Villages: 120})
	dir := t.TempDir()
	var done []int
	paths, err := c.WriteWorkbooks(context.Background(), dir, func(n int, _ string) { done = append(done, n) })
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 3}; !reflect.DeepEqual(done, want) {
		t.Errorf("progress %v, want %v", done, want)
	}
	var merged data.Ledger
	for i, p := range paths {
		if got, want := filepath.Base(p), c.Townships[i].Townships[0].Name+".xlsx"; got != want {
			t.Errorf("file %d = %s, want %s", i, got, want)
		}
		pv := exchange.Load(context.Background(), nil, p, "", today)
		if errs := pv.Issues.Errors(); len(errs) > 0 {
			t.Fatalf("%s: %v", p, errs[:min(3, len(errs))])
		}
		if got, want := pv.Batch.Len(), c.Townships[i].Len(); got != want {
			t.Errorf("%s: %d records, want %d", p, got, want)
		}
		b := pv.Batch
		merged.Townships = append(merged.Townships, b.Townships...)
		merged.Villages = append(merged.Villages, b.Villages...)
		merged.Elections = append(merged.Elections, b.Elections...)
		merged.Members = append(merged.Members, b.Members...)
		merged.Leaderships = append(merged.Leaderships, b.Leaderships...)
		merged.PartyOrgs = append(merged.PartyOrgs, b.PartyOrgs...)
		merged.Complaints = append(merged.Complaints, b.Complaints...)
		merged.Talks = append(merged.Talks, b.Talks...)
		merged.Developments, merged.Commendations = append(merged.Developments, b.Developments...), append(merged.Commendations, b.Commendations...)
	}
	if got := data.ComputeStats(merged, c.Round, today); !reflect.DeepEqual(got, c.Expected) {
		t.Errorf("figures of the workbooks:\n got %+v\nwant %+v", got, c.Expected)
	}
}

// roundOf is the round of a batch's elections (0 when it has none).
func roundOf(b data.Batch) int {
	if len(b.Elections) == 0 {
		return 0
	}
	return b.Elections[0].Round
}

// TestWriteCityStreams: the city written one township at a time is the city CityOf holds —
// the same figures, and byte for byte the same workbooks — and a province's township past
// the 900th still gets a valid village code.
func TestWriteCityStreams(t *testing.T) {
	today := day(2026, 11, 25)
	s := Scale{Townships: 4, Villages: 330}
	held := CityOf(today, s)
	a, b := t.TempDir(), t.TempDir()
	want, err := held.WriteWorkbooks(context.Background(), a, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, members, got, err := WriteCity(context.Background(), today, s, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Expected, held.Expected) || c.Round != held.Round || c.Townships != nil {
		t.Errorf("streamed city %+v, want the figures of %+v and no townships held", c, held.Expected)
	}
	n := 0
	for _, tb := range held.Townships {
		n += len(tb.Members)
	}
	if members != n || len(got) != len(want) {
		t.Fatalf("members %d, files %d; want %d, %d", members, len(got), n, len(want))
	}
	for i := range want {
		if filepath.Base(got[i]) != filepath.Base(want[i]) || !reflect.DeepEqual(zipParts(t, got[i]), zipParts(t, want[i])) {
			t.Errorf("%s differs from %s", got[i], want[i])
		}
	}
	var last data.Batch
	_, _ = EachTownship(today, Scale{Townships: 1000, Villages: 1000}, func(b data.Batch) error {
		last = b
		return nil
	})
	for _, v := range last.Villages {
		if err := v.Validate(); err != nil {
			t.Fatalf("township 1000: %v", err)
		}
	}
}

// zipParts is every part of a workbook by name (the zip's own time stamps left out).
func zipParts(t *testing.T, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(b)
	}
	return out
}
