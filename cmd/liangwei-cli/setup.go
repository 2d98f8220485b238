package main

import (
	"fmt"
	"path/filepath"

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
// With --scale city it writes instead the workbooks of a generated city into --out, one per
// township, for merging with import and for benchmarks; the database is not touched.
func (c *cli) cmdDemo(args []string) error {
	fs := c.commandFlags()
	scale := fs.String("scale", "", "规模：city 生成全市各乡镇工作簿")
	out := fs.String("out", "", "工作簿写入的文件夹")
	townships := fs.Int("townships", demo.CityTownships, "乡镇个数")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("demo 不需要参数（多余的“%s”）", pos[0])
	}
	switch *scale {
	case "", "township":
		if *out != "" {
			return usagef("--out 只用于 --scale city")
		}
	case "city":
		return c.demoCity(*out, *townships)
	default:
		return usagef("--scale 应为 city（全市）或 township（一个乡镇，默认）")
	}
	today := c.today()
	b := demo.Batch(today)
	// The demo is tested to be valid; checking again keeps a broken build from writing it.
	for _, f := range data.CheckLedger(b, demo.Round(today), today) {
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
	round := demo.Round(today)
	elections, members := map[int]int{}, map[int]int{}
	for _, e := range b.Elections {
		elections[e.Round]++
	}
	for _, m := range b.Members {
		members[m.Round]++
	}
	fmt.Fprintf(c.stdout, "已载入演示数据：%s%s，村（社区）%d 个（其中已撤并 %d 个），%d年换届记录 %d 条\n",
		demo.County, demo.Township, len(b.Villages), len(b.Villages)-active, round, elections[round])
	fmt.Fprintf(c.stdout, "两委成员 %d 人，乡镇班子 %d 条，党组织台账 %d 条，信访举报 %d 件，约谈 %d 条\n",
		members[round], len(b.Leaderships), len(b.PartyOrgs), len(b.Complaints), len(b.Talks))
	prev := round - demo.TermYears
	fmt.Fprintf(c.stdout, "上届（%d年）换届记录 %d 条，两委成员 %d 人，供与本届比较\n", prev, elections[prev], members[prev])
	fmt.Fprintf(c.stdout, "候选人资格联审 %d 人次，村务监督委员会成员 %d 人，任职变动 %d 条，离任审计 %d 条\n",
		len(b.Candidates), len(b.Supervisors), len(b.Changes), len(b.Audits))
	fmt.Fprintf(c.stdout, "发展党员 %d 人，创先争优表彰 %d 个（人）\n", len(b.Developments), len(b.Commendations))
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

// demoCity writes the workbooks of a generated city of n townships (the yearbook's 62 and
// 5,252 villages by default; fewer townships keep its villages per township) into dir.
func (c *cli) demoCity(dir string, n int) error {
	if dir == "" {
		return usagef("demo --scale city 需要 --out 文件夹，例如 demo --scale city --out 全市台账")
	}
	if n < 1 || n > demo.MaxTownships {
		return usagef("--townships 应在 1 到 %d 之间", demo.MaxTownships)
	}
	today := c.today()
	s := demo.CityScale
	if n != s.Townships {
		s = demo.Scale{Townships: n, Villages: (demo.CityVillages*n + demo.CityTownships/2) / demo.CityTownships}
	}
	// One township at a time: a province of thousands is written in the memory of one.
	city, members, paths, err := demo.WriteCity(c.ctx(), today, s, dir, func(done int, path string) {
		fmt.Fprintf(c.stdout, "[%d/%d] %s\n", done, n, filepath.Base(path))
	})
	if err != nil {
		return err
	}
	e := city.Expected
	fmt.Fprintf(c.stdout, "已生成%d年全市演示台账：%d 个乡镇工作簿，村（社区）%d 个，两委成员 %d 人，写入 %s\n",
		city.Round, len(paths), e.Villages, members, dir)
	fmt.Fprintf(c.stdout, "应有结果：党组织换届完成 %d/%d（%.2f%%），村委会换届完成 %d/%d（%.2f%%），约谈 %d 次\n",
		e.PartyOrg.Completed, e.PartyOrg.Due, e.PartyOrg.Rate, e.Committee.Completed, e.Committee.Due, e.Committee.Rate, e.Talks.Total)
	return nil
}
