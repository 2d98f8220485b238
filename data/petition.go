package data

import "time"

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
