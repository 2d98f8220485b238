package ui

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/exchange"
)

func init() { register("汇总", newSubmissionsScreen) }

// submissionsScreen is 汇总 (issue 18), for a county's or a city's database: one row per
// township known to it with the latest file received, whether that workbook was changed
// after export, the round's completion rates, check errors and warnings and the last PDF
// verified — and the townships with nothing received yet. 退回… sends the selected
// township's submission back with a reason, which is logged.
type submissionsScreen struct {
	u    *UI
	busy sync.WaitGroup // loads in progress; tests wait on it

	round     *widget.Select
	summary   *widget.Label // 共 N 个乡镇，已收到 X 个，未收到 Y 个
	missing   *widget.Label // 尚未收到：…
	table     *widget.Table
	returnBtn *widget.Button
	status    *widget.Label

	rows     []data.SubmissionRow
	selected int // row index in rows, -1 for none
}

// subColumns are the table's columns: title, width, and the cell of a row.
var subColumns = []struct {
	title string
	width float32
	cell  func(r data.SubmissionRow) string
}{
	{"乡镇", 96, func(r data.SubmissionRow) string { return r.Township }},
	{"状态", 64, func(r data.SubmissionRow) string { return r.StatusText() }},
	{"最新文件", 150, func(r data.SubmissionRow) string {
		return subLatest(r, func(s *data.Submission) string { return s.File })
	}},
	{"导入时间", 128, func(r data.SubmissionRow) string {
		return subLatest(r, func(s *data.Submission) string { return s.At.Local().Format("2006-01-02 15:04") })
	}},
	{"导入人", 72, func(r data.SubmissionRow) string {
		return subLatest(r, func(s *data.Submission) string { return s.By })
	}},
	{"工作簿指纹", 236, func(r data.SubmissionRow) string {
		return subLatest(r, func(s *data.Submission) string { return data.ShortPrint(s.Actual) + " " + s.PrintState() })
	}},
	{"党组织完成率", 110, func(r data.SubmissionRow) string { return subRate(r.Party) }},
	{"村委会完成率", 110, func(r data.SubmissionRow) string { return subRate(r.Comm) }},
	{"错误", 48, func(r data.SubmissionRow) string { return strconv.Itoa(r.Errors) }},
	{"警告", 48, func(r data.SubmissionRow) string { return strconv.Itoa(r.Warnings) }},
	{"最近核验的PDF", 220, func(r data.SubmissionRow) string {
		if r.Verified == nil {
			return "—"
		}
		return r.Verified.Result + " " + r.Verified.File
	}},
	{"退回原因", 200, func(r data.SubmissionRow) string {
		return subLatest(r, func(s *data.Submission) string { return s.ReturnReason })
	}},
}

func subLatest(r data.SubmissionRow, f func(*data.Submission) string) string {
	if r.Latest == nil {
		return "—"
	}
	return f(r.Latest)
}

func subRate(b data.BodyStats) string {
	if b.Due == 0 {
		return "—"
	}
	return fmt.Sprintf("%d/%d %.2f%%", b.Completed, b.Due, b.Rate)
}

func newSubmissionsScreen(u *UI) screen { return &submissionsScreen{u: u, selected: -1} }

func (s *submissionsScreen) content() fyne.CanvasObject {
	s.round = widget.NewSelect(nil, func(string) { s.refresh() })
	s.round.PlaceHolder = "（无换届数据）"
	s.summary = widget.NewLabel("")
	s.missing = widget.NewLabel("")
	s.missing.Wrapping = fyne.TextWrapWord
	s.missing.Importance = widget.WarningImportance
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.table = widget.NewTable(
		func() (int, int) { return len(s.rows), len(subColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(s.rows) {
				o.(*widget.Label).SetText(subColumns[id.Col].cell(s.rows[id.Row]))
			}
		})
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(subColumns[id.Col].title)
		}
	}
	for i, c := range subColumns {
		s.table.SetColumnWidth(i, c.width)
	}
	s.table.OnSelected = func(id widget.TableCellID) { s.selected = id.Row; s.updateButtons() }
	s.returnBtn = widget.NewButtonWithIcon("退回…", theme.MailReplyIcon(), s.onReturn)
	s.returnBtn.Disable()
	refresh := widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), s.refresh)

	title := widget.NewLabelWithStyle("汇总：各乡镇报送情况", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel("导入乡镇报来的工作簿后，这里列出每个乡镇最新报送的文件；乡镇报来的PDF可在“报表”页用“核验PDF…”核对。")
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	top := container.NewVBox(title,
		container.NewHBox(widget.NewLabel("届次"), minWidth(s.round, 110), refresh, s.returnBtn),
		s.summary, s.missing, hint)
	return container.NewPadded(container.NewBorder(top, s.status, nil, nil, s.table))
}

// refresh reloads the rounds and the rows of the chosen round.
func (s *submissionsScreen) refresh() {
	if s.table == nil {
		return
	}
	st := s.u.deps.Store
	ctx := s.u.ctx()
	rounds, err := st.Rounds(ctx)
	if err != nil {
		s.u.showError("读取届次失败", err)
		return
	}
	opts := make([]string, len(rounds))
	for i, r := range rounds {
		opts[i] = strconv.Itoa(r)
	}
	if strings.Join(opts, ",") != strings.Join(s.round.Options, ",") {
		prev := s.round.Selected
		s.round.Options = opts
		switch {
		case repContains(opts, prev):
			s.round.Selected = prev
		case len(opts) > 0:
			s.round.Selected = opts[0]
		default:
			s.round.Selected = ""
		}
		s.round.Refresh()
	}
	round, _ := strconv.Atoi(s.round.Selected)
	ss, ok := st.(data.SubmissionStore)
	if !ok {
		s.summary.SetText("此数据库不记录报送情况。")
		return
	}
	today := s.u.deps.Now()
	inBackground(&s.busy, func() {
		rows, err := loadSubmissionRows(s.u, ss, round, today)
		onUI(func() {
			if err != nil {
				s.u.showError("读取报送情况失败", err)
				return
			}
			s.show(rows, round)
		})
	})
}

// loadSubmissionRows reads what the 汇总 screen shows.
func loadSubmissionRows(u *UI, ss data.SubmissionStore, round int, today time.Time) ([]data.SubmissionRow, error) {
	ctx := u.ctx()
	l, err := u.deps.Store.Ledger(ctx, round)
	if err != nil {
		return nil, err
	}
	subs, err := ss.Submissions(ctx)
	if err != nil {
		return nil, err
	}
	vers, err := ss.Verifications(ctx)
	if err != nil {
		return nil, err
	}
	return data.BuildSubmissions(l, round, today, subs, vers), nil
}

// show puts rows in the table and the counts above it.
func (s *submissionsScreen) show(rows []data.SubmissionRow, round int) {
	s.rows = rows
	var missing []string
	for _, r := range rows {
		if !r.Received() {
			missing = append(missing, r.Township)
		}
	}
	if round > 0 {
		s.summary.SetText(fmt.Sprintf("%d年：共 %d 个乡镇，已收到 %d 个，未收到 %d 个", round, len(rows), len(rows)-len(missing), len(missing)))
	} else {
		s.summary.SetText(fmt.Sprintf("共 %d 个乡镇，已收到 %d 个，未收到 %d 个", len(rows), len(rows)-len(missing), len(missing)))
	}
	s.missing.SetText("")
	if len(missing) > 0 {
		s.missing.SetText("尚未收到：" + strings.Join(missing, "、"))
	}
	if s.selected >= len(rows) {
		s.selected = -1
		s.table.UnselectAll()
	}
	s.table.Refresh()
	s.updateButtons()
}

func (s *submissionsScreen) updateButtons() {
	if s.selected >= 0 && s.selected < len(s.rows) && s.rows[s.selected].Received() {
		s.returnBtn.Enable()
	} else {
		s.returnBtn.Disable()
	}
}

// onReturn asks for the reason and sends the selected township's latest submission back.
func (s *submissionsScreen) onReturn() {
	if s.selected < 0 || s.selected >= len(s.rows) {
		return
	}
	town := s.rows[s.selected].Township
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder("如：两委成员缺村委会主任，请补报后重新报送")
	reason.SetMinRowsVisible(3)
	d := dialog.NewForm("退回"+town+"的报送", "退回", "取消",
		[]*widget.FormItem{widget.NewFormItem("退回原因", reason)},
		func(ok bool) {
			if ok {
				s.returnSubmission(town, reason.Text)
			}
		}, s.u.win)
	d.Resize(fyne.NewSize(480, 240))
	d.Show()
}

// datPrintLines say, in the 数据 screen's preview of a workbook, whether each township's
// data fingerprint is as exported or was changed after (issue 18); nothing for a CSV file.
func datPrintLines(p exchange.Preview) []datLine {
	if strings.EqualFold(filepath.Ext(p.File), ".csv") || p.Issues.HasErrors() {
		return nil
	}
	text := exchange.PrintSummary(p.Batch.Prints)
	if text == "" {
		return nil
	}
	imp := widget.MediumImportance
	for _, x := range p.Batch.Prints {
		if x.State() == data.PrintModified {
			imp = widget.WarningImportance
		}
	}
	return []datLine{{text: text + "。", importance: imp}}
}

// returnSubmission marks town's latest submission 退回 with reason and reloads.
func (s *submissionsScreen) returnSubmission(town, reason string) {
	ss, ok := s.u.deps.Store.(data.SubmissionStore)
	if !ok {
		return
	}
	if err := ss.ReturnSubmission(s.u.ctx(), town, reason); err != nil {
		s.u.showError("退回失败", err)
		return
	}
	s.status.SetText(fmt.Sprintf("已将%s最新报送的文件标记为退回（已记入操作日志）。", town))
	s.u.changed()
}

// wait waits for the screen's reads (waitScreens).
func (s *submissionsScreen) wait() { s.busy.Wait() }
