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
	Deadline    time.Time         // 办结时限
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

// Overdue reports whether the complaint is 办理中 and ref is a day after its 办结时限: on the
// deadline day itself it is not yet overdue, and without a deadline it never is.
func (c Complaint) Overdue(ref time.Time) bool {
	return c.Pending() && !c.Deadline.IsZero() && dateOnly(ref).After(dateOnly(c.Deadline))
}

// Validate checks every SPEC §3 rule of a complaint. Errors: 编号, 乡镇, 受理日期, 渠道 and
// 类别 required; 办结时限 and 回复日期 not before 受理日期. Warning: 办理中 past 办结时限 on today.
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
	if c.Overdue(today) {
		ps.warnf("办结时限", fmt.Sprintf("办理中，已超过办结时限 %s（超期）", FormatDate(c.Deadline)))
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
