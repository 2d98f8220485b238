package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

func init() { register("信访举报", func(u *UI) screen { return newComplaintsScreen(u) }) }

// Options of the 信访举报 status filter. 办理中 lists every complaint still being handled,
// the overdue ones included (they are marked 超期); 超期 only those past 办结时限.
const (
	cpAllStatus = "全部状态"
	cpPending   = "办理中"
	cpOverdue   = "超期"
	cpClosed    = "已办结"
	// cpNoVillage is the 村名 choice of a complaint about the township as a whole.
	cpNoVillage = "—（不涉及具体村）"
	// cpAnonymous is what 反映人 says of an anonymous complaint.
	cpAnonymous = "匿名"
)

// complaintsScreen is the 信访举报 ledger: every complaint, filtered by year of 受理日期,
// township, 类别 and status, overdue ones highlighted, with 新增 / 编辑 / 删除 and the form.
type complaintsScreen struct {
	ledger[data.Complaint]

	yearSel     *widget.Select
	townshipSel *widget.Select
	categorySel *widget.Select
	statusSel   *widget.Select // 全部状态 / 办理中 / 超期 / 已办结
	overdue     *widget.Label  // how many are overdue among those shown

	today     time.Time // the reference date of 超期, taken at each load
	townships []string  // every township, for the form
	villages  []data.Village
	years     u2bYears
}

func newComplaintsScreen(u *UI) *complaintsScreen {
	s := &complaintsScreen{today: u.deps.Now()}
	s.u, s.noSelection = u, "请先在表格中选择一条信访举报。"
	s.id = func(r data.Complaint) int64 { return r.ID }
	k := data.ComplaintDesc
	s.table = newLedgerTable([]column[data.Complaint]{
		fieldCol(k, func(c *data.Complaint) any { return &c.No }, 160),
		fieldCol(k, func(c *data.Complaint) any { return &c.Received }, 96),
		fieldCol(k, func(c *data.Complaint) any { return &c.Channel }, 80),
		fieldCol(k, func(c *data.Complaint) any { return &c.Township }, 84),
		fieldCol(k, func(c *data.Complaint) any { return &c.Village }, 92),
		fieldCol(k, func(c *data.Complaint) any { return &c.Complainant }, 70),
		fieldCol(k, func(c *data.Complaint) any { return &c.Subject }, 80),
		fieldCol(k, func(c *data.Complaint) any { return &c.Category }, 76),
		fieldCol(k, func(c *data.Complaint) any { return &c.Handler }, 70),
		fieldCol(k, func(c *data.Complaint) any { return &c.Deadline }, 96),
		fieldCol(k, func(c *data.Complaint) any { return &c.Result }, 124).shown(s.resultText),
		fieldCol(k, func(c *data.Complaint) any { return &c.Replied }, 96),
	})
	s.yearSel = s.table.addFilter(poAllYears, []string{}, func(c data.Complaint) string { return roundLabel(c.Received.Year()) })
	s.townshipSel = s.table.addFilter("全部乡镇", nil, func(c data.Complaint) string { return c.Township })
	s.categorySel = s.table.addFilter("全部类别", data.Strings(data.ComplaintCategories...),
		func(c data.Complaint) string { return string(c.Category) })
	s.statusSel = u2bMatchFilter(s.table, cpAllStatus, []string{cpPending, cpOverdue, cpClosed}, func(c data.Complaint, opt string) bool {
		switch opt {
		case cpPending:
			return c.Pending()
		case cpOverdue:
			return c.Overdue(s.today)
		case cpClosed:
			return !c.Pending()
		}
		return false
	})
	s.highlightOverdue()
	u2bAfterApply(s.table, s.countOverdue)
	s.table.onSelect = func(c data.Complaint) {
		s.updateButtons()
		// The summary does not fit in the table; the selected complaint's shows below it.
		if c.Summary != "" {
			s.status.SetText(fmt.Sprintf("%s %s 内容摘要：%s", c.Township, c.No, c.Summary))
		}
	}
	s.initLock(func() int { return yearChosen(s.yearSel) }, func(c data.Complaint) int { return c.Received.Year() })
	onYear := s.yearSel.OnChanged
	s.yearSel.OnChanged = func(v string) {
		onYear(v)
		s.showLock()
	}
	s.initActions(s.onAdd, s.onEdit, s.onDelete)
	s.overdue = widget.NewLabel("")
	s.overdue.Importance = widget.DangerImportance
	return s
}

// resultText is the 办理结果 cell: an overdue complaint is marked 超期.
func (s *complaintsScreen) resultText(c data.Complaint) string {
	if c.Overdue(s.today) {
		return string(c.Result) + "（超期）"
	}
	return string(c.Result)
}

// highlightOverdue tints the rows of overdue complaints and writes them in the error colour,
// on top of the table's own cell drawing (which only knows the selection).
func (s *complaintsScreen) highlightOverdue() {
	draw := s.table.table.UpdateCell
	s.table.table.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		draw(id, o)
		stack := o.(*fyne.Container)
		bg := stack.Objects[0].(*canvas.Rectangle)
		l := stack.Objects[1].(*tipLabel)
		late := id.Row >= 0 && id.Row < s.table.rowCount() && s.table.row(id.Row).Overdue(s.today)
		imp := widget.MediumImportance
		if late {
			imp = widget.DangerImportance
			if id.Row != s.table.selected {
				bg.FillColor = cpOverdueTint()
				bg.Show()
			}
		}
		if l.Importance != imp {
			l.Importance = imp
			l.Refresh()
		}
	}
}

// cpOverdueTint is the theme's error colour, faint enough to read black text on.
func cpOverdueTint() color.Color {
	r, g, b, _ := theme.Color(theme.ColorNameError).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x30}
}

// isOverdue reports whether row i of the table is shown as overdue.
func (s *complaintsScreen) isOverdue(i int) bool { return s.table.row(i).Overdue(s.today) }

// countOverdue says how many of the complaints shown are overdue.
func (s *complaintsScreen) countOverdue() {
	n := 0
	for i := 0; i < s.table.rowCount(); i++ {
		if s.isOverdue(i) {
			n++
		}
	}
	if n == 0 {
		s.overdue.SetText("")
		return
	}
	s.overdue.SetText(fmt.Sprintf("其中超期 %d 件", n))
}

func (s *complaintsScreen) content() fyne.CanvasObject {
	if s.view == nil {
		s.view = s.frame(s.table.toolbar(), s.statusLine(container.NewHBox(s.table.count, s.overdue)))
	}
	return s.view
}

// complaintsLoad is what one refresh reads from the store.
type complaintsLoad struct {
	today      time.Time
	round      int
	townships  []data.Township
	villages   []data.Village
	complaints []data.Complaint
}

// refresh reloads every complaint, the townships and villages off the UI goroutine; the
// reference date of 超期 is taken anew, so a screen left open overnight stays right.
func (s *complaintsScreen) refresh() {
	loadLedger(&s.ledger, "读取信访举报失败", func() (complaintsLoad, error) {
		l := complaintsLoad{today: s.u.deps.Now()}
		ctx, st := s.u.ctx(), s.u.deps.Store
		set, err := st.Settings(ctx)
		if err == nil {
			l.round = set.Round
			l.townships, err = st.Townships(ctx)
		}
		if err == nil {
			l.villages, err = st.Villages(ctx)
		}
		if err == nil {
			l.complaints, err = st.Complaints(ctx, 0)
		}
		return l, err
	}, s.apply)
}

func (s *complaintsScreen) apply(l complaintsLoad) {
	s.today = l.today
	s.villages = l.villages
	s.townships = townshipNames(s.townships, l.townships)
	s.years.set(s.yearSel, u2bYearsOf(l.complaints, func(c data.Complaint) int { return c.Received.Year() }), l.round)
	if len(s.townships) == 0 {
		s.table.setEmptyText("还没有乡镇。请在“数据”中导入工作簿，或先在“村庄”中新增村庄，再登记信访举报。")
	} else {
		s.table.setEmptyText("还没有信访举报记录。请在“数据”中导入工作簿（“信访举报”工作表），或点击“新增”登记。")
	}
	s.table.setData(l.complaints)
	s.countOverdue()
	s.selectSaved()
	s.updateButtons()
}

func (s *complaintsScreen) onAdd() {
	if len(s.townships) == 0 {
		s.u.tellFirst("还没有乡镇",
			"请先在“数据”中导入工作簿，或在“村庄”中新增村庄（乡镇随之建立），再登记信访举报。")
		return
	}
	c := data.Complaint{Received: s.today, Result: data.ResPending}
	if c.Township = filterValue(s.townshipSel); c.Township == "" && len(s.townships) == 1 {
		c.Township = s.townships[0]
	}
	if cat := filterValue(s.categorySel); cat != "" {
		c.Category = data.ComplaintCategory(cat)
	}
	s.openForm(c, false)
}

func (s *complaintsScreen) onEdit() {
	if c, ok := s.selected(); ok {
		s.openForm(c, true)
	}
}

// villageOptions are the 村名 choices of a township: none first, then its villages.
func (s *complaintsScreen) villageOptions(township string) []string {
	return append([]string{cpNoVillage}, villageNames(s.villages, township)...)
}

// openForm shows the complaint form; editing keeps the record's ID so the store updates it.
func (s *complaintsScreen) openForm(c data.Complaint, editing bool) {
	title := "登记信访举报"
	if editing {
		title = fmt.Sprintf("编辑信访举报：%s %s", c.Township, c.No)
	}
	f := newEditForm(s.u.win, title, editing)
	b := newFieldForm(f, data.ComplaintDesc, &c)
	b.add(func(c *data.Complaint) any { return &c.No })
	b.add(func(c *data.Complaint) any { return &c.Received })
	b.add(func(c *data.Complaint) any { return &c.Channel })
	township := b.choose(func(c *data.Complaint) any { return &c.Township }, s.townships)
	villageName := b.choose(func(c *data.Complaint) any { return &c.Village }, s.villageOptions(c.Township))
	if c.Village == "" && c.Township != "" {
		f.byName[villageName].sel.SetSelected(cpNoVillage)
	}
	b.suggest(func(c *data.Complaint) any { return &c.Complainant }, []string{cpAnonymous})
	for _, at := range []func(*data.Complaint) any{
		func(c *data.Complaint) any { return &c.Subject },
		func(c *data.Complaint) any { return &c.Category },
		func(c *data.Complaint) any { return &c.Summary },
		func(c *data.Complaint) any { return &c.Handler },
		func(c *data.Complaint) any { return &c.Deadline },
		func(c *data.Complaint) any { return &c.Result },
		func(c *data.Complaint) any { return &c.Handling },
		func(c *data.Complaint) any { return &c.Replied },
	} {
		b.add(at)
	}
	followTownship(f.byName[township].sel, f.byName[villageName].sel, s.villageOptions)

	var rec data.Complaint
	f.build = func() data.Problems {
		rec = data.Complaint{ID: c.ID}
		b.read(&rec)
		if rec.Village == cpNoVillage {
			rec.Village = ""
		}
		return rec.Validate(s.u.deps.Now())
	}
	f.save = func() error { return s.u.deps.Store.SaveComplaint(s.u.ctx(), &rec) }
	f.onSaved = func() {
		s.years.want = rec.Received.Year()
		s.saved(fmt.Sprintf("已保存：%s %s", rec.Township, rec.No), rec.ID)
	}
	s.form = f
	f.showDialog()
}

func (s *complaintsScreen) onDelete() {
	c, ok := s.selected()
	if !ok {
		return
	}
	what := fmt.Sprintf("%s 信访举报 %s", c.Township, c.No)
	s.confirmDelete("删除信访举报", what, func() error {
		return s.u.deps.Store.DeleteComplaint(s.u.ctx(), c.ID)
	})
}

// u2bAfterApply calls after each time the table filters again (a filter, the search, new
// data), wrapping the widgets' callbacks; it is how a screen keeps a line of counts of the
// rows shown.
func u2bAfterApply[T any](lt *ledgerTable[T], after func()) {
	for _, f := range lt.filters {
		sel := f.sel
		prev := sel.OnChanged
		sel.OnChanged = func(v string) {
			prev(v)
			after()
		}
	}
	prev := lt.search.OnChanged
	lt.search.OnChanged = func(v string) {
		prev(v)
		after()
	}
}
