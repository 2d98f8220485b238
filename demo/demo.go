// Package demo builds the demonstration ledger `liangwei-cli demo` and the desktop program
// load: one believable township, 城关镇 of 青山县, with its villages, both elections of one
// round, the new committees' members, the party ledger, complaints and talks. The data is deterministic (fixed seed) so the demo looks the same every time it is
// loaded on the same day, and every record passes its Validate.
package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"liangwei/data"
)

// The demo township and the settings the demo fills in when the database has none.
const (
	Township = "城关镇"
	County   = "青山县"
)

// Settings are the clerk details the demo suggests (used when the database has none yet).
func Settings(today time.Time) data.Settings {
	return data.Settings{
		Township: Township,
		County:   County,
		Leader:   "王志刚",
		Reviewer: "李红梅",
		Preparer: "张晓雯",
		Phone:    "0537-5212345",
		Round:    Round(today),
	}
}

// Load imports the demo township into st and, when 设置 is still empty, its clerk details, so
// the reports have a unit and signatories. The round stays unset: the latest in the data.
// It is what the desktop program's 载入示例数据 does (ui.Deps.LoadDemo).
func Load(ctx context.Context, st data.Store, today time.Time) error {
	if _, err := st.Import(ctx, Batch(today), "示例数据"); err != nil {
		return err
	}
	set, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	if set == (data.Settings{}) {
		ds := Settings(today)
		ds.Round = 0
		return st.SaveSettings(ctx, ds)
	}
	return nil
}

// Round is the election round the demo describes: the year of the date half a year before
// today, so every completion date lies in the past.
func Round(today time.Time) int { return today.AddDate(0, -6, 0).Year() }

// village is one line of the demo's village list.
type village struct {
	name   string
	kind   data.VillageKind
	merged bool
}

// villages is the township: 34 villages, 6 communities and one village merged into 东关村.
var villages = []village{
	{"东关村", data.KindVillage, false},
	{"西关村", data.KindVillage, false},
	{"南关村", data.KindVillage, false},
	{"北关村", data.KindVillage, false},
	{"柳树屯村", data.KindVillage, false},
	{"王家庄村", data.KindVillage, false},
	{"李家庄村", data.KindVillage, false},
	{"张家洼村", data.KindVillage, false},
	{"刘庄村", data.KindVillage, false},
	{"赵官屯村", data.KindVillage, false},
	{"前进村", data.KindVillage, false},
	{"红旗村", data.KindVillage, false},
	{"杨柳店村", data.KindVillage, false},
	{"石桥村", data.KindVillage, false},
	{"马家河村", data.KindVillage, false},
	{"后营村", data.KindVillage, false},
	{"前营村", data.KindVillage, false},
	{"孙家楼村", data.KindVillage, false},
	{"高家寨村", data.KindVillage, false},
	{"周庄村", data.KindVillage, false},
	{"吴家岭村", data.KindVillage, false},
	{"郑家湾村", data.KindVillage, false},
	{"大王庄村", data.KindVillage, false},
	{"小王庄村", data.KindVillage, false},
	{"梨园村", data.KindVillage, false},
	{"枣林村", data.KindVillage, false},
	{"槐树底村", data.KindVillage, false},
	{"韩家坡村", data.KindVillage, false},
	{"杜家沟村", data.KindVillage, false},
	{"黄土岗村", data.KindVillage, false},
	{"三里铺村", data.KindVillage, false},
	{"五里堡村", data.KindVillage, false},
	{"八里桥村", data.KindVillage, false},
	{"十里河村", data.KindVillage, false},
	{"陈家圩村", data.KindVillage, true},
	{"新华社区", data.KindCommunity, false},
	{"东城社区", data.KindCommunity, false},
	{"西城社区", data.KindCommunity, false},
	{"文化路社区", data.KindCommunity, false},
	{"建设路社区", data.KindCommunity, false},
	{"火车站社区", data.KindCommunity, false},
}

// special are the elections that did not go smoothly, by village and body.
type special struct {
	status  data.ElectionStatus
	oneTime bool
	reason  string
}

var specials = map[string]map[data.Body]special{
	// The party branch could not elect and is being sorted out; the committee waits for it.
	"杜家沟村": {
		data.BodyParty:     {data.StatusFailed, false, "支部班子不团结，党员大会未能选出新一届支委会，镇党委已派驻工作组，待整顿后重新选举"},
		data.BodyCommittee: {data.StatusNotStarted, false, "待村党组织换届完成后启动"},
	},
	"黄土岗村": {
		data.BodyCommittee: {data.StatusInProgress, false, "选民登记存在争议，待重新选举"},
	},
	"火车站社区": {
		data.BodyCommittee: {data.StatusFailed, false, "参加投票人数未过半数，选举无效，待重新组织选举"},
	},
	// Completed, but only after 另行选举 (a second ballot for posts left unfilled).
	"石桥村":  {data.BodyParty: {data.StatusCompleted, false, ""}},
	"高家寨村": {data.BodyParty: {data.StatusCompleted, false, ""}, data.BodyCommittee: {data.StatusCompleted, false, ""}},
	"韩家坡村": {data.BodyCommittee: {data.StatusCompleted, false, ""}},
	"赵官屯村": {data.BodyCommittee: {data.StatusCompleted, false, ""}},
	"东城社区": {data.BodyCommittee: {data.StatusCompleted, false, ""}},
}

// Batch builds the demo ledger for the round of today (see Round): the township, its 41
// villages (one merged) and both elections of each of the 40 active villages; the members
// of every active village, the township leadership, the party ledger of the year, 12
// complaints and 20 talks (see people).
//
// Figures built in: 党组织 40 due, 39 已完成 (37 at the first attempt), 1 未完成;
// 村委会 40 due, 37 已完成 (33 at the first attempt), 1 进行中, 1 未完成, 1 未启动. Every
// election's 当选人数 is its roster (5 on the 党组织, 6 or 7 on the 村委会; none for a body still
// electing). The previous round (TermYears before) is there too, so reports show 上届.
func Batch(today time.Time) data.Batch {
	rnd := rand.New(rand.NewPCG(2026, 11))
	round := Round(today)
	// Completion dates fall between the spring of the round and yesterday (or the end of
	// the round's year, whichever comes first).
	first := time.Date(round, 3, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(round, 12, 20, 0, 0, 0, 0, time.UTC)
	if y := dayOf(today).AddDate(0, 0, -1); y.Before(last) {
		last = y
	}
	span := int(last.Sub(first).Hours()/24) + 1

	b := data.Batch{Townships: []data.Township{{
		Name: Township, County: County, Contact: "刘建华", Phone: "0537-5212345",
	}}}
	villageNo, communityNo := 200, 0
	i := -1 // index of the active village, as people numbers them
	for _, v := range villages {
		pop := 1200 + rnd.IntN(3200)
		if v.kind == data.KindCommunity {
			pop = 2600 + rnd.IntN(1800)
		}
		var code string
		if v.kind == data.KindCommunity {
			communityNo++
			code = codeFor(communityNo)
		} else {
			villageNo++
			// 村委会 are numbered from 200 in the 区划代码 (居委会 from 001), as the
			// statistics bureau numbers them, so no two villages share a code.
			code = codeFor(200 + villageNo)
		}
		st := data.VillageActive
		if v.merged {
			st = data.VillageMerged
		}
		b.Villages = append(b.Villages, data.Village{
			Township: Township, Name: v.name, Kind: v.kind,
			Households: pop * 10 / (29 + rnd.IntN(6)), Population: pop,
			Code: code, Status: st,
		})
		if v.merged {
			continue
		}
		i++
		partySeats, committeeSeats := rosterSize(i)
		// Party organization first (党组织 before 村委会, as the round is run).
		partyDay := first.AddDate(0, 0, rnd.IntN(span*2/3+1))
		voters := pop * (70 + rnd.IntN(10)) / 100
		members := 30 + rnd.IntN(121)
		for _, body := range data.Bodies {
			e := data.Election{
				Township: Township, Village: v.name, Round: round, Body: body,
				Status: data.StatusCompleted, OneTime: true,
			}
			if body == data.BodyParty {
				e.Eligible = members
				e.Seats = partySeats // 5 支委
				e.CompletedOn = partyDay
			} else {
				e.Eligible = voters
				e.Seats = committeeSeats // 6 or 7: 村委会 3–7, 居委会 5–9
				if d := partyDay.AddDate(0, 0, 10+rnd.IntN(40)); !d.After(last) {
					e.CompletedOn = d
				} else {
					e.CompletedOn = last
				}
			}
			e.Candidates = e.Seats + 1 + rnd.IntN(2)
			// At least 85%, rounded up (a 党员大会 needs more than 4/5), and never everyone.
			e.Participants = min((e.Eligible*(85+rnd.IntN(14))+99)/100, e.Eligible-1)
			e.Elected = e.Seats
			if sp, ok := specials[v.name][body]; ok {
				e.Status, e.OneTime, e.Reason = sp.status, sp.oneTime, sp.reason
				if e.Status != data.StatusCompleted {
					e.CompletedOn = time.Time{}
					e.Participants, e.Elected = 0, 0
				}
			}
			b.Elections = append(b.Elections, e)
		}
	}
	people(&b, round, first, last)
	partyWork(&b, round, dayOf(today))
	previous(&b, round-TermYears)
	return b
}

// codeFor is the 12-digit 区划代码 of the n-th village (200+) or community (1–199) of the
// township 130229100.
func codeFor(n int) string {
	const township = "130229100"
	return township + string(rune('0'+n/100)) + string(rune('0'+n/10%10)) + string(rune('0'+n%10))
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
