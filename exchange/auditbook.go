package exchange

import (
	"io"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

// AuditHeader is the header row of the exported audit log.
var AuditHeader = []string{"时间", "用户", "操作", "类别", "记录", "原值", "新值", "来源"}

// auditWidths are the column widths of the exported log, in characters.
var auditWidths = []float64{20, 12, 8, 10, 32, 50, 50, 24}

// WriteAuditWorkbook writes the entries as the sheet 操作日志, one row each, in the words of
// the window (data's audit vocabulary) and with the whole old and new values: the county
// reading it has no window to look them up in.
func WriteAuditWorkbook(w io.Writer, es []data.AuditEntry) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "操作日志"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	// A stream writer: a city's log runs to tens of thousands of rows.
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, wd := range auditWidths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	head := make([]any, len(AuditHeader))
	for i, h := range AuditHeader {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, e := range es {
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		row := []any{e.TimeText(), e.OSUser, e.ActionText(), e.KindText(), e.RecordText(),
			data.AuditValueText(e.OldValue), data.AuditValueText(e.NewValue), e.Source}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
