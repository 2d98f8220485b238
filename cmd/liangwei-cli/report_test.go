package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfText extracts a PDF's text with pdftotext (installed by make test).
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v (make test installs poppler-utils)", path, err)
	}
	return string(out)
}

func TestReportSummary(t *testing.T) {
	db, dir := importedHexi(t)
	pdf := filepath.Join(dir, "汇总表.pdf")
	out := mustRun(t, "--db", db, "report", "summary", "--out", pdf, "--date", "2026-11-20")
	if !strings.Contains(out, "已生成《换届完成情况汇总表》（2026年，1 个乡镇，未完成 3 项）") {
		t.Errorf("report printed %q", out)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"河西镇", "换届完成情况汇总表", "2026", "48", "47", "97.92", "46", "95.83",
		"94.26", "88.26", "河西47村", "选民登记存在争议，待重新选举", "河西48村", "第1页共1页"} {
		if !strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(want, " ", "")) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}

	// The same data and date give the same bytes.
	pdf2 := filepath.Join(dir, "汇总表2.pdf")
	mustRun(t, "--db", db, "report", "summary", "--out", pdf2, "--date", "2026-11-20", "--township", "河西镇")
	a, _ := os.ReadFile(pdf)
	b, _ := os.ReadFile(pdf2)
	if !bytes.Equal(a, b) {
		t.Error("two summaries of the same data and date differ")
	}

	if code, _, errOut := runCLI(t, "--db", db, "report", "summary", "--out", pdf, "--township", "无此镇"); code != 1 || !strings.Contains(errOut, "未找到乡镇“无此镇”") {
		t.Errorf("unknown township: exit %d, stderr %q", code, errOut)
	}
}

func TestDemo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	out := mustRun(t, "--db", db, "demo")
	for _, want := range []string{"已载入演示数据：青山县城关镇，村（社区）41 个（其中已撤并 1 个），2026年换届记录 80 条",
		"两委成员 352 人，乡镇班子 1 条，党组织台账 40 条，信访举报 12 件，约谈 20 条",
		"上届（2021年）换届记录 80 条，两委成员 320 人，供与本届比较",
		"候选人资格联审 521 人次，村务监督委员会成员 129 人，任职变动 3 条，离任审计 38 条",
		// 1 township + 41 villages + 160 elections + 352 + 320 members + 1 + 40 + 12 + 20
		// + 521 + 129 + 3 + 38 + 106 developments + 7 commendations.
		"发展党员 106 人，创先争优表彰 7 个（人）",
		"新增 1751，更新 0，未变 0", "已填写设置：填报单位 城关镇"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo printed %q, want %q", out, want)
		}
	}
	s := statsJSON(t, db)
	got := []int{s.Round, s.Villages, s.PartyOrg.Completed, s.PartyOrg.OneTime, s.Committee.Completed, s.Committee.OneTime}
	if want := []int{2026, 40, 39, 37, 37, 33}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("demo stats (round, villages, party done, one-time, committee done, one-time) = %v, want %v", got, want)
	}
	// The demo's own tests count these by hand (demo/people_test.go); today's roster has the
	// three changes of the term (demo/roundrest_test.go): 370 + 3 successors − 1 委员 who left,
	// and the adjusted 书记 of a 一肩挑 village gone.
	got = []int{s.Members.Total, s.Members.DualHead, s.Leadership.PartyCommittee, s.Party.Orgs, s.Party.FourHaves, s.Party.Weak,
		s.Petitions.Total, s.Petitions.Overdue, s.Talks.Total}
	if want := []int{354, 30, 9, 40, 36, 2, 12, 2, 20}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("demo members, 一肩挑, 党委班子, orgs, 四有, weak, complaints, overdue, talks = %v, want %v", got, want)
	}
	// The county's definitions: 一肩挑 over the 40 due villages; the previous round beside this one.
	if m := s.Members; m.DualHeadBase != 40 || m.DualHeadRate != 75 || s.Secretaries.Count != 39 || s.Directors.Count != 37 {
		t.Errorf("demo 一肩挑 %d/%d (%.2f%%), 书记 %d, 主任 %d; want 30/40 (75.00%%), 39, 37",
			m.DualHead, m.DualHeadBase, m.DualHeadRate, s.Secretaries.Count, s.Directors.Count)
	}
	if s.Previous == nil || s.Previous.Round != 2021 || s.Previous.DualHeadRate != 50 {
		t.Errorf("demo previous = %+v, want round 2021 with 一肩挑 50%%", s.Previous)
	}
	// A second load changes nothing and keeps the settings.
	out = mustRun(t, "--db", db, "demo")
	if !strings.Contains(out, "新增 0，更新 0，未变 1751") || strings.Contains(out, "已填写设置") {
		t.Errorf("second demo printed %q", out)
	}
	// The only warnings are the four party organizations short of 四有, the two overdue
	// complaints, the village without its departure audit and the three development records
	// (发展党员工作细则 第十一、十五、三十二条) the demo has on purpose.
	if code, out, _ := runCLI(t, "--db", db, "check"); code != 0 || !strings.Contains(out, "错误 0 个，警告 10 个") ||
		strings.Count(out, "“四有”未全部达到") != 4 || strings.Count(out, "超期") != 2 || strings.Count(out, "没有离任审计记录") != 1 ||
		strings.Count(out, "发展党员工作细则") != 3 {
		t.Errorf("check on the demo: exit %d\n%s", code, out)
	}
	pdf := filepath.Join(dir, "demo.pdf")
	mustRun(t, "--db", db, "report", "summary", "--out", pdf)
	text := pdfText(t, pdf)
	for _, want := range []string{"城关镇", "王志刚", "李红梅", "张晓雯", "黄土岗村", "选民登记存在争议，待重新选举",
		"主要指标与上届（2021年）比较", "居委会"} {
		if !strings.Contains(text, want) {
			t.Errorf("demo PDF lacks %q", want)
		}
	}
	// Every new report of the demo; the roster shows the rare characters of the names.
	for kind, wants := range map[string][]string{
		"members":   {"城关镇村“两委”成员花名册（2026年）", "镕", "堃", "赟", "喆", "昇", "珺", "玥", "彧"},
		"party":     {"杜家沟村", "已销号", "韩家坡村"},
		"petitions": {"城关信〔2026〕11号", "超期"},
		"talks":     {"城关镇干部约谈情况统计表（2026年）", "城关谈〔2026〕20号"},
	} {
		pdf := filepath.Join(dir, kind+".pdf")
		mustRun(t, "--db", db, "report", kind, "--out", pdf)
		text := flat(pdfText(t, pdf))
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("demo %s PDF lacks %q", kind, want)
			}
		}
	}
}
