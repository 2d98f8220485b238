package main

import (
	"fmt"

	"liangwei/data"
)

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
	fds := data.CheckLedger(sc.ledger, sc.round, c.today())
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
