package main

import (
	"fmt"
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

// cmdCheck validates every township, village and election of the round, plus the rules that
// span records, and lists the problems. Errors make the exit status 1.
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
	fmt.Fprintf(c.stdout, "检查完毕（%d年届次）：乡镇 %d 个，村（社区）%d 个，换届记录 %d 条；错误 %d 个，警告 %d 个\n",
		sc.round, len(l.Townships), len(l.Villages), len(l.Elections), errs, warns)
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
	return out
}
