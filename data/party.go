package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// OrgType is the form of a village party organization.
type OrgType string

// Organization types.
const (
	OrgBranch        OrgType = "党支部"
	OrgGeneralBranch OrgType = "党总支"
	OrgCommittee     OrgType = "党委"
)

// OrgTypes lists the types in order.
var OrgTypes = []OrgType{OrgBranch, OrgGeneralBranch, OrgCommittee}

// Rectification is where a weak (软弱涣散) organization's rectification stands; "" when not weak.
type Rectification string

// Rectification results.
const (
	RectNone       Rectification = ""
	RectInProgress Rectification = "整顿中"
	RectClosed     Rectification = "已销号"
)

// PartyOrg is a village party organization's yearly ledger row (党组织台账), unique by
// (township, village, year).
type PartyOrg struct {
	ID           int64
	Township     string        // 乡镇
	Village      string        // 村名
	Year         int           // 年度
	Type         OrgType       // 党组织类型
	Members      int           // 党员数
	Women        int           // 女党员数
	Probationary int           // 预备党员数
	Developed    int           // 年度发展党员数
	HasTeam      bool          // 有班子
	HasVenue     bool          // 有场所
	VenueArea    float64       // 场所面积 (m²)
	HasActivity  bool          // 有活动
	Activities   int           // 年度活动次数
	HasIncome    bool          // 有收入
	Income       float64       // 集体经济收入 (万元)
	Weak         bool          // 软弱涣散
	Measures     string        // 整顿措施
	Progress     string        // 整顿进展
	Result       Rectification // 整顿结果
}

// VillageKey returns the key of the organization's village.
func (p PartyOrg) VillageKey() VillageKey { return VillageKey{p.Township, p.Village} }

// FourHaves reports whether all four guarantees (有班子、有场所、有活动、有收入) are met.
func (p PartyOrg) FourHaves() bool { return p.HasTeam && p.HasVenue && p.HasActivity && p.HasIncome }

// ParseOrgType reads 党支部/党总支/党委 (支部, 总支 too); an empty cell means 党支部.
func ParseOrgType(s string) (OrgType, error) {
	switch norm(s) {
	case "", "党支部", "支部", "村党支部":
		return OrgBranch, nil
	case "党总支", "总支", "村党总支", "党总支部":
		return OrgGeneralBranch, nil
	case "党委", "村党委":
		return OrgCommittee, nil
	}
	return "", enumError(s, OrgTypes...)
}

// ParseRectification reads 整顿中/已销号; an empty cell gives RectNone (read as 整顿中 for a
// weak organization, see EffectiveResult).
func ParseRectification(s string) (Rectification, error) {
	switch norm(s) {
	case "", "—", "-", "无":
		return RectNone, nil
	case "整顿中", "正在整顿", "整改中", "整顿", "未销号":
		return RectInProgress, nil
	case "已销号", "销号", "已整顿", "整顿完成", "已完成整顿":
		return RectClosed, nil
	}
	return "", enumError(s, RectInProgress, RectClosed)
}

// ParseAmount reads a non-negative decimal such as 12.5 (thousands separators and a unit
// such as 万元 or 平方米 are allowed); an empty cell is 0.
func ParseAmount(s string) (float64, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	t = strings.ReplaceAll(t, "，", "")
	for _, unit := range []string{"万元", "万", "元", "平方米", "平米", "㎡", "m²", "m2", "M2"} {
		if strings.HasSuffix(t, unit) {
			t = strings.TrimSpace(strings.TrimSuffix(t, unit))
			break
		}
	}
	if t == "" {
		if norm(s) != "" {
			return 0, fmt.Errorf("“%s”不是数值", norm(s))
		}
		return 0, nil
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; (c < '0' || c > '9') && c != '.' && c != '-' && c != '+' {
			return 0, fmt.Errorf("“%s”不是数值", norm(s))
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	switch {
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
		return 0, fmt.Errorf("“%s”不是数值", norm(s))
	case f < 0:
		return 0, fmt.Errorf("“%s”不能为负数", norm(s))
	case f > MaxAmount:
		return 0, fmt.Errorf("“%s”超过上限 %d，请检查单位（收入以万元计，面积以平方米计）", norm(s), MaxAmount)
	}
	return f, nil
}

// EffectiveResult is the 整顿结果 that counts: 整顿中 for a weak organization with none
// entered, RectNone for one that is not weak.
func (p PartyOrg) EffectiveResult() Rectification {
	if !p.Weak {
		return RectNone
	}
	if p.Result == RectNone {
		return RectInProgress
	}
	return p.Result
}

// Validate checks every SPEC §3 rule of a party-organization row. Errors: counts ≥ 0, 女党员
// and 预备党员 ≤ 党员, 有场所 needs an area and 有收入 an income. Warnings: 四有 not all met,
// 软弱涣散 without 整顿措施, a 整顿结果 on an organization that is not weak.
func (p PartyOrg) Validate() Problems {
	var ps Problems
	checkName(&ps, "乡镇", p.Township)
	checkName(&ps, "村名", p.Village)
	if p.Year < MinRound || p.Year > MaxRound {
		ps.errorf("年度", fmt.Sprintf("年度应为%d至%d之间的年份", MinRound, MaxRound))
	}
	if !oneOf(p.Type, OrgTypes) {
		ps.errorf("党组织类型", "党组织类型应为"+strings.Join(Strings(OrgTypes...), "、"))
	}
	for _, c := range []struct {
		field string
		n     int
	}{{"党员数", p.Members}, {"女党员数", p.Women}, {"预备党员数", p.Probationary}, {"年度发展党员数", p.Developed}, {"年度活动次数", p.Activities}} {
		checkCount(&ps, c.field, c.n)
	}
	if p.Members >= 0 && p.Women > p.Members {
		ps.errorf("女党员数", fmt.Sprintf("女党员数（%d）不能多于党员数（%d）", p.Women, p.Members))
	}
	if p.Members >= 0 && p.Probationary > p.Members {
		ps.errorf("预备党员数", fmt.Sprintf("预备党员数（%d）不能多于党员数（%d）", p.Probationary, p.Members))
	}
	switch {
	case p.VenueArea < 0 || math.IsNaN(p.VenueArea):
		ps.errorf("场所面积", "场所面积不能为负数")
	case p.HasVenue && p.VenueArea <= 0:
		ps.errorf("场所面积", "有场所为“是”时须填写场所面积（大于0）")
	}
	switch {
	case p.Income < 0 || math.IsNaN(p.Income):
		ps.errorf("集体经济收入", "集体经济收入不能为负数")
	case p.HasIncome && p.Income <= 0:
		ps.errorf("集体经济收入", "有收入为“是”时须填写集体经济收入（大于0）")
	}
	if !oneOf(p.Result, []Rectification{RectNone, RectInProgress, RectClosed}) {
		ps.errorf("整顿结果", "整顿结果应为“整顿中”或“已销号”")
	}
	checkLen(&ps, "整顿措施", p.Measures, 500)
	checkLen(&ps, "整顿进展", p.Progress, 500)
	if !p.FourHaves() {
		var missing []string
		field := ""
		for _, h := range []struct {
			name string
			ok   bool
		}{{"有班子", p.HasTeam}, {"有场所", p.HasVenue}, {"有活动", p.HasActivity}, {"有收入", p.HasIncome}} {
			if !h.ok {
				missing = append(missing, h.name)
				if field == "" {
					field = h.name
				}
			}
		}
		ps.warnf(field, "“四有”未全部达到，缺："+strings.Join(missing, "、"))
	}
	if p.Weak && strings.TrimSpace(p.Measures) == "" {
		ps.warnf("整顿措施", "软弱涣散党组织未填写整顿措施")
	}
	if !p.Weak && p.Result != RectNone {
		ps.warnf("整顿结果", "未列为软弱涣散的党组织不填整顿结果")
	}
	return ps
}
