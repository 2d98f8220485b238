package data

import (
	"sort"
	"time"
)

// CandidatesReport is everything the 村“两委”候选人资格联审情况表 draws.
type CandidatesReport struct {
	Round    int
	Township string // "" for all
	// ByBody counts per 拟任组织 (VetBodies order): total, 通过, 不通过, 待审.
	ByBody     [3][4]int
	ByReason   []Count     // the items of NegativeList with their 不通过 counts, zeros included
	Candidates []Candidate // by township, village, body, name
	Stats      CandidateStats
}

// BuildCandidates computes the vetting report of a round from its candidates in active
// villages.
func BuildCandidates(l Ledger, round int) CandidatesReport {
	r := CandidatesReport{Round: round}
	var s Stats
	active := activeVillages(l.Villages)
	roundRestStats(&s, l, active, round, time.Time{})
	r.Stats = s.Candidates
	for _, item := range NegativeList {
		r.ByReason = append(r.ByReason, Count{item, r.Stats.ByReason[item]})
	}
	for _, c := range l.Candidates {
		if c.Round != round || !active[c.VillageKey()] {
			continue
		}
		r.Candidates = append(r.Candidates, c)
		if i := index(VetBodies, c.Body); i >= 0 {
			r.ByBody[i][0]++
			r.ByBody[i][1+max(index(Verdicts, c.Verdict), 0)]++
		}
	}
	order := NewVillageOrder(l.Villages)
	sort.SliceStable(r.Candidates, func(i, j int) bool {
		a, b := r.Candidates[i], r.Candidates[j]
		if c := order.Compare(a.Township, a.Village, b.Township, b.Village); c != 0 {
			return c < 0
		}
		if a.Body != b.Body {
			return index(VetBodies, a.Body) < index(VetBodies, b.Body)
		}
		return a.Name < b.Name
	})
	return r
}

// Holders are a village's 书记 and 主任 on a date.
type Holders struct {
	Township, Village   string
	Secretary, Director string // names, "" when vacant
}

// ChangesReport is everything the 村“两委”成员届中变动情况表 draws.
type ChangesReport struct {
	Round    int
	Township string    // "" for all
	Date     time.Time // the changes up to this day; the holders on it
	Changes  []Change  // by date, township, village
	Stats    ChangeStats
	// Holders are the 书记 and 主任 on Date of every village with a change, by township and
	// village: who holds the posts now.
	Holders []Holders
}

// BuildChanges computes the changes report of a round's term up to date (all of them when
// date is zero), with the holders of the two main posts on that date.
func BuildChanges(l Ledger, round int, date time.Time) ChangesReport {
	r := ChangesReport{Round: round, Date: date}
	var s Stats
	active := activeVillages(l.Villages)
	roundRestStats(&s, l, active, round, date)
	r.Stats = s.Changes
	villages := map[VillageKey]bool{}
	for _, c := range l.Changes {
		if c.Round != round || !active[c.VillageKey()] || (!date.IsZero() && dateOnly(c.Date).After(dateOnly(date))) {
			continue
		}
		r.Changes = append(r.Changes, c)
		villages[c.VillageKey()] = true
	}
	order := NewVillageOrder(l.Villages)
	sort.SliceStable(r.Changes, func(i, j int) bool {
		a, b := r.Changes[i], r.Changes[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return order.Compare(a.Township, a.Village, b.Township, b.Village) < 0
	})
	holders := map[VillageKey]*Holders{}
	for k := range villages {
		holders[k] = &Holders{Township: k.Township, Village: k.Village}
	}
	on := date
	if on.IsZero() {
		on = time.Date(MaxRound+10, 1, 1, 0, 0, 0, 0, time.UTC) // every change
	}
	for _, m := range RosterOn(l.Members, l.Changes, round, on) {
		h := holders[m.VillageKey()]
		if h == nil || m.Round != round {
			continue
		}
		if m.PartyPost == PartySecretary {
			h.Secretary = m.Name
		}
		if m.CommitteePost == CommitteeDirector {
			h.Director = m.Name
		}
	}
	for _, h := range holders {
		r.Holders = append(r.Holders, *h)
	}
	sort.Slice(r.Holders, func(i, j int) bool {
		a, b := r.Holders[i], r.Holders[j]
		return order.Compare(a.Township, a.Village, b.Township, b.Village) < 0
	})
	return r
}
