package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/exchange"
	"liangwei/internal/atomicfile"
)

func init() { register("数据", newDataScreen) }

// datSheetAuto lets the importer tell a CSV file's sheet from its file name.
const datSheetAuto = "按文件名判断"

// datSheets are the sheets of the workbook a CSV file can hold, in workbook order.
var datSheets = exchange.Sheets

// dataScreen is 数据: import a workbook or CSV with a preview before anything is written,
// export the whole ledger, and save the blank template. This file holds the screen and its
// 导入与导出 tab for one file; the other parts each have a file: several files at once
// (databatch.go), 备份与还原 (databackups.go), 回收站 (datatrash.go), the list those two tabs
// share (dataitems.go) and the file dialogs (filedialog.go, which 操作日志 uses too).
type dataScreen struct {
	u *UI
	// busy counts the background loads, imports and exports; tests wait on it.
	busy sync.WaitGroup

	importBtn   *widget.Button
	pathEntry   *keyEntry      // a path typed or pasted (Windows “复制文件地址”), Enter previews it
	pathBtn     *widget.Button // 预览 of the path typed
	exportBtn   *widget.Button
	templateBtn *widget.Button
	sheet       *widget.Select
	progress    *widget.ProgressBarInfinite
	fileLabel   *widget.Label
	rowsLabel   *widget.Label
	issueList   *widget.List
	confirmBtn  *widget.Button
	cancelBtn   *widget.Button
	status      *widget.Label
	previewBox  *fyne.Container
	body        *fyne.Container // relaid out when the progress bar or the preview appear

	// The file being previewed and what Load found; touched only on the UI goroutine.
	path   string
	loaded bool
	shown  exchange.Preview
	lines  []datLine
	// plan is what the previewed file's import would do (planErr: the refusal its dry run
	// met); blankConfirm the question before blanking stored values, while shown.
	plan         data.ImportPlan
	planErr      error
	blankConfirm *dialog.ConfirmDialog
	// result is what the last confirmed import changed; lastErr the last failure.
	result  data.ImportResult
	lastErr error

	// Several files imported one by one (a folder, or files dropped on the window).
	batchBtn      *widget.Button
	batchProgress *widget.ProgressBar
	batchLabel    *widget.Label
	batchResults  []datFileResult // of the last batch, in order

	backups datBackups
	trash   datTrash
	tabs    *container.AppTabs
}

// datLine is one line of the issue list: a heading or an issue.
type datLine struct {
	text       string
	importance widget.Importance
	bold       bool
}

func newDataScreen(u *UI) screen { return &dataScreen{u: u} }

func (s *dataScreen) content() fyne.CanvasObject {
	s.importBtn = widget.NewButtonWithIcon("导入…", theme.FolderOpenIcon(), s.onImport)
	s.importBtn.Importance = widget.HighImportance
	s.exportBtn = widget.NewButtonWithIcon("导出工作簿…", theme.DocumentSaveIcon(), s.onExport)
	s.templateBtn = widget.NewButtonWithIcon("下载空白模板…", theme.DownloadIcon(), s.onTemplate)
	s.sheet = widget.NewSelect(append([]string{datSheetAuto}, datSheets...), func(string) {
		if s.path != "" && datIsCSV(s.path) {
			s.reload()
		}
	})
	s.sheet.SetSelected(datSheetAuto)
	s.sheet.Disable()
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()

	s.fileLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.fileLabel.Wrapping = fyne.TextWrapBreak
	s.rowsLabel = widget.NewLabel("")
	s.rowsLabel.Wrapping = fyne.TextWrapWord
	s.issueList = widget.NewList(
		func() int { return len(s.lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("文件:工作表:行:列: 信息")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.lines) {
				return
			}
			l := o.(*widget.Label)
			l.Text = s.lines[i].text
			l.Importance = s.lines[i].importance
			l.TextStyle = fyne.TextStyle{Bold: s.lines[i].bold}
			l.Refresh()
		},
	)
	s.confirmBtn = widget.NewButtonWithIcon("确认导入", theme.ConfirmIcon(), s.confirm)
	s.confirmBtn.Importance = widget.HighImportance
	s.confirmBtn.Disable()
	s.cancelBtn = widget.NewButtonWithIcon("放弃", theme.CancelIcon(), s.clearPreview)
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord

	s.batchBtn = widget.NewButtonWithIcon("批量导入文件夹…", theme.FolderIcon(), s.onImportFolder)
	s.batchProgress = widget.NewProgressBar()
	s.batchProgress.Hide()
	s.batchLabel = widget.NewLabel("")
	s.batchLabel.Truncation = fyne.TextTruncateEllipsis
	s.batchLabel.Hide()

	intro := widget.NewLabel("导入：选择乡镇报来的工作簿（.xlsx，工作表“乡镇”“村庄”“换届”“两委成员”“党组织”“乡镇班子”“信访举报”“约谈”）或单张工作表的 .csv 文件，" +
		"先预览，发现错误时整个文件都不导入。多个文件可选一个文件夹批量导入，或直接拖到窗口上：逐个导入，每个文件全部导入或全部不导入。同一文件重复导入不会产生重复记录。")
	intro.Wrapping = fyne.TextWrapBreak
	s.pathEntry = newKeyEntry(s.u.win)
	s.pathEntry.SetPlaceHolder(`或在此粘贴文件路径，如 D:\下载\城关镇换届台账.xlsx，按回车预览`)
	s.pathEntry.OnSubmitted = func(string) { s.onPathPreview() }
	s.pathBtn = widget.NewButtonWithIcon("预览", theme.SearchIcon(), s.onPathPreview)
	top := container.NewVBox(
		intro,
		container.NewHBox(s.importBtn, widget.NewLabel("CSV 文件的工作表："), s.sheet, s.batchBtn,
			widget.NewSeparator(), s.exportBtn, s.templateBtn),
		container.NewBorder(nil, nil, widget.NewLabel("文件路径："), s.pathBtn, s.pathEntry),
		s.progress, s.batchProgress, s.batchLabel, s.status,
	)
	previewTop := container.NewVBox(widget.NewSeparator(), s.fileLabel, s.rowsLabel)
	s.previewBox = container.NewBorder(previewTop, container.NewHBox(s.confirmBtn, s.cancelBtn), nil, nil, s.issueList)
	s.previewBox.Hide()
	s.body = container.NewBorder(top, nil, nil, nil, s.previewBox)

	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("导入与导出", theme.UploadIcon(), container.NewPadded(s.body)),
		container.NewTabItemWithIcon("备份与还原", theme.HistoryIcon(), container.NewPadded(s.backups.build(s))),
		container.NewTabItemWithIcon("回收站", theme.DeleteIcon(), container.NewPadded(s.trash.build(s))),
	)
	if s.u.win != nil {
		s.u.win.SetOnDropped(s.onDropped)
	}
	return s.tabs
}

// refresh reloads the backups and the recycle bin; the import preview belongs to a file,
// not to the database, and stays.
func (s *dataScreen) refresh() {
	if s.tabs == nil {
		return
	}
	s.backups.reload(s)
	s.trash.reload(s)
}

// preview reads and checks the file in the background and shows what it found; nothing is
// written. The sheet choice applies to .csv files only.
func (s *dataScreen) preview(path string) {
	s.path = path
	if datIsCSV(path) {
		s.sheet.Enable()
	} else {
		s.sheet.Disable()
	}
	s.reload()
}

// reload (re)loads the current file with the current sheet choice.
func (s *dataScreen) reload() {
	path, sheet := s.path, s.sheetName()
	s.loaded = false
	s.confirmBtn.Disable()
	s.startWork("正在读取 " + filepath.Base(path) + " …")
	inBackground(&s.busy, func() {
		// The import is run and rolled back, so the preview says what it would change.
		p, plan, err := exchange.DryRun(s.u.ctx(), s.u.deps.Store, path, sheet, s.u.deps.Now())
		if errors.Is(err, exchange.ErrRejected) {
			err = nil // the issues say why
		}
		onUI(func() {
			s.stopWork()
			s.plan, s.planErr = plan, err
			s.showPreview(p)
			s.status.SetText("")
		})
	})
}

func (s *dataScreen) sheetName() string {
	if !datIsCSV(s.path) || s.sheet.Selected == datSheetAuto {
		return ""
	}
	return s.sheet.Selected
}

// showPreview lists the rows found per sheet, the errors and the warnings, and enables
// 确认导入 only when there is no error and something to import.
func (s *dataScreen) showPreview(p exchange.Preview) {
	s.shown = p
	s.loaded = true
	name := p.File
	if name == "" {
		name = s.path
	}
	s.fileLabel.SetText("预览：" + name)
	s.rowsLabel.SetText(datRowsText(p.Rows))
	s.rowsLabel.Show()
	errs, warns := p.Issues.Errors(), p.Issues.Warnings()
	s.lines = s.lines[:0]
	switch {
	case len(errs) > 0:
		s.lines = append(s.lines, datLine{text: fmt.Sprintf("发现 %d 处错误，整个文件都不会导入。请在 Excel/WPS 中按行号改正后重新导入：", len(errs)), importance: widget.DangerImportance, bold: true})
		for _, is := range errs {
			s.lines = append(s.lines, datLine{text: is.String(), importance: widget.DangerImportance})
		}
	case p.Batch.Len() == 0:
		s.lines = append(s.lines, datLine{text: "文件中没有找到可导入的记录。", importance: widget.WarningImportance, bold: true})
	default:
		s.lines = append(s.lines, datLine{text: "没有发现错误，可以确认导入。", importance: widget.SuccessImportance, bold: true})
		s.lines = append(s.lines, datPlanLines(s.plan, s.planErr)...)
	}
	s.lines = append(s.lines, datAbsentLines(p)...)
	s.lines = append(s.lines, datPrintLines(p)...)
	if len(warns) > 0 {
		s.lines = append(s.lines, datLine{text: fmt.Sprintf("%d 条警告（不影响导入，建议核实）：", len(warns)), importance: widget.WarningImportance, bold: true})
		for _, is := range warns {
			s.lines = append(s.lines, datLine{text: is.String(), importance: widget.WarningImportance})
		}
	}
	s.issueList.Refresh()
	s.issueList.ScrollToTop()
	s.confirmBtn.Show()
	s.cancelBtn.SetText("放弃")
	if len(errs) == 0 && p.Batch.Len() > 0 {
		s.confirmBtn.Enable()
	} else {
		s.confirmBtn.Disable()
	}
	s.previewBox.Show()
	s.body.Refresh()
}

// confirm imports the previewed file (read again, so what is written is what the file holds
// now) and reports what changed. When the preview showed stored values the import would
// blank, the clerk is asked first; the import then blanks no value the clerk was not asked
// about.
func (s *dataScreen) confirm() {
	if !s.loaded || s.path == "" {
		return
	}
	if bl := s.plan.Blanked(); len(bl) > 0 {
		s.askBlanks(bl, func() { s.importNow(datBlankKeys(s.plan)) })
		return
	}
	s.importNow(nil)
}

// importNow imports the previewed file, blanking no stored value but those of confirmed.
func (s *dataScreen) importNow(confirmed map[string]bool) {
	path, sheet := s.path, s.sheetName()
	s.confirmBtn.Disable()
	s.startWork("正在导入 " + filepath.Base(path) + " …")
	inBackground(&s.busy, func() {
		p, plan, committed, err := exchange.ImportIf(s.u.ctx(), s.u.deps.Store, path, sheet, s.u.deps.Now(), datBlanksWithin(confirmed))
		onUI(func() {
			s.stopWork()
			s.lastErr = err
			switch {
			case errors.Is(err, exchange.ErrRejected):
				s.plan, s.planErr = data.ImportPlan{}, nil
				s.showPreview(p)
				s.status.SetText("文件有错误，未导入任何记录。")
				s.status.Importance = widget.DangerImportance
			case errors.Is(err, data.ErrLocked):
				s.status.SetText("未导入任何记录：" + err.Error())
				s.status.Importance = widget.DangerImportance
				s.confirmBtn.Enable()
				s.u.handleLocked(err, s.confirm)
			case err != nil:
				s.status.SetText("导入失败，未导入任何记录：" + err.Error())
				s.status.Importance = widget.DangerImportance
				s.confirmBtn.Enable()
				s.u.showError("导入失败", err)
			case !committed:
				// The file changed since the preview and now blanks other values.
				s.plan, s.planErr = plan, nil
				s.showPreview(p)
				s.status.SetText("文件在预览后有改动，导入将清空未经确认的值，未导入任何记录。请核对下方列表后重新确认。")
				s.status.Importance = widget.DangerImportance
			default:
				res := plan.ImportResult
				s.result = res
				s.status.SetText(fmt.Sprintf("已导入 %s：新增 %d 条，更新 %d 条，未变 %d 条。可到“概览”查看完成情况。",
					filepath.Base(path), res.Inserted, res.Updated, res.Unchanged))
				s.status.Importance = widget.SuccessImportance
				s.previewBox.Hide()
				s.body.Refresh()
				s.loaded = false
				s.u.changed()
			}
			s.status.Refresh()
		})
	})
}

func (s *dataScreen) clearPreview() {
	s.loaded = false
	s.plan, s.planErr = data.ImportPlan{}, nil
	s.path = ""
	s.lines = nil
	s.confirmBtn.Disable()
	s.sheet.Disable()
	s.previewBox.Hide()
	s.status.SetText("")
	s.body.Refresh()
}

// export writes the whole ledger as a workbook to path (through a temporary file).
func (s *dataScreen) export(path string) {
	s.writeFile(path, "导出", func(w io.Writer) error { return exchange.Export(s.u.ctx(), s.u.deps.Store, w) })
}

// template writes the blank workbook to path (through a temporary file).
func (s *dataScreen) template(path string) {
	s.writeFile(path, "空白模板", exchange.WriteTemplate)
}

func (s *dataScreen) writeFile(path, what string, write func(io.Writer) error) {
	s.startWork("正在保存" + what + "…")
	inBackground(&s.busy, func() {
		err := atomicfile.Write(path, write)
		onUI(func() {
			s.stopWork()
			s.lastErr = err
			if err != nil {
				s.status.SetText(what + "失败：" + err.Error())
				s.status.Importance = widget.DangerImportance
				s.status.Refresh()
				s.u.showError(what+"失败", err)
				return
			}
			s.status.SetText(what + "已保存到 " + path)
			s.status.Importance = widget.SuccessImportance
			s.status.Refresh()
		})
	})
}

func (s *dataScreen) startWork(msg string) {
	s.batchBtn.Disable()
	s.importBtn.Disable()
	s.exportBtn.Disable()
	s.templateBtn.Disable()
	s.status.SetText(msg)
	s.status.Importance = widget.MediumImportance
	s.status.Refresh()
	s.progress.Show()
	s.progress.Start()
	s.body.Refresh()
}

func (s *dataScreen) stopWork() {
	s.progress.Stop()
	s.progress.Hide()
	s.batchBtn.Enable()
	s.importBtn.Enable()
	s.exportBtn.Enable()
	s.templateBtn.Enable()
	s.body.Refresh()
}

func (s *dataScreen) onImport() {
	s.u.openFile("选择要导入的工作簿或CSV文件", fileFilter{"工作簿和CSV (*.xlsx, *.csv)", []string{".xlsx", ".csv"}}, "预览", true, s.preview)
}

// onPathPreview previews the file whose path the clerk typed or pasted; the quotes of
// Windows' “复制文件地址” are dropped.
func (s *dataScreen) onPathPreview() {
	path := strings.Trim(strings.TrimSpace(s.pathEntry.Text), `"'“”`)
	if path == "" {
		s.status.SetText("请先输入或粘贴要导入的文件的路径。")
		return
	}
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		s.status.SetText("找不到文件“" + path + "”，请检查路径是否正确。")
		return
	case fi.IsDir():
		files, err := datFolderFiles(path)
		if err != nil {
			s.u.showError("无法读取文件夹", err)
			return
		}
		s.askImportFiles(files, "文件夹“"+path+"”")
		return
	case !datImportable(path):
		s.status.SetText("只能导入 .xlsx 工作簿或 .csv 文件：“" + filepath.Base(path) + "”不是。")
		return
	}
	s.status.SetText("")
	s.preview(path)
}

func (s *dataScreen) onExport() {
	s.u.saveDialog("两委台账导出"+data.FormatDate(s.u.deps.Now())+".xlsx", s.export)
}

func (s *dataScreen) onTemplate() {
	s.u.saveDialog("两委台账空白模板.xlsx", s.template)
}

func datIsCSV(path string) bool { return strings.EqualFold(filepath.Ext(path), ".csv") }

// datRowsText says how many rows each sheet holds, in workbook order: “乡镇 1 行，村庄 48 行”.
func datRowsText(rows map[string]int) string {
	if len(rows) == 0 {
		return "没有找到可识别的工作表（应为" + datQuoted(datSheets) + "）。"
	}
	order := map[string]int{}
	for i, sh := range datSheets {
		order[sh] = i
	}
	names := make([]string, 0, len(rows))
	for n := range rows {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		oi, iok := order[names[i]]
		oj, jok := order[names[j]]
		switch {
		case iok && jok:
			return oi < oj
		case iok != jok:
			return iok
		}
		return names[i] < names[j]
	})
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s %d 行", n, rows[n])
	}
	return "找到：" + strings.Join(parts, "，")
}

// datQuoted lists names as “乡镇”“村庄”….
func datQuoted(names []string) string {
	var b strings.Builder
	for _, n := range names {
		b.WriteString("“" + n + "”")
	}
	return b.String()
}
