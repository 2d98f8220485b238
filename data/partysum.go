package data

// PartySum builds the 村级党组织“四有”情况统计表 (BuildParty) a few townships at a time, so
// that a province's can be drawn township after township with the records of one in memory:
// each Add gives its townships' organizations; the figures, the totals and the 软弱涣散
// organizations (a few of each township) are kept for Report.
type PartySum struct {
	year   int
	orgs   int
	st     PartyStats
	totals PartyTotals
	weak   []PartyOrg
}

// NewPartySum starts the 四有 table of year.
func NewPartySum(year int) *PartySum { return &PartySum{year: year} }

// Add takes the records of l, which holds every record of the townships it names, and
// returns their part of the report: their organizations in the official order of l's
// villages (its other fields are theirs alone). Added in the official order of the
// townships (TownshipsInOrder), the parts' organizations are those of BuildParty of the
// whole ledger, and Report the rest of it.
func (a *PartySum) Add(l Ledger) PartyReport {
	p := BuildParty(l, a.year)
	a.orgs += len(p.Orgs)
	a.st.Orgs += p.Stats.Orgs
	a.st.Members += p.Stats.Members
	a.st.FourHaves += p.Stats.FourHaves
	a.st.Weak += p.Stats.Weak
	a.st.WeakRectified += p.Stats.WeakRectified
	for _, o := range p.Orgs {
		a.totals.add(o) // one by one, in the whole report's order: the income is a float
	}
	a.weak = append(a.weak, p.Weak...)
	return p
}

// Report is the 四有 table of everything added without its organizations (Orgs), and
// how many they are.
func (a *PartySum) Report() (r PartyReport, orgs int) {
	return PartyReport{Year: a.year, Weak: a.weak, Stats: a.st, Totals: a.totals.rounded()}, a.orgs
}
