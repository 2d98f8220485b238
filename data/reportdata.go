package data

import (
	"math"
	"sort"
	"time"
)

// VillageMembers are one village's committee members, in roster order (书记, 主任, then by
// party post, committee post and name).
type VillageMembers struct {
	Township string
	Village  string
	Members  []Member
}

// MembersReport is everything the 两委成员花名册 draws.
type MembersReport struct {
	Round    int
	Township string // "" for all
	Villages []VillageMembers
	Stats    MemberStats
	// Secretaries and Directors are the figures of the 书记 and of the 主任 on their own.
	Secretaries, Directors HeadStats
}

// PartyReport is everything the 村级党组织“四有”情况统计表 draws.
type PartyReport struct {
	Year     int
	Township string     // "" for all
	Orgs     []PartyOrg // every organization of the year, by township and village
	Weak     []PartyOrg // the 软弱涣散 ones, with measures, progress and result
	Stats    PartyStats
	// Totals over Orgs for the table's last row.
	Totals PartyTotals
}

// PartyTotals sum the party ledger's columns.
type PartyTotals struct {
	Members, Women, Probationary, Developed, Activities int
	Income                                              float64 // 万元
	Team, Venue, Activity, IncomeOrgs                   int     // organizations meeting each of the four
}

// Count is a named count in a breakdown table.
type Count struct {
	Name string
	N    int
}

// PetitionsReport is everything the 信访举报受理情况台账 draws.
type PetitionsReport struct {
	Year       int
	Township   string      // "" for all
	Ref        time.Time   // reference date for 超期
	Complaints []Complaint // by 受理日期 then 编号
	Overdue    []bool      // Overdue[i] says whether Complaints[i] is 超期 on Ref
	Stats      PetitionStats
	ByChannel  []Count // every channel, in Channels order, zeros included
	ByCategory []Count // every category, in ComplaintCategories order
	ByResult   []Count // every result, in ComplaintResults order
}

// TalksReport is everything the 干部约谈情况统计表 draws.
type TalksReport struct {
	Year     int
	Township string // "" for all
	Talks    []Talk // by date then 编号
	// Grid[i][j] counts talks of TalkModes[i] and TalkCategories[j].
	Grid  [3][3]int
	Stats TalkStats
}

// rosterRank orders a village's members: 书记, 主任, then the other party posts, then the
// other committee posts.
func rosterRank(m Member) int {
	switch {
	case m.PartyPost == PartySecretary:
		return 0
	case m.CommitteePost == CommitteeDirector:
		return 1
	case m.PartyPost == PartyDeputy:
		return 2
	case m.PartyPost == PartyMember:
		return 3
	case m.CommitteePost == CommitteeDeputy:
		return 4
	case m.CommitteePost == CommitteeMember:
		return 5
	}
	return 6
}

// BuildMembers computes the 两委成员花名册 of a round: the members of active villages
// grouped by village (sorted by township and village name), in roster order, and the
// structure figures. Villages without members are left out.
func BuildMembers(l Ledger, round int) MembersReport {
	sum := NewMembersSum(round)
	r := sum.Add(l)
	t := sum.Totals()
	r.Stats, r.Secretaries, r.Directors = t.Stats, t.Secretaries, t.Directors
	return r
}

// BuildParty computes the 村级党组织“四有”情况统计表 of a year: the organizations of active
// villages by township and village, the 软弱涣散 ones (with 整顿结果 read as 整顿中 when
// none was entered), the figures and the column totals.
func BuildParty(l Ledger, year int) PartyReport {
	r := PartyReport{Year: year}
	active := activeVillages(l.Villages)
	r.Stats = partyStats(active, l.PartyOrgs, year)
	for _, p := range l.PartyOrgs {
		if p.Year == year && active[p.VillageKey()] {
			r.Orgs = append(r.Orgs, p)
		}
	}
	order := NewVillageOrder(l.Villages)
	sort.SliceStable(r.Orgs, func(i, j int) bool {
		a, b := r.Orgs[i], r.Orgs[j]
		return order.Compare(a.Township, a.Village, b.Township, b.Village) < 0
	})
	for _, p := range r.Orgs {
		r.Totals.add(p)
		if p.Weak {
			p.Result = p.EffectiveResult()
			r.Weak = append(r.Weak, p)
		}
	}
	r.Totals = r.Totals.rounded()
	return r
}

// add counts organization p in the totals.
func (t *PartyTotals) add(p PartyOrg) {
	t.Members += p.Members
	t.Women += p.Women
	t.Probationary += p.Probationary
	t.Developed += p.Developed
	t.Activities += p.Activities
	t.Income += p.Income
	t.Team += b2i(p.HasTeam)
	t.Venue += b2i(p.HasVenue)
	t.Activity += b2i(p.HasActivity)
	t.IncomeOrgs += b2i(p.HasIncome)
}

// rounded are the totals once every organization is added: the income summed in 0.0001 万元
// steps so that many rows of 12.3 do not print as 1229.9999999.
func (t PartyTotals) rounded() PartyTotals {
	t.Income = math.Round(t.Income*10000) / 10000
	return t
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// BuildPetitions computes the 信访举报受理情况台账 of a year: the complaints received in it,
// by 受理日期 then 编号, whether each is 超期 on ref, the figures and the breakdowns by
// channel, category and result with every value present.
func BuildPetitions(l Ledger, year int, ref time.Time) PetitionsReport {
	r := PetitionsReport{Year: year, Ref: ref}
	r.Stats = petitionStats(l.Complaints, year, ref)
	for _, c := range l.Complaints {
		if c.Received.Year() == year {
			r.Complaints = append(r.Complaints, c)
		}
	}
	sort.SliceStable(r.Complaints, func(i, j int) bool {
		a, b := r.Complaints[i], r.Complaints[j]
		if !a.Received.Equal(b.Received) {
			return a.Received.Before(b.Received)
		}
		if a.No != b.No {
			return a.No < b.No
		}
		return a.Township < b.Township
	})
	channel := map[Channel]int{}
	category := map[ComplaintCategory]int{}
	result := map[ComplaintResult]int{}
	r.Overdue = make([]bool, len(r.Complaints))
	for i, c := range r.Complaints {
		r.Overdue[i] = c.Overdue(ref)
		channel[c.Channel]++
		category[c.Category]++
		res := c.Result
		if res == "" {
			res = ResPending
		}
		result[res]++
	}
	for _, c := range Channels {
		r.ByChannel = append(r.ByChannel, Count{string(c), channel[c]})
	}
	for _, c := range ComplaintCategories {
		r.ByCategory = append(r.ByCategory, Count{string(c), category[c]})
	}
	for _, c := range ComplaintResults {
		r.ByResult = append(r.ByResult, Count{string(c), result[c]})
	}
	return r
}

// BuildTalks computes the 干部约谈情况统计表 of a year: the talks dated in it by date then
// 编号, the 方式 × 类别 grid and the figures.
func BuildTalks(l Ledger, year int) TalksReport {
	r := TalksReport{Year: year}
	r.Stats = talkStats(l.Talks, year)
	for _, t := range l.Talks {
		if t.Date.Year() == year {
			r.Talks = append(r.Talks, t)
		}
	}
	sort.SliceStable(r.Talks, func(i, j int) bool {
		a, b := r.Talks[i], r.Talks[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		if a.No != b.No {
			return a.No < b.No
		}
		return a.Township < b.Township
	})
	for _, t := range r.Talks {
		i, j := index(TalkModes, t.Mode), index(TalkCategories, t.Category)
		if i >= 0 && j >= 0 {
			r.Grid[i][j]++
		}
	}
	return r
}

func index[T comparable](vs []T, v T) int {
	for i, x := range vs {
		if x == v {
			return i
		}
	}
	return -1
}
