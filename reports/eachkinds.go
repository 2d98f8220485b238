package reports

import (
	"io"

	"liangwei/data"
)

// The Each of every report (see each.go and Kind.Each).

func withSummaryEach(k Kind) Kind {
	k.Each = func(w io.Writer, src Townships, o Options, m Meta) (string, error) {
		sum := data.NewSummarySum(o.Round, o.Date)
		seal, err := collect(src, k.Name, o, sum.Add)
		if err != nil {
			return "", err
		}
		if m.Seal == nil {
			m.Seal = seal
		}
		return WriteSummaryOf(w, sum.Report(), o, m)
	}
	return k
}

func withDetailEach(k Kind) Kind {
	k.Each = WriteDetailEach
	return k
}

func withMembersEach(k Kind) Kind {
	k.Each = WriteMembersEach
	return k
}

// The names of the reports drawn as they are read, for their seals (their Each cannot name
// the Kind it belongs to).
const (
	detailKind  = "detail"
	membersKind = "members"
	partyKind   = "party"
)

func withPartyEach(k Kind) Kind {
	k.Each = WritePartyEach
	return k
}

// gatheredKind is k whose Each gathers the records keep copies (see gathered).
func gatheredKind(k Kind, keep func(dst *data.Ledger, part data.Ledger)) Kind {
	k.Each = gathered(k, keep)
	return k
}

// The records each gathered report reads of a township (its Build's): the tests hold Each
// to Write for every report, so a record missing here shows. A township's villages are kept
// only when it has records the report lists: they only say which of those are active and
// in what order, which a township's own villages decide.

func keepPetitions(dst *data.Ledger, l data.Ledger) {
	dst.Complaints = append(dst.Complaints, l.Complaints...)
}

func keepTalks(dst *data.Ledger, l data.Ledger) {
	dst.Talks = append(dst.Talks, l.Talks...)
}

func keepCandidates(dst *data.Ledger, l data.Ledger) {
	if len(l.Candidates) > 0 {
		dst.Villages = append(dst.Villages, l.Villages...)
	}
	dst.Candidates = append(dst.Candidates, l.Candidates...)
}

// keepChanges keeps the members of the villages with changes only: the report names their
// 书记 and 主任.
func keepChanges(dst *data.Ledger, l data.Ledger) {
	if len(l.Changes)+len(l.Candidates)+len(l.Supervisors)+len(l.Audits) > 0 { // the figures count all four
		dst.Villages = append(dst.Villages, l.Villages...)
	}
	dst.Changes = append(dst.Changes, l.Changes...)
	dst.Candidates = append(dst.Candidates, l.Candidates...)
	dst.Supervisors = append(dst.Supervisors, l.Supervisors...)
	dst.Audits = append(dst.Audits, l.Audits...)
	changed := map[data.VillageKey]bool{}
	for _, c := range l.Changes {
		changed[c.VillageKey()] = true
	}
	for _, m := range l.Members {
		if changed[m.VillageKey()] {
			dst.Members = append(dst.Members, m)
		}
	}
}

// keepDevelopment keeps the party ledger of the townships with development records: the
// report compares their figures with it (data.DevelopmentMismatches), and only theirs.
func keepDevelopment(dst *data.Ledger, l data.Ledger) {
	if len(l.Developments) == 0 {
		return
	}
	dst.Villages = append(dst.Villages, l.Villages...)
	dst.Developments = append(dst.Developments, l.Developments...)
	dst.PartyOrgs = append(dst.PartyOrgs, l.PartyOrgs...)
}

func keepCommendations(dst *data.Ledger, l data.Ledger) {
	dst.Commendations = append(dst.Commendations, l.Commendations...)
}
