package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

func init() { register("村庄", func(u *UI) screen { return newVillagesScreen(u) }) }

// villagesEmptyText is what the 村庄 table says on an empty database.
const villagesEmptyText = "还没有村庄。请在“数据”中导入工作簿，或点击“新增”。"

// villagesScreen is the 村庄 ledger: the table of villages, its filters, and the
// 新增 / 编辑 / 删除 buttons with their form and confirmation.
type villagesScreen struct {
	ledger[data.Village]

	townshipSel *widget.Select
	statusSel   *widget.Select
	townships   []string // known townships, suggestions for the form
}

func newVillagesScreen(u *UI) *villagesScreen {
	s := &villagesScreen{}
	s.u, s.noSelection = u, "请先在表格中选择一个村庄。"
	s.id = func(v data.Village) int64 { return v.ID }
	k := data.VillageDesc
	s.table = newLedgerTable([]column[data.Village]{
		fieldCol(k, func(v *data.Village) any { return &v.Township }, 130),
		fieldCol(k, func(v *data.Village) any { return &v.Name }, 150),
		fieldCol(k, func(v *data.Village) any { return &v.Kind }, 70),
		fieldCol(k, func(v *data.Village) any { return &v.Households }, 80),
		fieldCol(k, func(v *data.Village) any { return &v.Population }, 90),
		fieldCol(k, func(v *data.Village) any { return &v.Code }, 150),
		fieldCol(k, func(v *data.Village) any { return &v.Status }, 80),
	})
	s.table.setEmptyText(villagesEmptyText)
	s.townshipSel = s.table.addFilter("全部乡镇", nil, func(v data.Village) string { return v.Township })
	s.statusSel = s.table.addFilter("全部状态", data.Strings(data.VillageActive, data.VillageMerged),
		func(v data.Village) string { return string(v.Status) })
	s.initActions(s.onAdd, s.onEdit, s.onDelete)
	return s
}

func (s *villagesScreen) content() fyne.CanvasObject {
	if s.view == nil {
		s.view = s.frame(s.table.toolbar(), s.statusLine(s.table.count))
	}
	return s.view
}

// villagesLoad is what one refresh reads from the store.
type villagesLoad struct {
	villages  []data.Village
	townships []data.Township
	rows      *tableRows[data.Village] // the villages in official order, as the table shows them
}

// refresh reloads the villages off the UI goroutine and shows them.
func (s *villagesScreen) refresh() {
	loadLedger(&s.ledger, "读取村庄失败", func() (villagesLoad, error) {
		var l villagesLoad
		var err error
		l.villages, err = s.u.deps.Store.Villages(s.u.ctx())
		if err == nil {
			l.townships, err = s.u.deps.Store.Townships(s.u.ctx())
		}
		if err == nil {
			officialOrder(l.villages, l.villages, func(v data.Village) (string, string) { return v.Township, v.Name })
			l.rows = s.table.prepare(l.villages)
		}
		return l, err
	}, s.apply)
}

func (s *villagesScreen) apply(l villagesLoad) {
	s.townships = s.townships[:0]
	for _, t := range l.townships {
		s.townships = append(s.townships, t.Name)
	}
	s.table.show(l.rows)
	s.selectSaved()
	s.updateButtons()
}

func (s *villagesScreen) onAdd() {
	v := data.Village{Kind: data.KindVillage, Status: data.VillageActive}
	if t := filterValue(s.townshipSel); t != "" {
		v.Township = t
	} else if len(s.townships) == 1 {
		v.Township = s.townships[0]
	}
	s.openForm(v, false)
}

func (s *villagesScreen) onEdit() {
	if v, ok := s.selected(); ok {
		s.openForm(v, true)
	}
}

// openForm shows the village form; editing keeps the record's ID so the store updates it.
func (s *villagesScreen) openForm(v data.Village, editing bool) {
	title := "新增村庄"
	if editing {
		title = "编辑村庄：" + v.Township + " " + v.Name
	}
	f := newEditForm(s.u.win, title, editing)
	b := newFieldForm(f, data.VillageDesc, &v)
	b.suggest(func(v *data.Village) any { return &v.Township }, s.townships)
	for _, at := range []func(*data.Village) any{
		func(v *data.Village) any { return &v.Name },
		func(v *data.Village) any { return &v.Kind },
		func(v *data.Village) any { return &v.Status },
		func(v *data.Village) any { return &v.Households },
		func(v *data.Village) any { return &v.Population },
		func(v *data.Village) any { return &v.Code },
	} {
		b.add(at)
	}
	var rec data.Village
	f.build = func() data.Problems {
		rec = data.Village{ID: v.ID}
		b.read(&rec)
		return rec.Validate()
	}
	f.save = func() error { return s.u.deps.Store.SaveVillage(s.u.ctx(), &rec) }
	f.onSaved = func() {
		s.saved(fmt.Sprintf("已保存：%s %s", rec.Township, rec.Name), rec.ID)
	}
	s.form = f
	f.showDialog()
}

func (s *villagesScreen) onDelete() {
	v, ok := s.selected()
	if !ok {
		return
	}
	s.confirmDelete("删除村庄", v.Township+" "+v.Name, func() error {
		return s.u.deps.Store.DeleteVillage(s.u.ctx(), v.ID)
	}, "该村的换届记录也将一并隐藏。")
}
