package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"liangwei/data"
)

// samePath reports whether a and b name the same file (as far as the paths tell).
func samePath(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// cmdBackup writes a consistent copy of the database: to FILE when given, else into the
// backups folder beside the database (the newest 30 are kept).
func (c *cli) cmdBackup(args []string) error {
	pos, err := parseFlags(c.commandFlags(), args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("backup 最多一个文件名，例如 backup 台账备份.db；不写文件名则备份到备份文件夹")
	}
	st, p, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	if len(pos) == 0 {
		b, err := st.BackupNow(c.ctx())
		if errors.Is(err, data.ErrDamaged) {
			return fmt.Errorf("没有备份：%v\n%s", err, soundBackupAdvice(c, st))
		}
		if err != nil {
			return fmt.Errorf("备份失败：%v", err)
		}
		fmt.Fprintf(c.stdout, "已备份到：%s（%s）\n", b.Path, sizeText(b.Size))
		fmt.Fprintf(c.stdout, "备份文件夹保留最新 30 份；查看：liangwei-cli backups\n")
		return nil
	}
	dest := pos[0]
	if samePath(dest, p) {
		return fmt.Errorf("备份文件不能是数据库本身（%s），请换一个文件名", p)
	}
	if err := st.Backup(c.ctx(), dest); err != nil {
		if errors.Is(err, data.ErrDamaged) {
			return fmt.Errorf("%v\n%s", err, soundBackupAdvice(c, st))
		}
		return err
	}
	size := ""
	if fi, err := os.Stat(dest); err == nil {
		size = "（" + sizeText(fi.Size()) + "）"
	}
	fmt.Fprintf(c.stdout, "已备份到：%s%s\n", dest, size)
	return nil
}

// cmdBackups lists the backups of the backups folder, newest first.
func (c *cli) cmdBackups(args []string) error {
	pos, err := parseFlags(c.commandFlags(), args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("backups 不需要参数（多余的“%s”）", pos[0])
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	bs, err := st.Backups(c.ctx())
	if err != nil {
		return fmt.Errorf("读取备份列表失败：%v", err)
	}
	if len(bs) == 0 {
		fmt.Fprintln(c.stdout, "还没有备份；立即备份：liangwei-cli backup")
		return nil
	}
	rows := make([][]string, len(bs))
	for i, b := range bs {
		rows[i] = []string{localTime(b.At), sizeText(b.Size), b.Path}
	}
	writeTable(c.stdout, []string{"备份时间", "大小", "文件"}, rows)
	fmt.Fprintf(c.stdout, "共 %d 份。恢复其中一份：liangwei-cli restore 文件\n", len(bs))
	return nil
}

// cmdRestore replaces the data with a backup. The store refuses a file that is not a sound
// database of this program and backs up the current data before replacing it; this command
// says which backup that was and what the restored data holds.
func (c *cli) cmdRestore(args []string) error {
	pos, err := parseFlags(c.commandFlags(), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("restore 需要一个备份文件，例如 restore 台账备份.db（用 backups 查看备份文件夹）")
	}
	src := pos[0]
	fi, err := os.Stat(src)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("找不到备份文件“%s”，未作任何改动", src)
	case err != nil:
		return fmt.Errorf("无法读取备份文件“%s”：%v，未作任何改动", src, err)
	case fi.IsDir():
		return fmt.Errorf("“%s”是文件夹，不是备份文件，未作任何改动", src)
	}
	st, p, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	if samePath(src, p) {
		return fmt.Errorf("“%s”就是正在使用的数据库，不能用它恢复自己，未作任何改动", src)
	}
	ctx := c.ctx()
	before, err := st.Backups(ctx)
	if err != nil {
		return fmt.Errorf("读取备份列表失败：%v，未作任何改动", err)
	}
	if err := st.RestoreBackup(ctx, src); err != nil {
		if strings.Contains(err.Error(), "未改动") {
			return err
		}
		return fmt.Errorf("%v；未恢复，当前数据没有改动", err)
	}
	after, err := st.Backups(ctx)
	if err == nil {
		for _, b := range after {
			if !slices.ContainsFunc(before, func(o data.Backup) bool { return o.Path == b.Path }) {
				fmt.Fprintf(c.stdout, "已先把恢复前的数据备份到：%s（%s）\n", b.Path, sizeText(b.Size))
			}
		}
	}
	fmt.Fprintf(c.stdout, "已从 %s 恢复数据到 %s\n", src, p)
	l, err := st.Ledger(ctx, 0)
	if err != nil {
		return fmt.Errorf("已恢复，但读取恢复后的数据失败：%v", err)
	}
	fmt.Fprintf(c.stdout, "恢复后：乡镇 %d 个，村（社区）%d 个，换届记录 %d 条，两委成员 %d 人，党组织台账 %d 条，乡镇班子 %d 条，信访举报 %d 件，约谈 %d 条\n",
		len(l.Townships), len(l.Villages), len(l.Elections), len(l.Members), len(l.PartyOrgs), len(l.Leaderships), len(l.Complaints), len(l.Talks))
	if locks, err := st.Locks(ctx); err == nil && len(locks) > 0 {
		for _, lk := range locks {
			fmt.Fprintf(c.stdout, "%d年届次处于锁定（已上报）状态\n", lk.Round)
		}
	}
	return nil
}
