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
	"fyne.io/fyne/v2/widget"

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
	u := newUI(a, win, Deps{Store: st, DBPath: filepath.Join(dir, "liangwei.db"), Now: func() time.Time { return uibToday }, LoadDemo: demo.Load})
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

// u2aStructureBatch is uibSmallBatch with a hand-counted set of 2026 members (5 in 东村 and
// 西村), a leadership row, two party organizations, three complaints and two talks.
func u2aStructureBatch() data.Batch {
	b := uibSmallBatch()
	m := func(village, name, first17 string, pol data.Political, party data.PartyPost, com data.CommitteePost, edu data.Education, tenure data.Tenure) data.Member {
		x := data.Member{Township: "测试镇", Village: village, Round: 2026, Name: name, IDNumber: u2aID(first17, false),
			Ethnicity: "汉族", Education: edu, Political: pol, PartyPost: party, CommitteePost: com, Tenure: tenure}
		x.FillFromID()
		return x
	}
	b.Members = []data.Member{
		// 东村: a 一肩挑 书记 (56), a young woman on the party committee (30), an old man on the 村委会 (65).
		m("东村", "张三", "37010219700101001", data.PolParty, data.PartySecretary, data.CommitteeDirector, data.EduBachelor, data.TenureReelected),
		m("东村", "李四", "37010219950601002", data.PolParty, data.PartyMember, data.CommitteeNone, data.EduCollege, data.TenureNew),
		m("东村", "王五", "37010219600201003", data.PolMasses, data.PartyNone, data.CommitteeMember, data.EduMiddle, data.TenureReelected),
		// 西村: 书记 (45) and a woman 主任 (38), who is a 预备党员.
		m("西村", "赵六", "37010219800701005", data.PolParty, data.PartySecretary, data.CommitteeNone, data.EduHigh, data.TenureNew),
		m("西村", "钱七", "37010219880101006", data.PolProbationary, data.PartyNone, data.CommitteeDirector, data.EduCollege, data.TenureNew),
	}
	b.Leaderships = []data.Leadership{{Township: "测试镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 2}}
	b.PartyOrgs = []data.PartyOrg{
		{Township: "测试镇", Village: "东村", Year: 2026, Type: data.OrgBranch, Members: 40, Women: 10,
			HasTeam: true, HasVenue: true, VenueArea: 120, HasActivity: true, Activities: 12, HasIncome: true, Income: 8.5},
		{Township: "测试镇", Village: "西村", Year: 2026, Type: data.OrgBranch, Members: 30, Women: 6,
			HasTeam: true, Weak: true, Measures: "选派第一书记", Result: data.RectClosed},
	}
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	c := func(no string, res data.ComplaintResult, deadline time.Time) data.Complaint {
		return data.Complaint{Township: "测试镇", No: no, Received: day(3, 1), Channel: data.ChanLetter,
			Category: data.CatBribery, Result: res, Deadline: deadline}
	}
	b.Complaints = []data.Complaint{
		c("2026-01", data.ResPending, day(11, 1)),   // overdue on 20 November
		c("2026-02", data.ResPending, day(12, 31)),  // not yet due
		c("2026-03", data.ResPartlyTrue, day(4, 1)), // closed, substantiated
	}
	b.Talks = []data.Talk{
		{Township: "测试镇", No: "T1", Date: day(5, 1), Mode: data.ModeRequested, Interviewee: "张三", Category: data.TalkPersonal},
		{Township: "测试镇", No: "T2", Date: day(6, 1), Mode: data.ModeVisiting, Interviewee: "李四", Category: data.TalkReport},
	}
	return b
}

func TestOverviewStructureFigures(t *testing.T) {
	u, st := uibSetup(t)
	if _, err := st.Import(context.Background(), u2aStructureBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	s := uibOverview(u)
	u.changed()
	s.busy.Wait()
	if s.message.Visible() {
		t.Fatalf("load error: %s", s.message.Text)
	}
	want := map[string]string{
		// Only bodies whose election is 已完成 count: 西村's 村委会 failed, so its 主任 钱七 is
		// not counted (nor her posts): 张三 李四 王五 赵六.
		"两委成员":      "4 人",
		"党组织成员":     "3 人",
		"村委会成员":     "2 人",
		"交叉任职":      "1 人（25.00%）",
		"一肩挑":       "1/3 村（33.33%）", // 东村, of the 3 due villages
		"女性":        "1 人（25.00%）",
		"平均年龄":      "49.0 岁", // (56+30+65+45)/4
		"35岁及以下":    "1 人（25.00%）",
		"60岁及以上":    "1 人（25.00%）",
		"大专及以上":     "2 人（50.00%）",
		"村委会中党员":    "1 人（50.00%）", // 张三 of 2
		"新任":        "2 人（50.00%）",
		"党组织":       "2 个",
		"党员":        "70 名",
		"“四有”齐全":    "1 个（50.00%）",
		"软弱涣散":      "1 个，已销号 1",
		"乡镇党委班子":    "9 人",
		"乡镇政府班子":    "4 人",
		"班子交叉任职":    "2 人",
		"受理":        "3 件",
		"属实（含部分属实）": "1 件",
		"已办结":       "1 件",
		"约谈":        "2 次",
		"约谈方式":      "申请1 主动0 下访1",
	}
	for name, w := range want {
		if got := s.figs[name].Text; got != w {
			t.Errorf("%s = %q, want %q", name, got, w)
		}
	}
	if got := len(s.figs); got != len(want) {
		t.Errorf("%d figures shown, the test checks %d", got, len(want))
	}
	if s.overdueBtn.Text != "1 件" || s.overdueBtn.Importance != widget.DangerImportance {
		t.Errorf("overdue = %q (importance %v), want 1 件 highlighted", s.overdueBtn.Text, s.overdueBtn.Importance)
	}
	// 东村's 村委会 (张三, 王五) has no woman.
	if !strings.HasPrefix(s.memberWarn.Text, "两委成员有 1 条提示") || !s.memberWarnBtn.Visible() {
		t.Errorf("member warnings = %q (button shown %v)", s.memberWarn.Text, s.memberWarnBtn.Visible())
	}
	uibShot(t, u, "overview-structure")
	uiaShot(t, u, "overview-structure")

	test.Tap(s.overdueBtn)
	if u.current != "信访举报" {
		t.Errorf("tapping the overdue count shows %q, want 信访举报", u.current)
	}
	waitScreens(u)
	u.goTo("概览")
	waitScreens(u)
	test.Tap(s.memberWarnBtn)
	if u.current != "两委成员" {
		t.Errorf("tapping the member warnings shows %q, want 两委成员", u.current)
	}
	waitScreens(u)
}

func TestOverviewNoOverdueIsQuiet(t *testing.T) {
	u, st := uibSetup(t)
	if _, err := st.Import(context.Background(), uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	s := uibOverview(u)
	u.changed()
	s.busy.Wait()
	for name, w := range map[string]string{"两委成员": "0 人", "平均年龄": "—", "女性": "0 人（0.00%）", "受理": "0 件"} {
		if got := s.figs[name].Text; got != w {
			t.Errorf("%s = %q, want %q", name, got, w)
		}
	}
	if s.overdueBtn.Text != "0 件" || s.overdueBtn.Importance == widget.DangerImportance {
		t.Errorf("overdue = %q (importance %v), want 0 件 not highlighted", s.overdueBtn.Text, s.overdueBtn.Importance)
	}
	if s.memberWarnBtn.Visible() {
		t.Errorf("member warnings button shown with no members: %q", s.memberWarn.Text)
	}
}
