package data

import (
	"sort"
	"time"
)

// DevelopmentRow is one village's line of the 发展党员工作情况统计表: the people of the year by
// stage on the report's day, and those admitted and confirmed in the year.
type DevelopmentRow struct {
	Township, Village string
	ByStage           [5]int // DevStages order
	Admitted          int    // 接收预备党员 in the year (发展党员数)
	Confirmed         int    // 转为正式党员 in the year
	Reported          int    // 年度发展党员数 of the 党组织 sheet (-1: no row)
}

// DevelopmentReport is everything the 发展党员工作情况统计表 draws.
type DevelopmentReport struct {
	Year     int
	Township string    // "" for all
	AsOf     time.Time // the day stages are taken on: the report's date, or the year's end
	Rows     []DevelopmentRow
	Total    DevelopmentRow
	People   []Development // the people of the year, by township, village and 申请入党日期
	// Warnings are the time-rule and record warnings of the people on AsOf, and the villages
	// whose 年度发展党员数 differs from the ledger's.
	Warnings []LedgerFinding
	Stats    DevelopmentStats
}

// BuildDevelopment computes the development report of year from the records of active
// villages; ref is the report's date (zero: the end of the year).
func BuildDevelopment(l Ledger, year int, ref time.Time) DevelopmentReport {
	active := activeVillages(l.Villages)
	r := DevelopmentReport{Year: year, AsOf: yearEnd(year, ref), Stats: DevelopmentFigures(l, active, year, ref)}
	rows := map[VillageKey]*DevelopmentRow{}
	row := func(k VillageKey) *DevelopmentRow {
		if rows[k] == nil {
			rows[k] = &DevelopmentRow{Township: k.Township, Village: k.Village, Reported: -1}
		}
		return rows[k]
	}
	for _, d := range l.Developments {
		if !active[d.VillageKey()] || !d.OfYear(year, r.AsOf) {
			continue
		}
		r.People = append(r.People, d)
		x := row(d.VillageKey())
		if i := index(DevStages, d.StageOn(r.AsOf)); i >= 0 {
			x.ByStage[i]++
		}
		if !d.Admitted.IsZero() && d.Admitted.Year() == year && !d.Admitted.After(r.AsOf) {
			x.Admitted++
		}
		if !d.Full.IsZero() && d.Full.Year() == year && !d.Full.After(r.AsOf) {
			x.Confirmed++
		}
		for _, p := range d.Validate(r.AsOf).Warnings() {
			r.Warnings = append(r.Warnings, LedgerFinding{DevelopmentWhere(d), p})
		}
	}
	towns := map[string]bool{}
	for _, d := range l.Developments {
		towns[d.Township] = true
	}
	for _, p := range l.PartyOrgs {
		if p.Year == year && active[p.VillageKey()] && towns[p.Township] {
			row(p.VillageKey()).Reported = p.Developed
		}
	}
	for _, m := range DevelopmentMismatches(l, year) {
		if active[m.VillageKey] {
			r.Warnings = append(r.Warnings, LedgerFinding{m.Township + "/" + m.Village + "/党组织台账",
				Problem{Field: "年度发展党员数", Level: LevelWarning, Message: m.Message(year)}})
		}
	}
	for _, x := range rows {
		r.Rows = append(r.Rows, *x)
		for i, n := range x.ByStage {
			r.Total.ByStage[i] += n
		}
		r.Total.Admitted += x.Admitted
		r.Total.Confirmed += x.Confirmed
		r.Total.Reported += max(x.Reported, 0)
	}
	sort.Slice(r.Rows, func(i, j int) bool {
		if r.Rows[i].Township != r.Rows[j].Township {
			return r.Rows[i].Township < r.Rows[j].Township
		}
		return r.Rows[i].Village < r.Rows[j].Village
	})
	sort.SliceStable(r.People, func(i, j int) bool {
		a, b := r.People[i], r.People[j]
		if a.Township != b.Township {
			return a.Township < b.Township
		}
		if a.Village != b.Village {
			return a.Village < b.Village
		}
		return a.Applied.Before(b.Applied)
	})
	return r
}

// CommendationsReport is everything the 创先争优表彰情况表 draws.
type CommendationsReport struct {
	Year     int
	Township string // "" for all
	// ByCategory counts per 表彰类别 (CommendCategories order) and 表彰单位 (CommendLevels
	// order), then the category's total.
	ByCategory    [6][5]int
	Commendations []Commendation // by township, category, level, subject
	Stats         CommendationStats
}

// BuildCommendations computes the commendations report of year.
func BuildCommendations(l Ledger, year int) CommendationsReport {
	r := CommendationsReport{Year: year, Stats: CommendationFigures(l.Commendations, year)}
	for _, c := range l.Commendations {
		if c.Year != year {
			continue
		}
		r.Commendations = append(r.Commendations, c)
		if i := index(CommendCategories, c.Category); i >= 0 {
			if j := index(CommendLevels, c.Level); j >= 0 {
				r.ByCategory[i][j]++
			}
			r.ByCategory[i][4]++
		}
	}
	sort.SliceStable(r.Commendations, func(i, j int) bool {
		a, b := r.Commendations[i], r.Commendations[j]
		if a.Township != b.Township {
			return a.Township < b.Township
		}
		if a.Category != b.Category {
			return index(CommendCategories, a.Category) < index(CommendCategories, b.Category)
		}
		if a.Level != b.Level {
			return index(CommendLevels, a.Level) > index(CommendLevels, b.Level)
		}
		return a.Subject < b.Subject
	})
	return r
}
