package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"liangwei/data"
)

func uibReports(u *UI) *reportsScreen {
	u.goTo("报表")
	return u.screens["报表"].(*reportsScreen)
}

// uibPDFText extracts a PDF's text with pdftotext (poppler-utils, installed by make test).
func uibPDFText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

func TestReportsGenerateSummaryPDF(t *testing.T) {
	for _, c := range []struct {
		name      string
		township  string // choice in the 乡镇 select
		wantFile  string
		wantTexts []string
	}{
		{"one township", "测试镇", "测试镇换届完成情况汇总表2026.pdf",
			[]string{"测试镇村“两委”换届完成情况汇总表（2026年）", "66.67", "33.33", "选民联名提出异议", "王志刚", "2026年11月20日"}},
		{"all townships", repAll, "城关镇换届完成情况汇总表2026.pdf",
			[]string{"城关镇村“两委”换届完成情况汇总表（2026年）", "66.67", "合计"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, st := uibSetup(t)
			ctx := context.Background()
			if _, err := st.Import(ctx, uibSmallBatch(), "test"); err != nil {
				t.Fatal(err)
			}
			folder := filepath.Join(t.TempDir(), "报表")
			set := data.Settings{Township: "城关镇", Leader: "王志刚", Reviewer: "李红梅", Preparer: "张晓雯", Phone: "0537-5212345", DataFolder: folder}
			if err := st.SaveSettings(ctx, set); err != nil {
				t.Fatal(err)
			}
			u.changed()
			uibOverview(u).busy.Wait()
			s := uibReports(u)
			if got := s.round.Options; len(got) != 1 || got[0] != "2026" || s.round.Selected != "2026" {
				t.Fatalf("round options %v selected %q, want [2026] selected", got, s.round.Selected)
			}
			if got := s.date.Text; got != "2026-11-20" {
				t.Errorf("填报日期 default = %q, want today 2026-11-20", got)
			}
			s.township.SetSelected(c.township)
			test.Tap(s.genBtn)
			s.busy.Wait()
			if s.lastErr != nil {
				t.Fatalf("generate: %v", s.lastErr)
			}
			want := filepath.Join(folder, c.wantFile)
			if s.lastPath != want {
				t.Fatalf("written %q, want %q", s.lastPath, want)
			}
			if s.result.Hidden || s.pathLabel.Text != want {
				t.Errorf("result shown %v with path %q, want the path shown", !s.result.Hidden, s.pathLabel.Text)
			}
			text := uibPDFText(t, want)
			for _, w := range c.wantTexts {
				if !strings.Contains(text, w) {
					t.Errorf("PDF text lacks %q:\n%s", w, text)
				}
			}
			entries, err := os.ReadDir(folder)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 {
				t.Errorf("report folder holds %d files, want only the PDF (no temp file left)", len(entries))
			}

			test.Tap(s.openPDF)
			test.Tap(s.openDir)
			if got := strings.Join(s.opened, "|"); got != want+"|"+folder {
				t.Errorf("opened %q, want the PDF then its folder", got)
			}
			uibShot(t, u, "reports-done")
		})
	}
}

func TestReportsBadDateIsRefused(t *testing.T) {
	u, st := uibSetup(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	if err := st.SaveSettings(ctx, data.Settings{DataFolder: folder}); err != nil {
		t.Fatal(err)
	}
	u.changed()
	uibOverview(u).busy.Wait()
	s := uibReports(u)
	for _, bad := range []string{"2026-13-01", "明天", ""} {
		s.date.SetText(bad)
		test.Tap(s.genBtn)
		s.busy.Wait()
		if s.dateErr.Text == "" {
			t.Errorf("date %q: no error next to 填报日期", bad)
		}
		if s.lastPath != "" {
			t.Errorf("date %q: a report was written to %s", bad, s.lastPath)
		}
	}
	if entries, _ := os.ReadDir(folder); len(entries) != 0 {
		t.Errorf("report folder holds %d files after refused generations, want none", len(entries))
	}
}

func TestRepFileName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"城关镇换届完成情况汇总表2026.pdf", "城关镇换届完成情况汇总表2026.pdf"},
		{`A/B:镇?.pdf`, "A_B_镇_.pdf"},
	} {
		if got := repFileName(c.in); got != c.want {
			t.Errorf("repFileName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
