package data

import (
	"fmt"
	"strings"
	"time"
)

// VetBody is the body a candidate stands for (拟任组织): one of the two committees, or the
// 村务监督委员会 elected in the same round.
type VetBody string

// Candidate bodies.
const (
	VetParty       VetBody = "党组织"
	VetCommittee   VetBody = "村委会"
	VetSupervision VetBody = "村务监督委员会"
)

// VetBodies lists the bodies in the order forms offer them.
var VetBodies = []VetBody{VetParty, VetCommittee, VetSupervision}

// ParseVetBody reads a candidate's body (the spellings of ParseBody, and 监委会 …).
func ParseVetBody(s string) (VetBody, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "村务监督委员会", "监督委员会", "村监委会", "监委会", "村务监督委":
		return VetSupervision, nil
	}
	b, err := ParseBody(s)
	if err != nil {
		return "", enumError(s, VetBodies...)
	}
	return VetBody(b), nil
}

// Verdict is the outcome of a candidate's joint vetting (联审结论).
type Verdict string

// Verdicts.
const (
	VerdictPassed  Verdict = "通过"
	VerdictFailed  Verdict = "不通过"
	VerdictPending Verdict = "待审"
)

// Verdicts lists the verdicts in order.
var Verdicts = []Verdict{VerdictPassed, VerdictFailed, VerdictPending}

// ParseVerdict reads a verdict; an empty cell means 待审.
func ParseVerdict(s string) (Verdict, error) {
	switch norm(s) {
	case "", "待审", "审查中", "未审", "待定":
		return VerdictPending, nil
	case "通过", "合格", "审查通过", "同意":
		return VerdictPassed, nil
	case "不通过", "不合格", "未通过", "审查不通过", "不同意":
		return VerdictFailed, nil
	}
	return "", enumError(s, Verdicts...)
}

// NegativeList is the 负面清单 of the joint vetting: the reasons a candidate fails, as the
// county's 联审 ledgers name them. A reason outside it is written “其他：…”.
var NegativeList = []string{
	"受过刑事处罚", "涉黑涉恶", "违法用地", "拒不履行赡养义务", "失信被执行人",
	"参与邪教组织", "煽动群众闹事", "拉票贿选", "受党纪政务处分期内", "其他",
}

// ReasonOther is the negative list's catch-all, which needs a text: “其他：…”.
const ReasonOther = "其他"

// ReasonGroup is the item of NegativeList a 不通过原因 counts under: the item it starts with,
// else 其他; "" for no reason.
func ReasonGroup(reason string) string {
	r := strings.TrimSpace(reason)
	if r == "" {
		return ""
	}
	for _, item := range NegativeList {
		if strings.HasPrefix(r, item) {
			return item
		}
	}
	return ReasonOther
}

// Candidate is one person's joint vetting (候选人资格联审) before a round's vote, unique by
// (township, village, round, 身份证号, 拟任组织).
type Candidate struct {
	ID       int64
	Township string    // 乡镇
	Village  string    // 村名
	Round    int       // 届次
	Name     string    // 姓名
	IDNumber string    // 身份证号
	Body     VetBody   // 拟任组织
	Post     string    // 拟任职务, e.g. 书记, 主任, 委员
	Verdict  Verdict   // 联审结论
	Reason   string    // 不通过原因: an item of NegativeList, or 其他：…
	Checked  time.Time // 审查日期
}

// VillageKey returns the key of the candidate's village.
func (c Candidate) VillageKey() VillageKey { return VillageKey{c.Township, c.Village} }

// CandidatePosts are the posts a form suggests for 拟任职务.
var CandidatePosts = []string{"书记", "副书记", "委员", "主任", "副主任"}

// Validate checks a candidate on its own: names, round, a valid ID, the enumerations, and a
// 不通过 needs its 原因 (其他 needs a text). 待审 after the election is judged by
// CheckCandidates, which knows the election date.
func (c Candidate) Validate() Problems {
	var ps Problems
	checkName(&ps, "乡镇", c.Township)
	checkName(&ps, "村名", c.Village)
	checkRound(&ps, c.Round)
	checkName(&ps, "姓名", c.Name)
	if _, _, err := ParseIDNumber(c.IDNumber); err != nil {
		ps.errorf("身份证号", err.Error())
	}
	switch {
	case c.Body == "":
		ps.errorf("拟任组织", "拟任组织不能为空")
	case !oneOf(c.Body, VetBodies):
		ps.errorf("拟任组织", "拟任组织应为"+strings.Join(Strings(VetBodies...), "、"))
	}
	checkLen(&ps, "拟任职务", c.Post, 20)
	if !oneOf(c.Verdict, Verdicts) {
		ps.errorf("联审结论", "联审结论应为"+strings.Join(Strings(Verdicts...), "、"))
	}
	reason := strings.TrimSpace(c.Reason)
	switch {
	case c.Verdict == VerdictFailed && reason == "":
		ps.errorf("不通过原因", "联审结论为“不通过”时须填写不通过原因（负面清单中的一项，或“其他：具体原因”）")
	case c.Verdict == VerdictFailed && strings.TrimLeft(reason, ReasonOther+"：:（）() ") == "":
		ps.errorf("不通过原因", "原因为“其他”时须写明具体原因，如“其他：长期缠访闹访”")
	case c.Verdict != VerdictFailed && reason != "":
		ps.warnf("不通过原因", "联审结论为“"+string(c.Verdict)+"”，不通过原因不会计入统计")
	}
	checkLen(&ps, "不通过原因", c.Reason, 100)
	return ps
}

// Failed reports whether the candidate did not pass the vetting.
func (c Candidate) Failed() bool { return c.Verdict == VerdictFailed }

// Holds reports whether a member of the round's roster holds a post on the body the
// candidate was vetted for (a 两委 body; the supervision committee is its own roster).
func (c Candidate) Holds(m Member) bool {
	switch c.Body {
	case VetParty:
		return m.IsParty()
	case VetCommittee:
		return m.IsCommittee()
	}
	return false
}

// CandidateWhere locates a candidate: 乡镇/村名/届次/姓名（masked 身份证号）/拟任组织.
func CandidateWhere(c Candidate) string {
	return fmt.Sprintf("%s/%s/%d/%s（%s）/拟任%s", c.Township, c.Village, c.Round, c.Name, MaskID(c.IDNumber), c.Body)
}

// VettingConflict is the one message of a person who failed the vetting and yet is on the
// round's roster of that body, naming both records: the candidate's and the roster's
// (rosterWhere, e.g. “村庄“城关镇/东关村”两委成员”).
func VettingConflict(c Candidate, rosterWhere string) string {
	return fmt.Sprintf("%s（身份证号 %s）在%d年候选人资格联审中“不通过”（%s/%s，拟任%s，原因：%s），不能列入%s",
		c.Name, MaskID(c.IDNumber), c.Round, c.Township, c.Village, c.Body, strings.TrimSpace(c.Reason), rosterWhere)
}

// SupervisorPost is a post on the 村务监督委员会.
type SupervisorPost string

// Supervision committee posts.
const (
	SupChair  SupervisorPost = "主任"
	SupMember SupervisorPost = "委员"
)

// SupervisorPosts lists the posts in order.
var SupervisorPosts = []SupervisorPost{SupChair, SupMember}

// ParseSupervisorPost reads a post of the supervision committee.
func ParseSupervisorPost(s string) (SupervisorPost, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "主任", "监委会主任", "村务监督委员会主任":
		return SupChair, nil
	case "委员", "成员", "监委会委员", "村务监督委员会委员":
		return SupMember, nil
	}
	return "", enumError(s, SupervisorPosts...)
}

// SupervisorMethod is how the supervision committee was elected (产生方式).
type SupervisorMethod string

// Election methods of the supervision committee.
const (
	SupByAssembly       SupervisorMethod = "村民会议"
	SupByRepresentative SupervisorMethod = "村民代表会议"
)

// SupervisorMethods lists the methods in order.
var SupervisorMethods = []SupervisorMethod{SupByAssembly, SupByRepresentative}

// ParseSupervisorMethod reads an election method.
func ParseSupervisorMethod(s string) (SupervisorMethod, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "村民会议", "村民会议推选", "村民大会":
		return SupByAssembly, nil
	case "村民代表会议", "村民代表会议推选", "代表会议":
		return SupByRepresentative, nil
	}
	return "", enumError(s, SupervisorMethods...)
}

// Supervisor is one member of a village's 村务监督委员会 of one round, unique by (township,
// village, round, 身份证号).
type Supervisor struct {
	ID         int64
	Township   string           // 乡镇
	Village    string           // 村名
	Round      int              // 届次
	Name       string           // 姓名
	IDNumber   string           // 身份证号
	Gender     Gender           // 性别; from the ID when not given
	Birth      time.Time        // 出生日期; from the ID when not given
	Post       SupervisorPost   // 职务
	InLiangwei bool             // 是否两委成员
	Method     SupervisorMethod // 产生方式
	Elected    time.Time        // 推选日期
}

// VillageKey returns the key of the supervisor's village.
func (s Supervisor) VillageKey() VillageKey { return VillageKey{s.Township, s.Village} }

// FillFromID normalises the ID and fills 性别 and 出生日期 from it where absent.
func (s *Supervisor) FillFromID() {
	m := Member{IDNumber: s.IDNumber, Gender: s.Gender, Birth: s.Birth}
	m.FillFromID()
	s.IDNumber, s.Gender, s.Birth = m.IDNumber, m.Gender, m.Birth
}

// Validate checks a supervision committee member on its own, with the ID rules of a member
// (valid, 18 on 1 January of the round, 性别 and 出生日期 matching). The 3–5 members and the
// one 主任 per village are CheckSupervisors'.
func (s Supervisor) Validate() Problems {
	m := Member{Township: s.Township, Village: s.Village, Round: s.Round, Name: s.Name, IDNumber: s.IDNumber,
		Gender: s.Gender, Birth: s.Birth, CommitteePost: CommitteeMember}
	var ps Problems
	for _, p := range m.Validate() {
		switch p.Field {
		case "乡镇", "村名", "届次", "姓名", "身份证号", "性别", "出生日期":
			ps = append(ps, p)
		}
	}
	switch {
	case s.Post == "":
		ps.errorf("职务", "职务不能为空")
	case !oneOf(s.Post, SupervisorPosts):
		ps.errorf("职务", "职务应为“主任”或“委员”")
	}
	if s.Method != "" && !oneOf(s.Method, SupervisorMethods) {
		ps.errorf("产生方式", "产生方式应为“村民会议”或“村民代表会议”")
	}
	if !s.Elected.IsZero() && s.Round >= MinRound && (s.Elected.Year() < s.Round || s.Elected.Year() > s.Round+1) {
		ps.errorf("推选日期", fmt.Sprintf("推选日期应在%d年或%d年内", s.Round, s.Round+1))
	}
	if s.Post == SupChair && !s.InLiangwei {
		ps.warnf("是否两委成员", "村务监督委员会主任一般由村“两委”成员（村党组织纪检委员）担任")
	}
	return ps
}

func checkRound(ps *Problems, round int) {
	if round < MinRound || round > MaxRound {
		ps.errorf("届次", fmt.Sprintf("届次应为%d至%d之间的年份", MinRound, MaxRound))
	}
}
