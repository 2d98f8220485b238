package data

import (
	"fmt"
	"testing"
)

// fixture is a hand-counted township: 8 villages, one merged (乙村), so 7 are due.
//
//	党组织: 甲丙丁戊己 completed (5), of which 甲丙丁戊 one-time (4); 庚 进行中; 辛 has no record;
//	        the merged 乙's completed election counts nowhere.
//	        到会: (90+45+60+30+50)/(100+50+60+40+50) = 275/300 = 91.67%
//	村委会: 甲丙丁 completed (3), 甲 not one-time (2); 戊 未完成 (reason), 己 未启动, 庚辛 no record.
//	        参选: (900+700+1500)/(1000+800+1600) = 3100/3400 = 91.18%
//	Another round (2021) must be ignored.
func fixture() Ledger {
	l := Ledger{Townships: []Township{{Name: "城关镇"}}}
	for _, n := range []string{"甲村", "乙村", "丙村", "丁村", "戊村", "己村", "庚村", "辛村"} {
		v := Village{Township: "城关镇", Name: n, Kind: KindVillage, Status: VillageActive}
		if n == "乙村" {
			v.Status = VillageMerged
		}
		l.Villages = append(l.Villages, v)
	}
	p := func(v string, st ElectionStatus, one bool, elig, part int) Election {
		return Election{Township: "城关镇", Village: v, Round: 2026, Body: BodyParty, Status: st, OneTime: one, Eligible: elig, Participants: part}
	}
	c := func(v string, st ElectionStatus, one bool, elig, part int) Election {
		e := p(v, st, one, elig, part)
		e.Body = BodyCommittee
		return e
	}
	l.Elections = []Election{
		p("甲村", StatusCompleted, true, 100, 90), p("乙村", StatusCompleted, true, 70, 70),
		p("丙村", StatusCompleted, true, 50, 45), p("丁村", StatusCompleted, true, 60, 60),
		p("戊村", StatusCompleted, true, 40, 30), p("己村", StatusCompleted, false, 50, 50),
		p("庚村", StatusInProgress, false, 55, 0),
		c("甲村", StatusCompleted, false, 1000, 900), c("乙村", StatusCompleted, true, 500, 400),
		c("丙村", StatusCompleted, true, 800, 700), c("丁村", StatusCompleted, true, 1600, 1500),
		c("戊村", StatusFailed, false, 1200, 0), c("己村", StatusNotStarted, false, 0, 0),
	}
	l.Elections[len(l.Elections)-2].Reason = "选民登记存在争议"
	old := p("庚村", StatusCompleted, true, 10, 10)
	old.Round = 2021
	l.Elections = append(l.Elections, old)
	return l
}

func TestComputeStats(t *testing.T) {
	s := ComputeStats(fixture(), 2026, today)
	if s.Villages != 7 || s.Townships != 1 || s.Round != 2026 {
		t.Fatalf("header: %+v", s)
	}
	wantParty := BodyStats{Due: 7, Completed: 5, Rate: 71.43, OneTime: 4, OneTimeRate: 80, Turnout: 91.67, Eligible: 300, Voted: 275}
	if s.PartyOrg != wantParty {
		t.Errorf("party:\n got %+v\nwant %+v", s.PartyOrg, wantParty)
	}
	wantComm := BodyStats{Due: 7, Completed: 3, Rate: 42.86, OneTime: 2, OneTimeRate: 66.67, Turnout: 91.18, Eligible: 3400, Voted: 3100}
	if s.Committee != wantComm {
		t.Errorf("committee:\n got %+v\nwant %+v", s.Committee, wantComm)
	}
	if len(s.Talks.ByMode) != 3 || len(s.Talks.ByCategory) != 3 {
		t.Errorf("talk maps must list every mode and category: %+v", s.Talks)
	}
	if r := ComputeStats(fixture(), 2021, today); r.PartyOrg.Completed != 1 || r.Committee.Completed != 0 {
		t.Errorf("2021: %+v", r)
	}
}

func TestBuildSummary(t *testing.T) {
	l := fixture()
	l.Villages = append(l.Villages, Village{Township: "东城街道", Name: "一社区", Kind: KindCommunity, Status: VillageActive})
	l.Elections = append(l.Elections, Election{Township: "东城街道", Village: "一社区", Round: 2026, Body: BodyParty, Status: StatusCompleted, OneTime: true, Eligible: 20, Participants: 20})
	r := BuildSummary(l, 2026, today)
	// Townships by pinyin (城 chéng before 东 dōng), not by code point.
	if len(r.Rows) != 2 || r.Rows[0].Township != "城关镇" || r.Rows[1].Township != "东城街道" {
		t.Fatalf("rows: %+v", r.Rows)
	}
	if r.Rows[0].PartyOrg.Completed != 5 || r.Rows[1].PartyOrg.Rate != 100 || r.Rows[1].Committee.Completed != 0 {
		t.Errorf("rows: %+v", r.Rows)
	}
	if r.Total.Villages != 8 || r.Total.PartyOrg.Completed != 6 || r.Total.PartyOrg.Rate != 75 || r.Total.Committee.Rate != 37.5 {
		t.Errorf("total: %+v", r.Total)
	}
	var got []string
	for _, u := range r.Unfinished {
		got = append(got, fmt.Sprintf("%s/%s/%s/%s/%s", u.Township, u.Village, u.Body, u.Status, u.Reason))
	}
	// By pinyin: 城关镇 before 东城街道; 庚 gēng, 己 jǐ, 戊 wù, 辛 xīn.
	want := []string{
		"城关镇/庚村/党组织/进行中/",
		"城关镇/庚村/村委会/无记录/",
		"城关镇/己村/村委会/未启动/",
		"城关镇/戊村/村委会/未完成/选民登记存在争议",
		"城关镇/辛村/党组织/无记录/",
		"城关镇/辛村/村委会/无记录/",
		"东城街道/一社区/村委会/无记录/",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("unfinished:\n got %v\nwant %v", got, want)
	}
}
