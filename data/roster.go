package data

import (
	"fmt"
	"slices"
	"sort"
)

// A 社区 is not a 村: its committee is a 居民委员会 of 5–9 members (城市居民委员会组织法 第七条:
// 居民委员会由主任、副主任和委员共五至九人组成), a village's a 村民委员会 of 3–7 (村民委员会组织法
// 第六条: 村民委员会由主任、副主任和委员共三至七人组成). Reports name the committee after the
// village's kind.

// CommitteeName is the full name of the villagers' committee of a village of kind k:
// 居民委员会 for a 社区, else 村民委员会.
func CommitteeName(k VillageKind) string {
	if k == KindCommunity {
		return "居民委员会"
	}
	return "村民委员会"
}

// BodyName is how a report names body b of a village of kind k: 党组织, 村委会, or 居委会
// for a 社区's committee.
func BodyName(b Body, k VillageKind) string {
	if b == BodyCommittee && k == KindCommunity {
		return "居委会"
	}
	return string(b)
}

// CommitteeSeats is the legal size of the committee of a village of kind k.
func CommitteeSeats(k VillageKind) (min, max int) {
	if k == KindCommunity {
		return 5, 9
	}
	return 3, 7
}

// seatProblems warns when a committee election's 应选职数 is outside the legal size of the
// committee of a village of kind k.
func seatProblems(e Election, k VillageKind) Problems {
	lo, hi := CommitteeSeats(k)
	if e.Body != BodyCommittee || e.Seats == 0 || (e.Seats >= lo && e.Seats <= hi) {
		return nil
	}
	law := "村民委员会组织法：村民委员会由主任、副主任和委员共三至七人组成"
	if k == KindCommunity {
		law = "城市居民委员会组织法：居民委员会由主任、副主任和委员共五至九人组成"
	}
	return Problems{{Field: "应选职数", Level: LevelWarning, Message: fmt.Sprintf("应选职数 %d 人不在%d至%d人之间（%s）", e.Seats, lo, hi, law)}}
}

// methodProblems refuses a 村民委员会 elected otherwise than by the villagers directly: 村民委员会
// 主任、副主任和委员，由村民直接选举产生 (村民委员会组织法 第十一条); only a 居民委员会 may be elected
// by 户代表 or 居民代表 (城市居民委员会组织法 第八条).
func methodProblems(e Election, k VillageKind) Problems {
	if e.Body != BodyCommittee || k == KindCommunity || e.Method == "" || e.Method == VoteAll {
		return nil
	}
	return Problems{{Field: "选举方式", Level: LevelError, Message: fmt.Sprintf("村民委员会由村民直接选举产生（村民委员会组织法第十一条），不能由%s选举；%s选举只适用于社区的居民委员会", e.Method, e.Method)}}
}

// RosterMismatch is one body of a village whose roster (the members holding a post on it)
// does not count as many people as its election's 当选人数.
type RosterMismatch struct {
	Key     VillageKey
	Kind    VillageKind
	Round   int
	Body    Body
	Elected int // 当选人数 of the election
	Roster  int // members of the round holding a post on the body
}

// Where locates the mismatch as CheckLedger does: 乡镇/村名/届次/组织.
func (x RosterMismatch) Where() string {
	return fmt.Sprintf("%s/%s/%d/%s", x.Key.Township, x.Key.Village, x.Round, x.Body)
}

// Message says what differs, naming the body after the village's kind.
func (x RosterMismatch) Message() string {
	return fmt.Sprintf("%s当选人数 %d 人，两委成员花名册中%s成员 %d 人，两者不一致，请核对花名册或换届记录",
		BodyName(x.Body, x.Kind), x.Elected, BodyName(x.Body, x.Kind), x.Roster)
}

// Short is the mismatch in a few characters for a list: 东关村 党组织 花名册5/当选3.
func (x RosterMismatch) Short() string {
	return fmt.Sprintf("%s%s %s 花名册%d/当选%d", x.Key.Township, x.Key.Village, BodyName(x.Body, x.Kind), x.Roster, x.Elected)
}

// RosterMismatches compares, for every election of the round in an active village, its
// 当选人数 with the members of the round holding a post on that body (SPEC §3: a warning
// when they differ). A township with no member of the round at all has not begun its roster
// and is left out: one line per village would only say that. Sorted by township, village
// and body. It is one Add of the whole ledger to a RosterSum.
func RosterMismatches(l Ledger, round int) []RosterMismatch {
	a := NewRosterSum(round)
	a.Add(l)
	return a.Mismatches()
}

// RosterSum finds the roster mismatches of a round (RosterMismatches) a few townships at a
// time: every rule is within a township (its villages, its members, whether it has begun
// its roster), so the mismatches of the whole are those of its townships, sorted.
type RosterSum struct {
	round int
	out   []RosterMismatch
}

// NewRosterSum starts the roster mismatches of round.
func NewRosterSum(round int) *RosterSum { return &RosterSum{round: round} }

// Add takes the records of l, which holds every record of the townships it names.
func (a *RosterSum) Add(l Ledger) {
	round := a.round
	kinds := map[VillageKey]VillageKind{}
	for _, v := range l.Villages {
		if v.Active() {
			kinds[v.Key()] = v.Kind
		}
	}
	type counts struct{ party, committee int }
	roster := map[VillageKey]*counts{}
	begun := map[string]bool{} // townships with members of the round
	for _, m := range l.Members {
		if m.Round != round {
			continue
		}
		begun[m.Township] = true
		c := roster[m.VillageKey()]
		if c == nil {
			c = &counts{}
			roster[m.VillageKey()] = c
		}
		if m.IsParty() {
			c.party++
		}
		if m.IsCommittee() {
			c.committee++
		}
	}
	for _, e := range l.Elections {
		k, ok := kinds[e.VillageKey()]
		if e.Round != round || !ok || !begun[e.Township] {
			continue
		}
		n := 0
		if c := roster[e.VillageKey()]; c != nil {
			n = c.party
			if e.Body == BodyCommittee {
				n = c.committee
			}
		}
		if n != e.Elected {
			a.out = append(a.out, RosterMismatch{Key: e.VillageKey(), Kind: k, Round: round, Body: e.Body, Elected: e.Elected, Roster: n})
		}
	}
}

// Mismatches are the mismatches of everything added, sorted by township, village and body.
func (a *RosterSum) Mismatches() []RosterMismatch {
	out := slices.Clone(a.out)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Key.Township != b.Key.Township {
			return a.Key.Township < b.Key.Township
		}
		if a.Key.Village != b.Key.Village {
			return a.Key.Village < b.Key.Village
		}
		return a.Body == BodyParty && b.Body != BodyParty
	})
	return out
}
