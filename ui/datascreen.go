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
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
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
// export the whole ledger, and save the blank template.
type dataScreen struct {
	u *UI
	// busy counts the background loads, imports and exports; tests wait on it.
	busy sync.WaitGroup

	importBtn   *widget.Button
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
	top := container.NewVBox(
		intro,
		container.NewHBox(s.importBtn, widget.NewLabel("CSV 文件的工作表："), s.sheet, s.batchBtn,
			widget.NewSeparator(), s.exportBtn, s.templateBtn),
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
		p := exchange.Load(s.u.ctx(), s.u.deps.Store, path, sheet, s.u.deps.Now())
		fyne.Do(func() {
			s.stopWork()
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
	}
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
// now) and reports what changed.
func (s *dataScreen) confirm() {
	if !s.loaded || s.path == "" {
		return
	}
	path, sheet := s.path, s.sheetName()
	s.confirmBtn.Disable()
	s.startWork("正在导入 " + filepath.Base(path) + " …")
	inBackground(&s.busy, func() {
		p, res, err := exchange.Import(s.u.ctx(), s.u.deps.Store, path, sheet, s.u.deps.Now())
		fyne.Do(func() {
			s.stopWork()
			s.lastErr = err
			switch {
			case errors.Is(err, exchange.ErrRejected):
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
			default:
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
		fyne.Do(func() {
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
	d := s.u.openDialog([]string{".xlsx", ".csv", ".XLSX", ".CSV"}, "预览", s.preview)
	s.u.startInDataFolder(d)
	d.Show()
}

func (s *dataScreen) onExport() {
	s.u.saveDialog("两委台账导出"+data.FormatDate(s.u.deps.Now())+".xlsx", s.export)
}

func (s *dataScreen) onTemplate() {
	s.u.saveDialog("两委台账空白模板.xlsx", s.template)
}

// saveDialog asks where to save a workbook, starting in the data folder, under name; the
// dialog creates the file, which save then replaces whole (by path).
func (u *UI) saveDialog(name string, save func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError("无法保存文件", err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		save(path)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.SetConfirmText("保存")
	d.SetDismissText("取消")
	u.startInDataFolder(d)
	d.Show()
}

// openDialog makes (without showing) a dialog asking for a file with one of exts, its
// button saying confirm; open gets the path of the file chosen, which it reads by path.
func (u *UI) openDialog(exts []string, confirm string, open func(path string)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError("无法打开文件", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		open(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.SetConfirmText(confirm)
	d.SetDismissText("取消")
	return d
}

// startInDataFolder opens d in 设置's data folder (else the database's), when it exists.
func (u *UI) startInDataFolder(d *dialog.FileDialog) {
	set, err := u.deps.Store.Settings(u.ctx())
	if err != nil {
		return
	}
	if l := settingsLister(settingsFolder(set, u.deps.DBPath)); l != nil {
		d.SetLocation(l)
	}
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

// datFileResult is what a batch import did with one file.
type datFileResult struct {
	path   string
	result data.ImportResult
	errs   exchange.Issues // the errors of a refused file
	err    error           // nil when the file was imported
}

// datMaxFileIssues is how many errors of one refused file the batch result lists.
const datMaxFileIssues = 50

// datFolderFiles lists the .xlsx and .csv files of a folder in pinyin order, leaving out Excel's
// lock files (~$…) and hidden files.
func datFolderFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, "~$") || strings.HasPrefix(n, ".") || !datImportable(n) {
			continue
		}
		out = append(out, filepath.Join(dir, n))
	}
	sortChinese(out) // the clerk's order: 甲镇 before 乙镇, by pinyin
	return out, nil
}

func datImportable(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".xlsx" || ext == ".csv"
}

func (s *dataScreen) onImportFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			s.u.showError("无法打开文件夹", err)
			return
		}
		if l == nil {
			return
		}
		files, err := datFolderFiles(l.Path())
		if err != nil {
			s.u.showError("无法读取文件夹", err)
			return
		}
		s.askImportFiles(files, "文件夹“"+l.Path()+"”")
	}, s.u.win)
	d.SetConfirmText("选择")
	d.SetDismissText("取消")
	s.u.startInDataFolder(d)
	d.Show()
}

// onDropped imports files (or the files of folders) dropped on the window.
func (s *dataScreen) onDropped(_ fyne.Position, uris []fyne.URI) {
	var files []string
	for _, uri := range uris {
		p := uri.Path()
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			continue
		case fi.IsDir():
			fs, err := datFolderFiles(p)
			if err == nil {
				files = append(files, fs...)
			}
		case datImportable(p):
			files = append(files, p)
		}
	}
	if s.u.current != "数据" {
		s.u.goTo("数据")
	}
	if s.tabs != nil {
		s.tabs.SelectIndex(0)
	}
	s.askImportFiles(files, "拖入的文件")
}

// askImportFiles confirms a batch before importing it.
func (s *dataScreen) askImportFiles(files []string, where string) {
	if len(files) == 0 {
		s.status.SetText(where + "中没有 .xlsx 或 .csv 文件。")
		s.status.Importance = widget.WarningImportance
		s.status.Refresh()
		return
	}
	names := make([]string, 0, 5)
	for i, f := range files {
		if i == 4 {
			names = append(names, fmt.Sprintf("…共 %d 个", len(files)))
			break
		}
		names = append(names, filepath.Base(f))
	}
	msg := fmt.Sprintf("%s中有 %d 个文件：%s。\n将逐个导入：每个文件没有错误才导入，有错误的文件整个不导入并列出错误。开始导入吗？",
		where, len(files), strings.Join(names, "、"))
	c := dialog.NewConfirm("批量导入", msg, func(ok bool) {
		if ok {
			s.importFiles(files)
		}
	}, s.u.win)
	c.SetConfirmText("开始导入")
	c.SetDismissText("取消")
	c.Show()
}

// importFiles imports the files one by one, each all or nothing, off the UI goroutine,
// with a progress bar (n/N, the current file) and a result line per file.
func (s *dataScreen) importFiles(files []string) {
	if len(files) == 0 {
		return
	}
	s.clearPreview()
	s.batchResults = nil
	s.lines = nil
	s.fileLabel.SetText(fmt.Sprintf("批量导入 %d 个文件", len(files)))
	s.rowsLabel.SetText("")
	s.rowsLabel.Hide()
	s.confirmBtn.Hide()
	s.cancelBtn.SetText("关闭")
	s.issueList.Refresh()
	s.previewBox.Show()
	s.startWork(fmt.Sprintf("正在导入 %d 个文件…", len(files)))
	s.progress.Stop()
	s.progress.Hide()
	s.batchProgress.Max = float64(len(files))
	s.batchProgress.SetValue(0)
	s.batchProgress.Show()
	s.batchLabel.Show()
	s.body.Refresh()
	ctx, st, now := s.u.ctx(), s.u.deps.Store, s.u.deps.Now()
	n := len(files)
	inBackground(&s.busy, func() {
		results := make([]datFileResult, 0, n)
		for i, path := range files {
			fyne.Do(func() {
				s.batchLabel.SetText(fmt.Sprintf("正在导入 %d/%d：%s", i+1, n, filepath.Base(path)))
			})
			p, res, err := exchange.Import(ctx, st, path, "", now)
			r := datFileResult{path: path, result: res, err: err}
			if err != nil {
				r.errs = p.Issues.Errors()
			}
			results = append(results, r)
			fyne.Do(func() {
				s.batchProgress.SetValue(float64(i + 1))
				s.addFileResult(r)
			})
		}
		fyne.Do(func() { s.finishBatch(results) })
	})
}

// addFileResult appends a file's line (and a refused file's errors) to the result list.
func (s *dataScreen) addFileResult(r datFileResult) {
	s.batchResults = append(s.batchResults, r)
	name := filepath.Base(r.path)
	switch {
	case r.err == nil:
		s.lines = append(s.lines, datLine{text: fmt.Sprintf("✓ %s：已导入，新增 %d 条，更新 %d 条，未变 %d 条",
			name, r.result.Inserted, r.result.Updated, r.result.Unchanged), importance: widget.SuccessImportance})
	case errors.Is(r.err, exchange.ErrRejected):
		s.lines = append(s.lines, datLine{text: fmt.Sprintf("× %s：发现 %d 处错误，整个文件未导入：", name, len(r.errs)),
			importance: widget.DangerImportance, bold: true})
		for i, is := range r.errs {
			if i == datMaxFileIssues {
				s.lines = append(s.lines, datLine{text: fmt.Sprintf("　　…还有 %d 处错误，请单独导入该文件查看全部。", len(r.errs)-i), importance: widget.DangerImportance})
				break
			}
			s.lines = append(s.lines, datLine{text: "　　" + is.String(), importance: widget.DangerImportance})
		}
	default:
		s.lines = append(s.lines, datLine{text: fmt.Sprintf("× %s：未导入：%v", name, r.err), importance: widget.DangerImportance, bold: true})
	}
	s.issueList.Refresh()
}

// finishBatch says how the batch went, reloads the screens when something was imported,
// and offers to unlock a locked round and import the files it refused again.
func (s *dataScreen) finishBatch(results []datFileResult) {
	s.stopWork()
	ok, failed := 0, 0
	var locked []string
	var lockErr error
	for _, r := range results {
		switch {
		case r.err == nil:
			ok++
		case errors.Is(r.err, data.ErrLocked):
			failed++
			locked = append(locked, r.path)
			lockErr = r.err
		default:
			failed++
			s.lastErr = r.err
		}
	}
	s.batchLabel.SetText(fmt.Sprintf("已处理 %d/%d 个文件", len(results), len(results)))
	s.fileLabel.SetText(fmt.Sprintf("批量导入结果：%d 个文件已导入，%d 个未导入", ok, failed))
	if failed == 0 {
		s.lastErr = nil
		s.status.Importance = widget.SuccessImportance
		s.status.SetText(fmt.Sprintf("%d 个文件全部导入。可到“概览”查看完成情况。", ok))
	} else {
		s.status.Importance = widget.DangerImportance
		s.status.SetText(fmt.Sprintf("%d 个文件已导入，%d 个未导入（见下方每个文件的错误，改正后重新导入即可）。", ok, failed))
	}
	s.status.Refresh()
	s.body.Refresh()
	if ok > 0 {
		s.u.changed()
	}
	if lockErr != nil {
		s.u.handleLocked(lockErr, func() { s.importFiles(locked) })
	}
}

// datSize is a file size as a clerk reads it.
func datSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// datStamp is a time on the clerk's clock, to the minute.
func datStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(time.Local).Format("2006-01-02 15:04")
}

// datItems is a tab's list of stored items (backups, deleted records), each row a text and a
// button, with a status line above it and a note over it while there are none.
type datItems[T any] struct {
	status  *widget.Label
	list    *widget.List
	empty   *widget.Label
	items   []T
	gen     atomic.Int64
	lastErr error
}

// init makes the status line, the empty note and the list; sample sizes a row, which shows
// text(item) beside a button that calls tap(item).
func (l *datItems[T]) init(empty, sample, btnText string, icon fyne.Resource, text func(T) string, tap func(T)) {
	l.status = widget.NewLabel("")
	l.status.Wrapping = fyne.TextWrapWord
	l.empty = widget.NewLabel(empty)
	l.list = widget.NewList(
		func() int { return len(l.items) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel(sample)
			lb.Truncation = fyne.TextTruncateEllipsis
			btn := widget.NewButtonWithIcon(btnText, icon, nil)
			return container.NewBorder(nil, nil, nil, btn, lb)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(l.items) {
				return
			}
			it := l.items[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(text(it))
			c.Objects[1].(*widget.Button).OnTapped = func() { tap(it) }
		},
	)
}

// body is top above the list, with the empty note centred over it.
func (l *datItems[T]) body(top fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(top, nil, nil, nil, container.NewStack(l.list, container.NewCenter(l.empty)))
}

// reload lists the items off the UI goroutine; a failure is logged as logWhat and shown in
// the status line after failed.
func (l *datItems[T]) reload(s *dataScreen, read func() ([]T, error), logWhat, failed string) {
	refreshLater(&s.busy, &l.gen, read, func(items []T, err error) {
		if err != nil {
			l.lastErr = err
			fyne.LogError(logWhat, err)
			l.status.SetText(failed + err.Error())
			return
		}
		l.items = items
		l.empty.Hidden = len(items) > 0
		l.empty.Refresh()
		l.list.Refresh()
	})
}

// datBackups is the 备份与还原 tab: back up now, the list of backups, restore one.
type datBackups struct {
	datItems[data.Backup]
	nowBtn  *widget.Button
	fileBtn *widget.Button
	confirm *dialog.ConfirmDialog // the restore question, while shown
}

func (b *datBackups) build(s *dataScreen) fyne.CanvasObject {
	intro := widget.NewLabel("程序每天第一次启动时自动备份，保留最近 30 份。还原会先把当前数据再备份一份，然后用所选备份替换整个台账。")
	intro.Wrapping = fyne.TextWrapWord
	b.nowBtn = widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), func() { s.backupNow() })
	b.nowBtn.Importance = widget.HighImportance
	b.fileBtn = widget.NewButtonWithIcon("从文件还原…", theme.FolderOpenIcon(), func() { s.onRestoreFile() })
	b.init("还没有备份。", "2026-11-20 10:30　　12.3 MB　　liangwei-20261120-103000.db", "还原…", theme.HistoryIcon(),
		func(it data.Backup) string {
			return datStamp(it.At) + "　　" + datSize(it.Size) + "　　" + filepath.Base(it.Path)
		}, s.askRestore)
	b.list.HideSeparators = false
	head := widget.NewLabelWithStyle("备份（最新的在上）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return b.body(container.NewVBox(intro, container.NewHBox(b.nowBtn, b.fileBtn), b.status, widget.NewSeparator(), head))
}

// reload lists the backups off the UI goroutine.
func (b *datBackups) reload(s *dataScreen) {
	b.datItems.reload(s, func() ([]data.Backup, error) { return s.u.deps.Store.Backups(s.u.ctx()) },
		"list backups", "读取备份列表失败：")
}

// backupNow writes a backup off the UI goroutine and lists it.
func (s *dataScreen) backupNow() {
	b := &s.backups
	b.nowBtn.Disable()
	b.status.Importance = widget.MediumImportance
	b.status.SetText("正在备份…")
	inBackground(&s.busy, func() {
		bk, err := s.u.deps.Store.BackupNow(s.u.ctx())
		fyne.Do(func() {
			b.nowBtn.Enable()
			b.lastErr = err
			if err != nil {
				b.status.Importance = widget.DangerImportance
				b.status.SetText("备份失败：" + err.Error())
				s.u.showError("备份失败", err)
				return
			}
			b.status.Importance = widget.SuccessImportance
			b.status.SetText(fmt.Sprintf("已备份（%s，%s）：%s", datStamp(bk.At), datSize(bk.Size), bk.Path))
			b.reload(s)
		})
	})
}

// askRestore asks, naming the backup's date, before replacing the ledger with it.
func (s *dataScreen) askRestore(bk data.Backup) {
	when := datStamp(bk.At)
	if when == "" {
		when = filepath.Base(bk.Path)
	}
	msg := fmt.Sprintf("确定用 %s 的备份还原吗？\n\n当前的全部数据会先自动备份一份，然后整个台账替换为该备份的内容；\n此后录入的数据在还原后不再显示（可从刚才的自动备份找回）。", when)
	b := &s.backups
	b.confirm = dialog.NewConfirm("还原备份", msg, func(ok bool) {
		b.confirm = nil
		if ok {
			s.restoreBackup(bk)
		}
	}, s.u.win)
	b.confirm.SetConfirmText("还原")
	b.confirm.SetDismissText("取消")
	b.confirm.SetConfirmImportance(widget.DangerImportance)
	b.confirm.Show()
}

// restoreBackup replaces the ledger with a backup off the UI goroutine, then reloads every
// screen.
func (s *dataScreen) restoreBackup(bk data.Backup) {
	b := &s.backups
	b.nowBtn.Disable()
	b.status.Importance = widget.MediumImportance
	b.status.SetText("正在还原…")
	inBackground(&s.busy, func() {
		err := s.u.deps.Store.RestoreBackup(s.u.ctx(), bk.Path)
		fyne.Do(func() {
			b.nowBtn.Enable()
			b.lastErr = err
			if err != nil {
				b.status.Importance = widget.DangerImportance
				b.status.SetText("还原失败，数据没有改变：" + err.Error())
				s.u.showError("还原失败，数据没有改变", err)
				return
			}
			b.status.Importance = widget.SuccessImportance
			when := datStamp(bk.At)
			if when == "" {
				when = filepath.Base(bk.Path)
			}
			b.status.SetText("已还原为 " + when + " 的备份。还原前的数据已自动备份，列在下面。")
			s.u.changed()
		})
	})
}

// onRestoreFile restores from a backup file chosen anywhere (one copied from another PC).
func (s *dataScreen) onRestoreFile() {
	s.u.openDialog([]string{".db", ".DB", ".sqlite", ".bak"}, "还原", func(path string) {
		bk := data.Backup{Path: path}
		if fi, err := os.Stat(path); err == nil {
			bk.At, bk.Size = fi.ModTime(), fi.Size()
		}
		s.askRestore(bk)
	}).Show()
}

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
