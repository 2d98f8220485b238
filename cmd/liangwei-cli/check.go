package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"

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
	round, err = c.scopeRound(st, round)
	if err != nil {
		return err
	}
	// Township by township: a province is checked in the memory of one township. The
	// findings wait in a spool, part by part, to be listed in CheckLedger's order.
	sp := &findingSpool{}
	defer sp.close()
	errs, warns := 0, 0
	chk := data.NewLedgerCheck(round, c.today(), func(part int, f data.LedgerFinding) {
		sp.add(part, f.String())
		if f.Level == data.LevelError {
			errs++
		} else {
			warns++
		}
	})
	var n [8]int
	err = st.EachTownshipVetted(c.ctx(), round, chk.Vetted, func(l data.Ledger) error {
		chk.Add(l)
		for i, k := range []int{len(l.Townships), len(l.Villages), len(l.Elections), len(l.Members), len(l.Leaderships),
			len(l.PartyOrgs), len(l.Complaints), len(l.Talks)} {
			n[i] += k
		}
		return sp.err
	})
	if sp.err != nil {
		return sp.err // a temporary file, not the ledger, failed
	}
	if err != nil {
		return fmt.Errorf("读取%d年台账失败：%v", round, err)
	}
	if err := sp.writeTo(c.stdout); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "检查完毕（%d年届次）：乡镇 %d 个，村（社区）%d 个，换届记录 %d 条，两委成员 %d 人，乡镇班子 %d 条，党组织台账 %d 条，信访举报 %d 件，约谈 %d 条；错误 %d 个，警告 %d 个\n",
		round, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], errs, warns)
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

// spoolMem is how many bytes of a part's findings the spool holds before it moves them to a
// temporary file.
const spoolMem = 256 << 10

// findingSpool keeps check's findings, one line each, part by part (data.CheckParts) until
// the end of the run: in memory up to spoolMem bytes a part, the rest in a temporary file,
// so that a province with a problem on every record does not hold them all.
type findingSpool struct {
	parts [data.CheckParts]struct {
		buf  bytes.Buffer
		file *os.File
	}
	err error // the first failure to write a temporary file
	mem int   // spoolMem, or less in a test
}

func (s *findingSpool) add(part int, line string) {
	p := &s.parts[part]
	p.buf.WriteString(line)
	p.buf.WriteByte('\n')
	if p.buf.Len() < cmp.Or(s.mem, spoolMem) || s.err != nil {
		return
	}
	if p.file == nil {
		if p.file, s.err = os.CreateTemp("", "liangwei-check-*"); s.err != nil {
			s.err = fmt.Errorf("无法创建临时文件：%w", s.err)
			return
		}
	}
	if _, err := p.buf.WriteTo(p.file); err != nil {
		s.err = fmt.Errorf("写入临时文件失败：%w", err)
	}
}

// writeTo writes the findings, part after part.
func (s *findingSpool) writeTo(w io.Writer) error {
	if s.err != nil {
		return s.err
	}
	for i := range s.parts {
		p := &s.parts[i]
		if p.file != nil {
			if _, err := p.file.Seek(0, io.SeekStart); err != nil {
				return err
			}
			if _, err := io.Copy(w, p.file); err != nil {
				return err
			}
		}
		if _, err := w.Write(p.buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// close removes the temporary files.
func (s *findingSpool) close() {
	for i := range s.parts {
		if f := s.parts[i].file; f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}
