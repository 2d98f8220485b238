package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/exchange"
	"liangwei/reports"
)

func uibSubmissions(u *UI) *submissionsScreen {
	u.goTo("汇总")
	s := u.screens["汇总"].(*submissionsScreen)
	s.busy.Wait()
	return s
}

// TestSubmissionsScreen: 汇总 lists the township received (its file and its workbook's
// fingerprint) and the one known only from the 乡镇 sheet as not received; 退回 marks the
// selected township's file with its reason.
func TestSubmissionsScreen(t *testing.T) {
	u, st := uibSetup(t)
	ctx := context.Background()
	b := uibSmallBatch()
	b.Prints = data.FilePrints(b, nil)
	if _, err := st.Import(ctx, b, "测试镇.xlsx"); err != nil {
		t.Fatal(err)
	}
	roster := data.Batch{Townships: []data.Township{{Name: "白云乡"}}}
	if _, err := st.Import(ctx, roster, "乡镇名单.xlsx"); err != nil {
		t.Fatal(err)
	}
	u.changed()
	s := uibSubmissions(u)
	if got := s.summary.Text; got != "2026年：共 2 个乡镇，已收到 1 个，未收到 1 个" {
		t.Errorf("summary = %q", got)
	}
	if got := s.missing.Text; got != "尚未收到：白云乡" {
		t.Errorf("missing = %q", got)
	}
	if len(s.rows) != 2 || s.rows[0].Township != "测试镇" || s.rows[0].Latest == nil || s.rows[0].Latest.File != "测试镇.xlsx" {
		t.Fatalf("rows = %+v", s.rows)
	}
	if got := subColumns[5].cell(s.rows[0]); !strings.HasSuffix(got, " 无指纹") {
		t.Errorf("workbook fingerprint cell = %q", got)
	}
	s.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if !s.returnBtn.Disabled() {
		t.Errorf("退回 enabled for a township with nothing received")
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if s.returnBtn.Disabled() {
		t.Fatalf("退回 disabled for 测试镇")
	}
	s.returnSubmission("测试镇", "缺村委会主任，请补报")
	s.busy.Wait()
	if got := s.rows[0].StatusText(); got != "已退回" || subColumns[len(subColumns)-1].cell(s.rows[0]) != "缺村委会主任，请补报" {
		t.Errorf("after 退回: %s %+v", got, s.rows[0].Latest)
	}
	uibShot(t, u, "submissions")
}

// TestReportsVerifyPDF: 核验PDF… says 一致 for a report of the data, 不一致 naming the township
// and sheet after a change, and refuses a file that is no report.
func TestReportsVerifyPDF(t *testing.T) {
	u, st := uibSetup(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	l, err := st.Ledger(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "测试镇.pdf")
	f, err := os.Create(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reports.Summary.Write(f, l, reports.Options{Round: 2026, Township: "测试镇", Date: uibToday}, reports.Meta{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	u.changed()
	s := uibReports(u)
	s.verifyFile(pdf)
	s.verify.busy.Wait()
	if s.verify.err != nil || !s.verify.match || !strings.Contains(s.verify.text, "一致：PDF 所示数据与本数据库中测试镇的2026年台账一致") {
		t.Fatalf("verify: %v %v\n%s", s.verify.match, s.verify.err, s.verify.text)
	}
	es, _ := st.Elections(ctx, 2026)
	e := es[0]
	e.Participants--
	if err := st.SaveElection(ctx, &e, uibToday); err != nil {
		t.Fatal(err)
	}
	s.verifyFile(pdf)
	s.verify.busy.Wait()
	if s.verify.err != nil || s.verify.match || !strings.Contains(s.verify.text, "测试镇：换届（") {
		t.Fatalf("verify after a change: %v %v\n%s", s.verify.match, s.verify.err, s.verify.text)
	}
	vs, _ := st.Verifications(ctx)
	if len(vs) != 2 || vs[0].Result != data.VerifyMismatch {
		t.Errorf("verifications recorded: %+v", vs)
	}
	bad := filepath.Join(t.TempDir(), "坏.pdf")
	if err := os.WriteFile(bad, []byte("not a pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.verifyFile(bad)
	s.verify.busy.Wait()
	if s.verify.err == nil || !strings.Contains(s.verify.err.Error(), "不是PDF文件") {
		t.Errorf("verify of a non-PDF: %v", s.verify.err)
	}
}

// TestDataPreviewSaysThePrint: the 数据 screen's preview of a workbook says whether it was
// changed after export; a CSV file says nothing of it.
func TestDataPreviewSaysThePrint(t *testing.T) {
	p := exchange.Preview{File: "城关镇.xlsx"}
	p.Batch.Prints = []data.FilePrint{{Township: "城关镇", Declared: "a", Actual: "b", Records: 3}}
	lines := datPrintLines(p)
	if len(lines) != 1 || lines[0].importance != widget.WarningImportance || !strings.Contains(lines[0].text, "导出后已修改") {
		t.Errorf("lines = %+v", lines)
	}
	p.File = "城关镇-换届.csv"
	if lines := datPrintLines(p); len(lines) != 0 {
		t.Errorf("a CSV file: %+v", lines)
	}
}
