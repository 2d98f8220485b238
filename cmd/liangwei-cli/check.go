package main

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"liangwei/data"
)

// finding is one problem `check` reports, located by the record's natural key.
type finding struct {
	where string // 乡镇/村名/届次/组织, as far as the record has them
	data.Problem
}

func (f finding) String() string {
	return fmt.Sprintf("%s %s: %s: %s", f.Level, f.where, f.Field, f.Message)
}

// cmdCheck validates every record of the round (townships, villages, elections, members,
// leaderships, the year's party ledger, complaints and talks), plus the rules that span
// records, and lists the problems. Errors make the exit status 1.
func (c *cli) cmdCheck(args []string) error {
	fs := c.commandFlags()
	roundS := fs.String("round", "", "届次（年份）")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("check 不需要参数（多余的“%s”）", pos[0])
	}
	round, err := parseRound(*roundS)
	if err != nil {
		return err
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	sc, err := c.loadScope(st, round, "")
	if err != nil {
		return err
	}
	fds := checkLedger(sc.ledger, sc.round, c.today())
	errs, warns := 0, 0
	for _, f := range fds {
		fmt.Fprintln(c.stdout, f)
		if f.Level == data.LevelError {
			errs++
		} else {
			warns++
		}
	}
	l := sc.ledger
	fmt.Fprintf(c.stdout, "检查完毕（%d年届次）：乡镇 %d 个，村（社区）%d 个，换届记录 %d 条，两委成员 %d 人，乡镇班子 %d 条，党组织台账 %d 条，信访举报 %d 件，约谈 %d 条；错误 %d 个，警告 %d 个\n",
		sc.round, len(l.Townships), len(l.Villages), len(l.Elections), len(l.Members), len(l.Leaderships),
		len(l.PartyOrgs), len(l.Complaints), len(l.Talks), errs, warns)
	if errs > 0 {
		return errReported
	}
	return nil
}

// checkLedger runs each record's Validate and the cross-record checks, in the ledger's order.
func checkLedger(l data.Ledger, round int, today time.Time) []finding {
	var out []finding
	add := func(where string, ps data.Problems) {
		for _, p := range ps {
			out = append(out, finding{where, p})
		}
	}
	for _, t := range l.Townships {
		add(t.Name, t.Validate())
	}
	villages := map[data.VillageKey]data.Village{}
	for _, v := range l.Villages {
		add(v.Township+"/"+v.Name, v.Validate())
		villages[v.Key()] = v
	}
	has := map[data.VillageKey]map[data.Body]bool{}
	for _, e := range l.Elections {
		if e.Round != round {
			continue
		}
		where := e.Township + "/" + e.Village + "/" + strconv.Itoa(e.Round) + "/" + string(e.Body)
		add(where, e.Validate(today))
		v, ok := villages[e.VillageKey()]
		switch {
		case !ok:
			add(where, data.Problems{{Field: "村名", Level: data.LevelError, Message: "村庄台账中没有这个村"}})
		case !v.Active():
			add(where, data.Problems{{Field: "村名", Level: data.LevelWarning, Message: "该村已撤并，这条换届记录不计入统计"}})
		}
		if has[e.VillageKey()] == nil {
			has[e.VillageKey()] = map[data.Body]bool{}
		}
		has[e.VillageKey()][e.Body] = true
	}
	for _, v := range l.Villages {
		if !v.Active() {
			continue
		}
		for _, b := range data.Bodies {
			if !has[v.Key()][b] {
				where := v.Township + "/" + v.Name + "/" + strconv.Itoa(round) + "/" + string(b)
				add(where, data.Problems{{Field: "状态", Level: data.LevelWarning, Message: fmt.Sprintf("%d年届次没有%s换届记录", round, b)}})
			}
		}
	}

	// Members: each record, the village it names, then the rules across the village's roster.
	var ms []data.Member
	for _, m := range l.Members {
		if m.Round == round {
			ms = append(ms, m)
		}
	}
	for _, m := range ms {
		add(memberWhere(m), m.Validate())
		add(memberWhere(m), villageProblems(villages, m.VillageKey(), "两委成员"))
	}
	for _, f := range data.CheckMembers(ms) {
		where := f.Key.Township + "/" + f.Key.Village + "/" + strconv.Itoa(f.Round) + "/两委成员"
		if f.Index >= 0 && f.Index < len(ms) {
			where = memberWhere(ms[f.Index])
		}
		out = append(out, finding{where, f.Problem})
	}
	out = append(out, balance(l, round)...)

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
		add(where, villageProblems(villages, p.VillageKey(), "党组织台账"))
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
	return out
}

// memberWhere locates a member: 乡镇/村名/届次/姓名（masked 身份证号）.
func memberWhere(m data.Member) string {
	return fmt.Sprintf("%s/%s/%d/%s（%s）", m.Township, m.Village, m.Round, m.Name, data.MaskID(m.IDNumber))
}

// villageProblems says when a record names a village that is not in the ledger or was merged.
func villageProblems(villages map[data.VillageKey]data.Village, k data.VillageKey, kind string) data.Problems {
	v, ok := villages[k]
	switch {
	case !ok:
		return data.Problems{{Field: "村名", Level: data.LevelError, Message: "村庄台账中没有这个村"}}
	case !v.Active():
		return data.Problems{{Field: "村名", Level: data.LevelWarning, Message: "该村已撤并，这条" + kind + "记录不计入统计"}}
	}
	return nil
}

// balance checks the identity of SPEC §4 per township: 两委成员 = 党组织成员 + 村委会成员 −
// 交叉任职. It fails only when a member holds no post, which Member.Validate also reports;
// the township total tells the clerk the figures of the report would not add up.
func balance(l data.Ledger, round int) []finding {
	names := map[string]bool{}
	var order []string
	for _, m := range l.Members {
		if m.Round == round && !names[m.Township] {
			names[m.Township] = true
			order = append(order, m.Township)
		}
	}
	sort.Strings(order)
	var out []finding
	for _, t := range order {
		s := data.ComputeStats(l.ForTownship(t), round, time.Time{}).Members
		if s.Total != s.Party+s.Committee-s.Cross {
			out = append(out, finding{t + "/" + strconv.Itoa(round) + "/两委成员", data.Problem{Field: "两委成员", Level: data.LevelError,
				Message: fmt.Sprintf("两委成员 %d 人 ≠ 党组织成员 %d + 村委会成员 %d − 交叉任职 %d，有成员未填写任何职务", s.Total, s.Party, s.Committee, s.Cross)}})
		}
	}
	return out
}
