package data

import "sort"

// MembersSum builds the 两委成员花名册 (BuildMembers) a few townships at a time, so that a
// province's roster can be drawn township after township with the records of one in memory:
// each Add gives the roster of its townships, and the structure figures are sums whose
// averages and rates are taken once, by Totals. BuildMembers is one Add of the whole ledger.
type MembersSum struct {
	round int
	st    MemberStats
	heads
	villages, members int
}

// NewMembersSum starts the roster of round.
func NewMembersSum(round int) *MembersSum { return &MembersSum{round: round} }

// Add takes the records of l, which holds every record of the townships it names (its
// members as on the report's date, see RosterOn), and returns their roster: the round's
// members of active villages in the official order of l's villages (VillageOrder), each
// village with its members by post, name and 身份证号. Its Stats are not set.
func (a *MembersSum) Add(l Ledger) MembersReport {
	round := a.round
	r := MembersReport{Round: round}
	active := activeVillages(l.Villages)
	st, all, secs, directs := memberSums(active, completedBodies(active, l.Elections, round), l.Members, round)
	a.addMembers(&a.st, st, all, secs, directs)
	var ms []Member
	for _, m := range l.Members {
		if m.Round == round && active[m.VillageKey()] {
			ms = append(ms, m)
		}
	}
	order := NewVillageOrder(l.Villages)
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if c := order.Compare(a.Township, a.Village, b.Township, b.Village); c != 0 {
			return c < 0
		}
		if ra, rb := rosterRank(a), rosterRank(b); ra != rb {
			return ra < rb
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.IDNumber < b.IDNumber
	})
	for _, m := range ms {
		n := len(r.Villages)
		if n == 0 || r.Villages[n-1].Township != m.Township || r.Villages[n-1].Village != m.Village {
			r.Villages = append(r.Villages, VillageMembers{Township: m.Township, Village: m.Village})
			n++
		}
		r.Villages[n-1].Members = append(r.Villages[n-1].Members, m)
	}
	a.villages += len(r.Villages)
	a.members += len(ms)
	return r
}

// Totals is the roster of everything added without its villages: the structure figures
// (Stats, Secretaries, Directors) as BuildMembers gives them for the whole ledger.
func (a *MembersSum) Totals() MembersReport {
	r := MembersReport{Round: a.round, Stats: a.st}
	all := a.all // done sets the averages: on copies, so that Totals may be called again
	h := all.done()
	r.Stats.Total, r.Stats.Women, r.Stats.AvgAge, r.Stats.Under35, r.Stats.Age60Plus, r.Stats.College = h.Count, h.Women, h.AvgAge, h.Under35, h.Age60Plus, h.College
	r.Stats.DualHeadRate = Rate(r.Stats.DualHead, r.Stats.DualHeadBase)
	secs, directs := a.secs, a.directs
	r.Secretaries, r.Directors = secs.done(), directs.done()
	return r
}

// Counts are the villages with members in the roster and their members, of everything added.
func (a *MembersSum) Counts() (villages, members int) { return a.villages, a.members }
