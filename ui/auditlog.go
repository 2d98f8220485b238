package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"liangwei/data"
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

// auditActions are the Chinese names of the audit actions.
var auditActions = map[string]string{
	"create": "新增", "update": "修改", "delete": "删除", "restore": "恢复", "import": "导入",
	"lock": "锁定", "unlock": "解锁", "backup": "备份", "restore-backup": "还原",
}

// auditKinds are the record kinds of the log with their Chinese names, in the order the
// filter offers them.
var auditKinds = []struct{ kind, name string }{
	{"township", "乡镇"}, {"village", "村庄"}, {"election", "换届"}, {"member", "两委成员"},
	{"party_org", "党组织"}, {"leadership", "乡镇班子"}, {"complaint", "信访举报"}, {"talk", "约谈"},
	{"file", "文件"}, {"round", "届次"}, {"settings", "设置"},
}

const auditAllKinds = "全部类别"

// auditSettingNames are the settings keys older logs recorded in English, by the names the
// 设置 screen gives them (newer logs record these names).
var auditSettingNames = map[string]string{
	"township": "乡镇", "county": "县区", "leader": "负责人", "reviewer": "审核人",
	"preparer": "填表人", "phone": "联系电话", "round": "当前届次", "data_folder": "报表文件夹",
}

// auditRecord is an entry's record as shown: a setting by its Chinese name.
func auditRecord(e data.AuditEntry) string {
	if n, ok := auditSettingNames[e.Record]; ok && e.Kind == "settings" {
		return n
	}
	return e.Record
}

func auditActionName(a string) string {
	if n, ok := auditActions[a]; ok {
		return n
	}
	return a
}

func auditKindName(k string) string {
	for _, x := range auditKinds {
		if x.kind == k {
			return x.name
		}
	}
	return k
}

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
		{title: "记录", width: 200, text: func(r auditRow) string { return auditRecord(r.e) }},
		{title: "原值", width: 240, text: func(r auditRow) string { return r.old }},
		{title: "新值", width: 240, text: func(r auditRow) string { return r.new }},
		{title: "来源", width: 130, text: func(r auditRow) string { return r.e.Source }},
	})
	s.table.setEmptyText("没有符合条件的操作记录。")
	s.table.onSelect = func(r auditRow) { s.status.SetText(auditDetail(r.e)) }
	names := []string{auditAllKinds}
	for _, k := range auditKinds {
		names = append(names, k.name)
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
	for _, k := range auditKinds {
		if k.name == s.kindSel.Selected {
			f.Kind = k.kind
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
		err := atomicfile.Write(path, func(w io.Writer) error { return writeAuditWorkbook(w, rows) })
		fyne.Do(func() {
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
	e                          data.AuditEntry
	at, action, kind, old, new string
}

func auditRows(es []data.AuditEntry) []auditRow {
	rows := make([]auditRow, len(es))
	for i, e := range es {
		o, n := auditChange(e)
		rows[i] = auditRow{e: e, at: auditTime(e), action: auditActionName(e.Action), kind: auditKindName(e.Kind), old: o, new: n}
	}
	return rows
}

// auditHeader is the header row of the exported log.
var auditHeader = []string{"时间", "用户", "操作", "类别", "记录", "原值", "新值", "来源"}

// writeAuditWorkbook writes the entries as the sheet 操作日志, full old and new values.
func writeAuditWorkbook(w io.Writer, es []data.AuditEntry) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "操作日志"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, wd := range []float64{20, 12, 8, 10, 32, 50, 50, 24} {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	head := make([]any, len(auditHeader))
	for i, h := range auditHeader {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, e := range es {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{auditTime(e), e.OSUser, auditActionName(e.Action), auditKindName(e.Kind), auditRecord(e),
			auditValueText(e.OldValue), auditValueText(e.NewValue), e.Source}
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

// auditTime is an entry's time on the clerk's clock.
func auditTime(e data.AuditEntry) string {
	if e.At.IsZero() {
		return ""
	}
	return e.At.In(time.Local).Format("2006-01-02 15:04:05")
}

// auditField is one key of a recorded value, in the order recorded.
type auditField struct{ key, value string }

// auditFields reads a recorded value (a JSON object keyed by Chinese headers) keeping the
// order of its keys; ok is false when the value is not an object.
func auditFields(v string) (fs []auditField, ok bool) {
	dec := json.NewDecoder(strings.NewReader(v))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, false
		}
		key, _ := t.(string)
		// Token, not Decode: the values are scalars, and a city's log is read in one go.
		t, err = dec.Token()
		if err != nil {
			return nil, false
		}
		var value string
		switch v := t.(type) {
		case string:
			value = v
		case json.Number:
			value = v.String()
		case bool:
			value = strconv.FormatBool(v)
		case nil:
			value = "null"
		default: // a nested object or array: not a record value; shown as it is
			return nil, false
		}
		fs = append(fs, auditField{key, value})
	}
	return fs, true
}

// auditValueText shows a whole recorded value: “乡镇：测试镇；村名：东村；…”. Empty fields
// are left out; a value that is not an object is shown as it is.
func auditValueText(v string) string {
	if strings.TrimSpace(v) == "" {
		return ""
	}
	fs, ok := auditFields(v)
	if !ok {
		var s string
		if json.Unmarshal([]byte(v), &s) == nil {
			return s
		}
		return v
	}
	parts := make([]string, 0, len(fs))
	for _, f := range fs {
		if f.value == "" || f.value == "null" {
			continue
		}
		parts = append(parts, f.key+"："+f.value)
	}
	return strings.Join(parts, "；")
}

// auditChange is what the table shows of an entry's values: for a change of an existing
// record only the fields that differ, otherwise the whole values.
func auditChange(e data.AuditEntry) (old, new string) {
	of, ok1 := auditFields(e.OldValue)
	nf, ok2 := auditFields(e.NewValue)
	if !ok1 || !ok2 {
		return auditValueText(e.OldValue), auditValueText(e.NewValue)
	}
	oldBy := map[string]string{}
	for _, f := range of {
		oldBy[f.key] = f.value
	}
	var os, ns []string
	seen := map[string]bool{}
	for _, f := range nf {
		seen[f.key] = true
		if o := oldBy[f.key]; o != f.value {
			os = append(os, f.key+"："+auditEmpty(o))
			ns = append(ns, f.key+"："+auditEmpty(f.value))
		}
	}
	for _, f := range of {
		if !seen[f.key] {
			os = append(os, f.key+"："+auditEmpty(f.value))
			ns = append(ns, f.key+"：（空）")
		}
	}
	if len(os) == 0 {
		return "（无变化）", "（无变化）"
	}
	return strings.Join(os, "；"), strings.Join(ns, "；")
}

func auditEmpty(v string) string {
	if v == "" || v == "null" {
		return "（空）"
	}
	return v
}

// auditDetail is the whole of a selected entry, shown under the table.
func auditDetail(e data.AuditEntry) string {
	s := fmt.Sprintf("%s %s %s %s", auditTime(e), e.OSUser, auditActionName(e.Action), auditRecord(e))
	if o := auditValueText(e.OldValue); o != "" {
		s += "\n原值：" + o
	}
	if n := auditValueText(e.NewValue); n != "" {
		s += "\n新值：" + n
	}
	if e.Source != "" {
		s += "\n来源：" + e.Source
	}
	return s
}
