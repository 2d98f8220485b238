package main

import (
	"fmt"

	"liangwei/data"
	"liangwei/data/sqlite"
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
	if err := st.IntegrityCheck(c.ctx()); err != nil {
		fmt.Fprintf(c.stdout, "错误 数据库文件: 完整性: %v\n", err)
		fmt.Fprintln(c.stdout, soundBackupAdvice(c, st))
		fmt.Fprintln(c.stdout, "检查完毕：数据库已损坏，错误 1 个；记录未逐条检查")
		return errReported
	}
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

// soundBackupAdvice says what to do with a damaged ledger: restore the newest sound backup,
// which it names.
func soundBackupAdvice(c *cli, st *sqlite.Store) string {
	b, ok, err := st.NewestSoundBackup(c.ctx())
	switch {
	case err != nil:
		return fmt.Sprintf("无法查看备份文件夹（%v）；请找到最近的备份，用 liangwei-cli restore 文件 恢复", err)
	case !ok:
		return "备份文件夹“" + st.BackupDir() + "”中没有完好的备份。请不要继续修改台账，先把数据库文件复制一份保存，再联系技术人员"
	}
	return fmt.Sprintf("请恢复最新的完好备份（%s）：liangwei-cli restore %s", localTime(b.At), b.Path)
}
