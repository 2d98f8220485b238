package data

import (
	"fmt"
	"strconv"
	"time"
)

// LedgerFinding is one problem of CheckLedger, located by the record's natural key.
type LedgerFinding struct {
	Where string // 乡镇/村名/届次/组织, as far as the record has them
	Problem
}

func (f LedgerFinding) String() string {
	return fmt.Sprintf("%s %s: %s: %s", f.Level, f.Where, f.Field, f.Message)
}

// CheckLedger runs each record's Validate and the cross-record checks, in the ledger's order.
func CheckLedger(l Ledger, round int, today time.Time) []LedgerFinding {
	var parts [CheckParts][]LedgerFinding
	c := NewLedgerCheck(round, today, func(part int, f LedgerFinding) { parts[part] = append(parts[part], f) })
	for _, x := range l.Candidates {
		c.Vetted(x)
	}
	c.Add(l)
	var out []LedgerFinding
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// The parts of CheckLedger's list, in order: its findings are those of each part in turn.
// Every part lists its findings by township first, as the store lists the records, so that
// checking a ledger township by township (LedgerCheck) and putting each part's findings of
// the townships one after the other gives CheckLedger's list of the whole ledger.
const (
	partTownships         = iota
	partVillages          // each village's rules
	partElections         // each election of the round: its rules, village, seats, method
	partNoElection        // active villages without an election of a body
	partMembers           // each member of the round: its rules and village
	partMemberErrors      // a second 书记 or 主任 of a village (CheckMembers' errors)
	partMemberWarnings    // a village without 书记, 主任, woman on the 村委会
	partRoster            // bodies whose members ≠ 当选人数
	partLeaderships       // township leaderships of the round
	partPartyOrgs         // the party ledger of the year
	partComplaints        // complaints received in the year
	partTalks             // talks of the year
	partCandidates        // candidates of the round
	partMemberVetting     // members who failed the vetting of their body (any township's)
	partSupervisorVetting // supervisors who failed it
	partSupervisors       // each supervisor's rules and village
	partSupervisorErrors  // a second 主任 of a supervision committee
	partSupervisorWarns   // committees of the wrong size or without 主任
	partChanges           // changes of the round
	partAudits            // departure audits of the round
	partNoAudit           // completed villages without a departure audit
	partDevelopments      // development records of the year
	partDevMismatches     // 年度发展党员数 against the development ledger
	partCommendations     // commendations of the year
	// CheckParts is the number of parts.
	CheckParts
)

// LedgerCheck is CheckLedger taken township by township, so that a province is checked in
// the memory of one township. Every rule of CheckLedger is within a village or a township
// except the vetting rule (a person who failed the round's vetting may sit on no roster of
// any village): for it, every candidate of the round is given to Vetted before the first
// Add, and only those who failed are kept.
type LedgerCheck struct {
	round  int
	today  time.Time
	failed map[vetPerson]Candidate
	emit   func(part int, f LedgerFinding)
}

// NewLedgerCheck starts a check of round on today; emit receives each finding with its
// part. The list of the whole ledger is each part's findings in the order emitted, part
// after part (the caller keeps them per part, in memory or in files).
func NewLedgerCheck(round int, today time.Time, emit func(part int, f LedgerFinding)) *LedgerCheck {
	return &LedgerCheck{round: round, today: today, failed: map[vetPerson]Candidate{}, emit: emit}
}

// Vetted takes one candidate of the ledger, of any township, for the vetting rule.
func (c *LedgerCheck) Vetted(x Candidate) { addFailed(c.failed, x, c.round) }

// Add checks the records of l: one township's, township after township in the store's
// order, or a whole ledger.
func (c *LedgerCheck) Add(l Ledger) {
	round, today := c.round, c.today
	add := func(part int, where string, ps Problems) {
		for _, p := range ps {
			c.emit(part, LedgerFinding{where, p})
		}
	}
	for _, t := range l.Townships {
		add(partTownships, t.Name, t.Validate())
	}
	villages := map[VillageKey]Village{}
	for _, v := range l.Villages {
		add(partVillages, v.Township+"/"+v.Name, v.Validate())
		villages[v.Key()] = v
	}
	has := map[VillageKey]map[Body]bool{}
	for _, e := range l.Elections {
		if e.Round != round {
			continue
		}
		where := e.Township + "/" + e.Village + "/" + strconv.Itoa(e.Round) + "/" + string(e.Body)
		add(partElections, where, e.Validate(today))
		add(partElections, where, VillageProblems(villages, e.VillageKey(), ElectionDesc.Name))
		if v, ok := villages[e.VillageKey()]; ok {
			add(partElections, where, seatProblems(e, v.Kind))
			add(partElections, where, methodProblems(e, v.Kind))
		}
		if has[e.VillageKey()] == nil {
			has[e.VillageKey()] = map[Body]bool{}
		}
		has[e.VillageKey()][e.Body] = true
	}
	for _, v := range l.Villages {
		if !v.Active() {
			continue
		}
		for _, b := range Bodies {
			if !has[v.Key()][b] {
				where := v.Township + "/" + v.Name + "/" + strconv.Itoa(round) + "/" + string(b)
				add(partNoElection, where, Problems{{Field: "状态", Level: LevelWarning, Message: fmt.Sprintf("%d年届次没有%s换届记录", round, b)}})
			}
		}
	}

	// Members: each record, the village it names, then the rules across the village's roster.
	var ms []Member
	for _, m := range l.Members {
		if m.Round == round {
			ms = append(ms, m)
		}
	}
	for _, m := range ms {
		add(partMembers, MemberWhere(m), m.Validate())
		add(partMembers, MemberWhere(m), VillageProblems(villages, m.VillageKey(), MemberDesc.Name))
	}
	for _, f := range CheckElectedMembers(l, round, ms) {
		// CheckMembers lists its errors (Index ≥ 0) first, then its warnings.
		if f.Index >= 0 && f.Index < len(ms) {
			c.emit(partMemberErrors, LedgerFinding{MemberWhere(ms[f.Index]), f.Problem})
			continue
		}
		where := f.Key.Township + "/" + f.Key.Village + "/" + strconv.Itoa(f.Round) + "/两委成员"
		c.emit(partMemberWarnings, LedgerFinding{where, f.Problem})
	}
	// The roster against the elections: every body whose members ≠ its 当选人数, by name.
	for _, x := range RosterMismatches(l, round) {
		c.emit(partRoster, LedgerFinding{x.Where(), Problem{Field: "当选人数", Level: LevelWarning, Message: x.Message()}})
	}

	for _, x := range l.Leaderships {
		if x.Round == round {
			add(partLeaderships, x.Township+"/"+strconv.Itoa(x.Round)+"/乡镇班子", x.Validate())
		}
	}
	for _, p := range l.PartyOrgs {
		if p.Year != round {
			continue
		}
		where := p.Township + "/" + p.Village + "/" + strconv.Itoa(p.Year) + "/党组织台账"
		add(partPartyOrgs, where, p.Validate())
		add(partPartyOrgs, where, VillageProblems(villages, p.VillageKey(), "党组织台账"))
	}
	for _, x := range l.Complaints {
		if x.Received.Year() == round {
			add(partComplaints, x.Township+"/信访举报/"+x.No, x.Validate(today))
		}
	}
	for _, x := range l.Talks {
		if x.Date.Year() == round {
			add(partTalks, x.Township+"/约谈/"+x.No, x.Validate())
		}
	}
	c.checkRoundRest(l, villages, add)
	checkPartyWork(l, round, today, villages, add)
}

// MemberWhere locates a member: 乡镇/村名/届次/姓名（masked 身份证号）.
func MemberWhere(m Member) string {
	return fmt.Sprintf("%s/%s/%d/%s（%s）", m.Township, m.Village, m.Round, m.Name, MaskID(m.IDNumber))
}

// VillageHeader is the header under which every kind names its village (村名): where the
// village rule places its problems.
var VillageHeader = VillageDesc.FieldAt(func(v *Village) any { return &v.Name }).Header

// UnknownVillage is the one message for a record naming a village the ledger does not have,
// whether the form, the importer, the store or check finds it.
func UnknownVillage(k VillageKey) string {
	return fmt.Sprintf("村庄“%s/%s”不在村庄台账中：请先在“村庄”中新增该村，或先导入含该村的工作簿", k.Township, k.Village)
}

// MergedVillage is the one warning for a record of a merged (已撤并) village: it is kept, but
// counts in no figure. what names the record's kind (换届, 两委成员 …); the village is named
// by where the warning is placed.
func MergedVillage(what string) string {
	return "该村已撤并，这条" + what + "记录不计入统计"
}

// VillageProblems is the village rule of a record naming village k: an error when the ledger
// has no such village, a warning when it was merged. villages holds the ledger's villages.
func VillageProblems(villages map[VillageKey]Village, k VillageKey, what string) Problems {
	v, ok := villages[k]
	switch {
	case !ok:
		return Problems{{Field: VillageHeader, Level: LevelError, Message: UnknownVillage(k)}}
	case !v.Active():
		return Problems{{Field: VillageHeader, Level: LevelWarning, Message: MergedVillage(what)}}
	}
	return nil
}

// CheckElectedMembers is CheckMembers on the round's members ms, without the warnings that
// say the obvious while a body is still electing: no 书记 while the village's 党组织 election
// is not 已完成, no 主任 (or no woman on the 村委会) while its 村委会 election is not. Those
// villages are on the list of unfinished elections already.
func CheckElectedMembers(l Ledger, round int, ms []Member) []Finding {
	done := completedBodies(activeVillages(l.Villages), l.Elections, round)
	var out []Finding
	for _, f := range CheckMembers(ms) {
		if f.Index < 0 && f.Level == LevelWarning {
			d := done[f.Key]
			if (f.Field == "党组织职务" && !d.party) || (f.Field != "党组织职务" && !d.committee) {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}
