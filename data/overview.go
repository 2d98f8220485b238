package data

import "time"

// Overview is what the desktop's 概览 shows of a round, computed: the figures, the
// per-township rows and unfinished elections of the summary, the roster mismatches and how
// many warnings the round's elections and members have.
type Overview struct {
	// Villages counts every village added, merged ones too: none is an empty ledger.
	Villages   int
	Stats      Stats
	Rows       []SummaryRow // one per township with active villages, in official order
	Unfinished []Unfinished
	Mismatches []RosterMismatch
	// Warnings counts the round's elections of active villages that have a warning.
	Warnings int
	// MemberWarnings counts the warnings on the round's members of active villages
	// (CheckElectedMembers: no 书记, no 主任, no woman on the 村委会 …).
	MemberWarnings int
}

// BuildOverview computes the overview of round on today: one Add of the whole ledger.
func BuildOverview(l Ledger, round int, today time.Time) Overview {
	a := NewOverviewSum(round, today)
	a.Add(l)
	return a.Overview()
}

// OverviewSum computes the overview (BuildOverview) a few townships at a time, so that a
// province's 概览 needs the records of one township in memory: the summary is a SummarySum,
// the mismatches a RosterSum, and the warnings are counted village by village.
type OverviewSum struct {
	round                    int
	today                    time.Time
	summary                  *SummarySum
	roster                   *RosterSum
	villages                 int
	warnings, memberWarnings int
}

// NewOverviewSum starts the overview of round on today.
func NewOverviewSum(round int, today time.Time) *OverviewSum {
	return &OverviewSum{round: round, today: today, summary: NewSummarySum(round, today), roster: NewRosterSum(round)}
}

// Add takes the records of l, which holds every record of the townships it names.
func (a *OverviewSum) Add(l Ledger) {
	round := a.round
	a.villages += len(l.Villages)
	a.summary.Add(l)
	a.roster.Add(l)
	active := activeVillages(l.Villages)
	for _, e := range l.Elections {
		if e.Round == round && active[e.VillageKey()] && len(e.Validate(a.today).Warnings()) > 0 {
			a.warnings++
		}
	}
	var ms []Member
	for _, m := range l.Members {
		if m.Round == round && active[m.VillageKey()] {
			ms = append(ms, m)
		}
	}
	for _, fd := range CheckElectedMembers(l, round, ms) {
		if fd.Level == LevelWarning {
			a.memberWarnings++
		}
	}
}

// Overview is the overview of everything added.
func (a *OverviewSum) Overview() Overview {
	r := a.summary.Report()
	return Overview{
		Villages:       a.villages,
		Stats:          a.summary.Stats(),
		Rows:           r.Rows,
		Unfinished:     r.Unfinished,
		Mismatches:     a.roster.Mismatches(),
		Warnings:       a.warnings,
		MemberWarnings: a.memberWarnings,
	}
}
