package ui

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

// The four ledgers of the rest of a round (候选人, 村务监督委员会, 任职变动, 离任审计) are alike:
// records of a village in one round, a table, a township filter, a filter on one enum, and
// a form of the description's fields. One generic screen serves them, configured per kind
// in roundrest_screens.go; a kind that needs more gets its own file like 两委成员.

// villageKind is what a village-and-round screen needs of its kind.
type villageKind[R any] struct {
	desc     *data.Kind[R]
	what     string // what a record is called: 候选人, 村务监督委员会成员 …
	cols     []column[R]
	township func(*R) *string
	village  func(*R) *string
	round    func(*R) *int
	id       func(*R) *int64
	// filter is the enum field the second filter chooses on (联审结论, 职务 …).
	filter func(*R) any
	// form lists the fields of the form after 乡镇 and 村名, in order.
	form []func(*R) any
	// suggest gives a text field of the form suggestions (拟任职务, 不通过原因).
	suggest map[string][]string
	// title names a record in a form's title and the delete question.
	title func(R) string
	list  func(st data.Store) func(context.Context, int) ([]R, error)
	save  func(st data.Store, ctx context.Context, r *R) error
	del   func(st data.Store, ctx context.Context, id int64) error
	// noVillage, when set, is the first 村名 choice, read back as no village (a commendation
	// of the township itself).
	noVillage string
	// noteName and note, when set, add a read-only line to the form that follows what the
	// clerk types (发展党员's next stage and its earliest day).
	noteName string
	note     func(R) string
}

// villageKindScreen is the screen of a villageKind.
type villageKindScreen[R any] struct {
	ledger[R]
	roundChoice
	k *villageKind[R]

	townshipSel *widget.Select
	filterSel   *widget.Select
	villages    []data.Village
}

func newVillageKindScreen[R any](u *UI, k *villageKind[R]) *villageKindScreen[R] {
	s := &villageKindScreen[R]{k: k}
	s.u, s.noSelection = u, "请先在表格中选择一条"+k.desc.Name+"记录。"
	s.id = func(r R) int64 { return *k.id(&r) }
	s.table = newLedgerTable(k.cols)
	s.initRounds(s.refresh)
	s.townshipSel = s.table.addFilter("全部乡镇", nil, func(r R) string { return *k.township(&r) })
	if k.filter != nil {
		f := k.desc.FieldAt(k.filter)
		s.filterSel = s.table.addFilter("全部"+f.Header, slices.DeleteFunc(slices.Clone(f.Values), func(v string) bool { return v == data.NoneText }),
			func(r R) string { return f.Text(&r) })
	}
	s.initLock(func() int { return s.round }, nil)
	s.initActions(s.onAdd, s.onEdit, s.onDelete)
	return s
}

func (s *villageKindScreen[R]) content() fyne.CanvasObject {
	if s.view == nil {
		s.view = s.frame(s.roundBar(s.table.toolbar()), s.statusLine(s.table.count))
	}
	return s.view
}

func (s *villageKindScreen[R]) refresh() {
	round, seen := s.round, s.settingsRound
	loadLedger(&s.ledger, "读取"+s.k.desc.Name+"失败", func() (roundRecords[R], error) {
		return readRoundRows(s.u, round, seen, s.k.list(s.u.deps.Store), s.table,
			func(r R) (string, string) { return *s.k.township(&r), *s.k.village(&r) })
	}, s.apply)
}

func (s *villageKindScreen[R]) apply(l roundRecords[R]) {
	s.showRounds(l.roundLoad)
	s.villages = l.villages
	if len(l.villages) == 0 {
		s.table.setEmptyText("还没有村庄。请在“数据”中导入工作簿，或先在“村庄”中新增村庄。")
	} else {
		s.table.setEmptyText(fmt.Sprintf("%d年还没有%s记录。请点击“新增”录入，或在“数据”中导入工作簿（“%s”工作表）。",
			l.round, s.k.desc.Name, s.k.desc.Name))
	}
	s.table.show(l.rows)
	s.selectSaved()
	s.updateButtons()
}

func (s *villageKindScreen[R]) onAdd() {
	if len(s.villages) == 0 {
		s.u.tellFirst("还没有村庄", "请先在“村庄”中新增村庄，或在“数据”中导入工作簿，再录入"+s.k.desc.Name+"。")
		return
	}
	var r R
	*s.k.round(&r) = s.round
	t := filterValue(s.townshipSel)
	if ts := villageTownships(s.villages); t == "" && len(ts) == 1 {
		t = ts[0]
	}
	*s.k.township(&r) = t
	s.openForm(r, false)
}

func (s *villageKindScreen[R]) onEdit() {
	if r, ok := s.selected(); ok {
		s.openForm(r, true)
	}
}

// openForm shows the form of the kind's fields; editing keeps the record's ID so the store
// updates it. The store's refusals (a vetting conflict, a second 主任) show beside the field.
func (s *villageKindScreen[R]) openForm(r R, editing bool) {
	k := s.k
	title := "新增" + k.what
	if editing {
		title = "编辑" + k.what + "：" + k.title(r)
	}
	f := newEditForm(s.u.win, title, editing)
	b := newFieldForm(f, k.desc, &r)
	township := b.choose(func(r *R) any { return k.township(r) }, villageTownships(s.villages))
	names := func(t string) []string { return villageNames(s.villages, t) }
	if k.noVillage != "" {
		names = func(t string) []string { return append([]string{k.noVillage}, villageNames(s.villages, t)...) }
	}
	village := b.choose(func(r *R) any { return k.village(r) }, names(*k.township(&r)))
	if k.noVillage != "" && *k.village(&r) == "" && *k.township(&r) != "" {
		f.byName[village].sel.SetSelected(k.noVillage)
	}
	followTownship(f.byName[township].sel, f.byName[village].sel, names)
	for _, at := range k.form {
		if opts, ok := k.suggest[k.desc.FieldAt(at).Header]; ok {
			b.suggest(at, opts)
		} else {
			b.add(at)
		}
	}
	var note *widget.Entry
	if k.note != nil {
		note = f.addEntry(k.noteName, k.note(r), "")
		note.Disable()
	}
	var rec R
	f.build = func() data.Problems {
		var fresh R
		rec = fresh
		*k.id(&rec) = *k.id(&r)
		b.read(&rec)
		if k.noVillage != "" && *k.village(&rec) == k.noVillage {
			*k.village(&rec) = ""
		}
		if k.desc.Normalize != nil {
			k.desc.Normalize(&rec)
		}
		if note != nil {
			was := f.filling
			f.filling = true
			note.SetText(k.note(rec))
			f.filling = was
		}
		return k.desc.Validate(&rec, s.u.deps.Now())
	}
	f.save = func() error { return k.save(s.u.deps.Store, s.u.ctx(), &rec) }
	f.onSaved = func() {
		s.round = *k.round(&rec)
		s.saved("已保存："+k.title(rec), *k.id(&rec))
	}
	s.form = f
	f.showDialog()
}

func (s *villageKindScreen[R]) onDelete() {
	r, ok := s.selected()
	if !ok {
		return
	}
	s.confirmDelete("删除"+s.k.desc.Name+"记录", s.k.title(r), func() error {
		return s.k.del(s.u.deps.Store, s.u.ctx(), *s.k.id(&r))
	})
}
