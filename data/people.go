package data

import "time"

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
