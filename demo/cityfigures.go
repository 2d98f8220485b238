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
	st.Development, st.Commendations = none.Development, c.expectedCommendations() // 100/100/50/10/50
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
	st.Members, st.Secretaries, st.Directors = rosterFigures(n-p.committeeUndone, p.committeeUndone-p.partyUndone)
	st.Members.DualHeadBase = n
	st.Members.DualHeadRate = data.Rate(st.Members.DualHead, n)
	st.Rates = data.KeyRates{Round: c.round, PartyRate: st.PartyOrg.Rate, CommitteeRate: st.Committee.Rate,
		DualHeadRate: st.Members.DualHeadRate, CrossRate: data.Rate(st.Members.Cross, st.Members.Total),
		WomenRate: data.Rate(st.Members.Women, st.Members.Total), Under35Rate: data.Rate(st.Members.Under35, st.Members.Total),
		CollegeRate: data.Rate(st.Members.College, st.Members.Total), AvgAge: st.Members.AvgAge}
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

// heads accumulates the figures of the 书记 or the 主任 as the slots define them.
type heads struct {
	data.HeadStats
	ageSum int
}

func (h *heads) add(sl slot, k int) {
	h.Count++
	if sl.female != nil && sl.female(k) {
		h.Women++
	}
	age := sl.age(k)
	h.ageSum += age
	if age <= 35 {
		h.Under35++
	}
	if age >= 60 {
		h.Age60Plus++
	}
	if e := sl.edu(k); e == data.EduCollege || e == data.EduBachelor {
		h.College++
	}
}

func (h *heads) done() data.HeadStats {
	h.AvgAge = data.Average(h.ageSum, h.Count)
	return h.HeadStats
}

// rosterFigures are the structure figures, and those of the 书记 and the 主任, of complete
// rosters 0..full-1 and of party-only rosters 0..partial-1 (villages whose 村委会 is still
// electing: slots 0–4 with their party posts) as the slots define them. 35岁及以下 and
// 60岁及以上 include 35 and 60; 一肩挑 counts complete rosters only (its base is the caller's).
func rosterFigures(full, partial int) (data.MemberStats, data.HeadStats, data.HeadStats) {
	var ms data.MemberStats
	var all, secretaries, directors heads
	count := func(sl slot, k int, pp data.PartyPost, cp data.CommitteePost) {
		all.add(sl, k)
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
		if pp == data.PartySecretary {
			secretaries.add(sl, k)
		}
		if cp == data.CommitteeDirector {
			directors.add(sl, k)
		}
		if sl.isNew != nil && sl.isNew(k) {
			ms.New++
		}
	}
	for k := 0; k < full; k++ {
		for s, sl := range slots {
			if s == 9 && k%4 != 1 {
				continue
			}
			pp, cp := posts(s, k)
			count(sl, k, pp, cp)
		}
		if dualHead(k) {
			ms.DualHead++
		}
	}
	for k := 0; k < partial; k++ {
		for s := 0; s < 5; s++ {
			pp, _ := posts(s, k)
			count(slots[s], k, pp, data.CommitteeNone)
		}
	}
	a := all.done()
	ms.Total, ms.Women, ms.AvgAge, ms.Under35, ms.Age60Plus, ms.College = a.Count, a.Women, a.AvgAge, a.Under35, a.Age60Plus, a.College
	return ms, secretaries.done(), directors.done()
}
