package ui

import (
	"testing"

	"liangwei/data"
)

// TestOverviewFitsSmallScreenAtCityScale: a grid is as wide as its columns times its widest
// cell, so city-sized figures once made 概览 (and with it the window, which Fyne never makes
// smaller than its content) wider than a 1366-pixel screen.
func TestOverviewFitsSmallScreenAtCityScale(t *testing.T) {
	u, _ := uibSetup(t)
	s := uibOverview(u)
	city := data.Stats{Round: 2026, Townships: 62, Villages: 5252,
		PartyOrg:   data.BodyStats{Due: 5252, Completed: 5216, Rate: 99.31, OneTime: 5098, OneTimeRate: 97.74, Turnout: 93.1},
		Committee:  data.BodyStats{Due: 5252, Completed: 5188, Rate: 98.78, OneTime: 5017, OneTimeRate: 96.7, Turnout: 88.7},
		Members:    data.MemberStats{Total: 147989, Party: 125940, Committee: 132425, Cross: 110376, DualHead: 11730, DualHeadBase: 15252, DualHeadRate: 76.91, Women: 111933, AvgAge: 45.5, Under35: 19080, Age60Plus: 13890, College: 117294, CommitteeParty: 118158, New: 19511},
		Leadership: data.LeadershipStats{PartyCommittee: 5542, Government: 1193, Cross: 1124},
		Party:      data.PartyStats{Orgs: 5252, Members: 1459630, FourHaves: 5040, Weak: 180, WeakRectified: 152},
		Petitions:  data.PetitionStats{Total: 3308, Substantiated: 1093, Overdue: 161, Closed: 3147},
		Talks: data.TalkStats{Total: 4441,
			ByMode:     map[string]int{"申请约谈": 1183, "主动约谈": 2296, "下访约谈": 962},
			ByCategory: map[string]int{"个人诉求": 590, "汇报工作和思想": 3410, "意见建议": 441}},
	}
	s.apply(ovResult{Overview: data.Overview{Stats: city}}, nil)
	const screen = 1366
	if w := u.win.Content().MinSize().Width; w > screen {
		t.Fatalf("概览 needs %.0f px at city scale, wider than a %d-pixel screen", w, screen)
	}
}
