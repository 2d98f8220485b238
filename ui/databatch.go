package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/exchange"
)

// datFileResult is what a batch import did with one file.
type datFileResult struct {
	path   string
	result data.ImportResult
	errs   exchange.Issues // the errors of a refused file
	err    error           // nil when the file was imported
	// blanked are the stored values a file would have blanked (err is errDatBlanks): such
	// a file is not imported in a batch, where nobody is asked.
	blanked []data.FieldChange
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
	s.u.openFolder("选择存放各乡镇文件的文件夹", s.u.dataFolder(), func(dir string) {
		files, err := datFolderFiles(dir)
		if err != nil {
			s.u.showError("无法读取文件夹", err)
			return
		}
		s.askImportFiles(files, "文件夹“"+dir+"”")
	})
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
	msg := fmt.Sprintf("%s中有 %d 个文件：%s。\n将逐个导入：每个文件没有错误才导入，有错误的文件整个不导入并列出错误；会清空已有数据的文件也不导入，需单独导入预览确认。开始导入吗？",
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
		// The next file is read on the second core while this one is checked and written.
		_ = exchange.ReadAhead(ctx, st, files, "", now, func(i int, read *exchange.Read) error {
			path := files[i]
			onUI(func() {
				s.batchLabel.SetText(fmt.Sprintf("正在导入 %d/%d：%s", i+1, n, filepath.Base(path)))
			})
			// A file that would blank stored values is left for the clerk to preview and confirm.
			p, plan, committed, err := read.ImportIf(ctx, st, datBlanksWithin(nil))
			r := datFileResult{path: path, result: plan.ImportResult, err: err}
			switch {
			case err != nil:
				r.errs = p.Issues.Errors()
			case !committed:
				r.err, r.blanked, r.result = errDatBlanks, plan.Blanked(), data.ImportResult{}
			}
			results = append(results, r)
			onUI(func() {
				s.batchProgress.SetValue(float64(i + 1))
				s.addFileResult(r)
			})
			return nil
		})
		onUI(func() { s.finishBatch(results) })
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
	case errors.Is(r.err, errDatBlanks):
		s.lines = append(s.lines, datLine{text: fmt.Sprintf("× %s：未导入：将清空 %d 处已有的值，请单独导入该文件，预览并确认后再导入：", name, len(r.blanked)),
			importance: widget.DangerImportance, bold: true})
		for i, c := range r.blanked {
			if i == datBlankExamples {
				s.lines = append(s.lines, datLine{text: fmt.Sprintf("　　…共 %d 处", len(r.blanked)), importance: widget.WarningImportance})
				break
			}
			s.lines = append(s.lines, datLine{text: "　　" + c.String(), importance: widget.WarningImportance})
		}
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
