package data

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// Township is a 乡镇 or 街道, unique by name in the database.
type Township struct {
	ID      int64
	Name    string // 乡镇
	County  string // 县区
	Contact string // 联系人
	Phone   string // 联系电话
}

// Validate checks the township's own fields.
func (t Township) Validate() Problems {
	var ps Problems
	checkName(&ps, "乡镇", t.Name)
	checkLen(&ps, "县区", t.County, 30)
	checkLen(&ps, "联系人", t.Contact, 30)
	checkLen(&ps, "联系电话", t.Phone, 30)
	checkPhone(&ps, "联系电话", t.Phone)
	return ps
}

// Village is a 村 or 社区, unique by (township, name).
type Village struct {
	ID         int64
	Township   string        // 乡镇
	Name       string        // 村名
	Kind       VillageKind   // 类型
	Households int           // 户数
	Population int           // 人口
	Code       string        // 区划代码, 12 digits or empty
	Status     VillageStatus // 状态
}

// Active reports whether the village counts in the round's denominators.
func (v Village) Active() bool { return v.Status != VillageMerged }

// Key is the village's identity: township and village name.
func (v Village) Key() VillageKey { return VillageKey{v.Township, v.Name} }

// VillageKey identifies a village by names, as the workbook does.
type VillageKey struct{ Township, Village string }

// Validate checks the village's own fields; uniqueness is the store's to enforce.
func (v Village) Validate() Problems {
	var ps Problems
	checkName(&ps, "乡镇", v.Township)
	checkName(&ps, "村名", v.Name)
	if v.Kind != KindVillage && v.Kind != KindCommunity {
		ps.errorf("类型", "类型应为“村”或“社区”")
	}
	if v.Status != VillageActive && v.Status != VillageMerged {
		ps.errorf("状态", "状态应为“正常”或“已撤并”")
	}
	checkCount(&ps, "户数", v.Households)
	checkCount(&ps, "人口", v.Population)
	if v.Code != "" && !isDigits(v.Code, 12) {
		ps.errorf("区划代码", "区划代码应为12位数字")
	}
	return ps
}

// Election is one body's election in one village and round (换届届次, a year).
type Election struct {
	ID           int64
	Township     string         // 乡镇
	Village      string         // 村名
	Round        int            // 届次
	Body         Body           // 组织
	Status       ElectionStatus // 状态
	CompletedOn  time.Time      // 完成日期; zero when not given
	OneTime      bool           // 一次选举成功
	Eligible     int            // 应参加人数: 应到会党员 or 登记选民
	Participants int            // 实参加人数: 实到会 or 参加投票
	Seats        int            // 应选职数
	Candidates   int            // 候选人数
	Elected      int            // 当选人数
	Reason       string         // 未完成原因
	Method       VoteMethod     // 选举方式 of a committee election; "" not given (全体选民)
}

// VillageKey returns the key of the village the election belongs to.
func (e Election) VillageKey() VillageKey { return VillageKey{e.Township, e.Village} }

// Validate checks every SPEC §3 rule of an election. today is the reference date for
// "completion date not in the future".
func (e Election) Validate(today time.Time) Problems {
	var ps Problems
	checkName(&ps, "乡镇", e.Township)
	checkName(&ps, "村名", e.Village)
	if e.Round < MinRound || e.Round > MaxRound {
		ps.errorf("届次", fmt.Sprintf("届次应为%d至%d之间的年份", MinRound, MaxRound))
	}
	if e.Body != BodyParty && e.Body != BodyCommittee {
		ps.errorf("组织", "组织应为“党组织”或“村委会”")
	}
	switch e.Status {
	case StatusNotStarted, StatusInProgress, StatusCompleted, StatusFailed:
	default:
		ps.errorf("状态", "状态应为未启动、进行中、已完成或未完成")
	}
	for _, c := range []struct {
		field string
		n     int
	}{{"应参加人数", e.Eligible}, {"实参加人数", e.Participants}, {"应选职数", e.Seats}, {"候选人数", e.Candidates}, {"当选人数", e.Elected}} {
		checkCount(&ps, c.field, c.n)
	}
	if e.Participants > e.Eligible {
		ps.errorf("实参加人数", fmt.Sprintf("实参加人数（%d）不能多于应参加人数（%d）", e.Participants, e.Eligible))
	}
	if e.Elected > e.Seats {
		ps.errorf("当选人数", fmt.Sprintf("当选人数（%d）不能多于应选职数（%d）", e.Elected, e.Seats))
	}
	switch e.Status {
	case StatusCompleted:
		if e.CompletedOn.IsZero() {
			ps.errorf("完成日期", "状态为“已完成”时须填写完成日期")
		} else {
			if e.CompletedOn.After(dateOnly(today)) {
				ps.errorf("完成日期", fmt.Sprintf("完成日期 %s 晚于今天", FormatDate(e.CompletedOn)))
			}
			if y := e.CompletedOn.Year(); e.Round >= MinRound && (y < e.Round || y > e.Round+1) {
				ps.errorf("完成日期", fmt.Sprintf("完成日期应在%d年或%d年内", e.Round, e.Round+1))
			}
		}
		// 村民委员会组织法 第二十四条: 选举村民委员会，有登记参加选举的村民过半数投票，选举有效.
		// A 居民委员会 elected by household or group representatives needs more than half of
		// them (城市居民委员会组织法 第八条 and the provincial 选举办法): 应参加人数 counts them.
		if e.Body == BodyCommittee && e.Participants*2 <= e.Eligible {
			ps.errorf("实参加人数", fmt.Sprintf("参加投票人数（%d）未超过%s（%d）的半数，选举无效", e.Participants, e.Method.voters(), e.Eligible))
		}
		// 中国共产党基层组织选举工作条例: 进行选举时，有选举权的到会人数超过应到会人数的
		// 五分之四，会议有效. Exactly 4/5 (80 of 100) is not more than 4/5: the meeting could not elect.
		if e.Body == BodyParty && e.Eligible > 0 && e.Participants*5 <= e.Eligible*4 {
			ps.errorf("实参加人数", fmt.Sprintf("实到会党员（%d）未超过应到会（%d）的五分之四，党员大会不能进行选举", e.Participants, e.Eligible))
		}
		if e.Seats > 0 && e.Candidates > 0 && e.Candidates <= e.Seats {
			ps.warnf("候选人数", fmt.Sprintf("候选人数（%d）未多于应选职数（%d），未实行差额选举", e.Candidates, e.Seats))
		}
	case StatusFailed:
		if e.Reason == "" {
			ps.errorf("未完成原因", "状态为“未完成”时须填写未完成原因")
		}
	}
	checkLen(&ps, "未完成原因", e.Reason, 200)
	if e.Body == BodyParty && e.Method != "" {
		ps.errorf("选举方式", "选举方式只适用于村（居）民委员会的选举，党组织换届不填")
	}
	return ps
}

// The years an election round may have.
const (
	MinRound = 1980
	MaxRound = 2100
)

func checkName(ps *Problems, field, s string) {
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0:
		ps.errorf(field, field+"不能为空")
	case n > 30:
		ps.errorf(field, fmt.Sprintf("%s不能超过30个字（现有%d个）", field, n))
	}
}

func checkLen(ps *Problems, field, s string, max int) {
	if n := utf8.RuneCountInString(s); n > max {
		ps.errorf(field, fmt.Sprintf("%s不能超过%d个字（现有%d个）", field, max, n))
	}
}

func checkCount(ps *Problems, field string, n int) {
	if n < 0 {
		ps.errorf(field, field+"不能为负数")
	}
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
