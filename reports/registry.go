package reports

import (
	"fmt"
	"io"
	"time"

	"liangwei/data"
)

// Options say what a report is built for, besides the ledger: the caller has already
// narrowed the ledger to the round (and township); these name them in the report.
type Options struct {
	Round    int
	Township string    // the township the report is for; "" for all of them
	Date     time.Time // 填报日期; also the reference date of 超期 complaints
	// Previous are the previous round's key rates over the same townships, for the summary's
	// 比上届 table; nil when the data has no earlier round.
	Previous *data.KeyRates
}

// Kind is one report of SPEC §5, as the CLI and the 报表 screen offer it.
type Kind struct {
	Name  string // the CLI's name: summary, detail, members, party, petitions, talks
	Title string // what the clerk picks and the file is named after: 换届完成情况汇总表 …
	// Write builds the report's values from l, draws them to w and returns a short
	// account of what the report holds (e.g. 2026年，62 个乡镇，未完成 3 项).
	Write func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error)
	// Each is Write of every township of the round, read from src one township at a time
	// (see each.go): the same report in the memory of one township, whatever the province.
	Each func(w io.Writer, src Townships, o Options, m Meta) (string, error)
}

// The reports, one variable each so callers can name one without spelling its title.
var (
	Summary = withSummaryEach(sealed(Kind{Name: "summary", Title: "换届完成情况汇总表", Write: func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		return WriteSummaryOf(w, data.BuildSummary(l, o.Round, o.Date), o, m)
	}}))
	Detail = withDetailEach(sealed(Kind{Name: detailKind, Title: "换届情况明细表", Write: func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		l.Members = data.RosterOn(l.Members, l.Changes, o.Round, o.Date) // 书记 and 主任 on the date
		return WriteDetailOf(w, data.BuildDetail(l, o.Round), o, m)
	}}))
	Members = withMembersEach(sealed(Kind{Name: membersKind, Title: "两委成员花名册", Write: func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		l.Members = data.RosterOn(l.Members, l.Changes, o.Round, o.Date) // the roster on the date
		r := data.BuildMembers(l, o.Round)
		r.Township = o.Township
		return fmt.Sprintf("%d年，%d 个村（社区），%d 人", o.Round, len(r.Villages), r.Stats.Total), WriteMembers(w, r, m)
	}}))
	Party = withPartyEach(sealed(Kind{Name: partyKind, Title: "村级党组织“四有”情况统计表", Write: func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		r := data.BuildParty(l, o.Round)
		r.Township = o.Township
		return partyAccount(o.Round, len(r.Orgs), len(r.Weak)), WriteParty(w, r, m)
	}}))
	Petitions = gatheredKind(sealed(Kind{Name: "petitions", Title: "信访举报受理情况台账", Write: func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		r := data.BuildPetitions(l, o.Round, o.Date)
		r.Township = o.Township
		return fmt.Sprintf("%d年，%d 件，超期 %d 件", o.Round, len(r.Complaints), r.Stats.Overdue), WritePetitions(w, r, m)
	}}), keepPetitions)
	Talks = gatheredKind(sealed(Kind{Name: "talks", Title: "干部约谈情况统计表", Write: func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		r := data.BuildTalks(l, o.Round)
		r.Township = o.Township
		return fmt.Sprintf("%d年，%d 人次", o.Round, len(r.Talks)), WriteTalks(w, r, m)
	}}), keepTalks)
	Candidates = gatheredKind(sealed(Kind{Name: "candidates", Title: "村“两委”候选人资格联审情况表", Write: func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		r := data.BuildCandidates(l, o.Round)
		r.Township = o.Township
		return fmt.Sprintf("%d年，%d 人，不通过 %d 人", o.Round, len(r.Candidates), r.Stats.Failed), WriteCandidates(w, r, m)
	}}), keepCandidates)
	Changes = gatheredKind(sealed(Kind{Name: "changes", Title: "村“两委”成员届中变动情况表", Write: func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		r := data.BuildChanges(l, o.Round, o.Date)
		r.Township = o.Township
		return fmt.Sprintf("%d年届次，变动 %d 次", o.Round, len(r.Changes)), WriteChanges(w, r, m)
	}}), keepChanges)
	Development = gatheredKind(sealed(Kind{Name: "development", Title: "发展党员工作情况统计表", Write: func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		r := data.BuildDevelopment(l, o.Round, o.Date)
		r.Township = o.Township
		return fmt.Sprintf("%d年，在册 %d 人，发展党员 %d 名，提醒 %d 条", o.Round, len(r.People), r.Stats.Developed, len(r.Warnings)), WriteDevelopment(w, r, m)
	}}), keepDevelopment)
	Commendations = gatheredKind(sealed(Kind{Name: "commendations", Title: "创先争优表彰情况表", Write: func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		r := data.BuildCommendations(l, o.Round)
		r.Township = o.Township
		return fmt.Sprintf("%d年，表彰 %d 个（人）", o.Round, len(r.Commendations)), WriteCommendations(w, r, m)
	}}), keepCommendations)
)

// Kinds are every report, in the order they are offered and listed.
var Kinds = []Kind{Summary, Detail, Members, Party, Petitions, Talks, Candidates, Changes, Development, Commendations}

// KindNamed is the report whose CLI name is name.
func KindNamed(name string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// KindTitled is the report whose Chinese title is title.
func KindTitled(title string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Title == title {
			return k, true
		}
	}
	return Kind{}, false
}

// WriteSummaryOf is Summary's Write for a report its caller built (data.SummarySum, one
// township at a time, for a province).
func WriteSummaryOf(w io.Writer, r data.SummaryReport, o Options, m Meta) (string, error) {
	r.Township, r.Previous = o.Township, o.Previous
	return fmt.Sprintf("%d年，%d 个乡镇，未完成 %d 项", o.Round, len(r.Rows), len(r.Unfinished)), WriteSummary(w, r, m)
}

// WriteDetailOf is Detail's Write for a report its caller built (data.DetailSum, one
// township at a time, its members as on o.Date).
func WriteDetailOf(w io.Writer, r data.DetailReport, o Options, m Meta) (string, error) {
	r.Township = o.Township
	return detailAccount(o.Round, len(r.Townships), len(r.Rows)), WriteDetail(w, r, m)
}
