package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"liangwei/data"
	"liangwei/data/sqlite"
)

// scope is what a stats, check or report run looks at: one round, all townships or one,
// with the records st.Ledger reads for it (the round's elections and members, the year's
// party ledger, complaints and talks).
type scope struct {
	round    int
	township string // "" for every township
	ledger   data.Ledger
}

// loadScope reads the round's ledger from the store. round 0 means the round of the settings,
// else the latest in the data, else this year. An unknown township is a user error.
func (c *cli) loadScope(st data.Store, round int, township string) (scope, error) {
	round, err := c.scopeRound(st, round)
	if err != nil {
		return scope{}, err
	}
	return c.loadRound(st, round, township)
}

// scopeRound is the round a run looks at: round, or when 0 the round of the settings, else
// the latest in the data, else this year.
func (c *cli) scopeRound(st data.Store, round int) (int, error) {
	ctx := c.ctx()
	if round == 0 {
		set, err := st.Settings(ctx)
		if err != nil {
			return 0, fmt.Errorf("读取设置失败：%v", err)
		}
		round = set.Round
	}
	if round == 0 {
		rounds, err := st.Rounds(ctx)
		if err != nil {
			return 0, fmt.Errorf("读取届次失败：%v", err)
		}
		round = c.today().Year()
		if len(rounds) > 0 {
			round = rounds[0]
		}
	}
	return round, nil
}

// loadRound reads round's ledger (of one township when township is not "").
func (c *cli) loadRound(st data.Store, round int, township string) (scope, error) {
	l, err := st.Ledger(c.ctx(), round)
	if err != nil {
		return scope{}, fmt.Errorf("读取%d年台账失败：%v", round, err)
	}
	s := scope{round: round, township: township, ledger: l}
	if township == "" {
		return s, nil
	}
	if err := findTownship(l.Townships, township); err != nil {
		return scope{}, err
	}
	s.ledger = l.ForTownship(township)
	return s, nil
}

// findTownship refuses a township that is not among ts, naming those there are.
func findTownship(ts []data.Township, township string) error {
	var names []string
	for _, t := range ts {
		if t.Name == township {
			return nil
		}
		names = append(names, t.Name)
	}
	if len(names) == 0 {
		return fmt.Errorf("未找到乡镇“%s”：数据库中还没有任何乡镇，请先导入台账（import）或载入演示数据（demo）", township)
	}
	return fmt.Errorf("未找到乡镇“%s”，现有乡镇：%s", township, strings.Join(names, "、"))
}

// previousRates are the key rates of the round before sc's (the newest earlier round with
// elections) over the same townships, or nil when the data has no earlier round.
func (c *cli) previousRates(st data.Store, sc scope) (*data.KeyRates, error) {
	var p *data.KeyRates
	var err error
	if ts, ok := st.(data.TownshipStore); ok && sc.township == "" {
		p, err = data.SumPreviousRates(c.ctx(), ts, sc.round) // one township at a time
	} else {
		p, err = data.LoadPreviousRates(c.ctx(), st, sc.round, sc.township)
	}
	if err != nil {
		return nil, fmt.Errorf("读取上届台账失败：%v", err)
	}
	return p, nil
}

// cmdStats prints the round's figures, as JSON (SPEC §7) or as Chinese text.
func (c *cli) cmdStats(args []string) error {
	fs := c.commandFlags()
	roundS := fs.String("round", "", "届次（年份）")
	township := fs.String("township", "", "乡镇")
	dateS := fs.String("date", "", "参照日期")
	asJSON := fs.Bool("json", false, "输出 JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("stats 不需要参数（多余的“%s”）", pos[0])
	}
	round, err := parseRound(*roundS)
	if err != nil {
		return err
	}
	ref, err := parseDate(*dateS, c.today())
	if err != nil {
		return err
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	// The round as given (0: of the settings, else the latest, else this year's): resolving
	// it reads the ledger (a province's elections), so it is part of what is cached.
	key := fmt.Sprintf("stats round=%d township=%q date=%s cli-today=%s", round, *township,
		ref.Format(time.RFC3339Nano), c.today().Format(time.DateOnly))
	s, err := sqlite.Cached(c.ctx(), st, key, func() (data.Stats, error) {
		round, err := c.scopeRound(st, round)
		if err != nil {
			return data.Stats{}, err
		}
		return c.stats(st, round, *township, ref)
	})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	writeStats(c.stdout, s, *township, ref)
	return nil
}

// stats computes the figures of round (of one township when township is not ""), with the
// previous round's key rates.
func (c *cli) stats(st *sqlite.Store, round int, township string, ref time.Time) (data.Stats, error) {
	sc := scope{round: round}
	var s data.Stats
	var err error
	if township == "" {
		// The whole ledger's figures, summed township by township: the memory of one
		// township, whatever the province.
		// Each township's sums are kept in the ledger, and only the townships written since
		// are read again (sqlite.EachPart).
		sum := data.NewStatsSum(round, ref)
		key := fmt.Sprintf("stats round=%d date=%s", round, ref.Format(time.RFC3339Nano))
		if err := sqlite.EachPart(c.ctx(), st, key, round, true, sum.PartOf, sum.AddPart); err != nil {
			return s, fmt.Errorf("读取%d年台账失败：%v", round, err)
		}
		s = sum.Stats()
	} else {
		if sc, err = c.loadRound(st, round, township); err != nil {
			return s, err
		}
		s = data.ComputeStats(sc.ledger, round, ref)
	}
	if s.Previous, err = c.previousRates(st, sc); err != nil {
		return s, err
	}
	return s, nil
}

// writeStats prints the figures of data.Stats in Chinese, section by section.
func writeStats(w io.Writer, s data.Stats, township string, ref time.Time) {
	unit := fmt.Sprintf("全部 %d 个乡镇", s.Townships)
	if township != "" {
		unit = township
	}
	fmt.Fprintf(w, "%d年村“两委”换届情况（%s，截至 %s）\n", s.Round, unit, data.FormatDate(ref))
	fmt.Fprintf(w, "乡镇 %d 个，应换届村（社区）%d 个\n", s.Townships, s.Villages)
	for _, b := range []struct {
		name, turnout string
		s             data.BodyStats
	}{
		{"村党组织", "到会率", s.PartyOrg},
		{"村（居）委会", "参选率", s.Committee},
	} {
		fmt.Fprintf(w, "%s：应换届 %d，已完成 %d，完成率 %.2f%%，一次选举成功 %d（%.2f%%），%s %.2f%%（%d/%d）\n",
			b.name, b.s.Due, b.s.Completed, b.s.Rate, b.s.OneTime, b.s.OneTimeRate, b.turnout, b.s.Turnout, b.s.Voted, b.s.Eligible)
	}
	m := s.Members
	fmt.Fprintf(w, "两委成员（仅计已完成换届的组织）：%d 人（党组织成员 %d，村委会成员 %d，交叉任职 %d），一肩挑 %d 个村（占应换届 %d 个村的 %.2f%%）\n",
		m.Total, m.Party, m.Committee, m.Cross, m.DualHead, m.DualHeadBase, m.DualHeadRate)
	fmt.Fprintf(w, "成员结构：女性 %d（%.2f%%），平均年龄 %.1f 岁，35岁及以下 %d（%.2f%%），60岁及以上 %d（%.2f%%），大专及以上 %d（%.2f%%），村委会成员中党员 %d（%.2f%%），新任 %d（%.2f%%）\n",
		m.Women, data.Rate(m.Women, m.Total), m.AvgAge, m.Under35, data.Rate(m.Under35, m.Total),
		m.Age60Plus, data.Rate(m.Age60Plus, m.Total), m.College, data.Rate(m.College, m.Total),
		m.CommitteeParty, data.Rate(m.CommitteeParty, m.Committee), m.New, data.Rate(m.New, m.Total))
	for _, h := range []struct {
		name string
		s    data.HeadStats
	}{{"村党组织书记", s.Secretaries}, {"村（居）委会主任", s.Directors}} {
		fmt.Fprintf(w, "%s：%d 人，女性 %d（%.2f%%），平均年龄 %.1f 岁，35岁及以下 %d，60岁及以上 %d，大专及以上 %d（%.2f%%）\n",
			h.name, h.s.Count, h.s.Women, data.Rate(h.s.Women, h.s.Count), h.s.AvgAge, h.s.Under35, h.s.Age60Plus,
			h.s.College, data.Rate(h.s.College, h.s.Count))
	}
	if s.Previous != nil {
		var parts []string
		for _, r := range data.Compare(s.Rates, s.Previous) {
			parts = append(parts, fmt.Sprintf("%s %s（上届 %s，%s）", r.Name, keyRateText(r.Current, r.Unit), keyRateText(r.Previous, r.Unit), changeText(r)))
		}
		fmt.Fprintf(w, "与上届（%d年）比较：%s\n", s.Previous.Round, strings.Join(parts, "；"))
	}
	l := s.Leadership
	fmt.Fprintf(w, "乡镇班子：党委班子成员 %d，政府班子成员 %d，交叉任职 %d\n", l.PartyCommittee, l.Government, l.Cross)
	p := s.Party
	fmt.Fprintf(w, "村级党组织：%d 个，党员 %d 名，“四有”齐全 %d 个，软弱涣散 %d 个（已销号 %d 个）\n", p.Orgs, p.Members, p.FourHaves, p.Weak, p.WeakRectified)
	pe := s.Petitions
	fmt.Fprintf(w, "信访举报：受理 %d 件，属实（含部分属实）%d 件，已办结 %d 件，超期 %d 件\n", pe.Total, pe.Substantiated, pe.Closed, pe.Overdue)
	fmt.Fprintf(w, "干部约谈：%d 人次；按方式 %s；按类别 %s\n", s.Talks.Total, counts(s.Talks.ByMode), counts(s.Talks.ByCategory))
	writeRoundRest(w, s)
	writePartyWork(w, s)
}

// countOrder is the order SPEC §3 lists the talk modes and categories in.
var countOrder = []string{"申请约谈", "主动约谈", "下访约谈", "个人诉求", "汇报工作和思想", "意见建议"}

// counts writes a map of counts as “甲 1，乙 2”: known keys in SPEC order, others sorted.
func counts(m map[string]int) string {
	var keys, rest []string
	for _, k := range countOrder {
		if _, ok := m[k]; ok {
			keys = append(keys, k)
		}
	}
	for k := range m {
		if !slices.Contains(countOrder, k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	keys = append(keys, rest...)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	if len(parts) == 0 {
		return "无"
	}
	return strings.Join(parts, "，")
}

// keyRateText prints a key rate with its unit: 97.50% or 45.5岁.
func keyRateText(v float64, unit string) string {
	if unit == "岁" {
		return fmt.Sprintf("%.1f岁", v)
	}
	return fmt.Sprintf("%.2f%%", v)
}

// changeText prints a change against the previous round: 比上届 +1.67 个百分点, 比上届 −0.5 岁.
func changeText(r data.KeyRate) string {
	if r.Unit == "岁" {
		return fmt.Sprintf("比上届 %+.1f 岁", r.Change)
	}
	return fmt.Sprintf("比上届 %+.2f 个百分点", r.Change)
}
