package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"liangwei/data"
	"liangwei/demo"
)

// TestRoundRestCLI: on the demo, stats --json has the four sections; the two new reports
// render with their figures; the roster on a date after the 书记's adjustment shows the
// successor, and before it the one who left.
func TestRoundRestCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	mustRun(t, "--db", db, "demo")
	s := statsJSON(t, db)
	if c := s.Candidates; c.Total != 521 || c.Failed != 3 || c.Passed != 518 || c.ByReason["违法用地"] != 1 {
		t.Errorf("candidates = %+v", c)
	}
	if v := s.Supervision; v.Villages != 37 || v.Members != 129 || v.InLiangwei != 37 || v.LiangweiShare != 28.68 {
		t.Errorf("supervision = %+v", v)
	}
	if c := s.Changes; c.Total != 3 || c.ByReason["辞职"] != 2 || c.ByMethod["任命"] != 1 {
		t.Errorf("changes = %+v", c)
	}
	if a := s.Audits; a.Villages != 38 || a.WithProblems != 6 || a.Rectified != 5 {
		t.Errorf("audits = %+v", a)
	}
	out := mustRun(t, "--db", db, "stats")
	for _, want := range []string{"候选人资格联审：521 人次，通过 518，不通过 3，待审 0", "村务监督委员会：37 个村，成员 129 人，其中两委成员 37 人（28.68%）",
		"届中任职变动：3 次；离任原因 辞职 2，调整 1；接任方式 补选 2，任命 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats lacks %q:\n%s", want, out)
		}
	}

	// The 书记 of a 一肩挑 village is replaced by appointment on some day: the figures and the
	// roster follow the date.
	var adj data.Change
	for _, c := range demo.Batch(fixedNow).Changes {
		if c.Post == data.PostSecretary {
			adj = c
		}
	}
	before, on := data.FormatDate(adj.Date.AddDate(0, 0, -1)), data.FormatDate(adj.Date)
	if b, a := statsJSON(t, db, "--date", before).Members.DualHead, statsJSON(t, db, "--date", on).Members.DualHead; b != 31 || a != 30 {
		t.Errorf("一肩挑 on %s = %d, on %s = %d; want 31 then 30", before, b, on, a)
	}
	roster := func(date string) string {
		pdf := filepath.Join(dir, "花名册"+date+".pdf")
		mustRun(t, "--db", db, "report", "members", "--out", pdf, "--date", date)
		return pdfText(t, pdf)
	}
	// The successor by masked ID number: names repeat in a township.
	successor := data.MaskID(adj.SuccessorID)
	if txt := roster(before); strings.Contains(txt, successor) {
		t.Errorf("the roster on %s already has the successor %s (%s)", before, adj.Successor, successor)
	}
	if txt := roster(on); !strings.Contains(txt, successor) {
		t.Errorf("the roster on %s lacks the successor %s (%s)", on, adj.Successor, successor)
	}

	for kind, wants := range map[string][]string{
		"candidates": {"城关镇村“两委”候选人资格联审情况表（2026年）", "村务监督委员会", "违法用地", "受过刑事处罚", "其他：长期缠访闹访", "第  1  页"},
		"changes":    {"城关镇村“两委”成员届中变动情况表（2026年）", "截至 2026-11-25", adj.Leaver, adj.Successor, "镇党委届中调整", "现任书记、主任"},
	} {
		pdf := filepath.Join(dir, kind+".pdf")
		mustRun(t, "--db", db, "report", kind, "--out", pdf)
		txt := pdfText(t, pdf)
		for _, w := range wants {
			if !strings.Contains(strings.ReplaceAll(txt, " ", ""), strings.ReplaceAll(w, " ", "")) {
				t.Errorf("report %s lacks %q", kind, w)
			}
		}
		if b, err := os.ReadFile(pdf); err != nil || len(b) < 1000 {
			t.Errorf("report %s: %d bytes, %v", kind, len(b), err)
		}
	}
	// An earlier date: the changes report lists none of the three yet.
	pdf := filepath.Join(dir, "早.pdf")
	mustRun(t, "--db", db, "report", "changes", "--out", pdf, "--date", "2026-10-01")
	if txt := pdfText(t, pdf); !strings.Contains(txt, "变动明细（共0次）") {
		t.Errorf("changes on 2026-10-01:\n%s", txt)
	}
}
