package data

import "time"

// VillageMembers are one village's committee members, in roster order (书记, 主任, then by
// party post, committee post and name).
type VillageMembers struct {
	Township string
	Village  string
	Members  []Member
}

// MembersReport is everything the 两委成员花名册 draws.
type MembersReport struct {
	Round    int
	Township string // "" for all
	Villages []VillageMembers
	Stats    MemberStats
}

// PartyReport is everything the 村级党组织“四有”情况统计表 draws.
type PartyReport struct {
	Year     int
	Township string     // "" for all
	Orgs     []PartyOrg // every organization of the year, by township and village
	Weak     []PartyOrg // the 软弱涣散 ones, with measures, progress and result
	Stats    PartyStats
	// Totals over Orgs for the table's last row.
	Totals PartyTotals
}

// PartyTotals sum the party ledger's columns.
type PartyTotals struct {
	Members, Women, Probationary, Developed, Activities int
	Income                                              float64 // 万元
	Team, Venue, Activity, IncomeOrgs                   int     // organizations meeting each of the four
}

// Count is a named count in a breakdown table.
type Count struct {
	Name string
	N    int
}

// PetitionsReport is everything the 信访举报受理情况台账 draws.
type PetitionsReport struct {
	Year       int
	Township   string      // "" for all
	Ref        time.Time   // reference date for 超期
	Complaints []Complaint // by 受理日期 then 编号
	Overdue    []bool      // Overdue[i] says whether Complaints[i] is 超期 on Ref
	Stats      PetitionStats
	ByChannel  []Count // every channel, in Channels order, zeros included
	ByCategory []Count // every category, in ComplaintCategories order
	ByResult   []Count // every result, in ComplaintResults order
}

// TalksReport is everything the 干部约谈情况统计表 draws.
type TalksReport struct {
	Year     int
	Township string // "" for all
	Talks    []Talk // by date then 编号
	// Grid[i][j] counts talks of TalkModes[i] and TalkCategories[j].
	Grid  [3][3]int
	Stats TalkStats
}
