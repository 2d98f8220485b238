package data

import (
	"slices"
	"sort"
	"time"
)

// Ledger is a set of records identified by natural keys (names, years, numbers), not
// database IDs: what a round's figures are computed from (already filtered to a township
// when one is asked for), what one imported file holds, and what an export writes.
type Ledger struct {
	Townships   []Township
	Villages    []Village
	Elections   []Election
	Members     []Member
	Leaderships []Leadership
	PartyOrgs   []PartyOrg
	Complaints  []Complaint
	Talks       []Talk
	Candidates  []Candidate
	Supervisors []Supervisor
	Changes     []Change
	Audits      []DepartureAudit
	// Developments and Commendations: the party work of issue 16 (partywork*.go).
	Developments  []Development
	Commendations []Commendation
	// Absent names, per kind, the headers of the columns an imported file's sheet did not
	// have: an import keeps those fields of the stored records as they are, and a new record
	// has them empty. Empty for a ledger that is not an imported file.
	Absent map[KindCode][]string
	// Prints are, for a workbook being imported, the fingerprint it declares per township
	// beside the one of its rows (issue 18); nil for any other ledger.
	Prints []FilePrint
}

// Len is the number of records in the ledger.
func (l Ledger) Len() int {
	n := 0
	for _, k := range Descriptions {
		n += k.Count(&l)
	}
	return n
}

// ForTownship keeps only the records of one township.
func (l Ledger) ForTownship(name string) Ledger {
	var out Ledger
	for _, k := range Descriptions {
		k.CopyTownship(&out, &l, name)
	}
	return out
}

func keep[T any](xs []T, ok func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

// BodyStats are one body's election figures (SPEC §4).
type BodyStats struct {
	Due         int     `json:"due"`           // active villages of the round
	Completed   int     `json:"completed"`     // elections with 状态 已完成
	Rate        float64 `json:"rate"`          // Completed / Due, %
	OneTime     int     `json:"one_time"`      // completed at the first attempt
	OneTimeRate float64 `json:"one_time_rate"` // OneTime / Completed, %
	Turnout     float64 `json:"turnout"`       // Σ实参加 / Σ应参加 over completed elections, %
	Eligible    int     `json:"eligible"`      // Σ应参加 over completed elections
	Voted       int     `json:"participants"`  // Σ实参加 over completed elections
}

// LeadershipStats sum the township leadership rows of the round.
type LeadershipStats struct {
	PartyCommittee int `json:"party_committee"`
	Government     int `json:"government"`
	Cross          int `json:"cross"`
}

// PartyStats summarise the party-organization ledger of the round's year.
type PartyStats struct {
	Orgs          int `json:"orgs"`
	Members       int `json:"members"`
	FourHaves     int `json:"four_haves"`
	Weak          int `json:"weak"`
	WeakRectified int `json:"weak_rectified"`
}

// PetitionStats count the complaints of the round's year.
type PetitionStats struct {
	Total         int `json:"total"`
	Substantiated int `json:"substantiated"`
	Overdue       int `json:"overdue"`
	Closed        int `json:"closed"`
}

// TalkStats count the talks of the round's year.
type TalkStats struct {
	Total      int            `json:"total"`
	ByMode     map[string]int `json:"by_mode"`
	ByCategory map[string]int `json:"by_category"`
}

// Stats is the object `liangwei-cli stats --json` prints (SPEC §7).
type Stats struct {
	Round     int         `json:"round"`
	Townships int         `json:"townships"`
	Villages  int         `json:"villages"`
	PartyOrg  BodyStats   `json:"party_org"`
	Committee BodyStats   `json:"committee"`
	Members   MemberStats `json:"members"`
	// Secretaries and Directors are the 书记 and the 主任 on their own (counties ask for them
	// apart from all members).
	Secretaries HeadStats `json:"secretaries"`
	Directors   HeadStats `json:"directors"`
	// Rates are this round's key rates; Previous the previous round's, when it is in the
	// data (set by the caller, see Stats.Compare), else null.
	Rates      KeyRates        `json:"rates"`
	Previous   *KeyRates       `json:"previous"`
	Leadership LeadershipStats `json:"leadership"`
	Party      PartyStats      `json:"party"`
	Petitions  PetitionStats   `json:"petitions"`
	Talks      TalkStats       `json:"talks"`
	// The rest of the round (issue 15): roundstats.go.
	Candidates  CandidateStats   `json:"candidates"`
	Supervision SupervisionStats `json:"supervision"`
	Changes     ChangeStats      `json:"changes"`
	Audits      AuditStats       `json:"audits"`
	// The party work beyond 四有 (issue 16): partywork_stats.go.
	Development   DevelopmentStats  `json:"development"`
	Commendations CommendationStats `json:"commendations"`
}

// ComputeStats derives the figures of one round from the ledger. Merged villages leave every
// denominator and their elections every numerator. ref is the reference date for
// overdue complaints.
func ComputeStats(l Ledger, round int, ref time.Time) Stats {
	// The figures are sums over townships (statssum.go): the whole ledger is one Add.
	a := NewStatsSum(round, ref)
	a.Add(l)
	return a.Stats()
}

// partyStats counts the party organizations of the year in active villages.
func partyStats(active map[VillageKey]bool, ps []PartyOrg, year int) PartyStats {
	var st PartyStats
	for _, p := range ps {
		if p.Year != year || !active[p.VillageKey()] {
			continue
		}
		st.Orgs++
		st.Members += p.Members
		if p.FourHaves() {
			st.FourHaves++
		}
		if p.Weak {
			st.Weak++
			if p.EffectiveResult() == RectClosed {
				st.WeakRectified++
			}
		}
	}
	return st
}

// petitionStats counts the complaints received in the calendar year; overdue on ref.
func petitionStats(cs []Complaint, year int, ref time.Time) PetitionStats {
	var st PetitionStats
	for _, c := range cs {
		if c.Received.Year() != year {
			continue
		}
		st.Total++
		if c.Result == ResTrue || c.Result == ResPartlyTrue {
			st.Substantiated++
		}
		if c.Overdue(ref) {
			st.Overdue++
		}
		if !c.Pending() {
			st.Closed++
		}
	}
	return st
}

// talkStats counts the talks dated in the calendar year by mode and category; every
// mode and category is a key, zeros included.
func talkStats(ts []Talk, year int) TalkStats {
	st := TalkStats{ByMode: make(map[string]int, len(TalkModes)), ByCategory: make(map[string]int, len(TalkCategories))}
	for _, m := range TalkModes {
		st.ByMode[string(m)] = 0
	}
	for _, c := range TalkCategories {
		st.ByCategory[string(c)] = 0
	}
	for _, t := range ts {
		if t.Date.Year() != year {
			continue
		}
		st.Total++
		st.ByMode[string(t.Mode)]++
		st.ByCategory[string(t.Category)]++
	}
	return st
}

func activeVillages(vs []Village) map[VillageKey]bool {
	m := make(map[VillageKey]bool, len(vs))
	for _, v := range vs {
		if v.Active() {
			m[v.Key()] = true
		}
	}
	return m
}

func bodyStats(active map[VillageKey]bool, es []Election, round int, body Body) BodyStats {
	b := BodyStats{Due: len(active)}
	for _, e := range es {
		if e.Round != round || e.Body != body || e.Status != StatusCompleted || !active[e.VillageKey()] {
			continue
		}
		b.Completed++
		if e.OneTime {
			b.OneTime++
		}
		b.Eligible += e.Eligible
		b.Voted += e.Participants
	}
	b.Rate = Rate(b.Completed, b.Due)
	b.OneTimeRate = Rate(b.OneTime, b.Completed)
	b.Turnout = Rate(b.Voted, b.Eligible)
	return b
}

// LatestRound is the newest round in the elections, or the year of today when there is none.
func LatestRound(es []Election, today time.Time) int {
	r := 0
	for _, e := range es {
		if e.Round > r {
			r = e.Round
		}
	}
	if r == 0 {
		r = today.Year()
	}
	return r
}

// SummaryRow is one township's line of the 换届完成情况汇总表.
type SummaryRow struct {
	Township  string
	Villages  int // active villages (应换届)
	PartyOrg  BodyStats
	Committee BodyStats
	DualHead  int // 一肩挑 villages
	// DualHeadRate is DualHead over Villages (the due villages), %.
	DualHeadRate float64
	Cross        int // 交叉任职 members
	Women        int // women members
}

// Unfinished is a village whose election in one body is not 已完成.
type Unfinished struct {
	Township string
	Village  string
	Kind     VillageKind // 村 or 社区: a 社区's committee is printed 居委会 (BodyName)
	Body     Body
	Status   string // the election's status, or 无记录 when none was entered
	Reason   string
}

// SummaryReport is everything the summary PDF draws, already computed.
type SummaryReport struct {
	Round      int
	Township   string // the single township the report is for, or "" for all
	Rows       []SummaryRow
	Total      SummaryRow
	Unfinished []Unfinished
	// Rates are the key rates of the whole report; Previous the previous round's over the
	// same townships when it is in the data (set by the caller with PreviousRates), else nil.
	Rates    KeyRates
	Previous *KeyRates
	// Secretaries and Directors are the figures of the 书记 and of the 主任 of the whole report.
	Secretaries, Directors HeadStats
}

// BuildSummary computes the summary report of a round: one row per township with active
// villages, the totals, and every unfinished election of an active village.
func BuildSummary(l Ledger, round int, ref time.Time) SummaryReport {
	r := summaryParts(l, round, ref)
	total := ComputeStats(l, round, ref)
	r.Total = summaryRowOf("合计", total)
	r.Rates, r.Secretaries, r.Directors = total.Rates, total.Secretaries, total.Directors
	return r
}

// summaryParts is BuildSummary without the totals: its rows and unfinished elections.
func summaryParts(l Ledger, round int, ref time.Time) SummaryReport {
	r := SummaryReport{Round: round}
	byTownship := map[string]*Ledger{}
	var names []string
	for _, v := range l.Villages {
		if v.Active() && byTownship[v.Township] == nil {
			byTownship[v.Township] = &Ledger{}
			names = append(names, v.Township)
		}
	}
	if len(names) == 1 {
		// One township (as SummarySum adds them): its records are taken as they are, without
		// copying a slice whose records all belong to it.
		n, t := names[0], byTownship[names[0]]
		t.Villages = keepAll(l.Villages, func(v *Village) bool { return v.Active() && v.Township == n })
		t.Elections = keepAll(l.Elections, func(e *Election) bool { return e.Township == n })
		t.Members = keepAll(l.Members, func(m *Member) bool { return m.Township == n && m.Round == round })
		t.Changes = keepAll(l.Changes, func(c *Change) bool { return c.Township == n })
	} else {
		for _, v := range l.Villages {
			if v.Active() {
				byTownship[v.Township].Villages = append(byTownship[v.Township].Villages, v)
			}
		}
		for _, e := range l.Elections {
			if t := byTownship[e.Township]; t != nil {
				t.Elections = append(t.Elections, e)
			}
		}
		for _, m := range l.Members {
			if t := byTownship[m.Township]; t != nil && m.Round == round {
				t.Members = append(t.Members, m)
			}
		}
		for _, c := range l.Changes {
			if t := byTownship[c.Township]; t != nil {
				t.Changes = append(t.Changes, c)
			}
		}
	}
	order := NewVillageOrder(l.Villages)
	order.SortTownshipNames(names)
	for _, n := range names {
		r.Rows = append(r.Rows, summaryRow(n, *byTownship[n], round, ref))
	}

	// The round's election of each village and body (the last one listed).
	type villageBody struct {
		v VillageKey
		b Body
	}
	done := make(map[villageBody]*Election, len(l.Elections))
	for i := range l.Elections {
		if e := &l.Elections[i]; e.Round == round {
			done[villageBody{e.VillageKey(), e.Body}] = e
		}
	}
	vs := append([]Village(nil), l.Villages...)
	sort.SliceStable(vs, func(i, j int) bool {
		return order.Compare(vs[i].Township, vs[i].Name, vs[j].Township, vs[j].Name) < 0
	})
	for _, v := range vs {
		if !v.Active() {
			continue
		}
		for _, b := range Bodies {
			e, ok := done[villageBody{v.Key(), b}]
			switch {
			case !ok:
				r.Unfinished = append(r.Unfinished, Unfinished{v.Township, v.Name, v.Kind, b, "无记录", ""})
			case e.Status != StatusCompleted:
				r.Unfinished = append(r.Unfinished, Unfinished{v.Township, v.Name, v.Kind, b, string(e.Status), e.Reason})
			}
		}
	}
	return r
}

// keepAll is the records of xs that keep holds, in order: xs itself when it holds for all.
func keepAll[T any](xs []T, keep func(*T) bool) []T {
	for i := range xs {
		if keep(&xs[i]) {
			continue
		}
		out := slices.Clip(slices.Clone(xs[:i]))
		for j := i + 1; j < len(xs); j++ {
			if keep(&xs[j]) {
				out = append(out, xs[j])
			}
		}
		return out
	}
	return xs
}

func summaryRow(name string, l Ledger, round int, ref time.Time) SummaryRow {
	return summaryRowOf(name, ComputeStats(l, round, ref))
}

func summaryRowOf(name string, s Stats) SummaryRow {
	return SummaryRow{
		Township: name, Villages: s.Villages, PartyOrg: s.PartyOrg, Committee: s.Committee,
		DualHead: s.Members.DualHead, DualHeadRate: s.Members.DualHeadRate, Cross: s.Members.Cross, Women: s.Members.Women,
	}
}
