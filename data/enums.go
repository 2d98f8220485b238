package data

import (
	"fmt"
	"strings"
)

// Body is one of the two committees (村“两委”) that hold an election.
type Body string

// The two bodies.
const (
	BodyParty     Body = "党组织"
	BodyCommittee Body = "村委会"
)

// Bodies lists the bodies in the order reports show them.
var Bodies = []Body{BodyParty, BodyCommittee}

// ParseBody accepts the names clerks use for the two bodies.
func ParseBody(s string) (Body, error) {
	switch norm(s) {
	case "党组织", "村党组织", "党支部", "党总支", "村党委":
		return BodyParty, nil
	case "村委会", "村民委员会", "居委会", "居民委员会":
		return BodyCommittee, nil
	}
	return "", enumError(s, BodyParty, BodyCommittee)
}

// VillageKind tells a village (村) from an urban community (社区).
type VillageKind string

// Village kinds.
const (
	KindVillage   VillageKind = "村"
	KindCommunity VillageKind = "社区"
)

// ParseVillageKind reads 村/社区; an empty cell means 村.
func ParseVillageKind(s string) (VillageKind, error) {
	switch norm(s) {
	case "", "村", "行政村":
		return KindVillage, nil
	case "社区", "居委会":
		return KindCommunity, nil
	}
	return "", enumError(s, KindVillage, KindCommunity)
}

// VillageStatus says whether a village still exists or was merged away.
type VillageStatus string

// Village statuses.
const (
	VillageActive VillageStatus = "正常"
	VillageMerged VillageStatus = "已撤并"
)

// ParseVillageStatus reads 正常/已撤并; an empty cell means 正常.
func ParseVillageStatus(s string) (VillageStatus, error) {
	switch norm(s) {
	case "", "正常":
		return VillageActive, nil
	case "已撤并", "撤并":
		return VillageMerged, nil
	}
	return "", enumError(s, VillageActive, VillageMerged)
}

// ElectionStatus is where an election stands.
type ElectionStatus string

// Election statuses.
const (
	StatusNotStarted ElectionStatus = "未启动"
	StatusInProgress ElectionStatus = "进行中"
	StatusCompleted  ElectionStatus = "已完成"
	StatusFailed     ElectionStatus = "未完成"
)

// ElectionStatuses lists the statuses in the order forms offer them.
var ElectionStatuses = []ElectionStatus{StatusNotStarted, StatusInProgress, StatusCompleted, StatusFailed}

// ParseElectionStatus reads an election status; an empty cell means 未启动.
func ParseElectionStatus(s string) (ElectionStatus, error) {
	switch norm(s) {
	case "", "未启动", "未开始":
		return StatusNotStarted, nil
	case "进行中", "正在进行":
		return StatusInProgress, nil
	case "已完成", "完成":
		return StatusCompleted, nil
	case "未完成":
		return StatusFailed, nil
	}
	return "", enumError(s, StatusNotStarted, StatusInProgress, StatusCompleted, StatusFailed)
}

// VoteMethod is how a committee election was voted (选举方式). A 村民委员会 is elected by the
// registered villagers directly (村民委员会组织法 第十一条); a 居民委员会 by all the residents with
// the right to vote, by one representative of each household, or by two or three
// representatives of each residents' group (城市居民委员会组织法 第八条). Its 应参加人数 counts
// whoever votes: registered voters, household representatives or group representatives.
type VoteMethod string

// Vote methods; "" is not given, read as 全体选民.
const (
	VoteAll        VoteMethod = "全体选民"
	VoteHouseholds VoteMethod = "户代表"
	VoteDelegates  VoteMethod = "居民代表"
)

// VoteMethods lists the methods in the order forms offer them.
var VoteMethods = []VoteMethod{VoteAll, VoteHouseholds, VoteDelegates}

// ParseVoteMethod reads a 选举方式 (直接选举, 户代表选举, 居民小组代表 … too); an empty cell
// or — gives "".
func ParseVoteMethod(s string) (VoteMethod, error) {
	switch norm(s) {
	case "", "—", "-", "无":
		return "", nil
	case "全体选民", "直接选举", "直选", "全体居民", "全体村民", "选民直接选举":
		return VoteAll, nil
	case "户代表", "户代表选举", "每户派代表", "户代表投票":
		return VoteHouseholds, nil
	case "居民代表", "居民代表选举", "居民小组代表", "居民小组代表选举", "代表选举":
		return VoteDelegates, nil
	}
	return "", enumError(s, VoteAll, VoteHouseholds, VoteDelegates)
}

// voters names whoever votes by method m, in a message.
func (m VoteMethod) voters() string {
	switch m {
	case VoteHouseholds:
		return "户代表"
	case VoteDelegates:
		return "居民代表"
	}
	return "登记选民"
}

// Strings returns the values of an enumeration as plain strings, for drop-down lists.
func Strings[T ~string](vs ...T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func norm(s string) string { return strings.TrimSpace(s) }

func enumError[T ~string](got string, allowed ...T) error {
	return fmt.Errorf("“%s”不是有效的值，应为：%s", strings.TrimSpace(got), strings.Join(Strings(allowed...), "、"))
}
