package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

// datTrash is the 回收站 tab: deleted records, each with 恢复.
type datTrash struct {
	datItems[data.TrashItem]
}

func (t *datTrash) build(s *dataScreen) fyne.CanvasObject {
	intro := widget.NewLabel("删除的记录都在这里，可以恢复。恢复已上报锁定届次的记录须先解锁。")
	intro.Wrapping = fyne.TextWrapWord
	t.init("回收站是空的。", "两委成员　城关镇/东关村/2026/张三　删除于 2026-11-20 10:30", "恢复", theme.ContentUndoIcon(),
		func(it data.TrashItem) string {
			return auditKindName(it.Kind) + "　" + it.Record + "　删除于 " + datStamp(it.DeletedAt)
		}, s.restoreItem)
	return t.body(container.NewVBox(intro, t.status, widget.NewSeparator()))
}

// reload lists the recycle bin off the UI goroutine.
func (t *datTrash) reload(s *dataScreen) {
	t.datItems.reload(s, func() ([]data.TrashItem, error) { return s.u.deps.Store.Trash(s.u.ctx()) },
		"list recycle bin", "读取回收站失败：")
}

// restoreItem brings a record back; a locked round asks for an unlock first.
func (s *dataScreen) restoreItem(it data.TrashItem) {
	t := &s.trash
	err := s.u.deps.Store.Restore(s.u.ctx(), it.Kind, it.ID)
	t.lastErr = err
	if err != nil {
		t.status.Importance = widget.DangerImportance
		t.status.SetText("恢复失败：" + err.Error())
		if !s.u.handleLocked(err, func() { s.restoreItem(it) }) {
			s.u.showError("恢复失败", err)
		}
		return
	}
	t.status.Importance = widget.SuccessImportance
	t.status.SetText("已恢复" + auditKindName(it.Kind) + "“" + it.Record + "”。")
	s.u.changed()
}
