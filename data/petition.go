package data

import (
	"fmt"
	"strings"
	"time"
)

// Channel is how a complaint arrived (渠道).
type Channel string

// Complaint channels.
const (
	ChanLetter   Channel = "来信"
	ChanVisit    Channel = "来访"
	ChanPhone    Channel = "电话"
	ChanOnline   Channel = "网络"
	ChanSMS      Channel = "短信"
	ChanReferred Channel = "上级交办"
)

// Channels lists the channels in order.
var Channels = []Channel{ChanLetter, ChanVisit, ChanPhone, ChanOnline, ChanSMS, ChanReferred}

// ComplaintCategory is what a complaint is about (类别).
type ComplaintCategory string

// Complaint categories.
const (
	CatBribery     ComplaintCategory = "拉票贿选"
	CatEligibility ComplaintCategory = "资格争议"
	CatProcedure   ComplaintCategory = "程序违规"
	CatOther       ComplaintCategory = "其他"
)

// ComplaintCategories lists the categories in order.
var ComplaintCategories = []ComplaintCategory{CatBribery, CatEligibility, CatProcedure, CatOther}

// ComplaintResult is the outcome of a complaint (办理结果).
type ComplaintResult string

// Complaint results.
const (
	ResPending    ComplaintResult = "办理中"
	ResTrue       ComplaintResult = "属实"
	ResPartlyTrue ComplaintResult = "部分属实"
	ResUnfounded  ComplaintResult = "不属实"
)

// ComplaintResults lists the results in order.
var ComplaintResults = []ComplaintResult{ResPending, ResTrue, ResPartlyTrue, ResUnfounded}

// Complaint is a complaint or report received during the elections (信访举报), unique by
// (township, 编号).
type Complaint struct {
	ID          int64
	Township    string            // 乡镇
	No          string            // 编号
	Received    time.Time         // 受理日期
	Channel     Channel           // 渠道
	Village     string            // 村名, optional
	Complainant string            // 反映人 (may be 匿名)
	Subject     string            // 被反映人
	Category    ComplaintCategory // 类别
	Summary     string            // 内容摘要
	Handler     string            // 承办人
	Deadline    time.Time         // 办结时限; zero: the category's default (DefaultDeadline)
	ExtendedTo  time.Time         // 延期至: the extended deadline, zero when not extended
	Extension   string            // 延期原因, required with 延期至
	Result      ComplaintResult   // 办理结果
	Handling    string            // 处理情况
	Replied     time.Time         // 回复日期
}

// TalkMode is how a talk came about (约谈方式).
type TalkMode string

// Talk modes.
const (
	ModeRequested TalkMode = "申请约谈"
	ModeInitiated TalkMode = "主动约谈"
	ModeVisiting  TalkMode = "下访约谈"
)

// TalkModes lists the modes in order.
var TalkModes = []TalkMode{ModeRequested, ModeInitiated, ModeVisiting}

// TalkCategory is what a talk was about (类别).
type TalkCategory string

// Talk categories.
const (
	TalkPersonal   TalkCategory = "个人诉求"
	TalkReport     TalkCategory = "汇报工作和思想"
	TalkSuggestion TalkCategory = "意见建议"
)

// TalkCategories lists the categories in order.
var TalkCategories = []TalkCategory{TalkPersonal, TalkReport, TalkSuggestion}

// Talk is a talk held with a cadre (约谈), unique by (township, 编号).
type Talk struct {
	ID          int64
	Township    string       // 乡镇
	No          string       // 编号
	Date        time.Time    // 日期
	Mode        TalkMode     // 约谈方式
	Interviewer string       // 约谈人
	Interviewee string       // 被约谈人
	Unit        string       // 单位
	Post        string       // 职务
	Category    TalkCategory // 类别
	Cause       string       // 事由
	Handling    string       // 处理情况
}

// ParseChannel reads how a complaint arrived (信件, 走访, 来电, 网上, 交办 … too); an empty
// cell gives "" (refused by Validate).
func ParseChannel(s string) (Channel, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "来信", "信件", "信访件", "写信":
		return ChanLetter, nil
	case "来访", "走访", "上访", "接访":
		return ChanVisit, nil
	case "电话", "来电", "电话举报", "热线", "12380":
		return ChanPhone, nil
	case "网络", "网上", "网络举报", "网站", "邮件", "电子邮件", "网上举报":
		return ChanOnline, nil
	case "短信", "短信举报":
		return ChanSMS, nil
	case "上级交办", "交办", "上级转办", "转办", "上级转交":
		return ChanReferred, nil
	}
	return "", enumError(s, Channels...)
}

// ParseComplaintCategory reads a complaint's category (贿选, 拉票, 资格, 程序 too); an empty
// cell gives "" (refused by Validate).
func ParseComplaintCategory(s string) (ComplaintCategory, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "拉票贿选", "贿选", "拉票", "拉票贿选问题":
		return CatBribery, nil
	case "资格争议", "资格", "资格问题", "候选人资格":
		return CatEligibility, nil
	case "程序违规", "程序", "程序问题", "违反程序":
		return CatProcedure, nil
	case "其他", "其它":
		return CatOther, nil
	}
	return "", enumError(s, ComplaintCategories...)
}

// ParseComplaintResult reads a complaint's outcome; an empty cell means 办理中.
func ParseComplaintResult(s string) (ComplaintResult, error) {
	switch norm(s) {
	case "", "办理中", "正在办理", "在办", "未办结", "调查中":
		return ResPending, nil
	case "属实", "查实":
		return ResTrue, nil
	case "部分属实", "基本属实":
		return ResPartlyTrue, nil
	case "不属实", "失实", "不实", "查无实据":
		return ResUnfounded, nil
	}
	return "", enumError(s, ComplaintResults...)
}

// ParseTalkMode reads how a talk came about (申请, 主动, 下访 too); an empty cell gives ""
// (refused by Validate).
func ParseTalkMode(s string) (TalkMode, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "申请约谈", "申请":
		return ModeRequested, nil
	case "主动约谈", "主动":
		return ModeInitiated, nil
	case "下访约谈", "下访":
		return ModeVisiting, nil
	}
	return "", enumError(s, TalkModes...)
}

// ParseTalkCategory reads what a talk was about; an empty cell gives "" (refused by Validate).
func ParseTalkCategory(s string) (TalkCategory, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "个人诉求", "诉求":
		return TalkPersonal, nil
	case "汇报工作和思想", "汇报工作", "汇报思想", "汇报工作思想", "工作和思想汇报", "思想汇报", "工作汇报":
		return TalkReport, nil
	case "意见建议", "意见", "建议", "意见和建议":
		return TalkSuggestion, nil
	}
	return "", enumError(s, TalkCategories...)
}

// Pending reports whether the complaint is still 办理中 (an empty result counts as 办理中).
func (c Complaint) Pending() bool { return c.Result == ResPending || c.Result == "" }

// Complaint deadlines (办结时限):
//
//   - Election-discipline complaints (拉票贿选, 程序违规) are to be checked and answered within
//     5 working days, as the county's 换届纪律 rules ask, so that a tainted election can be
//     stopped before it is held.
//   - Others follow the 信访工作条例 (2022): 信访事项应当自受理之日起60日内办结；情况复杂的，经
//     本机关、单位负责人批准，可以适当延长办理期限，但延长期限不得超过30日，并告知信访人延期理由
//     (the 60 days are calendar days).
//   - An extension (延期至) needs its reason (延期原因); for the 60-day kind it may add at most
//     30 days.
//   - Working days (the 5 above, and 超期, counted in working days after the deadline) follow
//     the State Council's yearly holiday calendar, 2019 to 2026 (国务院办公厅关于XXXX年部分节假日
//     安排的通知 and the 2019 and 2020 amendments; titles and URLs in holidays.go): a holiday on
//     a weekday is not a working day, a 调休 Saturday or Sunday is. Other years count Monday
//     to Friday. See Workday.
const (
	DisciplineWorkdays = 5  // 拉票贿选, 程序违规: working days from 受理日期
	PetitionDays       = 60 // others: calendar days from 受理日期 (信访工作条例)
	MaxExtensionDays   = 30 // the most an extension may add to the 60 days (信访工作条例)
)

// Discipline reports whether complaints of category c are about election discipline and due
// in DisciplineWorkdays working days.
func (c ComplaintCategory) Discipline() bool { return c == CatBribery || c == CatProcedure }

// DefaultDeadline is the 办结时限 of a complaint of category cat received on received when
// none is entered: DisciplineWorkdays working days for 拉票贿选 and 程序违规, PetitionDays
// days otherwise (and for a complaint without category). Zero when received is zero.
func DefaultDeadline(received time.Time, cat ComplaintCategory) time.Time {
	if received.IsZero() {
		return time.Time{}
	}
	if cat.Discipline() {
		return AddWorkdays(dateOnly(received), DisciplineWorkdays)
	}
	return dateOnly(received).AddDate(0, 0, PetitionDays)
}

// DueDate is the date the complaint must be closed by: 延期至 when extended, else 办结时限
// when entered, else the category's DefaultDeadline (zero without 受理日期).
func (c Complaint) DueDate() time.Time {
	switch {
	case !c.ExtendedTo.IsZero():
		return dateOnly(c.ExtendedTo)
	case !c.Deadline.IsZero():
		return dateOnly(c.Deadline)
	}
	return DefaultDeadline(c.Received, c.Category)
}

// OverdueDays is how many working days a complaint still 办理中 on ref is past its DueDate:
// 0 on the due date itself, when closed, or when no date is known.
func (c Complaint) OverdueDays(ref time.Time) int {
	due := c.DueDate()
	if !c.Pending() || due.IsZero() {
		return 0
	}
	return WorkdaysAfter(due, ref)
}

// Overdue reports whether the complaint is 办理中 and ref is at least one working day after
// its DueDate (超期).
func (c Complaint) Overdue(ref time.Time) bool { return c.OverdueDays(ref) > 0 }

// Validate checks every SPEC §3 rule of a complaint. Errors: 编号, 乡镇, 受理日期, 渠道 and
// 类别 required; 办结时限 and 回复日期 not before 受理日期; an extension needs its reason, a
// date after the deadline and, for the 60-day kind, at most 30 days more. Warning: 办理中
// past its due date on today (超期, in working days).
func (c Complaint) Validate(today time.Time) Problems {
	var ps Problems
	checkName(&ps, "编号", strings.TrimSpace(c.No))
	checkName(&ps, "乡镇", c.Township)
	if c.Received.IsZero() {
		ps.errorf("受理日期", "受理日期不能为空")
	}
	switch {
	case c.Channel == "":
		ps.errorf("渠道", "渠道不能为空")
	case !oneOf(c.Channel, Channels):
		ps.errorf("渠道", "渠道应为"+strings.Join(Strings(Channels...), "、"))
	}
	checkLen(&ps, "村名", c.Village, 30)
	checkLen(&ps, "反映人", c.Complainant, 30)
	checkLen(&ps, "被反映人", c.Subject, 30)
	switch {
	case c.Category == "":
		ps.errorf("类别", "类别不能为空")
	case !oneOf(c.Category, ComplaintCategories):
		ps.errorf("类别", "类别应为"+strings.Join(Strings(ComplaintCategories...), "、"))
	}
	checkLen(&ps, "内容摘要", c.Summary, 500)
	checkLen(&ps, "承办人", c.Handler, 30)
	if !c.Deadline.IsZero() && !c.Received.IsZero() && dateOnly(c.Deadline).Before(dateOnly(c.Received)) {
		ps.errorf("办结时限", fmt.Sprintf("办结时限 %s 早于受理日期 %s", FormatDate(c.Deadline), FormatDate(c.Received)))
	}
	if c.Result != "" && !oneOf(c.Result, ComplaintResults) {
		ps.errorf("办理结果", "办理结果应为"+strings.Join(Strings(ComplaintResults...), "、"))
	}
	checkLen(&ps, "处理情况", c.Handling, 500)
	if !c.Replied.IsZero() && !c.Received.IsZero() && dateOnly(c.Replied).Before(dateOnly(c.Received)) {
		ps.errorf("回复日期", fmt.Sprintf("回复日期 %s 早于受理日期 %s", FormatDate(c.Replied), FormatDate(c.Received)))
	}
	c.validateExtension(&ps)
	if n := c.OverdueDays(today); n > 0 {
		ps.warnf("办结时限", fmt.Sprintf("办理中，已超过办结时限 %s %d 个工作日（超期）", FormatDate(c.DueDate()), n))
	}
	return ps
}

// Validate checks every SPEC §3 rule of a talk: 编号, 乡镇, 日期, 约谈方式, 被约谈人 and 类别
// are required, the enumerations valid.
func (t Talk) Validate() Problems {
	var ps Problems
	checkName(&ps, "编号", strings.TrimSpace(t.No))
	checkName(&ps, "乡镇", t.Township)
	if t.Date.IsZero() {
		ps.errorf("日期", "日期不能为空")
	}
	switch {
	case t.Mode == "":
		ps.errorf("约谈方式", "约谈方式不能为空")
	case !oneOf(t.Mode, TalkModes):
		ps.errorf("约谈方式", "约谈方式应为"+strings.Join(Strings(TalkModes...), "、"))
	}
	checkLen(&ps, "约谈人", t.Interviewer, 30)
	checkName(&ps, "被约谈人", t.Interviewee)
	checkLen(&ps, "单位", t.Unit, 50)
	checkLen(&ps, "职务", t.Post, 30)
	switch {
	case t.Category == "":
		ps.errorf("类别", "类别不能为空")
	case !oneOf(t.Category, TalkCategories):
		ps.errorf("类别", "类别应为"+strings.Join(Strings(TalkCategories...), "、"))
	}
	checkLen(&ps, "事由", t.Cause, 500)
	checkLen(&ps, "处理情况", t.Handling, 500)
	return ps
}

// validateExtension checks 延期至 and 延期原因: an extension names its reason and moves the
// deadline later; under the 信访工作条例 by at most MaxExtensionDays. A reason without a date
// is refused too: the clerk meant to extend and forgot the date.
func (c Complaint) validateExtension(ps *Problems) {
	checkLen(ps, "延期原因", c.Extension, 200)
	if c.ExtendedTo.IsZero() {
		if strings.TrimSpace(c.Extension) != "" {
			ps.errorf("延期至", "填写了延期原因，请同时填写延期至（延长后的办结时限）")
		}
		return
	}
	if strings.TrimSpace(c.Extension) == "" {
		ps.errorf("延期原因", "延期须写明延期原因（经负责人批准，并告知反映人）")
	}
	base := c.Deadline
	if base.IsZero() {
		base = DefaultDeadline(c.Received, c.Category)
	}
	if base.IsZero() {
		return
	}
	ext := dateOnly(c.ExtendedTo)
	switch {
	case !ext.After(dateOnly(base)):
		ps.errorf("延期至", fmt.Sprintf("延期至 %s 应晚于原办结时限 %s", FormatDate(ext), FormatDate(base)))
	case !c.Category.Discipline() && !c.Received.IsZero() && ext.After(DefaultDeadline(c.Received, c.Category).AddDate(0, 0, MaxExtensionDays)):
		ps.errorf("延期至", fmt.Sprintf("延期至 %s 超过受理后60日再延长30日的期限 %s（信访工作条例：延长期限不得超过30日）",
			FormatDate(ext), FormatDate(DefaultDeadline(c.Received, c.Category).AddDate(0, 0, MaxExtensionDays))))
	}
}
