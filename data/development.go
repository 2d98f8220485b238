package data

import (
	"fmt"
	"strings"
	"time"
)

// 发展党员: one person's way from the application to full membership, as the
// 中国共产党发展党员工作细则 (中办发〔2014〕33号) lays it down in five stages, each with its
// date. The rules below cite its articles:
//
//   - 第五条: 年满十八岁 … 可以申请加入中国共产党 — 18 on the 申请入党日期;
//   - 第十一条: 党组织应当指定一至两名正式党员作入党积极分子的培养联系人;
//   - 第十三条: 对经过一年以上培养教育和考察、基本具备党员条件的入党积极分子 … 可列为发展对象
//     — 确定发展对象日期 at least a year after 确定积极分子日期;
//   - 第十四条: 发展对象应当有两名正式党员作入党介绍人;
//   - 第十五条: 党组织必须对发展对象进行政治审查 — 政审情况;
//   - 第三十二条: 预备党员的预备期为一年 … 可以延长一次预备期，延长时间不能少于半年，最长不超过一年
//     — 转为正式党员日期 at least a year after 接收预备党员日期, at most two, past one only
//     after an extension noted in 备注 (党章第七条: 党龄从预备期满转为正式党员之日算起, so the
//     date is the end of the 预备期, not the later day of the branch meeting).
//
// The stage is never typed: it is the stage of the latest date given (Stage).

// DevStage is a stage of member development.
type DevStage string

// The five stages, in order.
const (
	StageApplicant    DevStage = "入党申请人"
	StageActivist     DevStage = "入党积极分子"
	StageCandidate    DevStage = "发展对象"
	StageProbationary DevStage = "预备党员"
	StageFull         DevStage = "正式党员"
)

// DevStages lists the stages in order.
var DevStages = []DevStage{StageApplicant, StageActivist, StageCandidate, StageProbationary, StageFull}

// ExtendedProbation is what 备注 says when the 预备期 was extended (第三十二条).
const ExtendedProbation = "延长预备期"

// Development is one person's member development (发展党员), unique by (township, village,
// 身份证号). Village is the village party organization the person applied to.
type Development struct {
	ID        int64
	Township  string    // 乡镇
	Village   string    // 村名
	Name      string    // 姓名
	IDNumber  string    // 身份证号
	Gender    Gender    // 性别; from the ID when not given
	Birth     time.Time // 出生日期; from the ID when not given
	Ethnicity string    // 民族
	Education Education // 学历
	Applied   time.Time // 申请入党日期
	Activist  time.Time // 确定积极分子日期
	Candidate time.Time // 确定发展对象日期
	Admitted  time.Time // 接收预备党员日期
	Full      time.Time // 转为正式党员日期
	Contact   string    // 培养联系人
	Sponsors  string    // 入党介绍人
	Vetting   string    // 政审情况
	Note      string    // 备注
}

// VillageKey returns the key of the person's village.
func (d Development) VillageKey() VillageKey { return VillageKey{d.Township, d.Village} }

// FillFromID normalises the ID and fills 性别 and 出生日期 from it where absent.
func (d *Development) FillFromID() {
	m := Member{IDNumber: d.IDNumber, Gender: d.Gender, Birth: d.Birth}
	m.FillFromID()
	d.IDNumber, d.Gender, d.Birth = m.IDNumber, m.Gender, m.Birth
}

// stageDates are the five dates with their headers, in stage order.
func (d *Development) stageDates() [5]struct {
	header string
	date   time.Time
} {
	return [5]struct {
		header string
		date   time.Time
	}{{"申请入党日期", d.Applied}, {"确定积极分子日期", d.Activist}, {"确定发展对象日期", d.Candidate},
		{"接收预备党员日期", d.Admitted}, {"转为正式党员日期", d.Full}}
}

// Stage is the stage the dates give: the stage of the latest date given; "" with none.
func (d Development) Stage() DevStage { return d.StageOn(time.Time{}) }

// StageOn is the stage on day (zero: whatever the dates say): the latest stage whose date is
// given and not after day; "" when the person had not applied by then.
func (d Development) StageOn(day time.Time) DevStage {
	var s DevStage
	for i, sd := range d.stageDates() {
		if !sd.date.IsZero() && (day.IsZero() || !dateOnly(sd.date).After(dateOnly(day))) {
			s = DevStages[i]
		}
	}
	return s
}

// Extended reports whether 备注 records an extended 预备期.
func (d Development) Extended() bool { return strings.Contains(d.Note, ExtendedProbation) }

// Next is the next stage and the earliest day it may be dated by the 细则's time rules (the
// date of the current stage when no minimum applies); due is the day the stage falls due
// (the end of the 预备期 for a 预备党员, zero otherwise). A 正式党员 has no next stage.
func (d Development) Next() (next DevStage, earliest, due time.Time) {
	switch d.Stage() {
	case StageApplicant:
		return StageActivist, d.Applied, time.Time{}
	case StageActivist:
		return StageCandidate, d.Activist.AddDate(1, 0, 0), time.Time{} // 第十三条
	case StageCandidate:
		return StageProbationary, d.Candidate, time.Time{}
	case StageProbationary:
		end := d.Admitted.AddDate(1, 0, 0) // 第三十二条
		due = end
		if d.Extended() {
			due = d.Admitted.AddDate(2, 0, 0)
		}
		return StageFull, end, due
	}
	return "", time.Time{}, time.Time{}
}

// NextText says in a sentence what the next stage is and from when it may be dated: what
// the table's 下一阶段 column and the form show.
func (d Development) NextText() string {
	next, earliest, due := d.Next()
	switch {
	case next == "":
		if d.Stage() == StageFull {
			return "已转为正式党员"
		}
		return ""
	case next == StageFull:
		s := fmt.Sprintf("转为正式党员：预备期满 %s", FormatDate(earliest))
		if d.Extended() {
			s += fmt.Sprintf("（已延长预备期，最迟 %s）", FormatDate(due))
		}
		return s
	case next == StageCandidate:
		return fmt.Sprintf("确定发展对象：最早 %s（培养考察一年以上）", FormatDate(earliest))
	}
	if next == StageProbationary {
		return fmt.Sprintf("接收预备党员：%s 以后（须政审、培训）", FormatDate(earliest))
	}
	return fmt.Sprintf("确定为%s：%s 以后", next, FormatDate(earliest))
}

// ageOn is the age in full years on day.
func ageOn(birth, day time.Time) int {
	age := day.Year() - birth.Year()
	if day.Month() < birth.Month() || (day.Month() == birth.Month() && day.Day() < birth.Day()) {
		age--
	}
	return age
}

// Validate checks a development record on its own: names; the ID (valid, 性别 and 出生日期
// matching, as for 两委成员); 18 on the 申请入党日期; every stage's date after the one
// before it, none missing before a later one, none in the future; the time rules of the
// 细则; the enumerations. Warnings: a 预备党员 past the 预备期 without 转正, an 积极分子 with no
// 培养联系人, a 发展对象 without 政审情况. today is the reference date.
func (d Development) Validate(today time.Time) Problems {
	var ps Problems
	checkName(&ps, "乡镇", d.Township)
	checkName(&ps, "村名", d.Village)
	checkName(&ps, "姓名", d.Name)
	birth, g, err := ParseIDNumber(d.IDNumber)
	if err != nil {
		ps.errorf("身份证号", err.Error())
	}
	switch d.Gender {
	case "":
	case Male, Female:
		if err == nil && d.Gender != g {
			ps.errorf("性别", fmt.Sprintf("性别“%s”与身份证号不符（应为%s）", d.Gender, g))
		}
	default:
		ps.errorf("性别", "性别应为“男”或“女”")
	}
	if err == nil && !d.Birth.IsZero() && !dateOnly(d.Birth).Equal(birth) {
		ps.errorf("出生日期", fmt.Sprintf("出生日期 %s 与身份证号不符（应为 %s）", FormatDate(d.Birth), FormatDate(birth)))
	}
	if birth.IsZero() {
		birth = d.Birth
	}
	checkLen(&ps, "民族", d.Ethnicity, 20)
	if d.Education != "" && !oneOf(d.Education, Educations) {
		ps.errorf("学历", "学历应为"+strings.Join(Strings(Educations...), "、"))
	}

	// The dates: the application first, each later stage after the one before.
	dates := d.stageDates()
	if d.Applied.IsZero() {
		ps.errorf("申请入党日期", "申请入党日期不能为空")
	} else if !birth.IsZero() && ageOn(birth, d.Applied) < 18 {
		ps.errorf("申请入党日期", fmt.Sprintf("申请入党时未满18周岁（%d岁）：年满十八岁方可申请入党（发展党员工作细则第五条）", ageOn(birth, d.Applied)))
	}
	ordered := true
	for i := 1; i < len(dates); i++ {
		cur := dates[i]
		if cur.date.IsZero() {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if dates[j].date.IsZero() {
				ps.errorf(dates[j].header, fmt.Sprintf("已填写%s，须先填写%s", cur.header, dates[j].header))
				ordered = false
				continue
			}
			if dates[j].date.After(cur.date) {
				ps.errorf(cur.header, fmt.Sprintf("%s（%s）不能早于%s（%s）", cur.header, FormatDate(cur.date), dates[j].header, FormatDate(dates[j].date)))
				ordered = false
			}
			break
		}
	}
	for _, sd := range dates {
		if !sd.date.IsZero() && !today.IsZero() && dateOnly(sd.date).After(dateOnly(today)) {
			ps.errorf(sd.header, fmt.Sprintf("%s %s 晚于今天", sd.header, FormatDate(sd.date)))
		}
	}
	if ordered {
		// 第十三条: 一年以上培养教育和考察.
		if !d.Activist.IsZero() && !d.Candidate.IsZero() && d.Candidate.Before(d.Activist.AddDate(1, 0, 0)) {
			ps.errorf("确定发展对象日期", fmt.Sprintf("确定发展对象须在确定为入党积极分子一年以后（培养考察一年以上，发展党员工作细则第十三条），最早 %s",
				FormatDate(d.Activist.AddDate(1, 0, 0))))
		}
		// 第三十二条: 预备期一年，可延长一次，最长不超过一年.
		if !d.Admitted.IsZero() && !d.Full.IsZero() {
			end, last := d.Admitted.AddDate(1, 0, 0), d.Admitted.AddDate(2, 0, 0)
			switch {
			case d.Full.Before(end):
				ps.errorf("转为正式党员日期", fmt.Sprintf("预备期为一年，转为正式党员最早 %s（发展党员工作细则第三十二条）", FormatDate(end)))
			case d.Full.After(last):
				ps.errorf("转为正式党员日期", fmt.Sprintf("预备期延长最长不超过一年，转为正式党员最迟 %s（发展党员工作细则第三十二条）", FormatDate(last)))
			case d.Full.After(end) && !d.Extended():
				ps.errorf("转为正式党员日期", fmt.Sprintf("预备期满（%s）后超过一年才转正须延长预备期：请在备注中注明“%s”及其决议（发展党员工作细则第三十二条）",
					FormatDate(end), ExtendedProbation))
			}
		}
	}
	checkLen(&ps, "培养联系人", d.Contact, 30)
	checkLen(&ps, "入党介绍人", d.Sponsors, 30)
	checkLen(&ps, "政审情况", d.Vetting, 100)
	checkLen(&ps, "备注", d.Note, 200)

	switch d.Stage() {
	case StageActivist:
		if strings.TrimSpace(d.Contact) == "" {
			ps.warnf("培养联系人", "入党积极分子应有一至两名正式党员作培养联系人（发展党员工作细则第十一条）")
		}
	case StageCandidate:
		if strings.TrimSpace(d.Vetting) == "" {
			ps.warnf("政审情况", "发展对象须经政治审查，请填写政审情况（发展党员工作细则第十五条）")
		}
	case StageProbationary:
		_, end, due := d.Next()
		switch {
		case today.IsZero() || dateOnly(today).Before(end):
		case !d.Extended():
			ps.warnf("转为正式党员日期", fmt.Sprintf("预备期已于 %s 届满，尚未转为正式党员：支部应及时讨论其能否转正（发展党员工作细则第三十二条）", FormatDate(end)))
		case !dateOnly(today).Before(due):
			ps.warnf("转为正式党员日期", fmt.Sprintf("延长的预备期已于 %s 届满，尚未转为正式党员", FormatDate(due)))
		}
	}
	return ps
}

// DevelopmentWhere locates a development record: 乡镇/村名/发展党员/姓名（masked 身份证号）.
func DevelopmentWhere(d Development) string {
	return fmt.Sprintf("%s/%s/发展党员/%s（%s）", d.Township, d.Village, d.Name, MaskID(d.IDNumber))
}
