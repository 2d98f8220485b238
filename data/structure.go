package data

import "time"

// The structure figures of the new committees as the county defines them (issue 14):
//
//   - Only bodies whose election of the round is 已完成 count: a post on a body still electing
//     (or never elected) is not part of the new committee yet.
//   - 35岁及以下 and 60岁及以上 include 35 and 60: in Chinese statistical and legal usage
//     “以下”“以上” include the number (Party statistics write 35岁及以下). Ages are full years
//     on 1 January of the round (SPEC §4).
//   - 一肩挑 is counted over every due village (应换届村数), the base printed beside the rate:
//     the 民政部 reported the 2021 round as “绝大多数村（社区）都实现党组织书记‘一肩挑’”
//     (2021年第四季度例行新闻发布会, 2021-11-05), a share of all villages, so a township
//     with vacancies is not flattered by leaving them out.

// MemberStats are the structure figures of the new committees (SPEC §4).
type MemberStats struct {
	Total     int `json:"total"`
	Party     int `json:"party"`
	Committee int `json:"committee"`
	Cross     int `json:"cross"`
	DualHead  int `json:"dual_head"` // 一肩挑: villages whose 书记 is also 主任, both bodies 已完成
	// DualHeadBase is the base of DualHeadRate (%): every due (active) village of the round.
	DualHeadBase int     `json:"dual_head_base"`
	DualHeadRate float64 `json:"dual_head_rate"`
	Women        int     `json:"women"`
	AvgAge       float64 `json:"avg_age"`
	Under35      int     `json:"under35"`   // 35岁及以下
	Age60Plus    int     `json:"age60plus"` // 60岁及以上
	College      int     `json:"college"`
	// Beyond SPEC §7's keys: the 党员 among 村委会 members and the 新任 members, for their shares.
	CommitteeParty int `json:"committee_party"`
	New            int `json:"new"`
}

// HeadStats are the figures of the 书记 (or of the 主任) on their own.
type HeadStats struct {
	Count     int     `json:"count"`
	Women     int     `json:"women"`
	AvgAge    float64 `json:"avg_age"`
	Under35   int     `json:"under35"`
	Age60Plus int     `json:"age60plus"`
	College   int     `json:"college"`
}

// headSum accumulates a HeadStats and its age sum.
type headSum struct {
	HeadStats
	ageSum, aged int
}

func (h *headSum) add(birth time.Time, g Gender, edu Education, round int) {
	h.Count++
	if g == Female {
		h.Women++
	}
	if !birth.IsZero() {
		age := AgeOn(birth, round)
		h.ageSum += age
		h.aged++
		if age <= 35 {
			h.Under35++
		}
		if age >= 60 {
			h.Age60Plus++
		}
	}
	if edu == EduCollege || edu == EduBachelor {
		h.College++
	}
}

func (h *headSum) done() HeadStats {
	h.AvgAge = Average(h.ageSum, h.aged)
	return h.HeadStats
}

// bodiesDone says which bodies of a village have completed the round's election.
type bodiesDone struct{ party, committee bool }

// completedBodies lists, per active village, the bodies whose election of the round is 已完成.
func completedBodies(active map[VillageKey]bool, es []Election, round int) map[VillageKey]bodiesDone {
	done := make(map[VillageKey]bodiesDone, len(active))
	for _, e := range es {
		if e.Round != round || e.Status != StatusCompleted || !active[e.VillageKey()] {
			continue
		}
		d := done[e.VillageKey()]
		switch e.Body {
		case BodyParty:
			d.party = true
		case BodyCommittee:
			d.committee = true
		}
		done[e.VillageKey()] = d
	}
	return done
}

// memberStats computes, in one pass, the structure figures of the round's members in active
// villages, counting each post only when its body's election is 已完成 (done), and the
// figures of the 书记 and of the 主任 on their own.
func memberStats(active map[VillageKey]bool, done map[VillageKey]bodiesDone, ms []Member, round int) (MemberStats, HeadStats, HeadStats) {
	st, all, secretaries, directors := memberSums(active, done, ms, round)
	a := all.done()
	st.Total, st.Women, st.AvgAge, st.Under35, st.Age60Plus, st.College = a.Count, a.Women, a.AvgAge, a.Under35, a.Age60Plus, a.College
	st.DualHeadRate = Rate(st.DualHead, st.DualHeadBase)
	return st, secretaries.done(), directors.done()
}

// memberSums is memberStats before its averages and rates: the counts, and the sums of all
// members, the 书记 and the 主任 (whose figures and average ages memberStats then takes).
func memberSums(active map[VillageKey]bool, done map[VillageKey]bodiesDone, ms []Member, round int) (st MemberStats, all, secretaries, directors headSum) {
	st = MemberStats{DualHeadBase: len(active)}
	dual := map[VillageKey]bool{}
	for _, m := range ms {
		k := m.VillageKey()
		if m.Round != round || !active[k] {
			continue
		}
		d := done[k]
		party, comm := m.IsParty() && d.party, m.IsCommittee() && d.committee
		if !party && !comm {
			continue
		}
		birth, g := m.identity()
		b := birth
		all.add(b, g, m.Education, round)
		if party {
			st.Party++
		}
		if comm {
			st.Committee++
			if m.Political == PolParty || m.Political == PolProbationary {
				st.CommitteeParty++
			}
		}
		if party && comm {
			st.Cross++
		}
		secretary := party && m.PartyPost == PartySecretary
		director := comm && m.CommitteePost == CommitteeDirector
		if secretary {
			secretaries.add(b, g, m.Education, round)
		}
		if director {
			directors.add(b, g, m.Education, round)
		}
		if secretary && director {
			dual[k] = true
		}
		if m.Tenure == TenureNew {
			st.New++
		}
	}
	st.DualHead = len(dual)
	return st, all, secretaries, directors
}
