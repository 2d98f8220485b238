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
	k := data.ElectionDesc
	s.table = newLedgerTable([]column[data.Election]{
		fieldCol(k, func(e *data.Election) any { return &e.Township }, 90),
		fieldCol(k, func(e *data.Election) any { return &e.Village }, 100),
		fieldCol(k, func(e *data.Election) any { return &e.Round }, 52),
		fieldCol(k, func(e *data.Election) any { return &e.Body }, 62),
		fieldCol(k, func(e *data.Election) any { return &e.Status }, 62),
		fieldCol(k, func(e *data.Election) any { return &e.CompletedOn }, 96),
		fieldCol(k, func(e *data.Election) any { return &e.OneTime }, 100).shown(oneTimeText),
		fieldCol(k, func(e *data.Election) any { return &e.Eligible }, 64),
		fieldCol(k, func(e *data.Election) any { return &e.Participants }, 64),
		{title: "参选/到会率 %", width: 118, numeric: true, text: turnoutText, num: turnoutValue},
		fieldCol(k, func(e *data.Election) any { return &e.Seats }, 48),
		fieldCol(k, func(e *data.Election) any { return &e.Candidates }, 48),
		fieldCol(k, func(e *data.Election) any { return &e.Elected }, 48),
		fieldCol(k, func(e *data.Election) any { return &e.Reason }, 178),
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
	s.initLock(func() int { return s.round }, nil)
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
	loadLedger(&s.ledger, "读取换届记录失败", func() (roundRecords[data.Election], error) {
		return readRoundRows(s.u, round, seen, s.u.deps.Store.Elections, s.table,
			func(e data.Election) (string, string) { return e.Township, e.Village })
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
	s.table.show(l.rows)
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
	b := newFieldForm(f, data.ElectionDesc, &e)
	township := b.choose(func(e *data.Election) any { return &e.Township }, villageTownships(s.villages))
	village := b.choose(func(e *data.Election) any { return &e.Village }, villageNames(s.villages, e.Township))
	for _, at := range []func(*data.Election) any{
		func(e *data.Election) any { return &e.Round },
		func(e *data.Election) any { return &e.Body },
		func(e *data.Election) any { return &e.Status },
		func(e *data.Election) any { return &e.CompletedOn },
		func(e *data.Election) any { return &e.OneTime },
		func(e *data.Election) any { return &e.Eligible },
		func(e *data.Election) any { return &e.Participants },
		func(e *data.Election) any { return &e.Seats },
		func(e *data.Election) any { return &e.Candidates },
		func(e *data.Election) any { return &e.Elected },
		func(e *data.Election) any { return &e.Reason },
		func(e *data.Election) any { return &e.Method },
	} {
		b.add(at)
	}
	townshipSel, villageSel := f.byName[township].sel, f.byName[village].sel

	followTownship(townshipSel, villageSel, func(t string) []string { return villageNames(s.villages, t) })

	var rec data.Election
	f.build = func() data.Problems {
		rec = data.Election{ID: e.ID}
		b.read(&rec)
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
