package demo

import (
	"time"

	"liangwei/data"
)

// The yearbook's city (SPEC §1): what City builds, and the figures it must give.
const (
	CityTownships        = 62
	CityVillages         = 5252 // active villages: the denominator of both completion rates
	cityPartyDone        = 5216 // 99.31%
	cityCommitteeDone    = 5188 // 98.78%
	cityLeadParty        = 542
	cityLeadGovernment   = 193
	cityLeadCross        = 124
	cityTalks            = 441
	cityTalksPersonal    = 59
	cityTalksReport      = 341
	cityTalksSuggestion  = 41
	cityTalksRequested   = 83  // by mode (not in the yearbook): 申请约谈
	cityTalksVisiting    = 62  // 下访约谈; the rest 主动约谈
	cityNotOneTimeParty  = 118 // completed, but only after 另行选举
	cityNotOneTimeComm   = 171
	cityNotFourHaves     = 212 // party organizations missing one of the four guarantees
	cityWeak             = 80  // 软弱涣散
	cityWeakRectified    = 52  // of which 已销号
	complaintPeriod      = 10  // complaint results repeat every 10 complaints (see complaintResult)
	complaintsPerTownMin = 3
	// MaxTownships is the most townships a generated city may have: a province of 80
	// yearbook cities (the village codes of a county repeat past 900 townships).
	MaxTownships = 5000
)

// Scale says how big a generated city is: its townships and its active villages. A smaller
// scale keeps the yearbook's proportions (completion, leadership, talks), rounded.
type Scale struct {
	Townships int
	Villages  int
}

// CityScale is the yearbook's city: 62 townships, 5,252 active villages.
var CityScale = Scale{Townships: CityTownships, Villages: CityVillages}

// CityData is a generated city: one batch per township (each what that township's workbook
// holds) and the figures the whole city must give, stated by construction from the counts
// the generator chose — not computed from the records.
type CityData struct {
	Round     int
	Today     time.Time    // the reference date the figures hold on (overdue complaints)
	Townships []data.Batch // in township order; each holds exactly one township
	Expected  data.Stats
}

// Merged is every township's batch in one ledger, as a database holding the whole city would.
func (c CityData) Merged() data.Ledger {
	var l data.Ledger
	for _, b := range c.Townships {
		l.Townships = append(l.Townships, b.Townships...)
		l.Villages = append(l.Villages, b.Villages...)
		l.Elections = append(l.Elections, b.Elections...)
		l.Members = append(l.Members, b.Members...)
		l.Leaderships = append(l.Leaderships, b.Leaderships...)
		l.PartyOrgs = append(l.PartyOrgs, b.PartyOrgs...)
		l.Complaints = append(l.Complaints, b.Complaints...)
		l.Talks = append(l.Talks, b.Talks...)
		l.Candidates = append(l.Candidates, b.Candidates...)
		l.Supervisors = append(l.Supervisors, b.Supervisors...)
		l.Changes = append(l.Changes, b.Changes...)
		l.Audits = append(l.Audits, b.Audits...)
		l.Developments = append(l.Developments, b.Developments...)
		l.Commendations = append(l.Commendations, b.Commendations...)
	}
	return l
}

// City builds the yearbook's city for the round of today (see Round): 62 townships in 6
// counties, 5,252 active villages and 34 merged ones, both elections of every active village
// (党组织 5,216 completed = 99.31%, 村委会 5,188 = 98.78%), the members of the 5,188
// villages whose new committees are complete (9 or 10 each) and the 5 of the new 党组织 of
// the 28 villages whose 村委会 is still electing (48,129 in all; every roster = 当选人数), the party
// ledger of every active village, the township leaderships (542 / 193 / 124 交叉),
// complaints and 441 talks (59 个人诉求, 341 汇报工作和思想, 41 意见建议). Deterministic.
func City(today time.Time) CityData { return CityOf(today, CityScale) }

// share is the yearbook count n of CityVillages (or of townships) scaled to total, rounded
// half-up; the yearbook's own total gives n exactly.
func share(n, of, total int) int { return (2*n*total + of) / (2 * of) }

// pick reports whether item i of n is one of k chosen evenly: exactly k of 0..n-1 are.
func pick(i, k, n int) bool { return (i+1)*k/n != i*k/n }

// cityPlan holds the counts a city of scale s is built from.
type cityPlan struct {
	s                               Scale
	partyUndone, committeeUndone    int // elections not 已完成
	notOneTimeParty, notOneTimeComm int // completed elections not at the first attempt
	notFourHaves, weak, rectified   int
	leadParty, leadGov, leadCross   int
	talks, talksPersonal, talksSugg int
	talksRequested, talksVisiting   int
}

func planFor(s Scale) cityPlan {
	v, t := s.Villages, s.Townships
	p := cityPlan{s: s,
		partyUndone:     share(CityVillages-cityPartyDone, CityVillages, v),
		committeeUndone: share(CityVillages-cityCommitteeDone, CityVillages, v),
		notOneTimeParty: share(cityNotOneTimeParty, CityVillages, v),
		notOneTimeComm:  share(cityNotOneTimeComm, CityVillages, v),
		notFourHaves:    share(cityNotFourHaves, CityVillages, v),
		weak:            share(cityWeak, CityVillages, v),
		leadParty:       share(cityLeadParty, CityTownships, t),
		leadGov:         share(cityLeadGovernment, CityTownships, t),
		leadCross:       share(cityLeadCross, CityTownships, t),
		talks:           share(cityTalks, CityTownships, t),
		talksPersonal:   share(cityTalksPersonal, CityTownships, t),
		talksSugg:       share(cityTalksSuggestion, CityTownships, t),
		talksRequested:  share(cityTalksRequested, CityTownships, t),
		talksVisiting:   share(cityTalksVisiting, CityTownships, t),
	}
	p.rectified = share(cityWeakRectified, cityWeak, p.weak)
	// However small the city, some elections are unfinished, more of the committee's: every
	// village whose party election is unfinished has an unfinished committee election too.
	if v >= 3 {
		p.partyUndone = max(p.partyUndone, 1)
		p.committeeUndone = max(p.committeeUndone, p.partyUndone+1)
	}
	return p
}

// undone says whether the party and the committee election of the city's g-th active
// village are left unfinished: the plan's count of party elections picked among all
// villages, and every committee election of those villages plus as many others, picked among
// the rest, as make up the plan's committee count.
func (p cityPlan) undone(g int) (party, committee bool) {
	n := p.s.Villages
	party = pick((g+n/2)%n, p.partyUndone, n)
	if party {
		return true, true
	}
	// Index of g among the villages whose party election is complete: g minus the picked
	// ones before it (picks on the rotated index, counted in two runs).
	before := picksBelow((g+n/2)%n, p.partyUndone, n)
	if g+n/2 >= n {
		before = picksBelow(n, p.partyUndone, n) - picksBelow(n/2, p.partyUndone, n) + picksBelow((g+n/2)%n, p.partyUndone, n)
	} else {
		before -= picksBelow(n/2, p.partyUndone, n)
	}
	return false, pick(g-before, p.committeeUndone-p.partyUndone, n-p.partyUndone)
}

// picksBelow counts the items of 0..i-1 that pick(·, k, n) chooses.
func picksBelow(i, k, n int) int { return i * k / n }

// townshipSizes spreads the active villages over the townships unevenly (weights 60–120),
// summing exactly to s.Villages.
func townshipSizes(s Scale) []int {
	w := make([]int, s.Townships)
	total := 0
	for t := range w {
		w[t] = 60 + (t*37)%61
		total += w[t]
	}
	sizes := make([]int, s.Townships)
	cum := 0
	for t := range w {
		a := s.Villages * cum / total
		cum += w[t]
		sizes[t] = s.Villages*cum/total - a
	}
	return sizes
}

// mergedIn is the number of merged (已撤并) villages of township t: 34 in the city.
func mergedIn(t int) int {
	n := 0
	if t%3 == 0 {
		n++
	}
	if t%5 == 1 {
		n++
	}
	return n
}

// complaintsIn is the number of complaints township t received in the round.
func complaintsIn(t int) int { return complaintsPerTownMin + (t*7)%5 }

// complaintResult is the result of the city's j-th complaint: per 10, 2 属实, 1 部分属实,
// 5 不属实 and 2 still 办理中 (both past their deadline).
func complaintResult(j int) data.ComplaintResult {
	switch j % complaintPeriod {
	case 0, 5:
		return data.ResTrue
	case 2:
		return data.ResPartlyTrue
	case 4, 9:
		return data.ResPending
	}
	return data.ResUnfounded
}

// Election figures of the g-th active village of the city (a pure function of g, so the
// expected sums are computed from the same choice without looking at records).
func partyEligible(g int) int     { return 25 + (g*37)%126 }                               // 应到会党员 25–150
func partyVoted(g int) int        { return partyEligible(g) * (86 + (g*7)%13) / 100 }      // 86–98% 到会
func committeeEligible(g int) int { return 600 + (g*131)%2400 }                            // 登记选民 600–2999
func committeeVoted(g int) int    { return committeeEligible(g) * (72 + (g*11)%25) / 100 } // 72–96% 参选

// CityOf builds a city of scale s (see City for the full one); every record passes its
// Validate on today, and Expected holds its figures for the round on today.
func CityOf(today time.Time, s Scale) CityData {
	var ts []data.Batch
	c, _ := EachTownship(today, s, func(b data.Batch) error {
		ts = append(ts, b)
		return nil
	})
	c.Townships = ts
	return c
}

// EachTownship generates the city of scale s one township at a time, in order, handing each
// township's batch to fn and keeping none: a province of thousands of townships is generated
// in the memory of one. It returns the city without its townships (round, day, figures),
// and stops at fn's first error. The batches are those CityOf holds.
func EachTownship(today time.Time, s Scale, fn func(data.Batch) error) (CityData, error) {
	p := planFor(s)
	round := Round(today)
	first := time.Date(round, 3, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(round, 12, 20, 0, 0, 0, 0, time.UTC)
	if y := dayOf(today).AddDate(0, 0, -1); y.Before(last) {
		last = y
	}
	span := int(last.Sub(first).Hours()/24) + 1
	c := CityData{Round: round, Today: dayOf(today)}
	g := &cityGen{plan: p, round: round, first: first, last: last, span: span}
	sizes := townshipSizes(s)
	for t := 0; t < s.Townships; t++ {
		if err := fn(g.township(t, sizes[t])); err != nil {
			return c, err
		}
	}
	c.Expected = g.expected()
	return c, nil
}
