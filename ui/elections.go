package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

func init() { register("换届", func(u *UI) screen { return newElectionsScreen(u) }) }

// electionsScreen is the 换届 ledger: the elections of one round, filters by round,
// township, body and status, and the 新增 / 编辑 / 删除 buttons with their form.
type electionsScreen struct {
	ledger[data.Election]
	roundChoice

	townshipSel *widget.Select
	bodySel     *widget.Select
	statusSel   *widget.Select

	villages []data.Village // every village, for the form's drop-downs
}

func newElectionsScreen(u *UI) *electionsScreen {
	s := &electionsScreen{}
	s.u, s.noSelection = u, "请先在表格中选择一条换届记录。"
	s.id = func(r data.Election) int64 { return r.ID }
	count := func(f func(data.Election) int) (func(data.Election) string, func(data.Election) float64) {
		return func(e data.Election) string { return fmt.Sprint(f(e)) },
			func(e data.Election) float64 { return float64(f(e)) }
	}
	eligT, eligN := count(func(e data.Election) int { return e.Eligible })
	partT, partN := count(func(e data.Election) int { return e.Participants })
	seatT, seatN := count(func(e data.Election) int { return e.Seats })
	candT, candN := count(func(e data.Election) int { return e.Candidates })
	elecT, elecN := count(func(e data.Election) int { return e.Elected })
	s.table = newLedgerTable([]column[data.Election]{
		{title: "乡镇", width: 90, text: func(e data.Election) string { return e.Township }},
		{title: "村名", width: 100, text: func(e data.Election) string { return e.Village }},
		{title: "届次", width: 52, numeric: true, text: func(e data.Election) string { return fmt.Sprint(e.Round) },
			num: func(e data.Election) float64 { return float64(e.Round) }},
		{title: "组织", width: 62, text: func(e data.Election) string { return string(e.Body) }},
		{title: "状态", width: 62, text: func(e data.Election) string { return string(e.Status) }},
		{title: "完成日期", width: 96, text: func(e data.Election) string { return data.FormatDate(e.CompletedOn) }},
		{title: "一次选举成功", width: 100, text: oneTimeText},
		{title: "应参加", width: 64, numeric: true, text: eligT, num: eligN},
		{title: "实参加", width: 64, numeric: true, text: partT, num: partN},
		{title: "参选/到会率 %", width: 118, numeric: true, text: turnoutText, num: turnoutValue},
		{title: "应选", width: 48, numeric: true, text: seatT, num: seatN},
		{title: "候选", width: 48, numeric: true, text: candT, num: candN},
		{title: "当选", width: 48, numeric: true, text: elecT, num: elecN},
		{title: "未完成原因", width: 178, text: func(e data.Election) string { return e.Reason }},
	})
	s.initRounds(s.refresh)
	s.townshipSel = s.table.addFilter("全部乡镇", nil, func(e data.Election) string { return e.Township })
	s.bodySel = s.table.addFilter("全部组织", data.Strings(data.Bodies...), func(e data.Election) string { return string(e.Body) })
	s.statusSel = s.table.addFilter("全部状态", data.Strings(data.ElectionStatuses...),
		func(e data.Election) string { return string(e.Status) })
	s.table.onSelect = func(e data.Election) {
		s.updateButtons()
		// The reason column is narrow; the whole reason of the selected row shows below.
		if e.Reason != "" {
			s.status.SetText(fmt.Sprintf("%s %s（%s）未完成原因：%s", e.Township, e.Village, e.Body, e.Reason))
		}
	}
	s.initActions(s.onAdd, s.onEdit, s.onDelete)
	return s
}

func oneTimeText(e data.Election) string {
	if e.Status != data.StatusCompleted {
		return ""
	}
	return data.FormatYesNo(e.OneTime)
}

// The rate is shown once people took part; 0.00 for an election not yet held would mislead.
func turnoutValue(e data.Election) float64 {
	if e.Eligible <= 0 || e.Participants <= 0 {
		return -1 // sorts before every real rate
	}
	return data.Rate(e.Participants, e.Eligible)
}

func turnoutText(e data.Election) string {
	if e.Eligible <= 0 || e.Participants <= 0 {
		return ""
	}
	return fmt.Sprintf("%.2f", data.Rate(e.Participants, e.Eligible))
}

func (s *electionsScreen) content() fyne.CanvasObject {
	if s.view == nil {
		s.view = s.frame(s.roundBar(s.table.toolbar()), s.statusLine(s.table.count))
	}
	return s.view
}

// refresh reloads villages, rounds and the chosen round's elections off the UI goroutine.
// The first load picks the round: 设置's current round, else the newest, else this year;
// later loads keep the clerk's choice unless 设置's round has changed since.
func (s *electionsScreen) refresh() {
	round, seen := s.round, s.settingsRound
	loadScreen(s.u, &s.loader, "读取换届记录失败", func() (roundRecords[data.Election], error) {
		return readRoundRecords(s.u, round, seen, s.u.deps.Store.Elections)
	}, s.apply)
}

func (s *electionsScreen) apply(l roundRecords[data.Election]) {
	s.showRounds(l.roundLoad)
	s.villages = l.villages
	if len(l.villages) == 0 {
		s.table.setEmptyText("还没有村庄。请在“数据”中导入工作簿，或先在“村庄”中新增村庄。")
	} else {
		s.table.setEmptyText(fmt.Sprintf("%d年还没有换届记录。请点击“新增”录入，或在“数据”中导入工作簿。", l.round))
	}
	s.table.setData(l.records)
	s.selectSaved()
	s.updateButtons()
}

func (s *electionsScreen) onAdd() {
	if len(s.villages) == 0 {
		s.u.tellFirst("还没有村庄",
			"请先在“村庄”中新增村庄，或在“数据”中导入工作簿，再录入换届情况。")
		return
	}
	e := data.Election{Round: s.round, Body: data.BodyParty, Status: data.StatusNotStarted}
	e.Township = filterValue(s.townshipSel)
	if b := filterValue(s.bodySel); b != "" {
		e.Body = data.Body(b)
	}
	if ts := villageTownships(s.villages); e.Township == "" && len(ts) == 1 {
		e.Township = ts[0]
	}
	s.openForm(e, false)
}

func (s *electionsScreen) onEdit() {
	if e, ok := s.selected(); ok {
		s.openForm(e, true)
	}
}

// openForm shows the election form; editing keeps the record's ID so the store updates it.
func (s *electionsScreen) openForm(e data.Election, editing bool) {
	title := "新增换届记录"
	if editing {
		title = fmt.Sprintf("编辑换届记录：%s %s %d年 %s", e.Township, e.Village, e.Round, e.Body)
	}
	f := newEditForm(s.u.win, title, editing)
	townshipSel := f.addSelect("乡镇", villageTownships(s.villages), e.Township)
	villageSel := f.addSelect("村名", villageNames(s.villages, e.Township), e.Village)
	f.addEntry("届次", fmt.Sprint(e.Round), "如 2026")
	f.addSelect("组织", data.Strings(data.Bodies...), string(e.Body))
	f.addSelect("状态", data.Strings(data.ElectionStatuses...), string(e.Status))
	f.addDate("完成日期", e.CompletedOn)
	f.addCheck("一次选举成功", e.OneTime)
	f.addCount("应参加人数", e.Eligible).SetPlaceHolder("党组织填应到会党员，村委会填登记选民")
	f.addCount("实参加人数", e.Participants).SetPlaceHolder("党组织填实到会，村委会填参加投票")
	f.addCount("应选职数", e.Seats)
	f.addCount("候选人数", e.Candidates)
	f.addCount("当选人数", e.Elected)
	f.addEntry("未完成原因", e.Reason, "状态为“未完成”时必填")

	followTownship(townshipSel, villageSel, func(t string) []string { return villageNames(s.villages, t) })

	var rec data.Election
	f.build = func() data.Problems {
		rec = data.Election{
			ID:           e.ID,
			Township:     f.selected("乡镇"),
			Village:      f.selected("村名"),
			Round:        f.round("届次"),
			Body:         data.Body(f.selected("组织")),
			Status:       data.ElectionStatus(f.selected("状态")),
			CompletedOn:  f.date("完成日期"),
			OneTime:      f.checked("一次选举成功"),
			Eligible:     f.count("应参加人数"),
			Participants: f.count("实参加人数"),
			Seats:        f.count("应选职数"),
			Candidates:   f.count("候选人数"),
			Elected:      f.count("当选人数"),
			Reason:       f.text("未完成原因"),
		}
		return rec.Validate(s.u.deps.Now())
	}
	f.save = func() error { return s.u.deps.Store.SaveElection(s.u.ctx(), &rec, s.u.deps.Now()) }
	f.onSaved = func() {
		s.round = rec.Round // show the round the record went to
		s.saved(fmt.Sprintf("已保存：%s %s %d年 %s", rec.Township, rec.Village, rec.Round, rec.Body), rec.ID)
	}
	s.form = f
	f.showDialog()
}

func (s *electionsScreen) onDelete() {
	e, ok := s.selected()
	if !ok {
		return
	}
	what := fmt.Sprintf("%s %s %d年 %s换届", e.Township, e.Village, e.Round, e.Body)
	s.confirmDelete("删除换届记录", what, func() error {
		return s.u.deps.Store.DeleteElection(s.u.ctx(), e.ID)
	})
}
