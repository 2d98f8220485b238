package data

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
