package data

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// ChangePost is the post a change during the term concerns.
type ChangePost string

// Posts of the two bodies a change may concern.
const (
	PostSecretary       ChangePost = "书记"
	PostDeputySecretary ChangePost = "副书记"
	PostDirector        ChangePost = "主任"
	PostDeputyDirector  ChangePost = "副主任"
	PostMember          ChangePost = "委员"
)

// ChangePosts lists the posts in order.
var ChangePosts = []ChangePost{PostSecretary, PostDeputySecretary, PostDirector, PostDeputyDirector, PostMember}

// ParseChangePost reads a post with the spellings of the members' posts.
func ParseChangePost(s string) (ChangePost, error) {
	if norm(s) == "" {
		return "", nil
	}
	if p, err := ParsePartyPost(s); err == nil && p != PartyNone {
		return ChangePost(p), nil
	}
	if p, err := ParseCommitteePost(s); err == nil && p != CommitteeNone {
		return ChangePost(p), nil
	}
	return "", enumError(s, ChangePosts...)
}

// fits reports whether the post exists on body.
func (p ChangePost) fits(b Body) bool {
	switch p {
	case PostSecretary, PostDeputySecretary:
		return b == BodyParty
	case PostDirector, PostDeputyDirector:
		return b == BodyCommittee
	}
	return p == PostMember
}

// ChangeCause is why someone left a post (离任原因).
type ChangeCause string

// Causes of leaving.
const (
	CauseResigned ChangeCause = "辞职"
	CauseRecalled ChangeCause = "罢免"
	CauseAdjusted ChangeCause = "调整"
	CauseDied     ChangeCause = "死亡"
	CauseOther    ChangeCause = "其他"
)

// ChangeCauses lists the causes in order.
var ChangeCauses = []ChangeCause{CauseResigned, CauseRecalled, CauseAdjusted, CauseDied, CauseOther}

// ParseChangeCause reads a cause of leaving.
func ParseChangeCause(s string) (ChangeCause, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "辞职", "辞去职务", "主动辞职":
		return CauseResigned, nil
	case "罢免", "被罢免":
		return CauseRecalled, nil
	case "调整", "届中调整", "免职", "调离":
		return CauseAdjusted, nil
	case "死亡", "病故", "去世":
		return CauseDied, nil
	case "其他", "其它":
		return CauseOther, nil
	}
	return "", enumError(s, ChangeCauses...)
}

// ChangeMethod is how a successor came to a post (接任方式).
type ChangeMethod string

// Methods of taking a post.
const (
	MethodByElection ChangeMethod = "补选"
	MethodAppointed  ChangeMethod = "任命"
	MethodActing     ChangeMethod = "代理"
)

// ChangeMethods lists the methods in order.
var ChangeMethods = []ChangeMethod{MethodByElection, MethodAppointed, MethodActing}

// ParseChangeMethod reads how a successor took the post.
func ParseChangeMethod(s string) (ChangeMethod, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "补选", "补选产生", "选举":
		return MethodByElection, nil
	case "任命", "委派", "选派", "上级任命":
		return MethodAppointed, nil
	case "代理", "暂时代理", "主持工作":
		return MethodActing, nil
	}
	return "", enumError(s, ChangeMethods...)
}

// Change is a change of a post during the term (任职变动): someone leaves it, someone takes
// it, or both. Unique by (township, village, round, 日期, 组织, 职务, 离任身份证号, 接任身份证号).
type Change struct {
	ID          int64
	Township    string       // 乡镇
	Village     string       // 村名
	Round       int          // 届次: the term the change happens in
	Date        time.Time    // 日期
	Body        Body         // 组织
	Post        ChangePost   // 职务
	Leaver      string       // 离任人
	LeaverID    string       // 离任身份证号
	Cause       ChangeCause  // 离任原因
	Successor   string       // 接任人
	SuccessorID string       // 接任身份证号
	Method      ChangeMethod // 接任方式
	Note        string       // 备注
}

// VillageKey returns the key of the change's village.
func (c Change) VillageKey() VillageKey { return VillageKey{c.Township, c.Village} }

// Normalize writes both ID numbers as the roster does (x → X).
func (c *Change) Normalize() {
	c.LeaverID, c.SuccessorID = NormalizeID(c.LeaverID), NormalizeID(c.SuccessorID)
}

// Validate checks a change on its own: a date within the five-year term, a post of its body,
// someone leaving or someone taking the post (each with a valid ID), a cause for leaving
// and a method for taking.
func (c Change) Validate() Problems {
	var ps Problems
	checkName(&ps, "乡镇", c.Township)
	checkName(&ps, "村名", c.Village)
	checkRound(&ps, c.Round)
	switch {
	case c.Date.IsZero():
		ps.errorf("日期", "日期不能为空")
	case c.Round >= MinRound && (c.Date.Year() < c.Round || c.Date.Year() > c.Round+5):
		ps.errorf("日期", fmt.Sprintf("日期应在%d年届次的任期内（%d—%d年）", c.Round, c.Round, c.Round+5))
	}
	switch {
	case c.Body == "":
		ps.errorf("组织", "组织不能为空")
	case !oneOf(c.Body, Bodies):
		ps.errorf("组织", "组织应为“党组织”或“村委会”")
	}
	switch {
	case c.Post == "":
		ps.errorf("职务", "职务不能为空")
	case !oneOf(c.Post, ChangePosts):
		ps.errorf("职务", "职务应为"+strings.Join(Strings(ChangePosts...), "、"))
	case c.Body != "" && !c.Post.fits(c.Body):
		ps.errorf("职务", fmt.Sprintf("%s没有“%s”职务", c.Body, c.Post))
	}
	if c.Leaver == "" && c.Successor == "" {
		ps.errorf("离任人", "离任人和接任人至少应填一项")
	}
	person := func(name, id, nameField, idField string) {
		checkLen(&ps, nameField, name, 30)
		if name == "" && id == "" {
			return
		}
		if name == "" {
			ps.errorf(nameField, "填写了"+idField+"时须填写"+nameField)
		}
		if _, _, err := ParseIDNumber(id); err != nil {
			ps.errorf(idField, err.Error())
		}
	}
	person(c.Leaver, c.LeaverID, "离任人", "离任身份证号")
	person(c.Successor, c.SuccessorID, "接任人", "接任身份证号")
	if c.LeaverID != "" && c.LeaverID == c.SuccessorID {
		ps.errorf("接任身份证号", "接任人与离任人是同一人")
	}
	switch {
	case c.Leaver != "" && c.Cause == "":
		ps.errorf("离任原因", "填写了离任人时须填写离任原因")
	case c.Cause != "" && !oneOf(c.Cause, ChangeCauses):
		ps.errorf("离任原因", "离任原因应为"+strings.Join(Strings(ChangeCauses...), "、"))
	}
	switch {
	case c.Successor != "" && c.Method == "":
		ps.errorf("接任方式", "填写了接任人时须填写接任方式")
	case c.Method != "" && !oneOf(c.Method, ChangeMethods):
		ps.errorf("接任方式", "接任方式应为"+strings.Join(Strings(ChangeMethods...), "、"))
	}
	checkLen(&ps, "备注", c.Note, 200)
	return ps
}

// RosterOn is the roster of a round on date: the members as elected, then every change of
// the round dated on or before date, in date order. A leaver loses the post (a member left
// with no post leaves the roster); a successor takes it, joining the roster with what the
// ID tells (性别, 出生日期, 新任) when not already on it. A zero date gives the roster as
// elected. ms and cs are left alone; members of other rounds pass through.
func RosterOn(ms []Member, cs []Change, round int, date time.Time) []Member {
	if date.IsZero() || len(cs) == 0 {
		return ms
	}
	var due []Change
	for _, c := range cs {
		if c.Round == round && !dateOnly(c.Date).After(dateOnly(date)) {
			due = append(due, c)
		}
	}
	if len(due) == 0 {
		return ms
	}
	sort.SliceStable(due, func(i, j int) bool { return due[i].Date.Before(due[j].Date) })
	out := append([]Member(nil), ms...)
	type person struct {
		village VillageKey
		id      string
	}
	at := make(map[person]int, len(out))
	for i, m := range out {
		if m.Round == round {
			at[person{m.VillageKey(), m.IDNumber}] = i
		}
	}
	find := func(c Change, id string) int {
		if i, ok := at[person{c.VillageKey(), id}]; ok {
			return i
		}
		return -1
	}
	gone := map[int]bool{}
	for _, c := range due {
		if c.LeaverID != "" {
			if i := find(c, c.LeaverID); i >= 0 {
				if c.Body == BodyParty {
					out[i].PartyPost = PartyNone
				} else {
					out[i].CommitteePost = CommitteeNone
				}
				gone[i] = !out[i].IsParty() && !out[i].IsCommittee()
			}
		}
		if c.SuccessorID == "" {
			continue
		}
		i := find(c, c.SuccessorID)
		if i < 0 {
			m := Member{Township: c.Township, Village: c.Village, Round: round, Name: c.Successor,
				IDNumber: c.SuccessorID, Tenure: TenureNew}
			m.FillFromID()
			out = append(out, m)
			i = len(out) - 1
			at[person{m.VillageKey(), m.IDNumber}] = i
		}
		if c.Body == BodyParty {
			out[i].PartyPost = PartyPost(c.Post)
			if out[i].Political == "" || out[i].Political == PolMasses {
				out[i].Political = PolParty // a party post is held by a Party member
			}
		} else {
			out[i].CommitteePost = CommitteePost(c.Post)
		}
		gone[i] = false
	}
	kept := out[:0:0]
	for i, m := range out {
		if !gone[i] {
			kept = append(kept, m)
		}
	}
	return kept
}

// AuditConclusion is the conclusion of a departure audit (离任审计).
type AuditConclusion string

// Audit conclusions.
const (
	AuditClean      AuditConclusion = "无问题"
	AuditRectified  AuditConclusion = "有问题已整改"
	AuditRectifying AuditConclusion = "有问题整改中"
)

// AuditConclusions lists the conclusions in order.
var AuditConclusions = []AuditConclusion{AuditClean, AuditRectified, AuditRectifying}

// ParseAuditConclusion reads an audit's conclusion.
func ParseAuditConclusion(s string) (AuditConclusion, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "无问题", "未发现问题", "正常":
		return AuditClean, nil
	case "有问题已整改", "已整改", "问题已整改":
		return AuditRectified, nil
	case "有问题整改中", "整改中", "问题整改中", "有问题":
		return AuditRectifying, nil
	}
	return "", enumError(s, AuditConclusions...)
}

// HasProblems reports whether the audit found problems.
func (c AuditConclusion) HasProblems() bool { return c == AuditRectified || c == AuditRectifying }

// DepartureAudit is the audit of a village's finances under an outgoing cadre before the
// round (离任审计), unique by (township, village, round, 审计对象).
type DepartureAudit struct {
	ID         int64
	Township   string          // 乡镇
	Village    string          // 村名
	Round      int             // 届次
	Subject    string          // 审计对象 (姓名)
	Post       string          // 职务
	Auditor    string          // 审计单位
	Date       time.Time       // 审计日期
	Conclusion AuditConclusion // 结论
	Findings   string          // 问题摘要
}

// VillageKey returns the key of the audited village.
func (a DepartureAudit) VillageKey() VillageKey { return VillageKey{a.Township, a.Village} }

// Validate checks an audit on its own: 审计对象, 审计日期 and 结论 required, the date not after
// the round's year, and a conclusion with problems needs its 问题摘要.
func (a DepartureAudit) Validate() Problems {
	var ps Problems
	checkName(&ps, "乡镇", a.Township)
	checkName(&ps, "村名", a.Village)
	checkRound(&ps, a.Round)
	checkName(&ps, "审计对象", a.Subject)
	checkLen(&ps, "职务", a.Post, 20)
	checkLen(&ps, "审计单位", a.Auditor, 50)
	switch {
	case a.Date.IsZero():
		ps.errorf("审计日期", "审计日期不能为空")
	case a.Round >= MinRound && (a.Date.Year() < a.Round-1 || a.Date.Year() > a.Round):
		ps.errorf("审计日期", fmt.Sprintf("离任审计应在换届前进行（%d年或%d年）", a.Round-1, a.Round))
	}
	switch {
	case a.Conclusion == "":
		ps.errorf("结论", "结论不能为空")
	case !oneOf(a.Conclusion, AuditConclusions):
		ps.errorf("结论", "结论应为"+strings.Join(Strings(AuditConclusions...), "、"))
	case a.Conclusion.HasProblems() && strings.TrimSpace(a.Findings) == "":
		ps.errorf("问题摘要", "结论为“"+string(a.Conclusion)+"”时须填写问题摘要")
	}
	checkLen(&ps, "问题摘要", a.Findings, 500)
	return ps
}
