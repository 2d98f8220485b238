package data

import (
	"fmt"
	"strconv"
	"time"
)

// The figures and the cross-record rules of the rest of a round: candidates' vetting, the
// 村务监督委员会, the changes during the term and the departure audits.

// CandidateStats count the round's candidates by verdict and the failed ones by reason (every
// item of NegativeList is a key, zeros included).
type CandidateStats struct {
	Total    int            `json:"total"`
	Passed   int            `json:"passed"`
	Failed   int            `json:"failed"`
	Pending  int            `json:"pending"`
	ByReason map[string]int `json:"by_reason"`
}

// SupervisionStats count the round's 村务监督委员会: the villages that have one, their members,
// and how many of them (and what share, %) sit on the 两委 too.
type SupervisionStats struct {
	Villages      int     `json:"villages"`
	Members       int     `json:"members"`
	InLiangwei    int     `json:"liangwei_members"`
	LiangweiShare float64 `json:"liangwei_share"`
}

// ChangeStats count the round's changes dated up to the reference date, by 离任原因 and by
// 接任方式 (every cause and method a key, zeros included).
type ChangeStats struct {
	Total    int            `json:"total"`
	ByReason map[string]int `json:"by_reason"`
	ByMethod map[string]int `json:"by_method"`
}

// AuditStats count the round's departure audits by village: villages audited, villages where
// an audit found problems, and of those the villages whose problems are all rectified.
type AuditStats struct {
	Audits       int `json:"audits"`
	Villages     int `json:"villages"`
	WithProblems int `json:"with_problems"`
	Rectified    int `json:"rectified"`
}

func zeroCounts(keys []string) map[string]int {
	m := make(map[string]int, len(keys))
	for _, k := range keys {
		m[k] = 0
	}
	return m
}

// roundRestStats fills the four sections of s from the round's records in active villages;
// changes count up to ref (all of them when ref is zero).
func roundRestStats(s *Stats, l Ledger, active map[VillageKey]bool, round int, ref time.Time) {
	c := CandidateStats{ByReason: zeroCounts(NegativeList)}
	for _, x := range l.Candidates {
		if x.Round != round || !active[x.VillageKey()] {
			continue
		}
		c.Total++
		switch x.Verdict {
		case VerdictPassed:
			c.Passed++
		case VerdictFailed:
			c.Failed++
			c.ByReason[ReasonGroup(x.Reason)]++
		default:
			c.Pending++
		}
	}
	s.Candidates = c

	var sv SupervisionStats
	villages := map[VillageKey]bool{}
	for _, x := range l.Supervisors {
		if x.Round != round || !active[x.VillageKey()] {
			continue
		}
		villages[x.VillageKey()] = true
		sv.Members++
		if x.InLiangwei {
			sv.InLiangwei++
		}
	}
	sv.Villages = len(villages)
	sv.LiangweiShare = Rate(sv.InLiangwei, sv.Members)
	s.Supervision = sv

	ch := ChangeStats{ByReason: zeroCounts(Strings(ChangeCauses...)), ByMethod: zeroCounts(Strings(ChangeMethods...))}
	for _, x := range l.Changes {
		if x.Round != round || !active[x.VillageKey()] || (!ref.IsZero() && dateOnly(x.Date).After(dateOnly(ref))) {
			continue
		}
		ch.Total++
		if x.Cause != "" {
			ch.ByReason[string(x.Cause)]++
		}
		if x.Method != "" {
			ch.ByMethod[string(x.Method)]++
		}
	}
	s.Changes = ch

	var au AuditStats
	type state struct{ problems, open bool }
	audited := map[VillageKey]*state{}
	for _, x := range l.Audits {
		if x.Round != round || !active[x.VillageKey()] {
			continue
		}
		au.Audits++
		st := audited[x.VillageKey()]
		if st == nil {
			st = &state{}
			audited[x.VillageKey()] = st
		}
		st.problems = st.problems || x.Conclusion.HasProblems()
		st.open = st.open || x.Conclusion == AuditRectifying
	}
	au.Villages = len(audited)
	for _, st := range audited {
		if st.problems {
			au.WithProblems++
			if !st.open {
				au.Rectified++
			}
		}
	}
	s.Audits = au
}

// VettingConflicts are the errors of people who failed the round's vetting and are on its
// roster of that body: members holding a post of it, supervisors for 村务监督委员会. Each
// names the candidate's record and the roster's (where).
func VettingConflicts(cands []Candidate, ms []Member, sups []Supervisor, round int) []LedgerFinding {
	failed := map[vetPerson]Candidate{}
	for _, c := range cands {
		addFailed(failed, c, round)
	}
	var out []LedgerFinding
	emit := func(_ int, f LedgerFinding) { out = append(out, f) }
	vettingConflicts(failed, ms, sups, round, emit)
	return out
}

// vetPerson is a person vetted for a body.
type vetPerson struct {
	id   string
	body VetBody
}

// addFailed keeps c in failed when it is of round and failed the vetting (a later record of
// the same person and body replaces an earlier one).
func addFailed(failed map[vetPerson]Candidate, c Candidate, round int) {
	if c.Round == round && c.Failed() {
		failed[vetPerson{c.IDNumber, c.Body}] = c
	}
}

// vettingConflicts emits VettingConflicts' findings against failed: the members'
// (partMemberVetting), then the supervisors' (partSupervisorVetting).
func vettingConflicts(failed map[vetPerson]Candidate, ms []Member, sups []Supervisor, round int, emit func(int, LedgerFinding)) {
	if len(failed) == 0 {
		return
	}
	add := func(part int, where string, c Candidate, roster string) {
		emit(part, LedgerFinding{where, Problem{Field: "身份证号", Level: LevelError, Message: VettingConflict(c, roster)}})
	}
	for _, m := range ms {
		if m.Round != round {
			continue
		}
		for _, b := range []VetBody{VetParty, VetCommittee} {
			if c, ok := failed[vetPerson{m.IDNumber, b}]; ok && c.Holds(m) {
				add(partMemberVetting, MemberWhere(m), c, fmt.Sprintf("村庄“%s/%s”%d年%s成员", m.Township, m.Village, m.Round, b))
			}
		}
	}
	for _, s := range sups {
		if c, ok := failed[vetPerson{s.IDNumber, VetSupervision}]; ok && s.Round == round {
			add(partSupervisorVetting, SupervisorWhere(s), c, fmt.Sprintf("村庄“%s/%s”%d年村务监督委员会", s.Township, s.Village, s.Round))
		}
	}
}

// SupervisorWhere locates a supervision committee member.
func SupervisorWhere(s Supervisor) string {
	return fmt.Sprintf("%s/%s/%d/村务监督委员会/%s（%s）", s.Township, s.Village, s.Round, s.Name, MaskID(s.IDNumber))
}

// CheckSupervisors applies the rules across a round's supervision committees: one 主任 per
// village (an error on each later one), and per village 3–5 members and a 主任 (warnings).
func CheckSupervisors(ss []Supervisor, round int) []LedgerFinding {
	var errs, warns []LedgerFinding
	checkSupervisors(ss, round, func(part int, f LedgerFinding) {
		if part == partSupervisorErrors {
			errs = append(errs, f)
		} else {
			warns = append(warns, f)
		}
	})
	return append(errs, warns...)
}

// checkSupervisors emits CheckSupervisors' errors (partSupervisorErrors) and warnings
// (partSupervisorWarns).
func checkSupervisors(ss []Supervisor, round int, emit func(int, LedgerFinding)) {
	count := map[VillageKey]int{}
	chair := map[VillageKey]string{}
	var order []VillageKey
	for _, s := range ss {
		if s.Round != round {
			continue
		}
		k := s.VillageKey()
		if count[k] == 0 {
			order = append(order, k)
		}
		count[k]++
		if s.Post == SupChair {
			if name, ok := chair[k]; ok {
				emit(partSupervisorErrors, LedgerFinding{SupervisorWhere(s), Problem{Field: "职务", Level: LevelError,
					Message: fmt.Sprintf("%s%d年村务监督委员会已有主任%s，只能有一名主任", k.Village, round, name)}})
			} else {
				chair[k] = s.Name
			}
		}
	}
	for _, k := range order {
		where := k.Township + "/" + k.Village + "/" + strconv.Itoa(round) + "/村务监督委员会"
		if n := count[k]; n < 3 || n > 5 {
			emit(partSupervisorWarns, LedgerFinding{where, Problem{Field: "姓名", Level: LevelWarning,
				Message: fmt.Sprintf("村务监督委员会有%d人，应为3至5人", n)}})
		}
		if _, ok := chair[k]; !ok {
			emit(partSupervisorWarns, LedgerFinding{where, Problem{Field: "职务", Level: LevelWarning, Message: "村务监督委员会没有主任"}})
		}
	}
}

// checkRoundRest is CheckLedger's part for the four kinds of issue 15: each record, the
// village it names, then the rules across records of the round (the vetting rule against
// every township's candidates given to Vetted).
func (lc *LedgerCheck) checkRoundRest(l Ledger, villages map[VillageKey]Village, add func(int, string, Problems)) {
	round, today := lc.round, lc.today
	// The day each village's election of a body was completed, to judge 待审 candidates.
	done := map[VillageKey]map[Body]time.Time{}
	completed := map[VillageKey]bool{}
	for _, e := range l.Elections {
		if e.Round == round && e.Status == StatusCompleted {
			if done[e.VillageKey()] == nil {
				done[e.VillageKey()] = map[Body]time.Time{}
			}
			done[e.VillageKey()][e.Body] = e.CompletedOn
			completed[e.VillageKey()] = true
		}
	}
	for _, c := range l.Candidates {
		if c.Round != round {
			continue
		}
		where := CandidateWhere(c)
		add(partCandidates, where, c.Validate())
		add(partCandidates, where, VillageProblems(villages, c.VillageKey(), CandidateDesc.Name))
		body := BodyCommittee // the supervision committee is elected with the 村委会
		if c.Body == VetParty {
			body = BodyParty
		}
		if d, ok := done[c.VillageKey()][body]; ok && c.Verdict == VerdictPending && !d.IsZero() && !d.After(dateOnly(today)) {
			add(partCandidates, where, Problems{{Field: "联审结论", Level: LevelWarning,
				Message: fmt.Sprintf("%s选举已于%s完成，联审结论仍为“待审”", body, FormatDate(d))}})
		}
	}
	vettingConflicts(lc.failed, l.Members, l.Supervisors, round, lc.emit)
	for _, s := range l.Supervisors {
		if s.Round == round {
			add(partSupervisors, SupervisorWhere(s), s.Validate())
			add(partSupervisors, SupervisorWhere(s), VillageProblems(villages, s.VillageKey(), SupervisorDesc.Name))
		}
	}
	checkSupervisors(l.Supervisors, round, lc.emit)
	for _, c := range l.Changes {
		if c.Round != round {
			continue
		}
		where := ChangeWhere(c)
		add(partChanges, where, c.Validate())
		add(partChanges, where, VillageProblems(villages, c.VillageKey(), ChangeDesc.Name))
		if c.LeaverID != "" && !holdsBefore(l, c) {
			add(partChanges, where, Problems{{Field: "离任人", Level: LevelWarning,
				Message: fmt.Sprintf("%s在%s前不是%s%s", c.Leaver, FormatDate(c.Date), c.Body, c.Post)}})
		}
	}
	audited := map[VillageKey]bool{}
	for _, a := range l.Audits {
		if a.Round != round {
			continue
		}
		where := fmt.Sprintf("%s/%s/%d/离任审计/%s", a.Township, a.Village, a.Round, a.Subject)
		add(partAudits, where, a.Validate())
		add(partAudits, where, VillageProblems(villages, a.VillageKey(), AuditDesc.Name))
		audited[a.VillageKey()] = true
	}
	for _, v := range l.Villages {
		if v.Active() && completed[v.Key()] && !audited[v.Key()] {
			lc.emit(partNoAudit, LedgerFinding{v.Township + "/" + v.Name + "/" + strconv.Itoa(round) + "/离任审计",
				Problem{Field: "审计对象", Level: LevelWarning, Message: fmt.Sprintf("%d年已完成换届，但没有离任审计记录", round)}})
		}
	}
}

// ChangeWhere locates a change: 乡镇/村名/届次/日期/组织职务.
func ChangeWhere(c Change) string {
	return fmt.Sprintf("%s/%s/%d/%s/%s%s", c.Township, c.Village, c.Round, FormatDate(c.Date), c.Body, c.Post)
}

// holdsBefore reports whether the change's leaver held its post on the roster the day before.
func holdsBefore(l Ledger, c Change) bool {
	for _, m := range RosterOn(l.Members, l.Changes, c.Round, c.Date.AddDate(0, 0, -1)) {
		if m.Round == c.Round && m.IDNumber == c.LeaverID && m.Township == c.Township && m.Village == c.Village {
			if c.Body == BodyParty {
				return string(m.PartyPost) == string(c.Post)
			}
			return string(m.CommitteePost) == string(c.Post)
		}
	}
	return false
}
