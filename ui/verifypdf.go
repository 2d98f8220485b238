package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/reports"
)

// 核验PDF… (issue 18): the 报表 screen's button that reads the data fingerprint of a PDF a
// township sent, recomputes it from this database and says 一致 or 不一致, naming each
// township and sheet that differs — what liangwei-cli verify does.

// pdfVerify is the state of 核验PDF… on the 报表 screen.
type pdfVerify struct {
	btn  *widget.Button
	busy sync.WaitGroup // running verifications; tests wait on it
	// The last result, for tests: its text, whether it was 一致, and the error of a PDF that
	// could not be verified.
	text  string
	match bool
	err   error
}

// verifyButton makes 核验PDF….
func (s *reportsScreen) verifyButton() *widget.Button {
	s.verify.btn = widget.NewButtonWithIcon("核验PDF…", theme.ConfirmIcon(), func() {
		s.u.openFile("选择要核验的报表PDF", fileFilter{"PDF 报表 (*.pdf)", []string{".pdf"}}, "核验", true, s.verifyFile)
	})
	return s.verify.btn
}

// verifyFile verifies the PDF at path in the background and shows the result.
func (s *reportsScreen) verifyFile(path string) {
	s.verify.btn.Disable()
	inBackground(&s.verify.busy, func() {
		text, match, err := verifyPDF(s.u.ctx(), s.u.deps.Store, path)
		onUI(func() {
			s.verify.btn.Enable()
			s.verify.text, s.verify.match, s.verify.err = text, match, err
			if err != nil {
				s.u.showError("无法核验“"+filepath.Base(path)+"”", err)
				return
			}
			title := "核验结果：一致"
			if !match {
				title = "核验结果：不一致"
			}
			msg := widget.NewLabel(text)
			msg.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustom(title, "确定", msg, s.u.win)
			d.Resize(fyne.NewSize(560, 320))
			d.Show()
			s.u.changed() // the 汇总 screen shows the last verification
		})
	})
}

// verifyPDF verifies the PDF at path against st, records the result when st keeps
// submissions, and says it as the CLI does.
func verifyPDF(ctx context.Context, st data.Store, path string) (text string, match bool, err error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", false, fmt.Errorf("无法读取文件：%w", err)
	}
	v, err := reports.Verify(ctx, st, raw)
	if err != nil {
		return "", false, err
	}
	name := filepath.Base(path)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\nPDF 的数据指纹：%s\n\n", name, v.Title(), v.Seal.Print.Short())
	if v.Match() {
		fmt.Fprintf(&b, "一致：PDF 所示数据与本数据库中%s的%d年台账一致。", v.Seal.ScopeText(), v.Seal.Round)
	} else {
		fmt.Fprintf(&b, "不一致：本数据库中现在的指纹为 %s，以下乡镇的数据与 PDF 生成时不同：\n", v.Now.Short())
		for _, d := range v.Diffs {
			b.WriteString("  " + d.String() + "\n")
		}
		b.WriteString("请与报送单位核对：PDF 生成后台账又有改动，或报来的工作簿与 PDF 不是同一份数据。")
	}
	if ss, ok := st.(data.SubmissionStore); ok {
		if err := ss.RecordVerifications(ctx, v.Verifications(name)); err != nil {
			fyne.LogError("record the verification", err)
		}
	}
	return strings.TrimRight(b.String(), "\n"), v.Match(), nil
}
