package data

import (
	"fmt"
	"sort"
	"strconv"
	"time"
)

// The figures and cross-record checks of the party work beyond 四有: member development and
// commendations.

// DevelopmentStats are the figures of member development in a year (`stats --json` key
// development). The people counted are those of the year: applied by its end (or by the
// reference date, when that comes first) and not yet full members before it began; their
// stage is the stage on that day.
//
// The year's 发展党员数 (developed) is the number admitted as 预备党员 in the year — what 党内统计
// counts as 发展党员 — and women, under35 (35岁及以下 on the 接收预备党员日期) and college (大专及以上)
// describe those developed, as the party's statistics describe the structure of 新发展党员.
// party_reported is Σ 年度发展党员数 of the 党组织 sheet over the villages whose township keeps a
// development ledger, mismatched how many of those villages differ from the ledger.
type DevelopmentStats struct {
	Total           int            `json:"total"`
	ByStage         map[string]int `json:"by_stage"`
	NewProbationary int            `json:"new_probationary"`
	Confirmed       int            `json:"confirmed"`
	Developed       int            `json:"developed"`
	Women           int            `json:"women"`
	Under35         int            `json:"under35"`
	College         int            `json:"college"`
	Overdue         int            `json:"overdue_probation"`
	PartyReported   int            `json:"party_reported"`
	Mismatched      int            `json:"mismatched"`
}

// CommendationStats count the year's commendations by 表彰类别 and by 表彰单位 (every category
// and level a key, zeros included).
type CommendationStats struct {
	Total      int            `json:"total"`
	ByCategory map[string]int `json:"by_category"`
	ByLevel    map[string]int `json:"by_level"`
}

// yearEnd is the last day of year, or ref when that is earlier (and not zero).
func yearEnd(year int, ref time.Time) time.Time {
	end := time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	if !ref.IsZero() && dateOnly(ref).Before(end) {
		return dateOnly(ref)
	}
	return end
}

// OfYear reports whether the person is in the development ledger of year: applied by asOf
// and not a full member before the year began.
func (d Development) OfYear(year int, asOf time.Time) bool {
	if d.Applied.IsZero() || dateOnly(d.Applied).After(asOf) {
		return false
	}
	return d.Full.IsZero() || d.Full.Year() >= year
}

// DevelopmentFigures computes the development figures of year from ds, counting the people
// of active villages only; ref is the reference date (zero: the end of the year).
func DevelopmentFigures(l Ledger, active map[VillageKey]bool, year int, ref time.Time) DevelopmentStats {
	st := DevelopmentStats{ByStage: zeroCounts(Strings(DevStages...))}
	asOf := yearEnd(year, ref)
	towns := map[string]bool{}
	for _, d := range l.Developments {
		towns[d.Township] = true
		if !active[d.VillageKey()] || !d.OfYear(year, asOf) {
			continue
		}
		st.Total++
		st.ByStage[string(d.StageOn(asOf))]++
		if s := d.StageOn(asOf); s == StageProbationary && !asOf.Before(d.Admitted.AddDate(1, 0, 0)) && !d.Extended() {
			st.Overdue++
		}
		if !d.Full.IsZero() && d.Full.Year() == year && !d.Full.After(asOf) {
			st.Confirmed++
		}
		if d.Admitted.IsZero() || d.Admitted.Year() != year || d.Admitted.After(asOf) {
			continue
		}
		st.NewProbationary++
		birth, g := d.Birth, d.Gender
		if b, gg, err := ParseIDNumber(d.IDNumber); err == nil {
			birth, g = b, gg
		}
		if g == Female {
			st.Women++
		}
		if !birth.IsZero() && ageOn(birth, d.Admitted) <= 35 {
			st.Under35++
		}
		if d.Education == EduCollege || d.Education == EduBachelor {
			st.College++
		}
	}
	st.Developed = st.NewProbationary
	for _, p := range l.PartyOrgs {
		if p.Year == year && active[p.VillageKey()] && towns[p.Township] {
			st.PartyReported += p.Developed
		}
	}
	for _, m := range DevelopmentMismatches(l, year) {
		if active[m.VillageKey] {
			st.Mismatched++
		}
	}
	return st
}

// CommendationFigures counts the commendations of year.
func CommendationFigures(cs []Commendation, year int) CommendationStats {
	st := CommendationStats{ByCategory: zeroCounts(Strings(CommendCategories...)), ByLevel: zeroCounts(Strings(CommendLevels...))}
	for _, c := range cs {
		if c.Year != year {
			continue
		}
		st.Total++
		st.ByCategory[string(c.Category)]++
		st.ByLevel[string(c.Level)]++
	}
	return st
}

// partyWorkStats fills the two sections of s.
func partyWorkStats(s *Stats, l Ledger, active map[VillageKey]bool, round int, ref time.Time) {
	s.Development = DevelopmentFigures(l, active, round, ref)
	s.Commendations = CommendationFigures(l.Commendations, round)
}

// checkPartyWork is CheckLedger's part for development and commendations: each record's
// rules and village, and each party organization's 年度发展党员数 against the development
// ledger of its year, in the townships that keep one.
func checkPartyWork(l Ledger, year int, today time.Time, villages map[VillageKey]Village, add func(int, string, Problems)) {
	asOf := yearEnd(year, today)
	for _, d := range l.Developments {
		if !d.OfYear(year, asOf) {
			continue
		}
		add(partDevelopments, DevelopmentWhere(d), d.Validate(today))
		add(partDevelopments, DevelopmentWhere(d), VillageProblems(villages, d.VillageKey(), DevelopmentDesc.Name))
	}
	for _, m := range DevelopmentMismatches(l, year) {
		add(partDevMismatches, m.Township+"/"+m.Village+"/"+strconv.Itoa(year)+"/党组织台账",
			Problems{{Field: "年度发展党员数", Level: LevelWarning, Message: m.Message(year)}})
	}
	for _, c := range l.Commendations {
		if c.Year != year {
			continue
		}
		add(partCommendations, CommendationWhere(c), c.Validate())
		if c.Village != "" {
			add(partCommendations, CommendationWhere(c), VillageProblems(villages, VillageKey{c.Township, c.Village}, CommendationDesc.Name))
		}
	}
}

// DevelopmentMismatch is a village whose 党组织 sheet's 年度发展党员数 differs from the number
// of its people admitted as 预备党员 in the year by the development ledger.
type DevelopmentMismatch struct {
	VillageKey
	Reported, Ledger int
}

// Message says the mismatch in Chinese.
func (m DevelopmentMismatch) Message(year int) string {
	return fmt.Sprintf("党组织台账填报%d年度发展党员 %d 名，发展党员台账中%d年接收预备党员 %d 名，两者不一致", year, m.Reported, year, m.Ledger)
}

// DevelopmentMismatches lists the villages, of the townships that keep a development ledger,
// whose 年度发展党员数 of year differs from the ledger's, by township and village.
func DevelopmentMismatches(l Ledger, year int) []DevelopmentMismatch {
	towns := map[string]bool{}
	n := map[VillageKey]int{}
	for _, d := range l.Developments {
		towns[d.Township] = true
		if !d.Admitted.IsZero() && d.Admitted.Year() == year {
			n[d.VillageKey()]++
		}
	}
	var out []DevelopmentMismatch
	seen := map[VillageKey]bool{}
	for _, p := range l.PartyOrgs {
		if p.Year != year || !towns[p.Township] {
			continue
		}
		seen[p.VillageKey()] = true
		if p.Developed != n[p.VillageKey()] {
			out = append(out, DevelopmentMismatch{p.VillageKey(), p.Developed, n[p.VillageKey()]})
		}
	}
	for k, c := range n {
		if !seen[k] {
			out = append(out, DevelopmentMismatch{k, 0, c})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Township != out[j].Township {
			return out[i].Township < out[j].Township
		}
		return out[i].Village < out[j].Village
	})
	return out
}
