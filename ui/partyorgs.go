package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

func init() { register("党组织", func(u *UI) screen { return newPartyOrgsScreen(u) }) }

// Options of the 党组织 screen's filters.
const (
	poAllYears  = "全部年度"
	poAllWeak   = "软弱涣散：全部"
	poWeak      = "软弱涣散"
	poFourAll   = "四有齐全"
	poFourShort = "四有未齐全"
)

// partyOrgsScreen is the 党组织 ledger: every year's party organization rows, filtered by
// year, township, 软弱涣散 and 四有, with 新增 / 编辑 / 删除 and the form.
type partyOrgsScreen struct {
	ledger[data.PartyOrg]

	yearSel     *widget.Select
	townshipSel *widget.Select
	weakSel     *widget.Select // 全部 / 软弱涣散 / 整顿中 / 已销号
	fourSel     *widget.Select // 全部 / 四有齐全 / 四有未齐全

	villages []data.Village // every village, for the form's drop-downs
	years    u2bYears       // the year filter's state
}

func newPartyOrgsScreen(u *UI) *partyOrgsScreen {
	s := &partyOrgsScreen{}
	s.u, s.noSelection = u, "请先在表格中选择一条党组织台账。"
	s.id = func(r data.PartyOrg) int64 { return r.ID }
	k := data.PartyOrgDesc
	num := func(at func(*data.PartyOrg) any, width float32) column[data.PartyOrg] { return fieldCol(k, at, width) }
	yes := func(at func(*data.PartyOrg) any) column[data.PartyOrg] {
		f := k.FieldAt(at)
		return fieldCol(k, at, 52).shown(func(p data.PartyOrg) string { return u2bYesBlank(f.Get(&p).(bool)) })
	}
	s.table = newLedgerTable([]column[data.PartyOrg]{
		fieldCol(k, func(p *data.PartyOrg) any { return &p.Township }, 96),
		fieldCol(k, func(p *data.PartyOrg) any { return &p.Village }, 110),
		num(func(p *data.PartyOrg) any { return &p.Year }, 62),
		fieldCol(k, func(p *data.PartyOrg) any { return &p.Type }, 66),
		num(func(p *data.PartyOrg) any { return &p.Members }, 60),
		num(func(p *data.PartyOrg) any { return &p.Women }, 72),
		num(func(p *data.PartyOrg) any { return &p.Probationary }, 60),
		num(func(p *data.PartyOrg) any { return &p.Developed }, 60),
		yes(func(p *data.PartyOrg) any { return &p.HasTeam }),
		yes(func(p *data.PartyOrg) any { return &p.HasVenue }),
		yes(func(p *data.PartyOrg) any { return &p.HasActivity }),
		yes(func(p *data.PartyOrg) any { return &p.HasIncome }),
		{title: "四有齐全", width: 84, text: func(p data.PartyOrg) string { return data.FormatYesNo(p.FourHaves()) }},
		fieldCol(k, func(p *data.PartyOrg) any { return &p.Weak }, 84).shown(func(p data.PartyOrg) string { return u2bYesBlank(p.Weak) }),
		fieldCol(k, func(p *data.PartyOrg) any { return &p.Result }, 84).shown(func(p data.PartyOrg) string { return string(p.EffectiveResult()) }),
	})
	s.yearSel = s.table.addFilter(poAllYears, []string{}, func(p data.PartyOrg) string { return roundLabel(p.Year) })
	s.townshipSel = s.table.addFilter("全部乡镇", nil, func(p data.PartyOrg) string { return p.Township })
	s.weakSel = u2bMatchFilter(s.table, poAllWeak, []string{poWeak, string(data.RectInProgress), string(data.RectClosed)},
		func(p data.PartyOrg, opt string) bool {
			if opt == poWeak {
				return p.Weak
			}
			return p.Weak && string(p.EffectiveResult()) == opt
		})
	s.fourSel = s.table.addFilter("四有：全部", []string{poFourAll, poFourShort}, func(p data.PartyOrg) string {
		if p.FourHaves() {
			return poFourAll
		}
		return poFourShort
	})
	s.table.onSelect = func(p data.PartyOrg) {
		s.updateButtons()
		// The measures do not fit in the table; the selected row's show below it.
		if p.Weak && p.Measures != "" {
			s.status.SetText(fmt.Sprintf("%s %s 整顿措施：%s", p.Township, p.Village, p.Measures))
		}
	}
	s.initLock(func() int { return yearChosen(s.yearSel) }, func(p data.PartyOrg) int { return p.Year })
	onYear := s.yearSel.OnChanged
	s.yearSel.OnChanged = func(v string) {
		onYear(v)
		s.showLock()
	}
	s.initActions(s.onAdd, s.onEdit, s.onDelete)
	return s
}

func (s *partyOrgsScreen) content() fyne.CanvasObject {
	if s.view == nil {
		// The table's own toolbar gives every filter 120 px; “软弱涣散：全部” needs more.
		filters := container.NewHBox(minWidth(s.yearSel, 110), minWidth(s.townshipSel, 120),
			minWidth(s.weakSel, 156), minWidth(s.fourSel, 130))
		bar := container.NewBorder(nil, nil, filters, nil, s.table.search)
		s.view = s.frame(bar, s.statusLine(s.table.count))
	}
	return s.view
}

// partyOrgsLoad is what one refresh reads from the store.
type partyOrgsLoad struct {
	orgs     []data.PartyOrg
	villages []data.Village
	round    int                       // 设置's current round
	rows     *tableRows[data.PartyOrg] // orgs in official order, as the table shows them
}

// refresh reloads every year's rows and the villages off the UI goroutine.
func (s *partyOrgsScreen) refresh() {
	loadLedger(&s.ledger, "读取党组织台账失败", func() (partyOrgsLoad, error) {
		var l partyOrgsLoad
		ctx, st := s.u.ctx(), s.u.deps.Store
		set, err := st.Settings(ctx)
		if err == nil {
			l.round = set.Round
			l.villages, err = st.Villages(ctx)
		}
		if err == nil {
			l.orgs, err = st.PartyOrgs(ctx, 0)
		}
		if err == nil {
			officialOrder(l.villages, l.orgs, func(p data.PartyOrg) (string, string) { return p.Township, p.Village })
			l.rows = s.table.prepare(l.orgs)
		}
		return l, err
	}, s.apply)
}

func (s *partyOrgsScreen) apply(l partyOrgsLoad) {
	s.villages = l.villages
	s.years.set(s.yearSel, u2bYearsOf(l.orgs, func(p data.PartyOrg) int { return p.Year }), l.round)
	if len(l.villages) == 0 {
		s.table.setEmptyText("还没有村庄。请在“数据”中导入工作簿，或先在“村庄”中新增村庄，再录入党组织台账。")
	} else {
		s.table.setEmptyText("还没有党组织台账。请在“数据”中导入工作簿（“党组织”工作表），或点击“新增”录入。")
	}
	s.table.show(l.rows)
	s.selectSaved()
	s.updateButtons()
}

func (s *partyOrgsScreen) onAdd() {
	if len(s.villages) == 0 {
		s.u.tellFirst("还没有村庄",
			"请先在“村庄”中新增村庄，或在“数据”中导入工作簿，再录入党组织台账。")
		return
	}
	p := data.PartyOrg{Year: s.years.current(s.yearSel, s.u.deps.Now()), Type: data.OrgBranch}
	p.Township = filterValue(s.townshipSel)
	if ts := villageTownships(s.villages); p.Township == "" && len(ts) == 1 {
		p.Township = ts[0]
	}
	s.openForm(p, false)
}

func (s *partyOrgsScreen) onEdit() {
	if p, ok := s.selected(); ok {
		s.openForm(p, true)
	}
}

// openForm shows the party organization form; editing keeps the record's ID so the store
// updates it. The fields are grouped so that the left column holds the organization and
// its members and the right the four guarantees (四有) with the values they enable.
func (s *partyOrgsScreen) openForm(p data.PartyOrg, editing bool) {
	title := "新增党组织台账"
	if editing {
		title = fmt.Sprintf("编辑党组织台账：%s %s %d年", p.Township, p.Village, p.Year)
	}
	f := newEditForm(s.u.win, title, editing)
	b := newFieldForm(f, data.PartyOrgDesc, &p)
	township := b.choose(func(p *data.PartyOrg) any { return &p.Township }, villageTownships(s.villages))
	village := b.choose(func(p *data.PartyOrg) any { return &p.Village }, villageNames(s.villages, p.Township))
	b.add(func(p *data.PartyOrg) any { return &p.Year })
	b.add(func(p *data.PartyOrg) any { return &p.Type })
	b.add(func(p *data.PartyOrg) any { return &p.Members })
	b.add(func(p *data.PartyOrg) any { return &p.Women })
	b.add(func(p *data.PartyOrg) any { return &p.Probationary })
	b.add(func(p *data.PartyOrg) any { return &p.Developed })
	weakName := b.add(func(p *data.PartyOrg) any { return &p.Weak })
	// A value whose check box is off is not part of the record (its field is disabled), and
	// is not read.
	weak := func(p *data.PartyOrg) bool { return p.Weak }
	result := b.addIf(func(p *data.PartyOrg) any { return &p.Result }, weak)
	b.add(func(p *data.PartyOrg) any { return &p.HasTeam })
	venue := b.add(func(p *data.PartyOrg) any { return &p.HasVenue })
	area := b.addIf(func(p *data.PartyOrg) any { return &p.VenueArea }, func(p *data.PartyOrg) bool { return p.HasVenue })
	activity := b.add(func(p *data.PartyOrg) any { return &p.HasActivity })
	activities := b.addIf(func(p *data.PartyOrg) any { return &p.Activities }, func(p *data.PartyOrg) bool { return p.HasActivity })
	income := b.add(func(p *data.PartyOrg) any { return &p.HasIncome })
	incomeAmount := b.addIf(func(p *data.PartyOrg) any { return &p.Income }, func(p *data.PartyOrg) bool { return p.HasIncome })
	measures := b.addIf(func(p *data.PartyOrg) any { return &p.Measures }, weak)
	progress := b.addIf(func(p *data.PartyOrg) any { return &p.Progress }, weak)

	followTownship(f.byName[township].sel, f.byName[village].sel, func(t string) []string { return villageNames(s.villages, t) })
	u2bEnableWith(f, venue, area)
	u2bEnableWith(f, activity, activities)
	u2bEnableWith(f, income, incomeAmount)
	u2bEnableWith(f, weakName, measures, progress, result)
	// A branch newly marked weak starts its rectification: 整顿中 until the county closes it.
	weakCheck := f.byName[weakName].check
	prev := weakCheck.OnChanged
	weakCheck.OnChanged = func(on bool) {
		if r := f.byName[result].sel; on && r.Selected == "" {
			r.SetSelected(string(data.RectInProgress))
		}
		prev(on)
	}

	var rec data.PartyOrg
	f.build = func() data.Problems {
		rec = data.PartyOrg{ID: p.ID}
		b.read(&rec)
		return rec.Validate()
	}
	f.save = func() error { return s.u.deps.Store.SavePartyOrg(s.u.ctx(), &rec) }
	f.onSaved = func() {
		s.years.want = rec.Year
		s.saved(fmt.Sprintf("已保存：%s %s %d年党组织台账", rec.Township, rec.Village, rec.Year), rec.ID)
	}
	s.form = f
	f.showDialog()
}

func (s *partyOrgsScreen) onDelete() {
	p, ok := s.selected()
	if !ok {
		return
	}
	what := fmt.Sprintf("%s %s %d年党组织台账", p.Township, p.Village, p.Year)
	s.confirmDelete("删除党组织台账", what, func() error {
		return s.u.deps.Store.DeletePartyOrg(s.u.ctx(), p.ID)
	})
}

// The helpers below serve the 党组织, 信访举报 and 约谈 screens (prefix u2b: they are not part
// of table.go/form.go, whose owners may fold them in).

// u2bYesBlank shows a yes/no column as 是 or nothing, so the 否 cells do not crowd the 是.
func u2bYesBlank(v bool) string {
	if v {
		return "是"
	}
	return ""
}

// u2bMatchFilter adds a drop-down whose options are predicates rather than values (e.g.
// 软弱涣散 = every weak branch, 整顿中 = the weak ones still being rectified), which the
// table's equality filters cannot express: a row shows when match(row, choice) is true.
func u2bMatchFilter[T any](lt *ledgerTable[T], all string, options []string, match func(T, string) bool) *widget.Select {
	var sel *widget.Select
	sel = lt.addFilter(all, options, func(r T) string {
		if sel != nil && match(r, sel.Selected) {
			return sel.Selected
		}
		return "\x00" // never an option
	})
	return sel
}

// u2bYears is the state of a year drop-down over rows loaded for every year. Its options
// are the years found, newest first, after the “all years” option.
type u2bYears struct {
	picked bool // the first load chose the year shown
	want   int  // show this year after the next load (the one a record was just saved to)
}

// u2bYearsOf are the years of rows, one per row.
func u2bYearsOf[T any](rows []T, year func(T) int) []int {
	years := make([]int, len(rows))
	for i, r := range rows {
		years[i] = year(r)
	}
	return years
}

// set refreshes the options without filtering (the caller's setData filters once). The
// first load shows 设置's round when it has rows, else the newest year; later loads keep
// the clerk's choice, or show want (the year a record was just saved to) when set.
func (y *u2bYears) set(sel *widget.Select, years []int, settingsRound int) {
	want := y.want
	y.want = 0
	seen := map[int]bool{}
	var ys []int
	for _, v := range years {
		if !seen[v] {
			seen[v] = true
			ys = append(ys, v)
		}
	}
	slices.SortFunc(ys, func(a, b int) int { return b - a })
	opts := []string{sel.Options[0]}
	for _, v := range ys {
		opts = append(opts, roundLabel(v))
	}
	cur := sel.Selected
	switch {
	case want != 0 && seen[want]:
		cur = roundLabel(want)
	case !y.picked && seen[settingsRound]:
		cur = roundLabel(settingsRound)
	case !y.picked && len(ys) > 0:
		cur = roundLabel(ys[0])
	case !slices.Contains(opts, cur):
		cur = opts[0]
	}
	if len(ys) > 0 {
		y.picked = true
	}
	cb := sel.OnChanged
	sel.OnChanged = nil
	sel.Options = opts
	sel.SetSelected(cur)
	sel.OnChanged = cb
}

// current is the year a new record starts in: the year shown, else this year.
func (y *u2bYears) current(sel *widget.Select, now time.Time) int {
	if sel.SelectedIndex() > 0 {
		if r, err := data.ParseRound(sel.Selected); err == nil {
			return r
		}
	}
	return now.Year()
}

// u2bEnableWith enables the fields deps only while the check field is ticked (场所面积 with
// 有场所); build should then ignore their values.
func u2bEnableWith(f *editForm, check string, deps ...string) {
	c := f.byName[check].check
	set := func(on bool) {
		for _, name := range deps {
			d, ok := f.byName[name].input().(fyne.Disableable)
			if !ok {
				continue
			}
			if on {
				d.Enable()
			} else {
				d.Disable()
			}
		}
	}
	set(c.Checked)
	prev := c.OnChanged
	c.OnChanged = func(on bool) {
		set(on)
		prev(on)
	}
}

// u2bLongText makes an entry of a long text field (整顿措施, 内容摘要) two wrapped lines high,
// so what is typed stays visible. Shift+Enter saves there; Enter starts a line.
func u2bLongText(e *widget.Entry) {
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(2)
}

// u2bOneLine joins the lines of a long text field with spaces: a ledger cell, a workbook
// cell and a PDF row hold one line.
func u2bOneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
}
