package ui

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/exchange"
	"liangwei/internal/atomicfile"
)

func init() {
	register("操作日志", func(u *UI) screen {
		registerLocks(u)
		return newAuditScreen(u)
	})
}

// auditLimit is the most entries the screen loads at once; the filters reach older ones.
const auditLimit = 10000

const auditAllKinds = "全部类别"

// auditKindName is a kind's Chinese name; the recycle bin of 数据 shows its items by it.
func auditKindName(k string) string { return data.KindName(k) }

// auditScreen is 操作日志: who changed what and when, newest first, filtered by record kind,
// village and dates, and exported to a workbook for the county.
type auditScreen struct {
	u *UI

	table     *ledgerTable[auditRow]
	kindSel   *widget.Select
	village   *widget.Entry
	from, to  *widget.Entry
	refreshB  *widget.Button
	exportBtn *widget.Button
	status    *widget.Label // the filter's problem, what export did, or the selected entry
	view      fyne.CanvasObject

	loads  sync.WaitGroup // loads and exports in flight; tests wait on it
	gen    atomic.Int64
	shown  []auditRow       // what the last load returned
	filter data.AuditFilter // the filter of the last load
	// lastErr is the last load's or export's failure.
	lastErr error
}

func newAuditScreen(u *UI) *auditScreen {
	s := &auditScreen{u: u}
	s.table = newLedgerTable([]column[auditRow]{
		{title: "时间", width: 150, text: func(r auditRow) string { return r.at }},
		{title: "用户", width: 80, text: func(r auditRow) string { return r.e.OSUser }},
		{title: "操作", width: 52, text: func(r auditRow) string { return r.action }},
		{title: "类别", width: 76, text: func(r auditRow) string { return r.kind }},
		{title: "记录", width: 200, text: func(r auditRow) string { return r.record }},
		{title: "原值", width: 240, text: func(r auditRow) string { return r.old }},
		{title: "新值", width: 240, text: func(r auditRow) string { return r.new }},
		{title: "来源", width: 130, text: func(r auditRow) string { return r.e.Source }},
	})
	s.table.setEmptyText("没有符合条件的操作记录。")
	s.table.onSelect = func(r auditRow) { s.status.SetText(r.e.Text()) }
	names := []string{auditAllKinds}
	for _, k := range data.Kinds {
		names = append(names, k.Name)
	}
	s.kindSel = widget.NewSelect(names, func(string) { s.refresh() })
	s.kindSel.SetSelected(auditAllKinds)
	s.village = widget.NewEntry()
	s.village.SetPlaceHolder("村庄或乡镇名")
	s.village.OnSubmitted = func(string) { s.refresh() }
	s.from = widget.NewEntry()
	s.from.SetPlaceHolder("如 2026-01-01")
	s.from.OnSubmitted = func(string) { s.refresh() }
	s.to = widget.NewEntry()
	s.to.SetPlaceHolder("如 2026-12-31")
	s.to.OnSubmitted = func(string) { s.refresh() }
	s.refreshB = widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), s.refresh)
	s.exportBtn = widget.NewButtonWithIcon("导出…", theme.DocumentSaveIcon(), s.onExport)
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	return s
}

func (s *auditScreen) content() fyne.CanvasObject {
	if s.view == nil {
		label := func(t string) fyne.CanvasObject { return widget.NewLabel(t) }
		filters := container.NewHBox(
			label("类别"), minWidth(s.kindSel, 110),
			label("村庄"), minWidth(s.village, 120),
			label("日期从"), minWidth(s.from, 120),
			label("到"), minWidth(s.to, 120),
			s.refreshB,
		)
		top := container.NewBorder(nil, nil, filters, container.NewHBox(s.exportBtn), s.table.search)
		bottom := container.NewBorder(nil, nil, s.table.count, nil, s.status)
		s.view = container.NewBorder(top, bottom, nil, nil, s.table.body)
	}
	return s.view
}

// readFilter reads the filter widgets; a date that cannot be read is an error.
func (s *auditScreen) readFilter() (data.AuditFilter, error) {
	f := data.AuditFilter{Village: strings.TrimSpace(s.village.Text), Limit: auditLimit}
	for _, k := range data.Kinds {
		if k.Name == s.kindSel.Selected {
			f.Kind = string(k.Code)
		}
	}
	var err error
	if f.Since, err = auditDay(s.from.Text); err != nil {
		return f, fmt.Errorf("日期从：%v", err)
	}
	if f.Until, err = auditDay(s.to.Text); err != nil {
		return f, fmt.Errorf("日期到：%v", err)
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Before(f.Since) {
		return f, errors.New("“到”的日期早于“日期从”")
	}
	return f, nil
}

// auditDay reads a date in the spellings of SPEC §6 as that day on the clerk's clock, which
// is how the store counts the days of the filter.
func auditDay(text string) (time.Time, error) {
	d, err := data.ParseDate(text)
	if err != nil || d.IsZero() {
		return time.Time{}, err
	}
	y, m, day := d.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, time.Local), nil
}

// refresh reads the log with the current filter off the UI goroutine.
func (s *auditScreen) refresh() {
	if s.status == nil {
		return
	}
	f, err := s.readFilter()
	if err != nil {
		s.lastErr = err
		s.status.SetText(err.Error() + "。日期可写作 2026-03-15、2026/3/15、2026年3月15日 或 20260315。")
		s.status.Importance = widget.DangerImportance
		s.status.Refresh()
		return
	}
	refreshLater(&s.loads, &s.gen, func() ([]auditRow, error) {
		es, err := s.u.deps.Store.AuditLog(s.u.ctx(), f)
		return auditRows(es), err // the JSON values are read here, not on the UI goroutine
	}, func(rows []auditRow, err error) {
		s.lastErr = err
		if err != nil {
			s.u.showError("读取操作日志失败", err)
			return
		}
		s.shown, s.filter = rows, f
		s.table.setData(rows)
		s.status.Importance = widget.MediumImportance
		if len(rows) >= auditLimit {
			s.status.SetText(fmt.Sprintf("只显示最近 %d 条，请用类别、村庄或日期缩小范围。", auditLimit))
		} else {
			s.status.SetText("")
		}
	})
}

// wait blocks until the loads and exports started so far are done (for tests).
func (s *auditScreen) wait() { s.loads.Wait() }

func (s *auditScreen) onExport() {
	s.u.saveDialog("操作日志"+data.FormatDate(s.u.deps.Now())+".xlsx", s.export)
}

// export writes the entries shown (after search) to a workbook at path, replaced whole.
func (s *auditScreen) export(path string) {
	rows := make([]data.AuditEntry, s.table.rowCount())
	for i := range rows {
		rows[i] = s.table.row(i).e
	}
	s.exportBtn.Disable()
	inBackground(&s.loads, func() {
		err := atomicfile.Write(path, func(w io.Writer) error { return exchange.WriteAuditWorkbook(w, rows) })
		onUI(func() {
			s.exportBtn.Enable()
			s.lastErr = err
			if err != nil {
				s.u.showError("导出操作日志失败", err)
				return
			}
			s.status.Importance = widget.SuccessImportance
			s.status.SetText(fmt.Sprintf("已导出 %d 条操作记录到 %s", len(rows), path))
		})
	})
}

// auditRow is an entry with the texts the table shows, worked out once per load.
type auditRow struct {
	e                                  data.AuditEntry
	at, action, kind, record, old, new string
}

// auditRows reads the entries in data's audit vocabulary, the words of the CLI and of the
// exported workbook.
func auditRows(es []data.AuditEntry) []auditRow {
	rows := make([]auditRow, len(es))
	for i, e := range es {
		o, n := e.ChangeTexts()
		rows[i] = auditRow{e: e, at: e.TimeText(), action: e.ActionText(), kind: e.KindText(), record: e.RecordText(), old: o, new: n}
	}
	return rows
}
