package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

func init() { register("两委成员", func(u *UI) screen { return newMembersScreen(u) }) }

// memNoPost is how a form and the table show “no post” (PartyNone, CommitteeNone).
const memNoPost = "—"

// The post filter's choices beyond the posts themselves.
const (
	memPostPartyMember     = "党组织委员"
	memPostCommitteeMember = "村委会委员"
	memPostCross           = "交叉任职"
	memPostDualHead        = "一肩挑"
)

// memPostFilters are the choices of the post filter: a post of either body, members
// holding posts in both (交叉任职) and 书记 who are also 主任 (一肩挑).
var memPostFilters = []string{
	string(data.PartySecretary), string(data.PartyDeputy), memPostPartyMember,
	string(data.CommitteeDirector), string(data.CommitteeDeputy), memPostCommitteeMember,
	memPostCross, memPostDualHead,
}

// memHasPost reports whether m matches a choice of the post filter.
func memHasPost(m data.Member, choice string) bool {
	switch choice {
	case memPostPartyMember:
		return m.PartyPost == data.PartyMember
	case memPostCommitteeMember:
		return m.CommitteePost == data.CommitteeMember
	case memPostCross:
		return m.PartyPost != data.PartyNone && m.CommitteePost != data.CommitteeNone
	case memPostDualHead:
		return m.PartyPost == data.PartySecretary && m.CommitteePost == data.CommitteeDirector
	}
	return string(m.PartyPost) == choice || string(m.CommitteePost) == choice
}

// memPostText shows an empty post as —.
func memPostText[T ~string](p T) string {
	if p == "" {
		return memNoPost
	}
	return string(p)
}

// memEthnicities are the suggestions of the 民族 field; any other may be typed.
var memEthnicities = []string{"汉族", "回族", "满族", "蒙古族", "壮族", "苗族", "土家族", "彝族", "藏族", "维吾尔族", "朝鲜族"}

// membersScreen is the 两委成员 ledger: the members of one round, filters by round,
// township, village and post, and the 新增 / 编辑 / 删除 buttons with their form.
type membersScreen struct {
	ledger[data.Member]
	roundChoice

	townshipSel *widget.Select
	villageSel  *widget.Select
	postSel     *widget.Select

	tags *memTagChecks // the form's 身份标签 check boxes

	villages []data.Village // every village, for the form's drop-downs
	members  []data.Member  // the round's members, for the form's live one-书记 check

	// The village filter's options by township ("": every township) for the rows of
	// villagesFor, the table's rows they were worked out from.
	villagesOf  map[string][]string
	villagesFor *tableRows[data.Member]
}

// membersLoad is what one refresh reads, ready to show.
type membersLoad struct {
	roundRecords[data.Member]
	villagesOf map[string][]string
}

func newMembersScreen(u *UI) *membersScreen {
	s := &membersScreen{}
	s.u, s.noSelection = u, "请先在表格中选择一名成员。"
	s.id = func(r data.Member) int64 { return r.ID }
	// At 1366×768 every column shows whole up to 身份证号; 身份标签, of any length (several
	// tags, the clerk's own), comes last, where a long value runs on past the window's edge,
	// yet one tag as long as 外出务工经商返乡人员 still shows whole.
	k := data.MemberDesc
	s.table = newLedgerTable([]column[data.Member]{
		fieldCol(k, func(m *data.Member) any { return &m.Township }, 80),
		fieldCol(k, func(m *data.Member) any { return &m.Village }, 88),
		fieldCol(k, func(m *data.Member) any { return &m.Round }, 52),
		fieldCol(k, func(m *data.Member) any { return &m.Name }, 72),
		fieldCol(k, func(m *data.Member) any { return &m.Gender }, 48),
		{title: "年龄", width: 48, numeric: true, text: memAgeText, num: func(m data.Member) float64 { return float64(memAge(m)) }},
		fieldCol(k, func(m *data.Member) any { return &m.Education }, 86),
		fieldCol(k, func(m *data.Member) any { return &m.Political }, 80),
		fieldCol(k, func(m *data.Member) any { return &m.PartyPost }, 88).shown(func(m data.Member) string { return memPostText(m.PartyPost) }),
		fieldCol(k, func(m *data.Member) any { return &m.CommitteePost }, 88).shown(func(m data.Member) string { return memPostText(m.CommitteePost) }),
		fieldCol(k, func(m *data.Member) any { return &m.Tenure }, 88),
		fieldCol(k, func(m *data.Member) any { return &m.IDNumber }, 160).shown(func(m data.Member) string { return data.MaskID(m.IDNumber) }),
		fieldCol(k, func(m *data.Member) any { return &m.Tags }, 240),
	})
	s.initRounds(s.refresh)
	s.townshipSel = s.table.addFilter("全部乡镇", nil, func(m data.Member) string { return m.Township })
	s.villageSel = s.table.addFilter("全部村", nil, func(m data.Member) string { return m.Village })
	// A member may hold two posts, and the table's filters compare one value: the value is
	// the chosen post itself when the member holds it.
	s.postSel = s.table.addFilter("全部职务", memPostFilters, func(m data.Member) string {
		if c := s.postSel.Selected; memHasPost(m, c) {
			return c
		}
		return ""
	})
	// The village filter offers the villages of the chosen township only.
	townshipChanged := s.townshipSel.OnChanged
	s.townshipSel.OnChanged = func(t string) {
		s.narrowVillages()
		townshipChanged(t)
	}
	s.initLock(func() int { return s.round }, nil)
	s.initActions(s.onAdd, s.onEdit, s.onDelete)
	return s
}

// memAge is the member's age in full years on 1 January of the round; -1 without a birth date.
func memAge(m data.Member) int {
	if m.Birth.IsZero() {
		return -1
	}
	return data.AgeOn(m.Birth, m.Round)
}

func memAgeText(m data.Member) string {
	if a := memAge(m); a >= 0 {
		return fmt.Sprint(a)
	}
	return ""
}

func (s *membersScreen) content() fyne.CanvasObject {
	if s.view == nil {
		s.view = s.frame(s.roundBar(s.table.toolbar()), s.statusLine(s.table.count))
	}
	return s.view
}

// refresh reloads villages, rounds and the chosen round's members off the UI goroutine,
// choosing the round as the 换届 screen does.
func (s *membersScreen) refresh() {
	round, seen := s.round, s.settingsRound
	loadLedger(&s.ledger, "读取两委成员失败", func() (membersLoad, error) { return s.read(round, seen) }, s.apply)
}

// read is the load of refresh: the records in official order, their table rows and the
// village filter's options, all worked out off the UI goroutine.
func (s *membersScreen) read(round, seen int) (membersLoad, error) {
	l, err := readRoundRows(s.u, round, seen, s.u.deps.Store.Members, s.table,
		func(m data.Member) (string, string) { return m.Township, m.Village })
	memShare(l.records)
	return membersLoad{l, memVillagesOf(l.records)}, err
}

// memShare makes the members' texts that repeat (乡镇, 村名, 民族, the enums) share one
// string each: the store reads a copy for every record, 40 MB of a province's ledger the
// screen would keep.
func memShare(ms []data.Member) {
	seen := map[string]string{}
	share := func(s string) string {
		if v, ok := seen[s]; ok {
			return v
		}
		seen[s] = s
		return s
	}
	for i := range ms {
		m := &ms[i]
		m.Township, m.Village, m.Ethnicity = share(m.Township), share(m.Village), share(m.Ethnicity)
		m.Gender, m.Education, m.Political = data.Gender(share(string(m.Gender))),
			data.Education(share(string(m.Education))), data.Political(share(string(m.Political)))
		m.PartyPost, m.CommitteePost = data.PartyPost(share(string(m.PartyPost))), data.CommitteePost(share(string(m.CommitteePost)))
		m.Tenure = data.Tenure(share(string(m.Tenure)))
		for j, t := range m.Tags {
			m.Tags[j] = share(t)
		}
	}
}

func (s *membersScreen) apply(l membersLoad) {
	s.showRounds(l.roundLoad)
	s.villages, s.members = l.villages, l.records
	if len(l.villages) == 0 {
		s.table.setEmptyText("还没有村庄。请在“数据”中导入工作簿，或先在“村庄”中新增村庄。")
	} else {
		s.table.setEmptyText(fmt.Sprintf("%d年还没有两委成员。请点击“新增”录入，或在“数据”中导入工作簿。", l.round))
	}
	s.villagesOf, s.villagesFor = l.villagesOf, l.rows
	s.table.show(l.rows)
	if s.narrowVillages() {
		s.table.apply()
	}
	s.selectSaved()
	s.updateButtons()
}

// memVillagesOf are the names of the villages of the members of each township, and of
// every township under "", in pinyin order.
func memVillagesOf(ms []data.Member) map[string][]string {
	out := map[string][]string{}
	seen := map[data.VillageKey]bool{}
	for _, m := range ms {
		if m.Village == "" {
			continue
		}
		for _, k := range []data.VillageKey{{Township: m.Township, Village: m.Village}, {Village: m.Village}} {
			if !seen[k] {
				seen[k] = true
				out[k.Township] = append(out[k.Township], k.Village)
			}
		}
	}
	for _, names := range out {
		sortChinese(names)
	}
	return out
}

// narrowVillages sets the village filter's options to the villages of the chosen township
// found in the data (all villages when none is chosen), keeping the choice when it is among
// them. It reports whether the choice had to be cleared.
func (s *membersScreen) narrowVillages() bool {
	if s.villagesFor != s.table.rows {
		s.villagesOf, s.villagesFor = memVillagesOf(s.table.all), s.table.rows
	}
	names := s.villagesOf[filterValue(s.townshipSel)]
	all := s.villageSel.Options[0]
	cur := s.villageSel.Selected
	cleared := cur != all && !slices.Contains(names, cur)
	if cleared {
		cur = all
	}
	cb := s.villageSel.OnChanged
	s.villageSel.OnChanged = nil // the caller applies the filters once
	s.villageSel.Options = append([]string{all}, names...)
	s.villageSel.SetSelected(cur)
	s.villageSel.OnChanged = cb
	return cleared
}

func (s *membersScreen) onAdd() {
	if len(s.villages) == 0 {
		s.u.tellFirst("还没有村庄",
			"请先在“村庄”中新增村庄，或在“数据”中导入工作簿，再录入两委成员。")
		return
	}
	m := data.Member{Round: s.round, Ethnicity: "汉族"}
	m.Township = filterValue(s.townshipSel)
	if ts := villageTownships(s.villages); m.Township == "" && len(ts) == 1 {
		m.Township = ts[0]
	}
	if v := filterValue(s.villageSel); v != "" && slices.Contains(villageNames(s.villages, m.Township), v) {
		m.Village = v
	}
	s.openForm(m, false)
}

func (s *membersScreen) onEdit() {
	if m, ok := s.selected(); ok {
		s.openForm(m, true)
	}
}

// memSplitTags separates the tags the county counts (the check boxes) from the others (the
// free-text line).
func memSplitTags(tags []string) (known, other []string) {
	for _, t := range tags {
		if slices.Contains(data.MemberTags, t) {
			known = append(known, t)
		} else {
			other = append(other, t)
		}
	}
	return known, other
}

// memTagChecks are the check boxes of data.MemberTags in two columns (one column of six
// long labels made the form scroll on 1366×768).
type memTagChecks struct {
	checks []*widget.Check
	box    *fyne.Container
}

func newMemTagChecks(ticked []string, changed func()) *memTagChecks {
	tc := &memTagChecks{box: container.NewGridWithColumns(2)}
	for _, t := range data.MemberTags {
		c := widget.NewCheck(t, nil)
		c.SetChecked(slices.Contains(ticked, t))
		c.OnChanged = func(bool) { changed() }
		tc.checks = append(tc.checks, c)
		tc.box.Add(c)
	}
	return tc
}

// selected are the ticked tags, in the order of data.MemberTags.
func (tc *memTagChecks) selected() []string {
	var out []string
	for _, c := range tc.checks {
		if c.Checked {
			out = append(out, c.Text)
		}
	}
	return out
}

// check ticks the named tags (for tests).
func (tc *memTagChecks) check(tags ...string) {
	for _, c := range tc.checks {
		if slices.Contains(tags, c.Text) {
			c.SetChecked(true)
		}
	}
}

// memTags are the ticked tags in the order of data.MemberTags, then the typed ones not
// already ticked.
func memTags(ticked []string, typed string) []string {
	var out []string
	for _, t := range data.MemberTags {
		if slices.Contains(ticked, t) {
			out = append(out, t)
		}
	}
	for _, t := range data.ParseTags(typed) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// openForm shows the member form; editing keeps the record's ID so the store updates it.
func (s *membersScreen) openForm(m data.Member, editing bool) {
	title := "新增两委成员"
	if editing {
		title = fmt.Sprintf("编辑两委成员：%s %s %d年 %s", m.Township, m.Village, m.Round, m.Name)
	}
	f := newEditForm(s.u.win, title, editing)
	b := newFieldForm(f, data.MemberDesc, &m)
	township := b.choose(func(m *data.Member) any { return &m.Township }, villageTownships(s.villages))
	village := b.choose(func(m *data.Member) any { return &m.Village }, villageNames(s.villages, m.Township))
	b.add(func(m *data.Member) any { return &m.Round })
	b.add(func(m *data.Member) any { return &m.Name })
	id := b.add(func(m *data.Member) any { return &m.IDNumber })
	gender := b.add(func(m *data.Member) any { return &m.Gender })
	birth := b.add(func(m *data.Member) any { return &m.Birth })
	b.suggest(func(m *data.Member) any { return &m.Ethnicity }, memEthnicities)
	b.add(func(m *data.Member) any { return &m.Education })
	b.add(func(m *data.Member) any { return &m.Political })
	b.add(func(m *data.Member) any { return &m.PartyPost })
	b.add(func(m *data.Member) any { return &m.CommitteePost })
	b.add(func(m *data.Member) any { return &m.Tenure })
	b.add(func(m *data.Member) any { return &m.Phone })
	// 身份标签: check boxes for the tags the county counts, and an entry for the others; read
	// by hand below, not bound.
	tagsField := data.MemberDesc.FieldAt(func(m *data.Member) any { return &m.Tags })
	known, other := memSplitTags(m.Tags)
	f.addEntry(tagsField.Header, strings.Join(other, "、"), "其他标签，多个用“、”分开")
	tags := newMemTagChecks(known, func() { f.changed(f.byName[tagsField.Header]) })
	s.tags = tags

	townshipSel, villageSel := f.byName[township].sel, f.byName[village].sel
	idEntry, genderSel, birthEntry := f.byName[id].entry, f.byName[gender].sel, f.byName[birth].entry
	followTownship(townshipSel, villageSel, func(t string) []string { return villageNames(s.villages, t) })
	// A complete, valid ID fills 性别 and 出生日期: the ID is what the county checks them against.
	idChanged := idEntry.OnChanged
	idEntry.OnChanged = func(txt string) {
		if id := strings.TrimSpace(txt); utf8.RuneCountInString(id) == 18 {
			if birth, g, err := data.ParseIDNumber(id); err == nil {
				filling := f.filling
				f.filling = true
				genderSel.SetSelected(string(g))
				birthEntry.SetText(data.FormatDate(birth))
				f.filling = filling
			}
		}
		idChanged(txt)
	}

	var rec data.Member
	f.build = func() data.Problems {
		rec = data.Member{ID: m.ID}
		b.read(&rec)
		rec.IDNumber = data.NormalizeID(rec.IDNumber)
		rec.Tags = memTags(tags.selected(), f.text(tagsField.Header))
		ps := rec.Validate()
		// While the ID is being typed, its length is no news; at 18 characters every rule
		// (the check digit first of all) shows at once.
		if n := utf8.RuneCountInString(rec.IDNumber); n > 0 && n < 18 && !f.attempted {
			ps = slices.DeleteFunc(ps, func(p data.Problem) bool { return p.Field == id })
		}
		return append(ps, s.postConflicts(rec)...)
	}
	f.save = func() error { return s.u.deps.Store.SaveMember(s.u.ctx(), &rec) }
	f.onSaved = func() {
		s.round = rec.Round // show the round the record went to
		s.saved(fmt.Sprintf("已保存：%s %s %d年 %s", rec.Township, rec.Village, rec.Round, rec.Name), rec.ID)
	}
	s.form = f
	memShowFormWith(f, tagsField.Header, tags.box)
}

// postConflicts are the errors of the cross-record rules (a second 书记 or 主任 in the
// village and round) that the record would cause among the members loaded, so the clerk
// sees them before saving; the store refuses them in any case.
func (s *membersScreen) postConflicts(rec data.Member) data.Problems {
	if rec.Round != s.round || rec.Village == "" {
		return nil
	}
	// CheckMembers refuses the later holder of a post: the record goes last.
	var ms []data.Member
	for _, m := range s.members {
		if m.ID != rec.ID && m.Township == rec.Township && m.Village == rec.Village {
			ms = append(ms, m)
		}
	}
	ms = append(ms, rec)
	var ps data.Problems
	for _, fd := range data.CheckMembers(ms) {
		if fd.Index == len(ms)-1 && fd.Level == data.LevelError {
			ps = append(ps, fd.Problem)
		}
	}
	return ps
}

// memShowFormWith opens f like showDialog, with extra placed above the input of the named
// field (check boxes, which the form has no field kind for), so its message line still
// shows under them.
func memShowFormWith(f *editForm, field string, extra fyne.CanvasObject) {
	f.filling = false
	f.validate()
	content := f.content()
	if ff := f.byName[field]; ff != nil && ff.box != nil {
		ff.box.Objects = append([]fyne.CanvasObject{extra}, ff.box.Objects...)
		ff.box.Refresh()
		f.gridHeight = f.grid.MinSize().Height
	}
	// A refused Save can write a summary of several lines; lay the dialog out again so it
	// does not run under the buttons.
	save := f.saveBtn.OnTapped
	f.saveBtn.OnTapped = func() {
		save()
		if !f.closed {
			content.Refresh()
		}
	}
	f.dlg = dialog.NewCustomWithoutButtons(f.title, content, f.win)
	h := min(max(f.gridHeight+260, 380), 650)
	f.dlg.Resize(fyne.NewSize(1000, h))
	f.dlg.Show()
	f.bindKeys()
}

func (s *membersScreen) onDelete() {
	m, ok := s.selected()
	if !ok {
		return
	}
	what := fmt.Sprintf("%s %s %d年 %s", m.Township, m.Village, m.Round, m.Name)
	s.confirmDelete("删除两委成员", what, func() error {
		return s.u.deps.Store.DeleteMember(s.u.ctx(), m.ID)
	})
}
