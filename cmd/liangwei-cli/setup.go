package main

import (
	"fmt"

	"liangwei/data"
	"liangwei/demo"
)

// cmdInit creates or migrates the database and says where it is.
func (c *cli) cmdInit(args []string) error {
	pos, err := parseFlags(c.commandFlags(), args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("init 不需要参数（多余的“%s”）", pos[0])
	}
	st, p, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.IntegrityCheck(c.ctx()); err != nil {
		return fmt.Errorf("数据库 %s 检查未通过：%v", p, err)
	}
	fmt.Fprintf(c.stdout, "数据库已就绪：%s\n", p)
	return nil
}

// cmdDemo loads the demo township and, on a database without settings, fills them in.
func (c *cli) cmdDemo(args []string) error {
	pos, err := parseFlags(c.commandFlags(), args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("demo 不需要参数（多余的“%s”）", pos[0])
	}
	today := c.today()
	b := demo.Batch(today)
	// The demo is tested to be valid; checking again keeps a broken build from writing it.
	for _, f := range checkLedger(b, demo.Round(today), today) {
		if f.Level == data.LevelError {
			return fmt.Errorf("演示数据有误：%s", f)
		}
	}
	st, p, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := st.Import(c.ctx(), b, "演示数据")
	if err != nil {
		return fmt.Errorf("载入演示数据失败：%v", err)
	}
	set, err := st.Settings(c.ctx())
	if err != nil {
		return fmt.Errorf("读取设置失败：%v", err)
	}
	filled := false
	if settingsEmpty(set) {
		if err := st.SaveSettings(c.ctx(), demo.Settings(today)); err != nil {
			return fmt.Errorf("保存设置失败：%v", err)
		}
		filled = true
	}
	active := 0
	for _, v := range b.Villages {
		if v.Active() {
			active++
		}
	}
	fmt.Fprintf(c.stdout, "已载入演示数据：%s%s，村（社区）%d 个（其中已撤并 %d 个），%d年换届记录 %d 条\n",
		demo.County, demo.Township, len(b.Villages), len(b.Villages)-active, demo.Round(today), len(b.Elections))
	fmt.Fprintf(c.stdout, "两委成员 %d 人，乡镇班子 %d 条，党组织台账 %d 条，信访举报 %d 件，约谈 %d 条\n",
		len(b.Members), len(b.Leaderships), len(b.PartyOrgs), len(b.Complaints), len(b.Talks))
	fmt.Fprintf(c.stdout, "新增 %d，更新 %d，未变 %d\n", res.Inserted, res.Updated, res.Unchanged)
	if filled {
		fmt.Fprintf(c.stdout, "已填写设置：填报单位 %s，负责人 %s，审核人 %s，填表人 %s\n",
			demo.Township, demo.Settings(today).Leader, demo.Settings(today).Reviewer, demo.Settings(today).Preparer)
	}
	fmt.Fprintf(c.stdout, "数据库：%s\n", p)
	return nil
}

// settingsEmpty reports whether the clerk has not filled in any of their details yet.
func settingsEmpty(s data.Settings) bool {
	return s.Township == "" && s.County == "" && s.Leader == "" && s.Reviewer == "" && s.Preparer == "" && s.Phone == ""
}
