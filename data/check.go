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
	var out []LedgerFinding
	add := func(where string, ps Problems) {
		for _, p := range ps {
			out = append(out, LedgerFinding{where, p})
		}
	}
	for _, t := range l.Townships {
		add(t.Name, t.Validate())
	}
	villages := map[VillageKey]Village{}
	for _, v := range l.Villages {
		add(v.Township+"/"+v.Name, v.Validate())
		villages[v.Key()] = v
	}
	has := map[VillageKey]map[Body]bool{}
	for _, e := range l.Elections {
		if e.Round != round {
			continue
		}
		where := e.Township + "/" + e.Village + "/" + strconv.Itoa(e.Round) + "/" + string(e.Body)
		add(where, e.Validate(today))
		add(where, VillageProblems(villages, e.VillageKey(), ElectionDesc.Name))
		if v, ok := villages[e.VillageKey()]; ok {
			add(where, seatProblems(e, v.Kind))
			add(where, methodProblems(e, v.Kind))
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
				add(where, Problems{{Field: "状态", Level: LevelWarning, Message: fmt.Sprintf("%d年届次没有%s换届记录", round, b)}})
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
		add(MemberWhere(m), m.Validate())
		add(MemberWhere(m), VillageProblems(villages, m.VillageKey(), MemberDesc.Name))
	}
	for _, f := range CheckElectedMembers(l, round, ms) {
		where := f.Key.Township + "/" + f.Key.Village + "/" + strconv.Itoa(f.Round) + "/两委成员"
		if f.Index >= 0 && f.Index < len(ms) {
			where = MemberWhere(ms[f.Index])
		}
		out = append(out, LedgerFinding{where, f.Problem})
	}
	// The roster against the elections: every body whose members ≠ its 当选人数, by name.
	for _, x := range RosterMismatches(l, round) {
		out = append(out, LedgerFinding{x.Where(), Problem{Field: "当选人数", Level: LevelWarning, Message: x.Message()}})
	}

	for _, x := range l.Leaderships {
		if x.Round == round {
			add(x.Township+"/"+strconv.Itoa(x.Round)+"/乡镇班子", x.Validate())
		}
	}
	for _, p := range l.PartyOrgs {
		if p.Year != round {
			continue
		}
		where := p.Township + "/" + p.Village + "/" + strconv.Itoa(p.Year) + "/党组织台账"
		add(where, p.Validate())
		add(where, VillageProblems(villages, p.VillageKey(), "党组织台账"))
	}
	for _, x := range l.Complaints {
		if x.Received.Year() == round {
			add(x.Township+"/信访举报/"+x.No, x.Validate(today))
		}
	}
	for _, x := range l.Talks {
		if x.Date.Year() == round {
			add(x.Township+"/约谈/"+x.No, x.Validate())
		}
	}
	out = append(out, checkRoundRest(l, round, today, villages)...)
	return append(out, checkPartyWork(l, round, today, villages)...)
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
