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
	k := data.LeadershipDesc
	s.table = newLedgerTable([]column[data.Leadership]{
		fieldCol(k, func(l *data.Leadership) any { return &l.Township }, 160),
		fieldCol(k, func(l *data.Leadership) any { return &l.Round }, 70),
		fieldCol(k, func(l *data.Leadership) any { return &l.PartyCommittee }, 150),
		fieldCol(k, func(l *data.Leadership) any { return &l.Government }, 150),
		fieldCol(k, func(l *data.Leadership) any { return &l.Cross }, 150),
	})
	s.initRounds(s.refresh)
	s.townshipSel = s.table.addFilter("全部乡镇", nil, func(l data.Leadership) string { return l.Township })
	s.initLock(func() int { return s.round }, nil)
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
	loadLedger(&s.ledger, "读取乡镇班子失败", func() (leadershipLoad, error) { return s.load(round, seen) }, s.apply)
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
	b := newFieldForm(f, data.LeadershipDesc, &l)
	b.choose(func(l *data.Leadership) any { return &l.Township }, s.townships) // the store wants an existing township
	b.add(func(l *data.Leadership) any { return &l.Round })
	party := f.byName[b.add(func(l *data.Leadership) any { return &l.PartyCommittee })].entry
	gov := f.byName[b.add(func(l *data.Leadership) any { return &l.Government })].entry
	cross := f.byName[b.add(func(l *data.Leadership) any { return &l.Cross })].entry
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
		rec = data.Leadership{ID: l.ID}
		b.read(&rec)
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
