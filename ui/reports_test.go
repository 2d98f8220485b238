package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"liangwei/data"
	"liangwei/reports"
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

// repTestID is a valid 身份证号 born on birth (yyyymmdd) with sequence seq (odd: a man).
func repTestID(birth string, seq int) string {
	body := fmt.Sprintf("130229%s%03d", birth, seq)
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(body[i]-'0') * w[i]
	}
	return body + string("10X98765432"[sum%11])
}

// repSmallLedger is uibSmallBatch with two members of 东村 (a 书记 who is also 主任 and a
// woman 委员), the township leadership, a party ledger row, an overdue complaint and a talk.
func repSmallLedger() data.Batch {
	b := uibSmallBatch()
	m := func(name, id string, g data.Gender, pp data.PartyPost, cp data.CommitteePost, pol data.Political) data.Member {
		x := data.Member{Township: "测试镇", Village: "东村", Round: 2026, Name: name, IDNumber: id, Ethnicity: "汉族",
			Education: data.EduCollege, Political: pol, PartyPost: pp, CommitteePost: cp, Tenure: data.TenureNew}
		x.FillFromID()
		return x
	}
	b.Members = []data.Member{
		m("赵子堃", repTestID("19750612", 11), data.Male, data.PartySecretary, data.CommitteeDirector, data.PolParty),
		m("钱玥", repTestID("19900301", 22), data.Female, data.PartyNone, data.CommitteeMember, data.PolMasses),
	}
	b.Leaderships = []data.Leadership{{Township: "测试镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 2}}
	b.PartyOrgs = []data.PartyOrg{{Township: "测试镇", Village: "东村", Year: 2026, Type: data.OrgBranch, Members: 50, Women: 10,
		HasTeam: true, HasVenue: true, VenueArea: 120, HasActivity: true, Activities: 12, HasIncome: true, Income: 8.5,
		Weak: true, Measures: "派驻第一书记", Result: data.RectInProgress}}
	d := func(m time.Month, day int) time.Time { return time.Date(2026, m, day, 0, 0, 0, 0, time.UTC) }
	b.Complaints = []data.Complaint{{Township: "测试镇", No: "测信01", Received: d(9, 1), Channel: data.ChanLetter, Village: "东村",
		Complainant: "匿名", Subject: "赵某", Category: data.CatBribery, Summary: "反映拉票", Handler: "张晓雯",
		Deadline: d(10, 1), Result: data.ResPending}}
	b.Talks = []data.Talk{{Township: "测试镇", No: "测谈01", Date: d(6, 1), Mode: data.ModeInitiated, Interviewer: "王志刚",
		Interviewee: "赵子堃", Unit: "东村", Post: "书记", Category: data.TalkReport, Cause: "换届后工作思路"}}
	return b
}

func TestReportsGenerateEachKind(t *testing.T) {
	u, st := uibSetup(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, repSmallLedger(), "test"); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(t.TempDir(), "报表")
	if err := st.SaveSettings(ctx, data.Settings{Township: "测试镇", Leader: "王志刚", DataFolder: folder}); err != nil {
		t.Fatal(err)
	}
	u.changed()
	uibOverview(u).busy.Wait()
	s := uibReports(u)
	if got, want := s.kind.Options, repKinds; !reflect.DeepEqual(got, want) {
		t.Errorf("kinds offered %v, want %v", got, want)
	}
	if got := s.kindLater.Options; len(got) != 0 || !s.kindLater.Hidden {
		t.Errorf("later kinds %v (hidden %v), want none: every kind is available", got, s.kindLater.Hidden)
	}
	for _, c := range []struct {
		kind, file string
		texts      []string
	}{
		{reports.Detail.Title, "测试镇换届情况明细表2026.pdf", []string{"测试镇村“两委”换届情况明细表（2026年）", "东村", "赵子堃"}},
		{reports.Members.Title, "测试镇两委成员花名册2026.pdf", []string{"测试镇村“两委”成员花名册（2026年）", "赵子堃", "钱玥", "1302**********"}},
		{reports.Party.Title, "测试镇村级党组织“四有”情况统计表2026.pdf", []string{"测试镇村级党组织“四有”情况统计表（2026年）", "派驻第一书记"}},
		{reports.Petitions.Title, "测试镇信访举报受理情况台账2026.pdf", []string{"信访举报受理情况台账（2026年）", "测信01", "超期"}},
		{reports.Talks.Title, "测试镇干部约谈情况统计表2026.pdf", []string{"测试镇干部约谈情况统计表（2026年）", "测谈01"}},
		{repKindSummary, "测试镇换届完成情况汇总表2026.pdf", []string{"测试镇村“两委”换届完成情况汇总表（2026年）", "66.67"}},
	} {
		t.Run(c.kind, func(t *testing.T) {
			s.kind.SetSelected(c.kind)
			test.Tap(s.genBtn)
			s.busy.Wait()
			if s.lastErr != nil {
				t.Fatalf("generate: %v", s.lastErr)
			}
			want := filepath.Join(folder, c.file)
			if s.lastPath != want {
				t.Fatalf("written %q, want %q", s.lastPath, want)
			}
			text := strings.Join(strings.Fields(uibPDFText(t, want)), "")
			for _, w := range c.texts {
				if !strings.Contains(text, w) {
					t.Errorf("PDF text lacks %q:\n%s", w, text)
				}
			}
			for _, m := range repSmallLedger().Members {
				if strings.Contains(text, m.IDNumber) {
					t.Errorf("PDF shows the full 身份证号 %s", m.IDNumber)
				}
			}
		})
	}
	uibShot(t, u, "reports-kinds")
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

func TestReportsLockAfterReportAndUnlock(t *testing.T) {
	u, st := uibSetup(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(ctx, data.Settings{Township: "测试镇", DataFolder: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	u.changed()
	uibOverview(u).busy.Wait()
	s := uibReports(u)
	if got := s.lockState.Text; got != "未上报（可修改）" || !s.unlockBtn.Hidden {
		t.Errorf("before: state %q, 解锁… shown %v; want 未上报 without 解锁…", got, !s.unlockBtn.Hidden)
	}
	test.Tap(s.genBtn)
	s.busy.Wait()
	if s.lastErr != nil {
		t.Fatal(s.lastErr)
	}
	if got, want := s.lockBtn.Text, "标记为已上报（锁定2026年届次）"; got != want || s.lockBtn.Disabled() {
		t.Fatalf("lock button %q (disabled %v), want %q enabled", got, s.lockBtn.Disabled(), want)
	}
	test.Tap(s.lockBtn)
	if s.lockConfirm == nil {
		t.Fatal("locking did not ask")
	}
	s.lockConfirm.Confirm()
	ls, err := st.Locks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 1 || ls[0].Round != 2026 || ls[0].Note != repKindSummary {
		t.Fatalf("locks = %+v, want 2026 noted %s", ls, repKindSummary)
	}
	if got := s.lockState.Text; !strings.HasPrefix(got, "已上报（") || !strings.Contains(got, repKindSummary) || s.unlockBtn.Hidden || s.lockIconW.Hidden {
		t.Errorf("after locking: state %q, 解锁… shown %v; want 已上报 with the report and 解锁…", got, !s.unlockBtn.Hidden)
	}
	if !s.lockBtn.Disabled() {
		t.Error("标记为已上报 still enabled for a locked round")
	}
	uibShot(t, u, "reports-locked")

	test.Tap(s.unlockBtn)
	ul := u.unlocker()
	if ul.dlg == nil {
		t.Fatal("解锁… showed no dialog")
	}
	ul.reason.SetText("更正西村村委会选举情况")
	test.Tap(ul.unlockBtn)
	if ls, _ := st.Locks(ctx); len(ls) != 0 {
		t.Errorf("locks after unlocking = %+v, want none", ls)
	}
	if got := s.lockState.Text; got != "未上报（可修改）" || !s.unlockBtn.Hidden {
		t.Errorf("after unlocking: state %q, 解锁… shown %v", got, !s.unlockBtn.Hidden)
	}
	if !strings.Contains(s.status.Text, "已解锁") {
		t.Errorf("status = %q", s.status.Text)
	}
}

func TestRepRecentFilesNewestFirst(t *testing.T) {
	dir := t.TempDir()
	base := time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)
	files := []struct {
		name string
		age  time.Duration
	}{
		{"旧.pdf", 3 * time.Hour}, {"新.pdf", 0}, {"中.PDF", time.Hour}, {"表.xlsx", 0}, {".临时.pdf", 0},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte("%PDF"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, base.Add(-f.age), base.Add(-f.age)); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		max  int
		want string
	}{{8, "新.pdf 中.PDF 旧.pdf"}, {2, "新.pdf 中.PDF"}} {
		var got []string
		for _, f := range repRecentFiles(dir, c.max) {
			got = append(got, filepath.Base(f.path))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("max %d: %v, want %s", c.max, got, c.want)
		}
	}
	if got := repRecentFiles(filepath.Join(dir, "无"), 8); len(got) != 0 {
		t.Errorf("missing folder gives %v", got)
	}
}

func TestReportsListsTheLastReports(t *testing.T) {
	u, st := uibSetup(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, repSmallLedger(), "test"); err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	if err := st.SaveSettings(ctx, data.Settings{Township: "测试镇", DataFolder: folder}); err != nil {
		t.Fatal(err)
	}
	u.changed()
	uibOverview(u).busy.Wait()
	s := uibReports(u)
	if len(s.recent) != 0 {
		t.Fatalf("recent = %v before any report", s.recent)
	}
	for _, k := range []string{reports.Talks.Title, repKindSummary} {
		s.kind.SetSelected(k)
		test.Tap(s.genBtn)
		s.busy.Wait()
		if s.lastErr != nil {
			t.Fatal(s.lastErr)
		}
	}
	if len(s.recent) != 2 || len(s.recentBox.Objects) != 2 {
		t.Fatalf("recent = %v (%d rows), want the 2 reports", s.recent, len(s.recentBox.Objects))
	}
	got := map[string]bool{}
	for _, f := range s.recent {
		got[filepath.Base(f.path)] = true
	}
	if !got["测试镇干部约谈情况统计表2026.pdf"] || !got["测试镇换届完成情况汇总表2026.pdf"] {
		t.Errorf("recent = %v", got)
	}
	s.opened = nil
	s.open(s.recent[0].path)
	if len(s.opened) != 1 || s.opened[0] != s.recent[0].path {
		t.Errorf("opened %v", s.opened)
	}
	uibShot(t, u, "reports-recent")
}
