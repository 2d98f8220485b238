package data

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Gender is 男 or 女.
type Gender string

// Genders.
const (
	Male   Gender = "男"
	Female Gender = "女"
)

// Education is the highest schooling, in the four bands the county counts.
type Education string

// Education bands.
const (
	EduMiddle   Education = "初中及以下"
	EduHigh     Education = "高中中专"
	EduCollege  Education = "大专"
	EduBachelor Education = "本科及以上"
)

// Educations lists the bands in order.
var Educations = []Education{EduMiddle, EduHigh, EduCollege, EduBachelor}

// Political is a member's political status (政治面貌).
type Political string

// Political statuses.
const (
	PolParty        Political = "中共党员"
	PolProbationary Political = "预备党员"
	PolMasses       Political = "群众"
	PolOther        Political = "其他"
)

// Politicals lists the statuses in order.
var Politicals = []Political{PolParty, PolProbationary, PolMasses, PolOther}

// PartyPost is a post on the village party organization; "" means none (—).
type PartyPost string

// Party posts.
const (
	PartyNone      PartyPost = ""
	PartySecretary PartyPost = "书记"
	PartyDeputy    PartyPost = "副书记"
	PartyMember    PartyPost = "委员"
)

// PartyPosts lists the posts a form offers, none first.
var PartyPosts = []PartyPost{PartyNone, PartySecretary, PartyDeputy, PartyMember}

// CommitteePost is a post on the villagers' committee; "" means none (—).
type CommitteePost string

// Committee posts.
const (
	CommitteeNone     CommitteePost = ""
	CommitteeDirector CommitteePost = "主任"
	CommitteeDeputy   CommitteePost = "副主任"
	CommitteeMember   CommitteePost = "委员"
)

// CommitteePosts lists the posts a form offers, none first.
var CommitteePosts = []CommitteePost{CommitteeNone, CommitteeDirector, CommitteeDeputy, CommitteeMember}

// Tenure tells a newcomer (新任) from a re-elected member (连任).
type Tenure string

// Tenures.
const (
	TenureNew       Tenure = "新任"
	TenureReelected Tenure = "连任"
)

// MemberTags are the identity tags the county counts (身份标签); others may be entered too.
var MemberTags = []string{"大学生村官", "退役军人", "致富能手", "返乡大中专毕业生", "外出务工经商返乡人员", "专业合作组织负责人"}

// Member is one person on a village's two committees in one round, unique by
// (township, village, round, 身份证号).
type Member struct {
	ID            int64
	Township      string        // 乡镇
	Village       string        // 村名
	Round         int           // 届次
	Name          string        // 姓名
	IDNumber      string        // 身份证号, 18 characters
	Gender        Gender        // 性别; derived from the ID when not given
	Birth         time.Time     // 出生日期; derived from the ID when not given
	Ethnicity     string        // 民族, e.g. 汉族
	Education     Education     // 学历
	Political     Political     // 政治面貌
	PartyPost     PartyPost     // 党组织职务
	CommitteePost CommitteePost // 村委会职务
	Tenure        Tenure        // 新任或连任
	Tags          []string      // 身份标签
	Phone         string        // 联系电话
}

// VillageKey returns the key of the member's village.
func (m Member) VillageKey() VillageKey { return VillageKey{m.Township, m.Village} }

// Leadership is a township's leadership of one round (乡镇班子), unique by (township, round).
type Leadership struct {
	ID             int64
	Township       string // 乡镇
	Round          int    // 届次
	PartyCommittee int    // 党委班子成员数
	Government     int    // 政府班子成员数
	Cross          int    // 交叉任职数
}

// ParseGender reads 男/女 (also 男性/女性, M/F); an empty cell gives "" (taken from the ID).
func ParseGender(s string) (Gender, error) {
	switch strings.ToUpper(norm(s)) {
	case "":
		return "", nil
	case "男", "男性", "M", "MALE":
		return Male, nil
	case "女", "女性", "F", "FEMALE":
		return Female, nil
	}
	return "", enumError(s, Male, Female)
}

// ParseEducation reads a schooling band, accepting the usual finer names (初中, 中专,
// 专科, 研究生 …); an empty cell gives "" (not known).
func ParseEducation(s string) (Education, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "初中及以下", "初中", "小学", "文盲", "初中以下", "小学及以下":
		return EduMiddle, nil
	case "高中中专", "高中", "中专", "高中/中专", "高中、中专", "高中及中专", "职高", "技校", "中技", "中职":
		return EduHigh, nil
	case "大专", "专科", "大学专科", "高职", "大专及以上":
		return EduCollege, nil
	case "本科及以上", "本科", "大学本科", "大学", "研究生", "硕士", "博士", "硕士研究生", "博士研究生":
		return EduBachelor, nil
	}
	return "", enumError(s, Educations...)
}

// ParsePolitical reads a political status (党员 means 中共党员; 团员 and the democratic
// parties are 其他); an empty cell gives "" (not known).
func ParsePolitical(s string) (Political, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "中共党员", "党员", "中国共产党党员", "共产党员", "中共":
		return PolParty, nil
	case "预备党员", "中共预备党员":
		return PolProbationary, nil
	case "群众":
		return PolMasses, nil
	case "其他", "其它", "共青团员", "团员", "民主党派", "无党派", "无党派人士":
		return PolOther, nil
	}
	return "", enumError(s, Politicals...)
}

// isNone tells the spellings of "no post" (—, 无, /, empty).
func isNone(s string) bool {
	switch s {
	case "", "—", "－", "-", "--", "——", "无", "/", "／", "不担任":
		return true
	}
	return false
}

// ParsePartyPost reads a party-organization post; empty, — or 无 give PartyNone.
func ParsePartyPost(s string) (PartyPost, error) {
	t := norm(s)
	if isNone(t) {
		return PartyNone, nil
	}
	switch t {
	case "书记", "党支部书记", "支部书记", "党总支书记", "总支书记", "党委书记", "村党组织书记", "村党支部书记":
		return PartySecretary, nil
	case "副书记", "党支部副书记", "支部副书记", "党总支副书记", "党委副书记":
		return PartyDeputy, nil
	case "委员", "支委", "支委委员", "党支部委员", "支部委员", "党总支委员", "党委委员":
		return PartyMember, nil
	}
	return "", enumError(s, "书记", "副书记", "委员", "—")
}

// ParseCommitteePost reads a villagers'-committee post; empty, — or 无 give CommitteeNone.
func ParseCommitteePost(s string) (CommitteePost, error) {
	t := norm(s)
	if isNone(t) {
		return CommitteeNone, nil
	}
	switch t {
	case "主任", "村委会主任", "村主任", "村民委员会主任", "居委会主任":
		return CommitteeDirector, nil
	case "副主任", "村委会副主任", "村副主任", "居委会副主任":
		return CommitteeDeputy, nil
	case "委员", "村委委员", "村委会委员", "居委会委员", "村民委员会委员":
		return CommitteeMember, nil
	}
	return "", enumError(s, "主任", "副主任", "委员", "—")
}

// ParseTenure reads 新任/连任; an empty cell gives "" (not known).
func ParseTenure(s string) (Tenure, error) {
	switch norm(s) {
	case "":
		return "", nil
	case "新任", "新当选", "新":
		return TenureNew, nil
	case "连任", "连选连任", "留任", "连":
		return TenureReelected, nil
	}
	return "", enumError(s, TenureNew, TenureReelected)
}

// ParseTags splits a 身份标签 cell on 、，,；;/ and white space, dropping empty and repeated tags.
func ParseTags(s string) []string {
	parts := strings.FieldsFunc(s, tagSeparator)
	var out []string
	seen := map[string]bool{}
	for _, p := range parts {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// tagSeparator reports whether r separates tags in a 身份标签 cell.
func tagSeparator(r rune) bool {
	switch r {
	case '、', '，', ',', '；', ';', '/', '／', '|':
		return true
	}
	return unicode.IsSpace(r)
}

// FormatTags joins tags with 、 as the workbook and the roster write them.
func FormatTags(tags []string) string { return strings.Join(tags, "、") }

// FillFromID normalises the ID number (x → X) and, when it is valid, fills 性别 and
// 出生日期 from it where they are absent. Call it before Validate on what a clerk entered.
func (m *Member) FillFromID() {
	m.IDNumber = NormalizeID(m.IDNumber)
	birth, g, err := ParseIDNumber(m.IDNumber)
	if err != nil {
		return
	}
	if m.Gender == "" {
		m.Gender = g
	}
	if m.Birth.IsZero() {
		m.Birth = birth
	}
}

// identity returns the member's birth date and gender, taken from the ID when not given;
// zero values when neither the record nor a valid ID tells.
func (m Member) identity() (birth time.Time, g Gender) {
	birth, g = m.Birth, m.Gender
	if birth.IsZero() || g == "" {
		if b, gg, err := ParseIDNumber(m.IDNumber); err == nil {
			if birth.IsZero() {
				birth = b
			}
			if g == "" {
				g = gg
			}
		}
	}
	return birth, g
}

// IsParty reports whether the member holds a post on the party organization.
func (m Member) IsParty() bool { return m.PartyPost != PartyNone }

// IsCommittee reports whether the member holds a post on the villagers' committee.
func (m Member) IsCommittee() bool { return m.CommitteePost != CommitteeNone }

// Validate checks every SPEC §3 rule of one member: the ID number and what it encodes, age
// ≥ 18 on 1 January of 届次, at least one post, a party post only for a 中共党员, the
// enumerations. The one-书记/one-主任 rule spans records: see CheckMembers.
func (m Member) Validate() Problems {
	var ps Problems
	checkName(&ps, "乡镇", m.Township)
	checkName(&ps, "村名", m.Village)
	roundOK := m.Round >= MinRound && m.Round <= MaxRound
	if !roundOK {
		ps.errorf("届次", fmt.Sprintf("届次应为%d至%d之间的年份", MinRound, MaxRound))
	}
	checkName(&ps, "姓名", m.Name)
	birth, g, err := ParseIDNumber(m.IDNumber)
	if err != nil {
		ps.errorf("身份证号", err.Error())
	} else if roundOK {
		if age := AgeOn(birth, m.Round); age < 18 {
			ps.errorf("身份证号", fmt.Sprintf("%d年1月1日未满18周岁（%d岁），不能任职", m.Round, age))
		}
	}
	switch m.Gender {
	case "":
	case Male, Female:
		if err == nil && m.Gender != g {
			ps.errorf("性别", fmt.Sprintf("性别“%s”与身份证号不符（应为%s）", m.Gender, g))
		}
	default:
		ps.errorf("性别", "性别应为“男”或“女”")
	}
	if err == nil && !m.Birth.IsZero() && !dateOnly(m.Birth).Equal(birth) {
		ps.errorf("出生日期", fmt.Sprintf("出生日期 %s 与身份证号不符（应为 %s）", FormatDate(m.Birth), FormatDate(birth)))
	}
	checkLen(&ps, "民族", m.Ethnicity, 20)
	if m.Education != "" && !oneOf(m.Education, Educations) {
		ps.errorf("学历", "学历应为"+strings.Join(Strings(Educations...), "、"))
	}
	if m.Political != "" && !oneOf(m.Political, Politicals) {
		ps.errorf("政治面貌", "政治面貌应为"+strings.Join(Strings(Politicals...), "、"))
	}
	partyOK := oneOf(m.PartyPost, PartyPosts)
	if !partyOK {
		ps.errorf("党组织职务", "党组织职务应为书记、副书记、委员或—")
	}
	if !oneOf(m.CommitteePost, CommitteePosts) {
		ps.errorf("村委会职务", "村委会职务应为主任、副主任、委员或—")
	}
	switch {
	case m.PartyPost == PartyNone && m.CommitteePost == CommitteeNone:
		ps.errorf("党组织职务", "党组织职务和村委会职务至少应有一项")
	case partyOK && m.IsParty() && m.Political != PolParty:
		pol := string(m.Political)
		if pol == "" {
			pol = "未填"
		}
		ps.errorf("党组织职务", fmt.Sprintf("担任党组织%s须为中共党员（政治面貌：%s）", m.PartyPost, pol))
	}
	if m.Tenure != "" && m.Tenure != TenureNew && m.Tenure != TenureReelected {
		ps.errorf("新任或连任", "新任或连任应为“新任”或“连任”")
	}
	checkLen(&ps, "身份标签", FormatTags(m.Tags), 200)
	checkLen(&ps, "联系电话", m.Phone, 30)
	checkPhone(&ps, "联系电话", m.Phone)
	return ps
}

func oneOf[T comparable](v T, vs []T) bool {
	for _, x := range vs {
		if v == x {
			return true
		}
	}
	return false
}

// CheckMembers applies the rules that span members: at most one 书记 and one 主任 per
// village and round (an error on each later one, Index its position), and per village and
// round the warnings (Index -1) of no 书记, no 主任, and a 村委会 without a woman (only when
// the village has committee members). Errors come in slice order, then the warnings by
// township, village and round.
func CheckMembers(ms []Member) []Finding {
	type group struct {
		key                 VillageKey
		round               int
		secretary, director int // index of the first holder, -1 when none
		committee, women    int
	}
	groups := map[villageRound]*group{}
	var order []*group
	var out []Finding
	for i, m := range ms {
		k := villageRound{m.VillageKey(), m.Round}
		gr := groups[k]
		if gr == nil {
			gr = &group{key: k.key, round: m.Round, secretary: -1, director: -1}
			groups[k] = gr
			order = append(order, gr)
		}
		if m.PartyPost == PartySecretary {
			if gr.secretary >= 0 {
				out = append(out, Finding{Index: i, Key: gr.key, Round: gr.round, Problem: Problem{Field: "党组织职务", Level: LevelError,
					Message: fmt.Sprintf("%s%d届已有书记%s，一个村只能有一名书记", gr.key.Village, gr.round, ms[gr.secretary].Name)}})
			} else {
				gr.secretary = i
			}
		}
		if m.CommitteePost == CommitteeDirector {
			if gr.director >= 0 {
				out = append(out, Finding{Index: i, Key: gr.key, Round: gr.round, Problem: Problem{Field: "村委会职务", Level: LevelError,
					Message: fmt.Sprintf("%s%d届已有主任%s，一个村只能有一名主任", gr.key.Village, gr.round, ms[gr.director].Name)}})
			} else {
				gr.director = i
			}
		}
		if m.IsCommittee() {
			gr.committee++
			if _, g := m.identity(); g == Female {
				gr.women++
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.key.Township != b.key.Township {
			return a.key.Township < b.key.Township
		}
		if a.key.Village != b.key.Village {
			return a.key.Village < b.key.Village
		}
		return a.round < b.round
	})
	warn := func(gr *group, field, msg string) {
		out = append(out, Finding{Index: -1, Key: gr.key, Round: gr.round, Problem: Problem{Field: field, Level: LevelWarning, Message: msg}})
	}
	for _, gr := range order {
		if gr.secretary < 0 {
			warn(gr, "党组织职务", fmt.Sprintf("%s%d届没有党组织书记", gr.key.Village, gr.round))
		}
		if gr.director < 0 {
			warn(gr, "村委会职务", fmt.Sprintf("%s%d届没有村委会主任", gr.key.Village, gr.round))
		}
		if gr.committee > 0 && gr.women == 0 {
			warn(gr, "性别", fmt.Sprintf("%s%d届村委会没有女性成员", gr.key.Village, gr.round))
		}
	}
	return out
}

// villageRound identifies a village's committees in one round.
type villageRound struct {
	key   VillageKey
	round int
}

// Validate checks a township leadership row: counts ≥ 0 and 交叉任职 ≤ min(党委, 政府).
func (l Leadership) Validate() Problems {
	var ps Problems
	checkName(&ps, "乡镇", l.Township)
	if l.Round < MinRound || l.Round > MaxRound {
		ps.errorf("届次", fmt.Sprintf("届次应为%d至%d之间的年份", MinRound, MaxRound))
	}
	checkCount(&ps, "党委班子成员数", l.PartyCommittee)
	checkCount(&ps, "政府班子成员数", l.Government)
	checkCount(&ps, "交叉任职数", l.Cross)
	if l.PartyCommittee >= 0 && l.Government >= 0 && l.Cross > min(l.PartyCommittee, l.Government) {
		ps.errorf("交叉任职数", fmt.Sprintf("交叉任职数（%d）不能多于党委班子（%d）或政府班子（%d）成员数", l.Cross, l.PartyCommittee, l.Government))
	}
	return ps
}
