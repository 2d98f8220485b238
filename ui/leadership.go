package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

func init() { register("乡镇班子", func(u *UI) screen { return newLeadershipScreen(u) }) }

// leadershipScreen is the 乡镇班子 ledger: each township's leadership of one round, the sums
// of the rows shown, and the 新增 / 编辑 / 删除 buttons with their form.
type leadershipScreen struct {
	ledger[data.Leadership]
	roundChoice

	townshipSel *widget.Select
	sums        *widget.Label // 合计 of the rows shown

	townships []string // every township, for the form
}

func newLeadershipScreen(u *UI) *leadershipScreen {
	s := &leadershipScreen{}
	s.u, s.noSelection = u, "请先在表格中选择一个乡镇。"
	s.id = func(r data.Leadership) int64 { return r.ID }
	num := func(title string, f func(data.Leadership) int) column[data.Leadership] {
		return column[data.Leadership]{title: title, width: 150, numeric: true,
			text: func(l data.Leadership) string { return fmt.Sprint(f(l)) },
			num:  func(l data.Leadership) float64 { return float64(f(l)) }}
	}
	s.table = newLedgerTable([]column[data.Leadership]{
		{title: "乡镇", width: 160, text: func(l data.Leadership) string { return l.Township }},
		{title: "届次", width: 70, numeric: true, text: func(l data.Leadership) string { return fmt.Sprint(l.Round) },
			num: func(l data.Leadership) float64 { return float64(l.Round) }},
		num("党委班子成员数", func(l data.Leadership) int { return l.PartyCommittee }),
		num("政府班子成员数", func(l data.Leadership) int { return l.Government }),
		num("交叉任职数", func(l data.Leadership) int { return l.Cross }),
	})
	s.initRounds(s.refresh)
	s.townshipSel = s.table.addFilter("全部乡镇", nil, func(l data.Leadership) string { return l.Township })
	s.initActions(s.onAdd, s.onEdit, s.onDelete)
	s.sums = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The sums follow search and filter: they are recomputed whenever the count changes.
	countChanged := s.table.search.OnChanged
	s.table.search.OnChanged = func(q string) { countChanged(q); s.updateSums() }
	for _, f := range s.table.filters {
		cb := f.sel.OnChanged
		f.sel.OnChanged = func(v string) { cb(v); s.updateSums() }
	}
	return s
}

func (s *leadershipScreen) content() fyne.CanvasObject {
	if s.view == nil {
		s.view = s.frame(s.roundBar(s.table.toolbar()), container.NewVBox(s.sums, s.statusLine(s.table.count)))
	}
	return s.view
}

// ldSums adds up the leadership rows.
func ldSums(ls []data.Leadership) data.LeadershipStats {
	var t data.LeadershipStats
	for _, l := range ls {
		t.PartyCommittee += l.PartyCommittee
		t.Government += l.Government
		t.Cross += l.Cross
	}
	return t
}

// updateSums writes the 合计 line of the rows shown.
func (s *leadershipScreen) updateSums() {
	rows := make([]data.Leadership, s.table.rowCount())
	for i := range rows {
		rows[i] = s.table.row(i)
	}
	if len(rows) == 0 {
		s.sums.SetText("")
		return
	}
	t := ldSums(rows)
	s.sums.SetText(fmt.Sprintf("合计（%d个乡镇）：党委班子成员 %d 人，政府班子成员 %d 人，交叉任职 %d 人",
		len(rows), t.PartyCommittee, t.Government, t.Cross))
}

// leadershipLoad is what one refresh reads from the store.
type leadershipLoad struct {
	roundLoad
	townships []string
	rows      []data.Leadership
}

// refresh reloads townships, rounds and the chosen round's rows off the UI goroutine. The
// rounds offered are those of the elections and of the leadership rows.
func (s *leadershipScreen) refresh() {
	round, seen := s.round, s.settingsRound
	loadScreen(s.u, &s.loader, "读取乡镇班子失败", func() (leadershipLoad, error) { return s.load(round, seen) }, s.apply)
}

func (s *leadershipScreen) load(round, seenSettings int) (leadershipLoad, error) {
	ctx, st := s.u.ctx(), s.u.deps.Store
	var l leadershipLoad
	var err error
	if l.rounds, err = st.Rounds(ctx); err != nil {
		return l, err
	}
	all, err := st.Leaderships(ctx, 0)
	if err != nil {
		return l, err
	}
	for _, x := range all {
		if !slices.Contains(l.rounds, x.Round) {
			l.rounds = append(l.rounds, x.Round)
		}
	}
	slices.SortFunc(l.rounds, func(a, b int) int { return b - a })
	set, err := st.Settings(ctx)
	if err != nil {
		return l, err
	}
	l.settingsRound = set.Round
	l.round = pickRound(round, set.Round, seenSettings, l.rounds, s.u.deps.Now())
	for _, x := range all {
		if x.Round == l.round {
			l.rows = append(l.rows, x)
		}
	}
	ts, err := st.Townships(ctx)
	if err != nil {
		return l, err
	}
	l.townships = townshipNames(nil, ts)
	return l, nil
}

func (s *leadershipScreen) apply(l leadershipLoad) {
	s.showRounds(l.roundLoad)
	s.townships = l.townships
	s.table.setEmptyText(fmt.Sprintf("%d年还没有乡镇班子记录。请点击“新增”录入，或在“数据”中导入工作簿。", l.round))
	s.table.setData(l.rows)
	s.selectSaved()
	s.updateSums()
	s.updateButtons()
}

func (s *leadershipScreen) onAdd() {
	l := data.Leadership{Round: s.round, Township: filterValue(s.townshipSel)}
	if l.Township == "" && len(s.townships) == 1 {
		l.Township = s.townships[0]
	}
	s.openForm(l, false)
}

func (s *leadershipScreen) onEdit() {
	if l, ok := s.selected(); ok {
		s.openForm(l, true)
	}
}

// openForm shows the leadership form; editing keeps the record's ID so the store updates it.
// The 交叉任职数 field says its limit, min(党委, 政府), as the two counts are typed.
func (s *leadershipScreen) openForm(l data.Leadership, editing bool) {
	title := "新增乡镇班子"
	if editing {
		title = fmt.Sprintf("编辑乡镇班子：%s %d年", l.Township, l.Round)
	}
	f := newEditForm(s.u.win, title, editing)
	f.addSelect("乡镇", s.townships, l.Township) // the store wants an existing township
	f.addEntry("届次", fmt.Sprint(l.Round), "如 2026")
	party := f.addCount("党委班子成员数", l.PartyCommittee)
	gov := f.addCount("政府班子成员数", l.Government)
	cross := f.addCount("交叉任职数", l.Cross)
	hint := func() {
		p, _ := data.ParseCount(party.Text)
		g, _ := data.ParseCount(gov.Text)
		cross.SetPlaceHolder(fmt.Sprintf("不超过 %d（党委、政府班子人数的较小者）", max(0, min(p, g))))
	}
	hint()
	for _, e := range []*widget.Entry{party, gov} {
		cb := e.OnChanged
		e.OnChanged = func(v string) { hint(); cb(v) }
	}

	var rec data.Leadership
	f.build = func() data.Problems {
		rec = data.Leadership{
			ID:             l.ID,
			Township:       f.selected("乡镇"),
			Round:          f.round("届次"),
			PartyCommittee: f.count("党委班子成员数"),
			Government:     f.count("政府班子成员数"),
			Cross:          f.count("交叉任职数"),
		}
		return rec.Validate()
	}
	f.save = func() error { return s.u.deps.Store.SaveLeadership(s.u.ctx(), &rec) }
	f.onSaved = func() {
		s.round = rec.Round
		s.saved(fmt.Sprintf("已保存：%s %d年", rec.Township, rec.Round), rec.ID)
	}
	s.form = f
	f.showDialog()
}

func (s *leadershipScreen) onDelete() {
	l, ok := s.selected()
	if !ok {
		return
	}
	what := fmt.Sprintf("%s %d年乡镇班子", l.Township, l.Round)
	s.confirmDelete("删除乡镇班子", what, func() error {
		return s.u.deps.Store.DeleteLeadership(s.u.ctx(), l.ID)
	})
}
