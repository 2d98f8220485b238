package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
)

func init() { register("概览", newOverviewScreen) }

// overviewScreen is 概览: the completion rates of the current round, its key figures and the
// villages that have not finished, or a welcome card when the database is empty.
type overviewScreen struct {
	u *UI
	// busy counts the background loads and the demo import; tests wait on it.
	busy sync.WaitGroup

	root    *fyne.Container   // holds loading, welcome or figures
	loading fyne.CanvasObject // 正在读取…, until the first load is shown
	welcome fyne.CanvasObject
	figures fyne.CanvasObject

	welcomeText *widget.Label
	importBtn   *widget.Button
	templateBtn *widget.Button
	demoBtn     *widget.Button
	settingsBtn *widget.Button

	heading      *widget.Label
	lockLine     *widget.Label // 已上报（只读）, or 已上报后解锁…, of the round shown
	partyBar     *widget.ProgressBar
	committeeBar *widget.ProgressBar
	due          *widget.Label // 应换届, shown on both rows
	due2         *widget.Label
	partyDone    *widget.Label
	partyOne     *widget.Label
	partyTurnout *widget.Label
	commDone     *widget.Label
	commOne      *widget.Label
	commTurnout  *widget.Label
	warnings     *widget.Label
	warningsBtn  *widget.Button
	// figs are the structure, party, leadership, complaint and talk figures by their
	// Chinese label (两委成员, 女性, “四有”齐全, 受理 …).
	figs          map[string]*widget.Label
	memberCard    *widget.Card
	partyCard     *widget.Card
	petitionCard  *widget.Card
	overdueBtn    *widget.Button // 办理中超期 N 件, leading to 信访举报
	memberWarn    *widget.Label
	memberWarnBtn *widget.Button
	rosterWarn    *widget.Label // the bodies whose roster ≠ 当选人数, each named
	unfinLabel    *widget.Label
	unfinList     *widget.List
	message       *widget.Label // load errors
	// towns is the per-township table (completion per township, sortable), shown when the
	// data holds more than one township.
	towns     *ledgerTable[data.SummaryRow]
	townsCard *widget.Card

	// What the last load found; written only on the UI goroutine (inside fyne.Do).
	empty      bool
	stats      data.Stats
	unfinished []data.Unfinished
	nWarnings  int
}

func newOverviewScreen(u *UI) screen { return &overviewScreen{u: u, empty: true} }

func (s *overviewScreen) content() fyne.CanvasObject {
	s.welcomeText = widget.NewLabel("还没有数据。\n\n可以导入乡镇报来的工作簿（.xlsx 或 .csv），或先下载空白模板填好后再导入；" +
		"想先看看效果，可以载入一个示例乡镇。开始前请在“设置”里填好本乡镇和负责人，报表会用到。")
	s.welcomeText.Wrapping = fyne.TextWrapBreak
	s.importBtn = widget.NewButtonWithIcon("导入工作簿", theme.FolderOpenIcon(), func() { s.toData((*dataScreen).onImport) })
	s.importBtn.Importance = widget.HighImportance
	s.templateBtn = widget.NewButtonWithIcon("下载空白模板", theme.DownloadIcon(), func() { s.toData((*dataScreen).onTemplate) })
	s.demoBtn = widget.NewButtonWithIcon("载入示例数据", theme.ContentAddIcon(), s.onLoadDemo)
	if s.u.deps.LoadDemo == nil {
		s.demoBtn.Disable() // a program built without the demo has none to load
	}
	s.settingsBtn = widget.NewButtonWithIcon("设置本乡镇", theme.SettingsIcon(), func() { s.u.goTo("设置") })
	card := widget.NewCard("欢迎使用两委台账", "", container.NewVBox(
		s.welcomeText,
		container.NewGridWithColumns(2, s.importBtn, s.templateBtn, s.demoBtn, s.settingsBtn),
	))
	s.welcome = container.NewCenter(container.NewGridWrap(fyne.NewSize(640, 250), card))

	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.lockLine = widget.NewLabel("")
	s.lockLine.Importance = widget.WarningImportance
	s.lockLine.Wrapping = fyne.TextWrapWord
	s.lockLine.Hide()
	s.partyBar = widget.NewProgressBar()
	s.partyBar.TextFormatter = func() string { return ovBarText(s.stats.PartyOrg) }
	s.committeeBar = widget.NewProgressBar()
	s.committeeBar.TextFormatter = func() string { return ovBarText(s.stats.Committee) }
	bars := container.New(layout.NewFormLayout(),
		widget.NewLabel("村党组织完成率"), s.partyBar,
		widget.NewLabel("村（居）委会完成率"), s.committeeBar,
	)

	s.due, s.due2 = ovFigure(), ovFigure()
	s.partyDone, s.partyOne, s.partyTurnout = ovFigure(), ovFigure(), ovFigure()
	s.commDone, s.commOne, s.commTurnout = ovFigure(), ovFigure(), ovFigure()
	head := func(t string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(t, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	}
	table := container.NewGridWithColumns(5,
		head(""), head("应换届（村）"), head("已完成"), head("一次选举成功"), head("到会率 / 参选率"),
		widget.NewLabel("村党组织"), s.due, s.partyDone, s.partyOne, s.partyTurnout,
		widget.NewLabel("村委会"), s.due2, s.commDone, s.commOne, s.commTurnout,
	)

	s.warnings = widget.NewLabel("")
	s.warningsBtn = widget.NewButton("查看换届记录", func() { s.u.goTo("换届") })
	s.memberWarn = widget.NewLabel("")
	s.memberWarnBtn = widget.NewButton("查看两委成员", func() { s.u.goTo("两委成员") })
	s.rosterWarn = widget.NewLabel("")
	s.rosterWarn.Wrapping = fyne.TextWrapWord
	s.rosterWarn.Importance = widget.WarningImportance
	s.rosterWarn.Hide()
	s.towns = newTownshipTable()
	s.townsCard = widget.NewCard("", "各乡镇换届进度（点列标题排序）", s.towns.body)
	s.townsCard.Hide()

	s.figs = map[string]*widget.Label{}
	// The structure figures take the whole width in four columns; the party and the
	// complaint figures share the row below, two columns each. A grid is as wide as its
	// columns times its widest cell, so four columns of city-sized figures (“10376 人
	// （21.62%）”) still fit a 1366-pixel screen beside the navigation.
	s.memberCard = widget.NewCard("", "", container.NewVBox(s.figGrid(4,
		"两委成员", "党组织成员", "村委会成员", "交叉任职", "一肩挑",
		"女性", "平均年龄", "35岁及以下", "60岁及以上", "大专及以上",
		"村委会中党员", "新任", "乡镇党委班子", "乡镇政府班子", "班子交叉任职")))
	s.partyCard = widget.NewCard("", "", container.NewVBox(s.figGrid(2, "党组织", "党员", "“四有”齐全", "软弱涣散")))
	s.overdueBtn = widget.NewButton("", func() { s.u.goTo("信访举报") })
	overdue := container.NewBorder(nil, nil, widget.NewLabel("办理中超期"), s.overdueBtn)
	s.petitionCard = widget.NewCard("", "", container.NewVBox(container.NewGridWithColumns(2,
		s.figCell("受理"), s.figCell("属实（含部分属实）"), s.figCell("已办结"),
		overdue, s.figCell("约谈"), s.figCell("约谈方式"))))
	cards := container.NewVBox(s.memberCard, container.NewGridWithColumns(2, s.partyCard, s.petitionCard))
	s.message = widget.NewLabel("")
	s.message.Importance = widget.DangerImportance
	s.message.Wrapping = fyne.TextWrapWord
	s.message.Hide()

	s.unfinLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.unfinList = widget.NewList(
		func() int { return len(s.unfinished) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("某某镇某某村 · 村委会 · 进行中")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.unfinished) {
				o.(*widget.Label).SetText(ovUnfinishedText(s.unfinished[i]))
			}
		},
	)
	s.unfinList.OnSelected = func(widget.ListItemID) {
		s.unfinList.UnselectAll()
		s.u.goTo("换届")
	}

	top := container.NewVBox(
		s.heading, s.lockLine, s.message, bars, widget.NewSeparator(), table, cards,
		container.NewHBox(s.warnings, s.warningsBtn),
		container.NewHBox(s.memberWarn, s.memberWarnBtn), s.rosterWarn, widget.NewSeparator(),
		container.NewHBox(s.unfinLabel, widget.NewLabel("（点一项可到“换届”修改）")),
	)
	// At county and city scale the per-township table stands left of the unfinished list.
	// Both get a usable height and the page scrolls: on a 768-pixel screen the figures above
	// leave them too little room otherwise (and Fyne never shrinks a window below its content).
	lists := container.NewBorder(nil, nil, minWidth(s.townsCard, 660), nil, s.unfinList)
	floor := canvas.NewRectangle(color.Transparent)
	floor.SetMinSize(fyne.NewSize(0, 320))
	s.figures = container.NewVScroll(container.NewVBox(top, container.NewStack(floor, lists)))

	// A province's figures take seconds to read: until then the screen says so, rather
	// than welcoming the clerk to an empty database.
	s.loading = container.NewCenter(widget.NewLabel("正在读取…"))
	s.root = container.NewStack(s.loading)
	return container.NewPadded(s.root)
}

// refresh reloads the figures in the background and shows them when ready.
func (s *overviewScreen) refresh() {
	inBackground(&s.busy, func() {
		r, err := ovLoad(s.u.ctx(), s.u.deps.Store, s.u.deps.Now())
		onUI(func() { s.apply(r, err) })
	})
}

// ovResult is what a background load computed.
type ovResult struct {
	empty bool
	// The figures, per-township rows (for the table at county/city scale), unfinished
	// elections, roster mismatches (every one named) and warning counts of the round.
	data.Overview
	locks lockInfo // whether the round is 已上报, or was unlocked after
}

// ovLoad computes the overview of the current round (the round of 设置 when set, else the
// latest round in the data) on today's date, from the figure cache when the ledger has not
// changed since (sqlite.Cached), and reads the round locks.
func ovLoad(ctx context.Context, st data.Store, today time.Time) (ovResult, error) {
	if st == nil {
		return ovResult{empty: true}, nil
	}
	// The figures are of the day: computed on its midnight, so that a value cached for the
	// day is the one computed.
	y, m, d := today.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, today.Location())
	var o data.Overview
	var err error
	if s, ok := st.(*sqlite.Store); ok {
		o, err = sqlite.Cached(ctx, s, ovKey(day), func() (data.Overview, error) {
			return ovCompute(ctx, st, day)
		})
	} else {
		o, err = ovCompute(ctx, st, day)
	}
	if err != nil {
		return ovResult{}, err
	}
	if o.Villages == 0 {
		return ovResult{empty: true}, nil
	}
	locks, err := readLocks(ctx, st)
	if err != nil {
		return ovResult{}, err
	}
	return ovResult{Overview: o, locks: locks}, nil
}

// ovKey is the figure cache's key of the overview computed on day.
func ovKey(day time.Time) string { return "概览 today=" + day.Format(time.RFC3339) }

// ovCompute reads the round and computes its overview: township by township when the store
// reads so (data.TownshipStore), so that a province needs the memory of one township.
func ovCompute(ctx context.Context, st data.Store, today time.Time) (data.Overview, error) {
	set, err := st.Settings(ctx)
	if err != nil {
		return data.Overview{}, err
	}
	round := set.Round
	if round == 0 {
		rounds, err := st.Rounds(ctx)
		if err != nil {
			return data.Overview{}, err
		}
		round = data.LatestRound(nil, today)
		if len(rounds) > 0 {
			round = rounds[0]
		}
	}
	if ts, ok := st.(data.TownshipStore); ok {
		sum := data.NewOverviewSum(round, today)
		err := ts.EachTownship(ctx, round, func(l data.Ledger) error {
			sum.Add(l)
			return nil
		})
		return sum.Overview(), err
	}
	l, err := st.Ledger(ctx, round)
	if err != nil {
		return data.Overview{}, err
	}
	return data.BuildOverview(l, round, today), nil
}

func (s *overviewScreen) apply(r ovResult, err error) {
	if s.root == nil {
		return
	}
	if err != nil {
		fyne.LogError("概览 load", err)
		s.message.SetText("读取数据失败：" + err.Error())
		s.message.Show()
		if s.root.Objects[0] == s.loading {
			s.root.Objects = []fyne.CanvasObject{s.welcome}
			s.root.Refresh()
		}
		return
	}
	s.message.Hide()
	s.empty, s.stats, s.unfinished, s.nWarnings = r.empty, r.Stats, r.Unfinished, r.Warnings
	if r.empty {
		s.root.Objects = []fyne.CanvasObject{s.welcome}
		s.root.Refresh()
		return
	}
	st := r.Stats
	s.heading.SetText(fmt.Sprintf("%d年换届进展（%d个乡镇，%d个村）", st.Round, st.Townships, st.Villages))
	switch l, locked := r.locks.locked[st.Round]; {
	case locked:
		s.lockLine.SetText(fmt.Sprintf("%d年届次%s，各台账只读；要修改请在“报表”中解锁。", st.Round, lockText(l)))
		s.lockLine.Show()
	case r.locks.reopened[st.Round]:
		s.lockLine.SetText(reopenedText(st.Round))
		s.lockLine.Show()
	default:
		s.lockLine.Hide()
	}
	s.partyBar.SetValue(st.PartyOrg.Rate / 100)
	s.committeeBar.SetValue(st.Committee.Rate / 100)
	s.due.SetText(fmt.Sprint(st.PartyOrg.Due))
	s.due2.SetText(fmt.Sprint(st.Committee.Due))
	s.partyDone.SetText(ovCountRate(st.PartyOrg.Completed, st.PartyOrg.Rate))
	s.partyOne.SetText(ovCountRate(st.PartyOrg.OneTime, st.PartyOrg.OneTimeRate))
	s.partyTurnout.SetText(fmt.Sprintf("%.2f%%", st.PartyOrg.Turnout))
	s.commDone.SetText(ovCountRate(st.Committee.Completed, st.Committee.Rate))
	s.commOne.SetText(ovCountRate(st.Committee.OneTime, st.Committee.OneTimeRate))
	s.commTurnout.SetText(fmt.Sprintf("%.2f%%", st.Committee.Turnout))
	if r.Warnings > 0 {
		s.warnings.SetText(fmt.Sprintf("本届换届记录有 %d 条警告（如未差额选举），不影响统计，建议核实。", r.Warnings))
		s.warnings.Importance = widget.WarningImportance
		s.warningsBtn.Show()
	} else {
		s.warnings.SetText("本届换届记录没有警告。")
		s.warnings.Importance = widget.MediumImportance
		s.warningsBtn.Hide()
	}
	s.warnings.Refresh()
	s.applyFigures(r)
	s.applyRoster(r.Mismatches)
	if len(r.Rows) > 1 {
		s.towns.setData(r.Rows)
		s.townsCard.Show()
	} else {
		s.townsCard.Hide()
	}
	if len(r.Unfinished) == 0 {
		s.unfinLabel.SetText("所有村的两委换届均已完成")
	} else {
		s.unfinLabel.SetText(fmt.Sprintf("未完成换届（%d项）", len(r.Unfinished)))
	}
	s.unfinList.Refresh()
	s.root.Objects = []fyne.CanvasObject{s.figures}
	s.root.Refresh()
}

// figGrid lays out named figures in cols columns, each “label …… value”; the value labels
// go into figs under their names.
func (s *overviewScreen) figGrid(cols int, names ...string) fyne.CanvasObject {
	g := container.NewGridWithColumns(cols)
	for _, n := range names {
		g.Add(s.figCell(n))
	}
	return g
}

// figCell is one figure, “label …… value”, its value label kept in figs under name.
func (s *overviewScreen) figCell(name string) fyne.CanvasObject {
	v := ovFigure()
	s.figs[name] = v
	return container.NewBorder(nil, nil, widget.NewLabel(name), nil, v)
}

// applyFigures shows the structure, party, leadership, complaint and talk figures.
func (s *overviewScreen) applyFigures(r ovResult) {
	st := r.Stats
	m := st.Members
	people := func(n, of int) string { return fmt.Sprintf("%d 人（%.2f%%）", n, data.Rate(n, of)) }
	set := func(name, text string) { s.figs[name].SetText(text) }
	s.memberCard.SetSubTitle(fmt.Sprintf("%d年两委成员结构与乡镇班子", st.Round))
	set("两委成员", fmt.Sprintf("%d 人", m.Total))
	set("党组织成员", fmt.Sprintf("%d 人", m.Party))
	set("村委会成员", fmt.Sprintf("%d 人", m.Committee))
	set("交叉任职", people(m.Cross, m.Total))
	set("一肩挑", fmt.Sprintf("%d/%d 村（%.2f%%）", m.DualHead, m.DualHeadBase, m.DualHeadRate))
	set("女性", people(m.Women, m.Total))
	if m.Total > 0 {
		set("平均年龄", fmt.Sprintf("%.1f 岁", m.AvgAge))
	} else {
		set("平均年龄", "—")
	}
	set("35岁及以下", people(m.Under35, m.Total))
	set("60岁及以上", people(m.Age60Plus, m.Total))
	set("大专及以上", people(m.College, m.Total))
	set("村委会中党员", people(m.CommitteeParty, m.Committee))
	set("新任", people(m.New, m.Total))

	p := st.Party
	s.partyCard.SetSubTitle(fmt.Sprintf("%d年村级党组织", st.Round))
	set("党组织", fmt.Sprintf("%d 个", p.Orgs))
	set("党员", fmt.Sprintf("%d 名", p.Members))
	set("“四有”齐全", fmt.Sprintf("%d 个（%.2f%%）", p.FourHaves, data.Rate(p.FourHaves, p.Orgs)))
	set("软弱涣散", fmt.Sprintf("%d 个，已销号 %d", p.Weak, p.WeakRectified))
	set("乡镇党委班子", fmt.Sprintf("%d 人", st.Leadership.PartyCommittee))
	set("乡镇政府班子", fmt.Sprintf("%d 人", st.Leadership.Government))
	set("班子交叉任职", fmt.Sprintf("%d 人", st.Leadership.Cross))

	c := st.Petitions
	s.petitionCard.SetSubTitle(fmt.Sprintf("%d年信访举报与约谈", st.Round))
	set("受理", fmt.Sprintf("%d 件", c.Total))
	set("属实（含部分属实）", fmt.Sprintf("%d 件", c.Substantiated))
	set("已办结", fmt.Sprintf("%d 件", c.Closed))
	s.overdueBtn.SetText(fmt.Sprintf("%d 件", c.Overdue))
	if c.Overdue > 0 {
		s.overdueBtn.Importance = widget.DangerImportance
	} else {
		s.overdueBtn.Importance = widget.LowImportance
	}
	s.overdueBtn.Refresh()
	t := st.Talks
	set("约谈", fmt.Sprintf("%d 次", t.Total))
	set("约谈方式", fmt.Sprintf("申请%d 主动%d 下访%d",
		t.ByMode[string(data.ModeRequested)], t.ByMode[string(data.ModeInitiated)], t.ByMode[string(data.ModeVisiting)]))

	if r.MemberWarnings > 0 {
		s.memberWarn.SetText(fmt.Sprintf("两委成员有 %d 条提示（如村里没有书记或主任、村委会没有女性成员），建议核实。", r.MemberWarnings))
		s.memberWarn.Importance = widget.WarningImportance
		s.memberWarnBtn.Show()
	} else {
		s.memberWarn.SetText("两委成员没有提示。")
		s.memberWarn.Importance = widget.MediumImportance
		s.memberWarnBtn.Hide()
	}
	s.memberWarn.Refresh()
}

// toData goes to 数据 and opens its file dialog, saving the clerk a click.
func (s *overviewScreen) toData(open func(*dataScreen)) {
	s.u.goTo("数据")
	if d, ok := s.u.screens["数据"].(*dataScreen); ok && d.importBtn != nil {
		open(d)
	}
}

// onLoadDemo imports the demo township, then tells every screen.
func (s *overviewScreen) onLoadDemo() {
	s.demoBtn.Disable()
	inBackground(&s.busy, func() {
		err := s.u.deps.LoadDemo(s.u.ctx(), s.u.deps.Store, s.u.deps.Now())
		onUI(func() {
			s.demoBtn.Enable()
			if err != nil {
				s.u.showError("载入示例数据失败", err)
				return
			}
			s.u.changed()
		})
	})
}

func ovFigure() *widget.Label {
	return widget.NewLabelWithStyle("—", fyne.TextAlignTrailing, fyne.TextStyle{})
}

// ovBarText is the text on a completion bar: “47/48 村 97.92%”.
func ovBarText(b data.BodyStats) string {
	return fmt.Sprintf("%d/%d 村 %.2f%%", b.Completed, b.Due, b.Rate)
}

func ovCountRate(n int, rate float64) string { return fmt.Sprintf("%d（%.2f%%）", n, rate) }

func ovUnfinishedText(x data.Unfinished) string {
	t := fmt.Sprintf("%s%s · %s · %s", x.Township, x.Village, data.BodyName(x.Body, x.Kind), x.Status)
	if x.Reason != "" {
		t += " · " + x.Reason
	}
	return t
}

// applyRoster names every body whose roster differs from its 当选人数, or hides the line.
func (s *overviewScreen) applyRoster(xs []data.RosterMismatch) {
	if len(xs) == 0 {
		s.rosterWarn.SetText("")
		s.rosterWarn.Hide()
		return
	}
	names := make([]string, len(xs))
	for i, x := range xs {
		names[i] = x.Short()
	}
	s.rosterWarn.SetText(fmt.Sprintf("两委成员花名册与当选人数不一致（%d 处）：%s。请核对花名册或换届记录。", len(xs), strings.Join(names, "；")))
	s.rosterWarn.Show()
}

// newTownshipTable is the per-township progress table of 概览: due villages, completion of
// both bodies and 一肩挑, sortable by any column (so a county sees who is behind).
func newTownshipTable() *ledgerTable[data.SummaryRow] {
	n := func(f func(data.SummaryRow) int) (func(data.SummaryRow) string, func(data.SummaryRow) float64) {
		return func(r data.SummaryRow) string { return fmt.Sprint(f(r)) }, func(r data.SummaryRow) float64 { return float64(f(r)) }
	}
	pc := func(f func(data.SummaryRow) float64) (func(data.SummaryRow) string, func(data.SummaryRow) float64) {
		return func(r data.SummaryRow) string { return fmt.Sprintf("%.2f", f(r)) }, f
	}
	col := func(title string, width float32, text func(data.SummaryRow) string, num func(data.SummaryRow) float64) column[data.SummaryRow] {
		return column[data.SummaryRow]{title: title, width: width, numeric: true, text: text, num: num}
	}
	due, dueN := n(func(r data.SummaryRow) int { return r.Villages })
	pDone, pDoneN := n(func(r data.SummaryRow) int { return r.PartyOrg.Completed })
	pRate, pRateN := pc(func(r data.SummaryRow) float64 { return r.PartyOrg.Rate })
	cDone, cDoneN := n(func(r data.SummaryRow) int { return r.Committee.Completed })
	cRate, cRateN := pc(func(r data.SummaryRow) float64 { return r.Committee.Rate })
	dRate, dRateN := pc(func(r data.SummaryRow) float64 { return r.DualHeadRate })
	return newLedgerTable([]column[data.SummaryRow]{
		{title: "乡镇", width: 110, text: func(r data.SummaryRow) string { return r.Township }},
		col("应换届", 70, due, dueN),
		col("党组织完成", 95, pDone, pDoneN),
		col("完成率%", 80, pRate, pRateN),
		col("村（居）委会完成", 130, cDone, cDoneN),
		col("完成率%", 80, cRate, cRateN),
		col("一肩挑%", 75, dRate, dRateN),
	})
}
