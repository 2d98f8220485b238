package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

func init() { register("约谈", func(u *UI) screen { return newTalksScreen(u) }) }

// talksScreen is the 约谈 ledger: every talk, filtered by year, township, 方式 and 类别, a
// line counting the talks shown by category (the yearbook's 59/341/41), with 新增 / 编辑 /
// 删除 and the form.
type talksScreen struct {
	ledger[data.Talk]

	yearSel     *widget.Select
	townshipSel *widget.Select
	modeSel     *widget.Select
	categorySel *widget.Select
	byCategory  *widget.Label // 个人诉求 N · 汇报工作和思想 N · 意见建议 N, of the rows shown

	townships []string // every township, for the form
	years     u2bYears
}

func newTalksScreen(u *UI) *talksScreen {
	s := &talksScreen{}
	s.u, s.noSelection = u, "请先在表格中选择一条约谈记录。"
	s.id = func(r data.Talk) int64 { return r.ID }
	k := data.TalkDesc
	s.table = newLedgerTable([]column[data.Talk]{
		fieldCol(k, func(t *data.Talk) any { return &t.No }, 160),
		fieldCol(k, func(t *data.Talk) any { return &t.Date }, 96),
		fieldCol(k, func(t *data.Talk) any { return &t.Township }, 84),
		fieldCol(k, func(t *data.Talk) any { return &t.Mode }, 84),
		fieldCol(k, func(t *data.Talk) any { return &t.Interviewer }, 72),
		fieldCol(k, func(t *data.Talk) any { return &t.Interviewee }, 80),
		fieldCol(k, func(t *data.Talk) any { return &t.Unit }, 120),
		fieldCol(k, func(t *data.Talk) any { return &t.Post }, 100),
		fieldCol(k, func(t *data.Talk) any { return &t.Category }, 116),
		fieldCol(k, func(t *data.Talk) any { return &t.Cause }, 240),
	})
	s.yearSel = s.table.addFilter(poAllYears, []string{}, func(t data.Talk) string { return roundLabel(t.Date.Year()) })
	s.townshipSel = s.table.addFilter("全部乡镇", nil, func(t data.Talk) string { return t.Township })
	s.modeSel = s.table.addFilter("全部方式", data.Strings(data.TalkModes...), func(t data.Talk) string { return string(t.Mode) })
	s.categorySel = s.table.addFilter("全部类别", data.Strings(data.TalkCategories...), func(t data.Talk) string { return string(t.Category) })
	s.byCategory = widget.NewLabel("")
	u2bAfterApply(s.table, s.countCategories)
	s.table.onSelect = func(t data.Talk) {
		s.updateButtons()
		// 事由 and 处理情况 are long; the selected talk's show below the table.
		if t.Cause != "" || t.Handling != "" {
			s.status.SetText(fmt.Sprintf("%s 事由：%s  处理情况：%s", t.No, t.Cause, t.Handling))
		}
	}
	s.initLock(func() int { return yearChosen(s.yearSel) }, func(t data.Talk) int { return t.Date.Year() })
	onYear := s.yearSel.OnChanged
	s.yearSel.OnChanged = func(v string) {
		onYear(v)
		s.showLock()
	}
	s.initActions(s.onAdd, s.onEdit, s.onDelete)
	return s
}

// countCategories writes the line of counts by category over the talks shown.
func (s *talksScreen) countCategories() {
	n := map[data.TalkCategory]int{}
	for i := 0; i < s.table.rowCount(); i++ {
		n[s.table.row(i).Category]++
	}
	parts := make([]string, len(data.TalkCategories))
	for i, c := range data.TalkCategories {
		parts[i] = fmt.Sprintf("%s %d", c, n[c])
	}
	s.byCategory.SetText(strings.Join(parts, " · "))
}

func (s *talksScreen) content() fyne.CanvasObject {
	if s.view == nil {
		s.view = s.frame(s.table.toolbar(), s.statusLine(container.NewHBox(s.table.count, s.byCategory)))
	}
	return s.view
}

// talksLoad is what one refresh reads from the store.
type talksLoad struct {
	round     int
	townships []data.Township
	talks     []data.Talk
}

// refresh reloads every talk and the townships off the UI goroutine.
func (s *talksScreen) refresh() {
	loadLedger(&s.ledger, "读取约谈记录失败", func() (talksLoad, error) {
		var l talksLoad
		ctx, st := s.u.ctx(), s.u.deps.Store
		set, err := st.Settings(ctx)
		if err == nil {
			l.round = set.Round
			l.townships, err = st.Townships(ctx)
		}
		if err == nil {
			l.talks, err = st.Talks(ctx, 0)
		}
		return l, err
	}, s.apply)
}

func (s *talksScreen) apply(l talksLoad) {
	s.townships = townshipNames(s.townships, l.townships)
	s.years.set(s.yearSel, u2bYearsOf(l.talks, func(t data.Talk) int { return t.Date.Year() }), l.round)
	if len(s.townships) == 0 {
		s.table.setEmptyText("还没有乡镇。请在“数据”中导入工作簿，或先在“村庄”中新增村庄，再登记约谈。")
	} else {
		s.table.setEmptyText("还没有约谈记录。请在“数据”中导入工作簿（“约谈”工作表），或点击“新增”登记。")
	}
	s.table.setData(l.talks)
	s.countCategories()
	s.selectSaved()
	s.updateButtons()
}

func (s *talksScreen) onAdd() {
	if len(s.townships) == 0 {
		s.u.tellFirst("还没有乡镇",
			"请先在“数据”中导入工作簿，或在“村庄”中新增村庄（乡镇随之建立），再登记约谈。")
		return
	}
	t := data.Talk{Date: s.u.deps.Now()}
	if t.Township = filterValue(s.townshipSel); t.Township == "" && len(s.townships) == 1 {
		t.Township = s.townships[0]
	}
	if m := filterValue(s.modeSel); m != "" {
		t.Mode = data.TalkMode(m)
	}
	if c := filterValue(s.categorySel); c != "" {
		t.Category = data.TalkCategory(c)
	}
	s.openForm(t, false)
}

func (s *talksScreen) onEdit() {
	if t, ok := s.selected(); ok {
		s.openForm(t, true)
	}
}

// openForm shows the talk form; editing keeps the record's ID so the store updates it.
func (s *talksScreen) openForm(t data.Talk, editing bool) {
	title := "登记约谈"
	if editing {
		title = fmt.Sprintf("编辑约谈：%s %s", t.Township, t.No)
	}
	f := newEditForm(s.u.win, title, editing)
	b := newFieldForm(f, data.TalkDesc, &t)
	b.add(func(t *data.Talk) any { return &t.No })
	b.choose(func(t *data.Talk) any { return &t.Township }, s.townships)
	for _, at := range []func(*data.Talk) any{
		func(t *data.Talk) any { return &t.Date },
		func(t *data.Talk) any { return &t.Mode },
		func(t *data.Talk) any { return &t.Interviewer },
		func(t *data.Talk) any { return &t.Interviewee },
		func(t *data.Talk) any { return &t.Unit },
		func(t *data.Talk) any { return &t.Post },
		func(t *data.Talk) any { return &t.Category },
		func(t *data.Talk) any { return &t.Cause },
		func(t *data.Talk) any { return &t.Handling },
	} {
		b.add(at)
	}

	var rec data.Talk
	f.build = func() data.Problems {
		rec = data.Talk{ID: t.ID}
		b.read(&rec)
		return rec.Validate()
	}
	f.save = func() error { return s.u.deps.Store.SaveTalk(s.u.ctx(), &rec) }
	f.onSaved = func() {
		s.years.want = rec.Date.Year()
		s.saved(fmt.Sprintf("已保存：%s 约谈 %s", rec.Township, rec.No), rec.ID)
	}
	s.form = f
	f.showDialog()
}

func (s *talksScreen) onDelete() {
	t, ok := s.selected()
	if !ok {
		return
	}
	what := fmt.Sprintf("%s 约谈 %s（%s）", t.Township, t.No, t.Interviewee)
	s.confirmDelete("删除约谈记录", what, func() error {
		return s.u.deps.Store.DeleteTalk(s.u.ctx(), t.ID)
	})
}
