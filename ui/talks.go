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
	s.table = newLedgerTable([]column[data.Talk]{
		{title: "编号", width: 160, text: func(t data.Talk) string { return t.No }},
		{title: "日期", width: 96, text: func(t data.Talk) string { return data.FormatDate(t.Date) }},
		{title: "乡镇", width: 84, text: func(t data.Talk) string { return t.Township }},
		{title: "约谈方式", width: 84, text: func(t data.Talk) string { return string(t.Mode) }},
		{title: "约谈人", width: 72, text: func(t data.Talk) string { return t.Interviewer }},
		{title: "被约谈人", width: 80, text: func(t data.Talk) string { return t.Interviewee }},
		{title: "单位", width: 120, text: func(t data.Talk) string { return t.Unit }},
		{title: "职务", width: 100, text: func(t data.Talk) string { return t.Post }},
		{title: "类别", width: 116, text: func(t data.Talk) string { return string(t.Category) }},
		{title: "事由", width: 240, text: func(t data.Talk) string { return t.Cause }},
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
	loadScreen(s.u, &s.loader, "读取约谈记录失败", func() (talksLoad, error) {
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
	f.addEntry("编号", t.No, "如 城关谈〔2026〕1号")
	f.addSelect("乡镇", s.townships, t.Township)
	f.addDate("日期", t.Date)
	f.addSelect("约谈方式", data.Strings(data.TalkModes...), string(t.Mode))
	f.addEntry("约谈人", t.Interviewer, "")
	f.addEntry("被约谈人", t.Interviewee, "")
	f.addEntry("单位", t.Unit, "如 王家庄村党支部")
	f.addEntry("职务", t.Post, "如 书记")
	f.addSelect("类别", data.Strings(data.TalkCategories...), string(t.Category))
	u2bLongText(f.addEntry("事由", t.Cause, ""))
	u2bLongText(f.addEntry("处理情况", t.Handling, ""))

	var rec data.Talk
	f.build = func() data.Problems {
		rec = data.Talk{
			ID:          t.ID,
			Township:    f.selected("乡镇"),
			No:          f.text("编号"),
			Date:        f.date("日期"),
			Mode:        data.TalkMode(f.selected("约谈方式")),
			Interviewer: f.text("约谈人"),
			Interviewee: f.text("被约谈人"),
			Unit:        f.text("单位"),
			Post:        f.text("职务"),
			Category:    data.TalkCategory(f.selected("类别")),
			Cause:       u2bOneLine(f.text("事由")),
			Handling:    u2bOneLine(f.text("处理情况")),
		}
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
