package data

import (
	"context"
	"maps"
	"slices"
	"sort"
	"time"
)

// StatsSum adds up the figures of a round a few townships at a time, so that a province's
// figures need the records of one township in memory, not of all. Every figure is a sum
// over townships — counts, counts by key, and rates and average ages that are ratios of
// sums — so the sums are kept and the ratios taken once, at the end. ComputeStats is one
// Add of the whole ledger: the figures are the same whichever way the ledger is cut, as
// long as each Add holds every record of the townships it names (Ledger.ForTownship).
type StatsSum struct {
	round int
	ref   time.Time
	s     Stats
	heads
}

// NewStatsSum starts the figures of round on ref (see ComputeStats).
func NewStatsSum(round int, ref time.Time) *StatsSum {
	a := &StatsSum{round: round, ref: ref}
	a.s.Round = round
	a.s.Talks = talkStats(nil, round)
	roundRestStats(&a.s, Ledger{}, nil, round, ref)
	partyWorkStats(&a.s, Ledger{}, nil, round, ref)
	return a
}

// Add counts the records of l, which holds every record of the townships it names.
func (a *StatsSum) Add(l Ledger) { a.AddPart(a.PartOf(l)) }

// StatsPart is the sums of some townships' records (StatsSum.PartOf), what AddPart adds:
// the figures' sums without their ratios, and the sums of the heads (every member's, the
// 书记', the 主任'). It is kept by the store between runs (sqlite.EachPart), which keeps
// exported fields: they hold all of it.
type StatsPart struct {
	S     Stats       `json:"s"`
	Heads [3]HeadPart `json:"heads"`
}

// HeadPart is a headSum as kept in a StatsPart.
type HeadPart struct {
	HeadStats
	AgeSum int `json:"age_sum"`
	Aged   int `json:"aged"`
}

func (h headSum) part() HeadPart    { return HeadPart{h.HeadStats, h.ageSum, h.aged} }
func (p HeadPart) headSum() headSum { return headSum{p.HeadStats, p.AgeSum, p.Aged} }

// PartOf is the sums of the records of l (every record of the townships it names) for a's
// round and reference date.
func (a *StatsSum) PartOf(l Ledger) StatsPart {
	var s Stats
	round := a.round
	s.Townships = len(l.Townships)
	active := activeVillages(l.Villages)
	s.Villages = len(active)
	s.PartyOrg = bodyStats(active, l.Elections, round, BodyParty)
	s.Committee = bodyStats(active, l.Elections, round, BodyCommittee)
	// The roster as of ref: the changes during the term up to that day (RosterOn); only the
	// bodies whose election is 已完成 count.
	done := completedBodies(active, l.Elections, round)
	m, all, secs, directs := memberSums(active, done, RosterOn(l.Members, l.Changes, round, a.ref), round)
	s.Members = m
	for _, x := range l.Leaderships {
		if x.Round == round {
			s.Leadership.PartyCommittee += x.PartyCommittee
			s.Leadership.Government += x.Government
			s.Leadership.Cross += x.Cross
		}
	}
	s.Party = partyStats(active, l.PartyOrgs, round)
	s.Petitions = petitionStats(l.Complaints, round, a.ref)
	s.Talks = talkStats(l.Talks, round)
	roundRestStats(&s, l, active, round, a.ref)
	// The party work: every figure a count over the villages or commendations of a township
	// (the townships that keep a development ledger are told apart township by township).
	partyWorkStats(&s, l, active, round, a.ref)
	return StatsPart{S: s, Heads: [3]HeadPart{all.part(), secs.part(), directs.part()}}
}

// AddPart adds the sums of p, of townships not added yet.
func (a *StatsSum) AddPart(p StatsPart) {
	s, t := &a.s, &p.S
	s.Townships += t.Townships
	s.Villages += t.Villages
	sumBody(&s.PartyOrg, t.PartyOrg)
	sumBody(&s.Committee, t.Committee)
	a.addMembers(&s.Members, t.Members, p.Heads[0].headSum(), p.Heads[1].headSum(), p.Heads[2].headSum())
	s.Leadership.PartyCommittee += t.Leadership.PartyCommittee
	s.Leadership.Government += t.Leadership.Government
	s.Leadership.Cross += t.Leadership.Cross
	s.Party.Orgs += t.Party.Orgs
	s.Party.Members += t.Party.Members
	s.Party.FourHaves += t.Party.FourHaves
	s.Party.Weak += t.Party.Weak
	s.Party.WeakRectified += t.Party.WeakRectified
	s.Petitions.Total += t.Petitions.Total
	s.Petitions.Substantiated += t.Petitions.Substantiated
	s.Petitions.Overdue += t.Petitions.Overdue
	s.Petitions.Closed += t.Petitions.Closed
	s.Talks.Total += t.Talks.Total
	addCounts(s.Talks.ByMode, t.Talks.ByMode)
	addCounts(s.Talks.ByCategory, t.Talks.ByCategory)
	s.Candidates.Total += t.Candidates.Total
	s.Candidates.Passed += t.Candidates.Passed
	s.Candidates.Failed += t.Candidates.Failed
	s.Candidates.Pending += t.Candidates.Pending
	addCounts(s.Candidates.ByReason, t.Candidates.ByReason)
	s.Supervision.Villages += t.Supervision.Villages
	s.Supervision.Members += t.Supervision.Members
	s.Supervision.InLiangwei += t.Supervision.InLiangwei
	s.Changes.Total += t.Changes.Total
	addCounts(s.Changes.ByReason, t.Changes.ByReason)
	addCounts(s.Changes.ByMethod, t.Changes.ByMethod)
	s.Audits.Audits += t.Audits.Audits
	s.Audits.Villages += t.Audits.Villages
	s.Audits.WithProblems += t.Audits.WithProblems
	s.Audits.Rectified += t.Audits.Rectified
	d, w := &s.Development, &t.Development
	d.Total += w.Total
	addCounts(d.ByStage, w.ByStage)
	d.NewProbationary += w.NewProbationary
	d.Confirmed += w.Confirmed
	d.Developed += w.Developed
	d.Women += w.Women
	d.Under35 += w.Under35
	d.College += w.College
	d.Overdue += w.Overdue
	d.PartyReported += w.PartyReported
	d.Mismatched += w.Mismatched
	cs := &s.Commendations
	cs.Total += t.Commendations.Total
	addCounts(cs.ByCategory, t.Commendations.ByCategory)
	addCounts(cs.ByLevel, t.Commendations.ByLevel)
}

// Stats are the figures of everything added: the sums, and the rates and averages of them.
func (a *StatsSum) Stats() Stats {
	s := a.s
	s.Talks.ByMode, s.Talks.ByCategory = maps.Clone(s.Talks.ByMode), maps.Clone(s.Talks.ByCategory)
	s.Candidates.ByReason = maps.Clone(s.Candidates.ByReason)
	s.Changes.ByReason, s.Changes.ByMethod = maps.Clone(s.Changes.ByReason), maps.Clone(s.Changes.ByMethod)
	s.Development.ByStage = maps.Clone(s.Development.ByStage)
	s.Commendations.ByCategory, s.Commendations.ByLevel = maps.Clone(s.Commendations.ByCategory), maps.Clone(s.Commendations.ByLevel)
	for _, b := range []*BodyStats{&s.PartyOrg, &s.Committee} {
		b.Rate = Rate(b.Completed, b.Due)
		b.OneTimeRate = Rate(b.OneTime, b.Completed)
		b.Turnout = Rate(b.Voted, b.Eligible)
	}
	all, secs, directs := a.all, a.secs, a.directs
	h := all.done()
	m := &s.Members
	m.Total, m.Women, m.AvgAge, m.Under35, m.Age60Plus, m.College = h.Count, h.Women, h.AvgAge, h.Under35, h.Age60Plus, h.College
	m.DualHeadRate = Rate(m.DualHead, m.DualHeadBase)
	s.Secretaries, s.Directors = secs.done(), directs.done()
	s.Rates = s.keyRates()
	s.Supervision.LiangweiShare = Rate(s.Supervision.InLiangwei, s.Supervision.Members)
	return s
}

// sumBody adds one body's counts (its rates are taken at the end).
// heads are the heads of memberSums added township by township (StatsSum, MembersSum):
// every member's, the 书记' and the 主任', whose averages and rates are taken at the end.
type heads struct{ all, secs, directs headSum }

// addMembers adds a result of memberSums: its counts to t, its heads to h.
func (h *heads) addMembers(t *MemberStats, m MemberStats, all, secs, directs headSum) {
	t.Party += m.Party
	t.Committee += m.Committee
	t.Cross += m.Cross
	t.DualHead += m.DualHead
	t.DualHeadBase += m.DualHeadBase
	t.CommitteeParty += m.CommitteeParty
	t.New += m.New
	h.all.merge(all)
	h.secs.merge(secs)
	h.directs.merge(directs)
}

func sumBody(to *BodyStats, b BodyStats) {
	to.Due += b.Due
	to.Completed += b.Completed
	to.OneTime += b.OneTime
	to.Eligible += b.Eligible
	to.Voted += b.Voted
}

// addCounts adds counts by key.
func addCounts(to, from map[string]int) {
	for k, n := range from {
		to[k] += n
	}
}

// merge adds another headSum's counts and age sums.
func (h *headSum) merge(o headSum) {
	h.Count += o.Count
	h.Women += o.Women
	h.Under35 += o.Under35
	h.Age60Plus += o.Age60Plus
	h.College += o.College
	h.ageSum += o.ageSum
	h.aged += o.aged
}

// TownshipStore reads a round's ledger one township at a time (sqlite.Store.EachTownship),
// and lists the rounds.
type TownshipStore interface {
	Rounds(ctx context.Context) ([]int, error)
	EachTownship(ctx context.Context, round int, fn func(Ledger) error) error
}

// SumPreviousRates is LoadPreviousRates over every township, read and added one township at
// a time: the previous round's key rates in the memory of one township.
func SumPreviousRates(ctx context.Context, st TownshipStore, round int) (*KeyRates, error) {
	rounds, err := st.Rounds(ctx)
	if err != nil {
		return nil, err
	}
	prev := PreviousRound(rounds, round)
	if prev == 0 {
		return nil, nil
	}
	// PreviousRates counts the members as entered (no changes applied): a zero date.
	sum, held := NewStatsSum(prev, time.Time{}), false
	err = st.EachTownship(ctx, prev, func(l Ledger) error {
		for _, e := range l.Elections {
			held = held || e.Round == prev
		}
		sum.Add(l)
		return nil
	})
	if err != nil || !held {
		return nil, err
	}
	r := sum.Stats().Rates
	return &r, nil
}

// SummarySum builds the summary report (BuildSummary) a few townships at a time: each Add
// gives its townships' rows and unfinished elections, and the totals are a StatsSum.
type SummarySum struct {
	round      int
	ref        time.Time
	rows       []SummaryRow
	unfinished []Unfinished
	total      *StatsSum
	tcode      TownshipCodes
}

// NewSummarySum starts the summary report of round on ref.
func NewSummarySum(round int, ref time.Time) *SummarySum {
	return &SummarySum{round: round, ref: ref, total: NewStatsSum(round, ref), tcode: TownshipCodes{}}
}

// Add takes the records of l, which holds every record of the townships it names.
func (a *SummarySum) Add(l Ledger) { a.AddPart(a.PartOf(l)) }

// SummaryPart is some townships' share of the summary report (SummarySum.PartOf), what
// AddPart adds; it is kept by the store between runs (sqlite.EachPart).
type SummaryPart struct {
	Rows       []SummaryRow  `json:"rows"`
	Unfinished []Unfinished  `json:"unfinished"`
	Total      StatsPart     `json:"total"`
	Codes      TownshipCodes `json:"codes"`
}

// PartOf is the share of the records of l (every record of the townships it names).
func (a *SummarySum) PartOf(l Ledger) SummaryPart {
	p := summaryParts(l, a.round, a.ref) // the totals are Total's
	codes := TownshipCodes{}
	codes.Add(l.Villages)
	return SummaryPart{Rows: p.Rows, Unfinished: p.Unfinished, Total: a.total.PartOf(l), Codes: codes}
}

// AddPart adds the share p, of townships not added yet.
func (a *SummarySum) AddPart(p SummaryPart) {
	a.rows = append(a.rows, p.Rows...)
	a.unfinished = append(a.unfinished, p.Unfinished...)
	a.total.AddPart(p.Total)
	a.tcode.merge(p.Codes)
}

// Report is the summary report of everything added, as BuildSummary gives it for the whole
// ledger: rows by township, unfinished elections by township and village.
func (a *SummarySum) Report() SummaryReport {
	r := SummaryReport{Round: a.round, Rows: slices.Clone(a.rows), Unfinished: slices.Clone(a.unfinished)}
	// In the official order (VillageOrder) of every village added, as BuildSummary sorts: the
	// townships by their codes (a province's villages are not kept), and the unfinished
	// villages of a township as its Add gave them, in the order of its own villages, which
	// is theirs in the whole (a village's rank within its township is the township's own).
	rank := map[string]int{}
	for i, t := range a.tcode.InOrder() {
		rank[t] = i
	}
	sort.SliceStable(r.Rows, func(i, j int) bool { return rank[r.Rows[i].Township] < rank[r.Rows[j].Township] })
	sort.SliceStable(r.Unfinished, func(i, j int) bool { return rank[r.Unfinished[i].Township] < rank[r.Unfinished[j].Township] })
	total := a.total.Stats()
	r.Total = summaryRowOf("合计", total)
	r.Rates, r.Secretaries, r.Directors = total.Rates, total.Secretaries, total.Directors
	return r
}

// Stats are the figures of everything added (ComputeStats of the whole ledger), whose
// totals the report's 合计 row shows.
func (a *SummarySum) Stats() Stats { return a.total.Stats() }

// DetailSum builds the 换届情况明细表 (BuildDetail) a few townships at a time, so that a
// province's detail can be drawn township after township: each Add gives its townships' rows
// and subtotals; the total is the sum of the subtotals.
type DetailSum struct {
	round int
	total DetailTotal
}

// NewDetailSum starts the 换届情况明细表 of round.
func NewDetailSum(round int) *DetailSum { return &DetailSum{round: round} }

// Add takes the records of l, which holds every record of the townships it names (its
// members as on the report's date, see RosterOn), and returns their part of the report:
// their rows in the official order of l's villages and their subtotals (its Total is theirs
// alone). Added in the official order of the townships (TownshipsInOrder), the parts' rows
// and subtotals are those of BuildDetail of the whole ledger.
func (a *DetailSum) Add(l Ledger) DetailReport {
	p := BuildDetail(l, a.round)
	for _, t := range p.Townships {
		a.total.Villages += t.Villages
		sumBody(&a.total.PartyOrg, t.PartyOrg)
		sumBody(&a.total.Committee, t.Committee)
		a.total.PartySeats += t.PartySeats
		a.total.PartyElected += t.PartyElected
		a.total.CommitteeSeats += t.CommitteeSeats
		a.total.CommitteeElected += t.CommitteeElected
	}
	return p
}

// Total is the total of everything added, as BuildDetail gives it for the whole ledger.
func (a *DetailSum) Total() DetailTotal {
	t := a.total
	t.rates()
	return t
}

// places keeps what VillageOrder ranks the villages by (township, name, 区划代码) of every
// village added, merged ones too, and nothing else of them.
type places []Village

func (p *places) add(vs []Village) {
	for _, v := range vs {
		*p = append(*p, Village{Township: v.Township, Name: v.Name, Code: v.Code})
	}
}
