package data

import (
	"reflect"
	"testing"
	"time"
)

// detailLedger is two townships given out of order: 城关镇 with 东关村 (both bodies done, a
// 一肩挑 书记 and 主任), 西关村 (party failed, committee in progress, no 主任) and the merged
// 老城村; 河口镇 with 北岸村 (party done at the second attempt, no committee record, no
// members). Records of round 2021 must not show.
func detailLedger() Ledger {
	d := func(m, day int) time.Time { return time.Date(2026, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	v := func(t, n string, s VillageStatus) Village {
		return Village{Township: t, Name: n, Kind: KindVillage, Status: s}
	}
	return Ledger{
		Villages: []Village{
			v("河口镇", "北岸村", VillageActive), v("城关镇", "西关村", VillageActive),
			v("城关镇", "老城村", VillageMerged), v("城关镇", "东关村", VillageActive),
		},
		Elections: []Election{
			{Township: "城关镇", Village: "东关村", Round: 2026, Body: BodyCommittee, Status: StatusCompleted, CompletedOn: d(4, 2),
				OneTime: true, Eligible: 1000, Participants: 901, Seats: 5, Candidates: 7, Elected: 5},
			{Township: "城关镇", Village: "东关村", Round: 2026, Body: BodyParty, Status: StatusCompleted, CompletedOn: d(3, 15),
				OneTime: true, Eligible: 40, Participants: 38, Seats: 5, Candidates: 6, Elected: 5},
			{Township: "城关镇", Village: "西关村", Round: 2026, Body: BodyParty, Status: StatusFailed, Eligible: 30, Participants: 20, Reason: "得票未过半数"},
			{Township: "城关镇", Village: "西关村", Round: 2026, Body: BodyCommittee, Status: StatusInProgress},
			{Township: "城关镇", Village: "西关村", Round: 2021, Body: BodyCommittee, Status: StatusCompleted, CompletedOn: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC),
				OneTime: true, Eligible: 800, Participants: 700, Seats: 5, Elected: 5},
			{Township: "城关镇", Village: "老城村", Round: 2026, Body: BodyParty, Status: StatusCompleted, CompletedOn: d(3, 1), Eligible: 10, Participants: 10, Seats: 3, Elected: 3},
			{Township: "河口镇", Village: "北岸村", Round: 2026, Body: BodyParty, Status: StatusCompleted, CompletedOn: d(5, 20),
				OneTime: false, Eligible: 60, Participants: 51, Seats: 7, Candidates: 8, Elected: 6},
		},
		Members: []Member{
			{Township: "城关镇", Village: "东关村", Round: 2026, Name: "张堃", PartyPost: PartySecretary, CommitteePost: CommitteeDirector},
			{Township: "城关镇", Village: "东关村", Round: 2026, Name: "李明", PartyPost: PartyDeputy, CommitteePost: CommitteeDeputy},
			{Township: "城关镇", Village: "西关村", Round: 2026, Name: "王珺", PartyPost: PartySecretary},
			{Township: "城关镇", Village: "西关村", Round: 2021, Name: "赵旧", CommitteePost: CommitteeDirector},
			{Township: "城关镇", Village: "老城村", Round: 2026, Name: "冯撤", PartyPost: PartySecretary, CommitteePost: CommitteeDirector},
		},
	}
}

func TestBuildDetailRows(t *testing.T) {
	r := BuildDetail(detailLedger(), 2026)
	want := []DetailRow{
		{Township: "城关镇", Village: "东关村",
			PartyOrg: DetailElection{Recorded: true, Status: StatusCompleted, CompletedOn: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC),
				Eligible: 40, Participants: 38, Turnout: 95, Seats: 5, Elected: 5, OneTime: true},
			Committee: DetailElection{Recorded: true, Status: StatusCompleted, CompletedOn: time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC),
				Eligible: 1000, Participants: 901, Turnout: 90.1, Seats: 5, Elected: 5, OneTime: true},
			Secretary: "张堃", Director: "张堃"},
		{Township: "城关镇", Village: "西关村",
			PartyOrg:  DetailElection{Recorded: true, Status: StatusFailed, Eligible: 30, Participants: 20, Turnout: 66.67},
			Committee: DetailElection{Recorded: true, Status: StatusInProgress},
			Secretary: "王珺"},
		{Township: "河口镇", Village: "北岸村",
			PartyOrg: DetailElection{Recorded: true, Status: StatusCompleted, CompletedOn: time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC),
				Eligible: 60, Participants: 51, Turnout: 85, Seats: 7, Elected: 6}},
	}
	if r.Round != 2026 {
		t.Errorf("Round = %d, want 2026", r.Round)
	}
	if len(r.Rows) != len(want) {
		t.Fatalf("got %d rows, want %d: %+v", len(r.Rows), len(want), r.Rows)
	}
	for i := range want {
		if got := r.Rows[i]; !reflect.DeepEqual(got, want[i]) {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got, want[i])
		}
	}
	if r.Rows[2].Committee.Completed() || !r.Rows[0].Committee.Completed() || r.Rows[1].PartyOrg.Completed() {
		t.Errorf("Completed() wrong: %+v", r.Rows)
	}
}

func TestBuildDetailTotals(t *testing.T) {
	r := BuildDetail(detailLedger(), 2026)
	want := []DetailTotal{
		{Township: "城关镇", Villages: 2,
			PartyOrg:   BodyStats{Due: 2, Completed: 1, Rate: 50, OneTime: 1, OneTimeRate: 100, Turnout: 95, Eligible: 40, Voted: 38},
			Committee:  BodyStats{Due: 2, Completed: 1, Rate: 50, OneTime: 1, OneTimeRate: 100, Turnout: 90.1, Eligible: 1000, Voted: 901},
			PartySeats: 5, PartyElected: 5, CommitteeSeats: 5, CommitteeElected: 5},
		{Township: "河口镇", Villages: 1,
			PartyOrg:   BodyStats{Due: 1, Completed: 1, Rate: 100, OneTime: 0, OneTimeRate: 0, Turnout: 85, Eligible: 60, Voted: 51},
			Committee:  BodyStats{Due: 1},
			PartySeats: 7, PartyElected: 6},
	}
	if !reflect.DeepEqual(r.Townships, want) {
		t.Errorf("Townships:\n got %+v\nwant %+v", r.Townships, want)
	}
	wantTotal := DetailTotal{Villages: 3,
		PartyOrg:   BodyStats{Due: 3, Completed: 2, Rate: 66.67, OneTime: 1, OneTimeRate: 50, Turnout: 89, Eligible: 100, Voted: 89},
		Committee:  BodyStats{Due: 3, Completed: 1, Rate: 33.33, OneTime: 1, OneTimeRate: 100, Turnout: 90.1, Eligible: 1000, Voted: 901},
		PartySeats: 12, PartyElected: 11, CommitteeSeats: 5, CommitteeElected: 5}
	if r.Total != wantTotal {
		t.Errorf("Total:\n got %+v\nwant %+v", r.Total, wantTotal)
	}
}

// TestBuildDetailAgreesWithStats checks the report's totals against ComputeStats, which
// the summary and 概览 use: the two must never tell a clerk different figures.
func TestBuildDetailAgreesWithStats(t *testing.T) {
	l := detailLedger()
	r := BuildDetail(l, 2026)
	s := ComputeStats(l, 2026, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
	if got, want := r.Total.PartyOrg, s.PartyOrg; got != want {
		t.Errorf("party: got %+v, ComputeStats %+v", got, want)
	}
	if got, want := r.Total.Committee, s.Committee; got != want {
		t.Errorf("committee: got %+v, ComputeStats %+v", got, want)
	}
	if got, want := r.Total.Villages, s.Villages; got != want {
		t.Errorf("villages: got %d, ComputeStats %d", got, want)
	}
}

func TestBuildDetailNames(t *testing.T) {
	tests := []struct {
		name          string
		members       []Member
		wantSecretary string
		wantDirector  string
	}{
		{"none", nil, "", ""},
		{"separate", []Member{
			{Name: "甲", PartyPost: PartySecretary}, {Name: "乙", CommitteePost: CommitteeDirector}, {Name: "丙", PartyPost: PartyMember},
		}, "甲", "乙"},
		{"two secretaries in bad data are both shown, sorted", []Member{
			{Name: "孙", PartyPost: PartySecretary}, {Name: "周", PartyPost: PartySecretary},
		}, "周、孙", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := Ledger{Villages: []Village{{Township: "镇", Name: "村", Status: VillageActive}}}
			for _, m := range tc.members {
				m.Township, m.Village, m.Round = "镇", "村", 2026
				l.Members = append(l.Members, m)
			}
			r := BuildDetail(l, 2026)
			if len(r.Rows) != 1 {
				t.Fatalf("got %d rows, want 1", len(r.Rows))
			}
			if got := r.Rows[0]; got.Secretary != tc.wantSecretary || got.Director != tc.wantDirector {
				t.Errorf("got 书记 %q 主任 %q, want %q %q", got.Secretary, got.Director, tc.wantSecretary, tc.wantDirector)
			}
			if r.Rows[0].PartyOrg.Recorded || r.Rows[0].Committee.Recorded {
				t.Errorf("no elections were entered, got %+v", r.Rows[0])
			}
		})
	}
}

func TestBuildDetailEmpty(t *testing.T) {
	r := BuildDetail(Ledger{}, 2026)
	if len(r.Rows) != 0 || len(r.Townships) != 0 || r.Total != (DetailTotal{}) {
		t.Errorf("empty ledger gave %+v", r)
	}
}
