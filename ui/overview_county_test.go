package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/container"

	"liangwei/data"
)

// TestOverviewCountyTableAndRosterWarnings: with more than one township 概览 shows the
// per-township progress table, sortable (who is behind comes first when sorted by rate),
// and it names every body whose roster differs from its 当选人数.
func TestOverviewCountyTableAndRosterWarnings(t *testing.T) {
	u, st := uibSetup(t)
	b := u2aStructureBatch()
	done := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	b.Townships = append(b.Townships, data.Township{Name: "北镇"})
	b.Villages = append(b.Villages, data.Village{Township: "北镇", Name: "北村", Kind: data.KindVillage, Status: data.VillageActive})
	for _, body := range data.Bodies {
		b.Elections = append(b.Elections, data.Election{Township: "北镇", Village: "北村", Round: 2026, Body: body,
			Status: data.StatusCompleted, CompletedOn: done, OneTime: true, Eligible: 100, Participants: 90, Seats: 5, Candidates: 6})
	}
	if _, err := st.Import(context.Background(), b, "test"); err != nil {
		t.Fatal(err)
	}
	s := uibOverview(u)
	u.changed()
	s.busy.Wait()
	if s.message.Visible() {
		t.Fatalf("load error: %s", s.message.Text)
	}
	if !s.townsCard.Visible() || s.towns.rowCount() != 2 {
		t.Fatalf("township table visible %v with %d rows, want 2 rows", s.townsCard.Visible(), s.towns.rowCount())
	}
	s.towns.sortBy(5) // 村（居）委会完成率, ascending: 测试镇 (1 of 3) before 北镇 (1 of 1)
	if got := s.towns.cellText(0, 0) + " " + s.towns.cellText(0, 5); got != "测试镇 33.33" {
		t.Errorf("first row by committee rate = %q, want 测试镇 33.33", got)
	}
	s.towns.sortBy(5) // and descending
	if got := s.towns.cellText(0, 0); got != "北镇" {
		t.Errorf("first row descending = %q, want 北镇", got)
	}
	// 测试镇's rosters: 东村 党组织 2 of 5 elected, 村委会 2 of 5; 西村 党组织 1 of 5, and its
	// failed 村委会 elected none but lists 钱七. 北镇 has begun no roster and is not listed.
	text := s.rosterWarn.Text
	if !s.rosterWarn.Visible() || !strings.Contains(text, "（4 处）") {
		t.Errorf("roster warning %q (visible %v), want 4 bodies", text, s.rosterWarn.Visible())
	}
	for _, want := range []string{"测试镇东村 党组织 花名册2/当选5", "测试镇东村 村委会 花名册2/当选5",
		"测试镇西村 党组织 花名册1/当选5", "测试镇西村 村委会 花名册1/当选0"} {
		if !strings.Contains(text, want) {
			t.Errorf("roster warning lacks %q: %s", want, text)
		}
	}
	if strings.Contains(text, "北村") {
		t.Errorf("北镇 has no roster yet but is listed: %s", text)
	}
	s.figures.(*container.Scroll).ScrollToBottom()
	uibShot(t, u, "overview-county")
}
