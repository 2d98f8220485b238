package data

import (
	"sort"
	"strings"
	"time"
)

// DetailElection is one body's election as a line of the 换届情况明细表 shows it.
type DetailElection struct {
	Recorded     bool           // false when the village has no election of this body in the round (无记录)
	Status       ElectionStatus // 状态
	CompletedOn  time.Time      // 完成日期; zero when not given
	Eligible     int            // 应参加人数
	Participants int            // 实参加人数
	Turnout      float64        // Participants / Eligible, %; 0 when Eligible is 0
	Seats        int            // 应选职数
	Elected      int            // 当选人数
	OneTime      bool           // 一次选举成功
}

// Completed reports whether the election is 已完成.
func (e DetailElection) Completed() bool { return e.Recorded && e.Status == StatusCompleted }

// DetailRow is one active village's line of the 换届情况明细表.
type DetailRow struct {
	Township  string
	Village   string
	PartyOrg  DetailElection
	Committee DetailElection
	// Secretary and Director are the names of the village's 书记 and 主任 in the round,
	// "" when none is recorded; should the data hold several, they are joined with 、.
	Secretary string
	Director  string
}

// DetailTotal sums the rows of one township (or of the whole report): the villages and,
// for each body, the completed elections, their one-time successes and the turnout over
// the completed ones, as in SPEC §4.
type DetailTotal struct {
	Township  string // "" for the whole report
	Villages  int
	PartyOrg  BodyStats
	Committee BodyStats
	// Seats and elected over the completed elections of each body.
	PartySeats, PartyElected         int
	CommitteeSeats, CommitteeElected int
}

// DetailReport is everything the 换届情况明细表 draws: one row per active village of the
// round, sorted by township then village, the subtotal of each township (in the order the
// townships appear in Rows) and the total.
type DetailReport struct {
	Round     int
	Township  string // the single township the report is for, or "" for all
	Rows      []DetailRow
	Townships []DetailTotal
	Total     DetailTotal
}

// BuildDetail computes the 换届情况明细表 of a round: for each active village both bodies'
// elections (status, 完成日期, turnout, seats, 一次选举成功) and the names of its 书记 and
// 主任 among the round's members; merged villages are left out.
func BuildDetail(l Ledger, round int) DetailReport {
	r := DetailReport{Round: round}
	elections := map[VillageKey][2]*Election{}
	for i := range l.Elections {
		e := &l.Elections[i]
		if e.Round != round {
			continue
		}
		pair := elections[e.VillageKey()]
		switch e.Body {
		case BodyParty:
			pair[0] = e
		case BodyCommittee:
			pair[1] = e
		default:
			continue
		}
		elections[e.VillageKey()] = pair
	}
	secretaries := map[VillageKey][]string{}
	directors := map[VillageKey][]string{}
	for _, m := range l.Members {
		if m.Round != round {
			continue
		}
		if m.PartyPost == PartySecretary {
			secretaries[m.VillageKey()] = append(secretaries[m.VillageKey()], m.Name)
		}
		if m.CommitteePost == CommitteeDirector {
			directors[m.VillageKey()] = append(directors[m.VillageKey()], m.Name)
		}
	}
	for _, v := range l.Villages {
		if !v.Active() {
			continue
		}
		k := v.Key()
		pair := elections[k]
		r.Rows = append(r.Rows, DetailRow{
			Township: v.Township, Village: v.Name,
			PartyOrg: detailElection(pair[0]), Committee: detailElection(pair[1]),
			Secretary: names(secretaries[k]), Director: names(directors[k]),
		})
	}
	order := NewVillageOrder(l.Villages)
	sort.SliceStable(r.Rows, func(i, j int) bool {
		a, b := r.Rows[i], r.Rows[j]
		return order.Compare(a.Township, a.Village, b.Township, b.Village) < 0
	})
	for _, row := range r.Rows {
		if n := len(r.Townships); n == 0 || r.Townships[n-1].Township != row.Township {
			r.Townships = append(r.Townships, DetailTotal{Township: row.Township})
		}
		t := &r.Townships[len(r.Townships)-1]
		t.add(row)
		r.Total.add(row)
	}
	for i := range r.Townships {
		r.Townships[i].rates()
	}
	r.Total.rates()
	return r
}

func detailElection(e *Election) DetailElection {
	if e == nil {
		return DetailElection{}
	}
	return DetailElection{
		Recorded: true, Status: e.Status, CompletedOn: e.CompletedOn,
		Eligible: e.Eligible, Participants: e.Participants, Turnout: Rate(e.Participants, e.Eligible),
		Seats: e.Seats, Elected: e.Elected, OneTime: e.OneTime,
	}
}

// names joins the names sorted, so the result does not depend on the order of the records.
func names(ns []string) string {
	if len(ns) > 1 {
		ns = append([]string(nil), ns...)
		sort.Strings(ns)
	}
	return strings.Join(ns, "、")
}

func (t *DetailTotal) add(row DetailRow) {
	t.Villages++
	t.PartyOrg.Due++
	t.Committee.Due++
	addBody(&t.PartyOrg, &t.PartySeats, &t.PartyElected, row.PartyOrg)
	addBody(&t.Committee, &t.CommitteeSeats, &t.CommitteeElected, row.Committee)
}

func addBody(b *BodyStats, seats, elected *int, e DetailElection) {
	if !e.Completed() {
		return
	}
	b.Completed++
	if e.OneTime {
		b.OneTime++
	}
	b.Eligible += e.Eligible
	b.Voted += e.Participants
	*seats += e.Seats
	*elected += e.Elected
}

func (t *DetailTotal) rates() {
	for _, b := range []*BodyStats{&t.PartyOrg, &t.Committee} {
		b.Rate = Rate(b.Completed, b.Due)
		b.OneTimeRate = Rate(b.OneTime, b.Completed)
		b.Turnout = Rate(b.Voted, b.Eligible)
	}
}
