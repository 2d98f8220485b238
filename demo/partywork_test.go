package demo

import (
	"reflect"
	"testing"

	"liangwei/data"
)

// TestPartyWorkDemo: on every test day the township's development ledger passes its rules
// with the three warnings it carries on purpose, its 预备党员 of the year are the party
// ledger's 年度发展党员数, and it has commendations whose keys are unique.
func TestPartyWorkDemo(t *testing.T) {
	for _, today := range todays {
		t.Run(data.FormatDate(today), func(t *testing.T) {
			b := Batch(today)
			round := Round(today)
			warnings := map[string]int{}
			keys := map[string]bool{}
			for _, d := range b.Developments {
				ps := d.Validate(today)
				if ps.HasErrors() {
					t.Errorf("%s: %v", data.DevelopmentWhere(d), ps)
				}
				for _, p := range ps.Warnings() {
					warnings[p.Field]++
				}
				if k := d.Village + d.IDNumber; keys[k] {
					t.Errorf("duplicate %s", data.DevelopmentWhere(d))
				} else {
					keys[k] = true
				}
			}
			if want := map[string]int{"转为正式党员日期": 1, "培养联系人": 1, "政审情况": 1}; !reflect.DeepEqual(warnings, want) {
				t.Errorf("warnings by field = %v, want %v", warnings, want)
			}
			st := data.ComputeStats(b, round, today)
			reported := 0
			for _, p := range b.PartyOrgs {
				if p.Year == round {
					reported += p.Developed
				}
			}
			if g := st.Development; g.Developed != reported || g.Mismatched != 0 || g.Total < 40 || g.Confirmed == 0 || g.Overdue != 1 {
				t.Errorf("development = %+v; want developed = %d as reported, no mismatch", g, reported)
			}
			if c := st.Commendations; c.Total != 7 || c.ByCategory[string(data.CommendOrg)] != 2 || c.ByCategory[string(data.CommendMember)] != 3 {
				t.Errorf("commendations = %+v", c)
			}
			for _, c := range b.Commendations {
				if ps := c.Validate(); len(ps) > 0 {
					t.Errorf("%s: %v", data.CommendationWhere(c), ps)
				}
			}
		})
	}
}

// TestCityCommendations: the city carries the yearbook's 100/100/50/10/50, and the merged
// city's figures reproduce it.
func TestCityCommendations(t *testing.T) {
	c := City(day(2026, 11, 25))
	want := map[string]int{"先进基层党组织": 100, "优秀共产党员": 100, "优秀党务工作者": 50, "优秀乡镇（街道）党（工）委书记": 10, "优秀村党组织书记": 50, "其他": 0}
	if got := c.Expected.Commendations.ByCategory; !reflect.DeepEqual(got, want) {
		t.Errorf("stated = %v, want %v", got, want)
	}
	got := data.ComputeStats(c.Merged(), c.Round, c.Today).Commendations
	if !reflect.DeepEqual(got.ByCategory, want) || got.Total != 310 || got.ByLevel["市级"] != 310 {
		t.Errorf("merged city = %+v, want %v", got, want)
	}
	keys := map[string]bool{}
	for _, b := range c.Townships {
		for _, x := range b.Commendations {
			if ps := x.Validate(); len(ps) > 0 {
				t.Errorf("%s: %v", data.CommendationWhere(x), ps)
			}
			k := data.CommendationWhere(x) + x.IDNumber
			if keys[k] {
				t.Errorf("duplicate %s", k)
			}
			keys[k] = true
		}
	}
}
