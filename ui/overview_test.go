package ui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"liangwei/data"
	"liangwei/data/sqlite"
	"liangwei/demo"
)

// uibToday is the fixed reference date of the 概览/设置/报表/数据 tests.
var uibToday = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// uibSetup builds the whole window on a fresh database in a temp folder, 1366×768 like the
// clerks' screens, and waits for the 概览 screen's first load.
func uibSetup(t *testing.T) (*UI, *sqlite.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(Theme())
	dir := t.TempDir()
	st, err := sqlite.Open(filepath.Join(dir, "liangwei.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	win := test.NewTempWindow(t, nil)
	u := newUI(a, win, Deps{Store: st, DBPath: filepath.Join(dir, "liangwei.db"), Now: func() time.Time { return uibToday }})
	// The headless driver runs fyne.Do on the calling goroutine, so wait for the first load
	// before the window lays the screen out.
	root := u.root()
	uibOverview(u).busy.Wait()
	win.SetContent(root)
	win.Resize(fyne.NewSize(1366, 768))
	return u, st
}

func uibOverview(u *UI) *overviewScreen { return u.screens["概览"].(*overviewScreen) }

// uibShot saves a screenshot of the window to $UIB_SHOTS/name.png when UIB_SHOTS names a
// folder, so the screens can be looked at; normal runs write nothing.
func uibShot(t *testing.T, u *UI, name string) {
	t.Helper()
	dir := os.Getenv("UIB_SHOTS")
	if dir == "" {
		return
	}
	img := u.win.Canvas().Capture()
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// uibSmallBatch is a hand-counted township: 3 active villages and a merged one; 党组织 done
// in 2 (one at the first attempt), 村委会 done in 1, failed in 1 with a reason, none in 1.
func uibSmallBatch() data.Batch {
	done := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	v := func(name string, st data.VillageStatus) data.Village {
		return data.Village{Township: "测试镇", Name: name, Kind: data.KindVillage, Status: st}
	}
	e := func(village string, body data.Body, status data.ElectionStatus, oneTime bool, eligible, voted int, reason string) data.Election {
		x := data.Election{Township: "测试镇", Village: village, Round: 2026, Body: body, Status: status,
			OneTime: oneTime, Eligible: eligible, Participants: voted, Seats: 5, Candidates: 6, Elected: 5, Reason: reason}
		if status == data.StatusCompleted {
			x.CompletedOn = done
		}
		if status != data.StatusCompleted {
			x.Elected = 0
		}
		return x
	}
	return data.Batch{
		Townships: []data.Township{{Name: "测试镇", County: "测试县"}},
		Villages: []data.Village{
			v("东村", data.VillageActive), v("西村", data.VillageActive), v("南村", data.VillageActive),
			v("旧村", data.VillageMerged),
		},
		Elections: []data.Election{
			e("东村", data.BodyParty, data.StatusCompleted, true, 50, 48, ""),
			e("西村", data.BodyParty, data.StatusCompleted, false, 40, 36, ""),
			e("南村", data.BodyParty, data.StatusInProgress, false, 0, 0, ""),
			e("东村", data.BodyCommittee, data.StatusCompleted, true, 1000, 900, ""),
			e("西村", data.BodyCommittee, data.StatusFailed, false, 0, 0, "选民联名提出异议，待重新选举"),
		},
	}
}

func TestOverviewEmptyDatabaseShowsWelcome(t *testing.T) {
	u, _ := uibSetup(t)
	s := uibOverview(u)
	if got := s.root.Objects[0]; got != s.welcome {
		t.Fatalf("empty database: 概览 shows %T, want the welcome card", got)
	}
	if got := s.welcomeText.Text; !strings.HasPrefix(got, "还没有数据。") {
		t.Errorf("welcome text = %q, want it to start with 还没有数据。", got)
	}
	uibShot(t, u, "overview-empty")

	for _, c := range []struct {
		name string
		tap  func()
		want string
	}{
		{"导入工作簿", func() { test.Tap(s.importBtn) }, "数据"},
		{"下载空白模板", func() { test.Tap(s.templateBtn) }, "数据"},
		{"设置本乡镇", func() { test.Tap(s.settingsBtn) }, "设置"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u.goTo("概览")
			s.busy.Wait()
			c.tap()
			if u.current != c.want {
				t.Errorf("after %s the screen is %q, want %q", c.name, u.current, c.want)
			}
		})
	}
}

func TestOverviewLoadDemoFillsStoreAndFigures(t *testing.T) {
	u, st := uibSetup(t)
	s := uibOverview(u)
	test.Tap(s.demoBtn)
	s.busy.Wait()

	ctx := context.Background()
	vs, err := st.Villages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	es, err := st.Elections(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	b := demo.Batch(uibToday)
	if len(vs) != len(b.Villages) || len(es) != len(b.Elections) {
		t.Fatalf("store has %d villages and %d elections, want the demo's %d and %d", len(vs), len(es), len(b.Villages), len(b.Elections))
	}
	set, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if set.Township != demo.Township || set.Round != 0 {
		t.Errorf("settings after demo = %+v, want township %s and no fixed round", set, demo.Township)
	}

	if got := s.root.Objects[0]; got != s.figures {
		t.Fatalf("after the demo 概览 shows %T, want the figures", got)
	}
	want := data.ComputeStats(data.Ledger{Villages: b.Villages, Elections: b.Elections}, demo.Round(uibToday), uibToday)
	if want.PartyOrg.Due == 0 {
		t.Fatal("demo has no due villages")
	}
	for _, c := range []struct {
		name string
		got  string
		want string
	}{
		{"党组织 bar", s.partyBar.TextFormatter(), fmt.Sprintf("%d/%d 村 %.2f%%", want.PartyOrg.Completed, want.PartyOrg.Due, want.PartyOrg.Rate)},
		{"村委会 bar", s.committeeBar.TextFormatter(), fmt.Sprintf("%d/%d 村 %.2f%%", want.Committee.Completed, want.Committee.Due, want.Committee.Rate)},
		{"应换届", s.due.Text, fmt.Sprint(want.PartyOrg.Due)},
		{"参选率", s.commTurnout.Text, fmt.Sprintf("%.2f%%", want.Committee.Turnout)},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if got, want := s.partyBar.Value, want.PartyOrg.Rate/100; got != want {
		t.Errorf("党组织 bar value = %v, want %v", got, want)
	}
	uibShot(t, u, "overview-demo")
}

func TestOverviewFiguresAndUnfinished(t *testing.T) {
	u, st := uibSetup(t)
	if _, err := st.Import(context.Background(), uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	s := uibOverview(u)
	u.changed()
	s.busy.Wait()

	for _, c := range []struct {
		name, got, want string
	}{
		{"党组织 bar", s.partyBar.TextFormatter(), "2/3 村 66.67%"},
		{"村委会 bar", s.committeeBar.TextFormatter(), "1/3 村 33.33%"},
		{"应换届", s.due.Text, "3"},
		{"党组织 完成", s.partyDone.Text, "2（66.67%）"},
		{"党组织 一次成功", s.partyOne.Text, "1（50.00%）"},
		{"到会率", s.partyTurnout.Text, "93.33%"}, // 84/90
		{"参选率", s.commTurnout.Text, "90.00%"},
		{"未完成 heading", s.unfinLabel.Text, "未完成换届（3项）"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	wantUnfinished := []string{
		"测试镇南村 · 党组织 · 进行中",
		"测试镇南村 · 村委会 · 无记录",
		"测试镇西村 · 村委会 · 未完成 · 选民联名提出异议，待重新选举",
	}
	if len(s.unfinished) != len(wantUnfinished) {
		t.Fatalf("unfinished = %v, want %d items", s.unfinished, len(wantUnfinished))
	}
	got := map[string]bool{}
	for _, x := range s.unfinished {
		got[ovUnfinishedText(x)] = true
	}
	for _, w := range wantUnfinished {
		if !got[w] {
			t.Errorf("unfinished list lacks %q; has %v", w, got)
		}
	}

	s.unfinList.Select(0)
	if u.current != "换届" {
		t.Errorf("tapping an unfinished village shows %q, want 换届", u.current)
	}
}

func TestOverviewUsesRoundOfSettings(t *testing.T) {
	u, st := uibSetup(t)
	ctx := context.Background()
	b := uibSmallBatch()
	old := b.Elections[0]
	old.Round, old.CompletedOn = 2021, time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)
	b.Elections = append(b.Elections, old)
	if _, err := st.Import(ctx, b, "test"); err != nil {
		t.Fatal(err)
	}
	s := uibOverview(u)
	for _, c := range []struct {
		round   int
		wantBar string
	}{
		{0, "2/3 村 66.67%"},    // latest round: 2026
		{2021, "1/3 村 33.33%"}, // pinned in 设置
	} {
		if err := st.SaveSettings(ctx, data.Settings{Round: c.round}); err != nil {
			t.Fatal(err)
		}
		u.changed()
		s.busy.Wait()
		if got := s.partyBar.TextFormatter(); got != c.wantBar {
			t.Errorf("round %d: 党组织 bar = %q, want %q", c.round, got, c.wantBar)
		}
	}
}

func TestOvBarText(t *testing.T) {
	for _, c := range []struct {
		b    data.BodyStats
		want string
	}{
		{data.BodyStats{Completed: 47, Due: 48, Rate: 97.92}, "47/48 村 97.92%"},
		{data.BodyStats{Completed: 0, Due: 0, Rate: 0}, "0/0 村 0.00%"},
		{data.BodyStats{Completed: 5216, Due: 5252, Rate: 99.31}, "5216/5252 村 99.31%"},
	} {
		if got := ovBarText(c.b); got != c.want {
			t.Errorf("ovBarText(%+v) = %q, want %q", c.b, got, c.want)
		}
	}
}
