package demo

import "liangwei/data"

// expected states the figures of the city from the plan and the per-village choices above,
// without looking at any generated record: what ComputeStats must give on the merged city.
func (c *cityGen) expected() data.Stats {
	p := c.plan
	n := p.s.Villages
	st := data.Stats{Round: c.round, Townships: p.s.Townships, Villages: n}
	// The city has none of the records of the rest of the round: their sections are empty.
	none := data.ComputeStats(data.Ledger{}, c.round, c.last)
	st.Candidates, st.Supervision, st.Changes, st.Audits = none.Candidates, none.Supervision, none.Changes, none.Audits
	st.PartyOrg = data.BodyStats{Due: n, Completed: n - p.partyUndone}
	st.PartyOrg.OneTime = st.PartyOrg.Completed - p.notOneTimeParty
	st.Committee = data.BodyStats{Due: n, Completed: n - p.committeeUndone}
	st.Committee.OneTime = st.Committee.Completed - p.notOneTimeComm
	st.Party = data.PartyStats{Orgs: n, FourHaves: n - p.notFourHaves, Weak: p.weak, WeakRectified: p.rectified}
	for g := 0; g < n; g++ {
		st.Party.Members += partyEligible(g)
		party, comm := p.undone(g)
		if !party {
			st.PartyOrg.Eligible += partyEligible(g)
			st.PartyOrg.Voted += partyVoted(g)
		}
		if !comm {
			st.Committee.Eligible += committeeEligible(g)
			st.Committee.Voted += committeeVoted(g)
		}
	}
	for _, b := range []*data.BodyStats{&st.PartyOrg, &st.Committee} {
		b.Rate = data.Rate(b.Completed, b.Due)
		b.OneTimeRate = data.Rate(b.OneTime, b.Completed)
		b.Turnout = data.Rate(b.Voted, b.Eligible)
	}
	st.Members = rosterFigures(n - p.committeeUndone)
	st.Leadership = data.LeadershipStats{PartyCommittee: p.leadParty, Government: p.leadGov, Cross: p.leadCross}

	complaints := 0
	for t := 0; t < p.s.Townships; t++ {
		complaints += complaintsIn(t)
	}
	st.Petitions.Total = complaints
	for j := 0; j < complaints; j++ {
		switch complaintResult(j) {
		case data.ResTrue, data.ResPartlyTrue:
			st.Petitions.Substantiated++
		case data.ResPending:
			// Every pending complaint's deadline lies at least 10 days before last < today.
			st.Petitions.Overdue++
			continue
		}
		st.Petitions.Closed++
	}

	st.Talks = data.TalkStats{Total: p.talks,
		ByMode: map[string]int{
			string(data.ModeRequested): p.talksRequested,
			string(data.ModeInitiated): p.talks - p.talksRequested - p.talksVisiting,
			string(data.ModeVisiting):  p.talksVisiting,
		},
		ByCategory: map[string]int{
			string(data.TalkPersonal):   p.talksPersonal,
			string(data.TalkReport):     p.talks - p.talksPersonal - p.talksSugg,
			string(data.TalkSuggestion): p.talksSugg,
		}}
	return st
}

// rosterFigures are the structure figures of rosters 0..n-1 as the slots define them.
func rosterFigures(n int) data.MemberStats {
	var ms data.MemberStats
	ageSum := 0
	for k := 0; k < n; k++ {
		for s, sl := range slots {
			if s == 9 && k%4 != 1 {
				continue
			}
			ms.Total++
			pp, cp := posts(s, k)
			party := pp != data.PartyNone || (sl.party != nil && sl.party(k))
			if pp != data.PartyNone {
				ms.Party++
			}
			if cp != data.CommitteeNone {
				ms.Committee++
				if party {
					ms.CommitteeParty++
				}
			}
			if pp != data.PartyNone && cp != data.CommitteeNone {
				ms.Cross++
			}
			if sl.female != nil && sl.female(k) {
				ms.Women++
			}
			age := sl.age(k)
			ageSum += age
			switch {
			case age < 35:
				ms.Under35++
			case age >= 60:
				ms.Age60Plus++
			}
			if e := sl.edu(k); e == data.EduCollege || e == data.EduBachelor {
				ms.College++
			}
			if sl.isNew != nil && sl.isNew(k) {
				ms.New++
			}
		}
		// Every roster has a 书记 and a 主任; one in three is 一肩挑 (dualHead).
		ms.DualHeadBase++
		if dualHead(k) {
			ms.DualHead++
		}
	}
	ms.DualHeadRate = data.Rate(ms.DualHead, ms.DualHeadBase)
	ms.AvgAge = data.Average(ageSum, ms.Total)
	return ms
}
