package reports

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"liangwei/data"
)

var update = flag.Bool("update", false, "rewrite reports/testdata/*.pdf from the current output")

// render1 writes the summary PDF of r and m and fails the test on error.
func render1(t testing.TB, r data.SummaryReport, m Meta) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSummary(&buf, r, m); err != nil {
		t.Fatalf("WriteSummary: %v", err)
	}
	return buf.Bytes()
}

// pdfPages extracts the text of each page with pdftotext -layout, runs of spaces collapsed
// to one so assertions do not depend on column positions.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: install poppler-utils (make test does it) to check the PDF text")
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext failed: %v\n%s", err, out)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	spaces := regexp.MustCompile(`[ \t]+`)
	for i, p := range pages {
		pages[i] = spaces.ReplaceAllString(p, " ")
	}
	return pages
}

func TestWriteSummaryContent(t *testing.T) {
	r := data.BuildSummary(ledger48(), 2026, reportDate)
	pages := pdfPages(t, render1(t, r, testMeta))
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	text := pages[0]
	for _, want := range []string{
		"城关镇村“两委”换届完成情况汇总表（2026年）",
		"填报单位（盖章）：城关镇",
		"村党组织", "村（居）民委员会", "应换届村数", "到会率%", "参选率%",
		// township row and totals: due, party done, rate, one-time rate, turnout, committee …
		"城关镇 48 47 97.92 97.87 95.00 46 95.83 95.65 90.00 0 0.00 0 0",
		"合计 48 47 97.92 97.87 95.00 46 95.83 95.65 90.00 0 0.00 0 0",
		"未完成换届村名单（共3项）",
		"1 城关镇 东关村 党组织 未完成 候选人得票未过半数，择期另行选举",
		"2 城关镇 东关村 村委会 进行中",
		"3 城关镇 西关村 村委会 未完成 部分村民对选民登记有异议，正在复核",
		"负责人：张卫国", "审核人：李堃", "填表人：王珺", "联系电话：0531-87654321", "填报日期：2026年11月25日",
		"第 1 页 共 1 页",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	if strings.Contains(text, "老城村") {
		t.Errorf("the merged village 老城村 is listed; got:\n%s", text)
	}
}

func TestWriteSummaryPages(t *testing.T) {
	tests := []struct {
		name      string
		r         data.SummaryReport
		wantPages int
	}{
		{"one page", cityReport(3, 5), 1},
		// The key rates and the 书记/主任 tables follow the township table.
		{"four pages", cityReport(40, 25), 4},
		{"long list", cityReport(5, 400), 16},
		{"city", cityReport(62, 300), 15},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages := pdfPages(t, render1(t, tc.r, testMeta))
			if len(pages) != tc.wantPages {
				t.Fatalf("got %d pages, want %d", len(pages), tc.wantPages)
			}
			seen := map[string]int{}
			village := regexp.MustCompile(`试验\d{3}村`)
			for i, p := range pages {
				footer := fmt.Sprintf("第 %d 页 共 %d 页", i+1, tc.wantPages)
				if !strings.Contains(p, footer) {
					t.Errorf("page %d lacks %q", i+1, footer)
				}
				// A page with table rows starts with that table's header.
				if strings.Contains(p, "镇 85 84") && !strings.Contains(p, "应换届村数") {
					t.Errorf("page %d has township rows but no summary header:\n%s", i+1, p)
				}
				if village.MatchString(p) && !regexp.MustCompile(`序号 乡镇 村名 组织 状态 原因`).MatchString(p) {
					t.Errorf("page %d has unfinished villages but no list header:\n%s", i+1, p)
				}
				for _, v := range village.FindAllString(p, -1) {
					seen[v]++
				}
			}
			if len(seen) != len(tc.r.Unfinished) {
				t.Errorf("%d unfinished villages in the PDF, want %d", len(seen), len(tc.r.Unfinished))
			}
			for v, n := range seen {
				if n != 1 {
					t.Errorf("%s appears %d times, want once", v, n)
				}
			}
			if last := pages[len(pages)-1]; !strings.Contains(last, "负责人：张卫国") {
				t.Errorf("the signature block is not on the last page:\n%s", last)
			}
		})
	}
}

// TestWriteSummaryRowsNotSplit gives every unfinished village a reason long enough to wrap
// over several lines and checks that each reason's beginning and end share a page.
func TestWriteSummaryRowsNotSplit(t *testing.T) {
	r := cityReport(2, 120)
	for i := range r.Unfinished {
		r.Unfinished[i].Reason = fmt.Sprintf("起%03d：村党组织书记人选存在争议，群众反映强烈，经镇党委研究决定暂缓选举，待县委组织部复核后另行确定选举日期止%03d", i+1, i+1)
	}
	pages := pdfPages(t, render1(t, r, testMeta))
	if len(pages) < 3 {
		t.Fatalf("got %d pages, want a report long enough to break pages", len(pages))
	}
	pageOf := func(s string) int {
		for i, p := range pages {
			if strings.Contains(p, s) {
				return i + 1
			}
		}
		return 0
	}
	for i := 1; i <= len(r.Unfinished); i++ {
		start, end, name := pageOf(fmt.Sprintf("起%03d", i)), pageOf(fmt.Sprintf("止%03d", i)), pageOf(fmt.Sprintf("试验%03d村", i))
		if start == 0 || start != end || start != name {
			t.Errorf("row %d: village on page %d, reason from page %d to page %d; want one page", i, name, start, end)
		}
	}
}

func TestWriteSummaryEmpty(t *testing.T) {
	pages := pdfPages(t, render1(t, data.SummaryReport{Round: 2026}, Meta{Unit: "河西乡"}))
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	text := pages[0]
	for _, want := range []string{"河西乡村“两委”换届完成情况汇总表（2026年）", "暂无数据", "未完成换届村名单（共0项）", "\n无\n", "填报日期：年 月 日", "第 1 页 共 1 页"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	if strings.Contains(text, "合计") {
		t.Errorf("an empty report has a totals row:\n%s", text)
	}
}

func TestSummaryTitle(t *testing.T) {
	tests := []struct {
		name     string
		township string
		unit     string
		round    int
		want     string
	}{
		{"township of the report", "城关镇", "县委组织部", 2026, "城关镇村“两委”换届完成情况汇总表（2026年）"},
		{"unit when all townships", "", "河西乡", 2021, "河西乡村“两委”换届完成情况汇总表（2021年）"},
		{"neither", "", "", 2026, "村“两委”换届完成情况汇总表（2026年）"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SummaryTitle(data.SummaryReport{Round: tc.round, Township: tc.township}, Meta{Unit: tc.unit})
			if got != tc.want {
				t.Errorf("SummaryTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWriteSummaryDeterministic(t *testing.T) {
	r := cityReport(62, 300)
	a, b := render1(t, r, testMeta), render1(t, r, testMeta)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same report differ")
	}
	other := testMeta
	other.Leader = "赵赟"
	if bytes.Equal(a, render1(t, r, other)) {
		t.Fatal("a different 负责人 gives the same bytes")
	}
	noDate := Meta{Unit: "城关镇"}
	if !bytes.Equal(render1(t, r, noDate), render1(t, r, noDate)) {
		t.Fatal("without a date, two renders differ (the current time leaked in)")
	}
}

func TestWriteSummaryRareCharacters(t *testing.T) {
	r := cityReport(1, 0)
	r.Rows[0].Township = "堃镕镇"
	names := []string{"赟喆村", "昇珺村", "玥彧村"}
	for _, n := range names {
		r.Unfinished = append(r.Unfinished, data.Unfinished{Township: "堃镕镇", Village: n, Body: data.BodyParty, Status: "未完成", Reason: "书记人选王镕、李堃待定"})
	}
	m := testMeta
	m.Leader, m.Reviewer, m.Preparer = "张喆", "刘昇", "陈玥彧"
	text := strings.Join(pdfPages(t, render1(t, r, m)), "\f")
	for _, want := range append(names, "堃镕镇", "书记人选王镕、李堃待定", "负责人：张喆", "审核人：刘昇", "填表人：陈玥彧") {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

func TestWriteSummaryUndrawableCharacters(t *testing.T) {
	tests := []struct {
		name, village, want string
	}{
		{"CJK extension B", "王\U00020000明村", "王□明村"},
		{"emoji", "幸福😀村", "幸福□村"},
		{"emoji sequence", "👨\u200d👩\u200d👧村", "□\u200d□\u200d□村"},
		{"control characters", "东\x00关\n村", "东 关 村"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := cityReport(1, 0)
			r.Rows[0].Township = tc.village
			r.Unfinished = []data.Unfinished{{Township: "城关镇", Village: tc.village, Body: data.BodyCommittee, Status: "未完成", Reason: tc.village}}
			m := testMeta
			m.Leader = tc.village
			text := strings.Join(pdfPages(t, render1(t, r, m)), "\f")
			want := strings.ReplaceAll(tc.want, "\u200d", "")
			if got := strings.ReplaceAll(text, "\u200d", ""); !strings.Contains(got, want) {
				t.Errorf("PDF text lacks %q; got:\n%s", want, text)
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteSummaryWriteError(t *testing.T) {
	err := WriteSummary(failWriter{}, cityReport(1, 1), testMeta)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("WriteSummary to a failing writer: err = %v, want the write error", err)
	}
}

// TestWriteSummaryGolden compares the PDF with reports/testdata/summary.pdf byte for byte.
// After an intended change, look at the new file and run `go test ./reports -update`.
func TestWriteSummaryGolden(t *testing.T) {
	r := data.BuildSummary(ledger48(), 2026, reportDate)
	r.Previous = &previous2021
	got := render1(t, r, testMeta)
	golden := filepath.Join("testdata", "summary.pdf")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		out := filepath.Join(t.TempDir(), "summary.pdf")
		_ = os.WriteFile(out, got, 0o644)
		t.Fatalf("the summary PDF differs from %s (%d bytes, want %d); new output in %s; run go test ./reports -update if the change is intended", golden, len(got), len(want), out)
	}
}

func BenchmarkWriteSummary(b *testing.B) {
	r := cityReport(62, 300)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteSummary(&buf, r, testMeta); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

// previous2021 are the key rates of an earlier round, as the caller reads them from the data.
var previous2021 = data.KeyRates{Round: 2021, PartyRate: 100, CommitteeRate: 97.5, DualHeadRate: 45, CrossRate: 20,
	WomenRate: 20, Under35Rate: 10, CollegeRate: 25, AvgAge: 48.2}

// TestWriteSummaryPrevious: with the previous round in the data the summary prints, beside
// each key rate, 上届 and the change; without it, it says there is nothing to compare.
func TestWriteSummaryPrevious(t *testing.T) {
	r := data.BuildSummary(ledger48(), 2026, reportDate)
	text := strings.Join(pdfPages(t, render1(t, r, testMeta)), "\f")
	for _, want := range []string{"主要指标（数据中没有上届，不作比较）", "本届（2026年） 97.92 95.83 0.00"} {
		if !strings.Contains(text, want) {
			t.Errorf("without a previous round the PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "上届（") {
		t.Errorf("a 上届 row without a previous round:\n%s", text)
	}
	r.Previous = &previous2021
	text = strings.Join(pdfPages(t, render1(t, r, testMeta)), "\f")
	for _, want := range []string{
		"主要指标与上届（2021年）比较",
		"本届（2026年） 97.92 95.83 0.00 0.00 0.00 0.00 0.00 0.0",
		"上届（2021年） 100.00 97.50 45.00 20.00 20.00 10.00 25.00 48.2",
		"比上届± -2.08 -1.67 -45.00 -20.00 -20.00 -10.00 -25.00 -48.2",
		"村党组织书记 0 0 0.00 0.0", "村（居）委会主任 0 0 0.00 0.0",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
}

// TestWriteSummaryCommunity: a 社区's unfinished committee is listed as 居委会, a village's as 村委会.
func TestWriteSummaryCommunity(t *testing.T) {
	l := data.Ledger{Townships: []data.Township{{Name: "城关镇"}}, Villages: []data.Village{
		{Township: "城关镇", Name: "新华社区", Kind: data.KindCommunity, Status: data.VillageActive},
		{Township: "城关镇", Name: "东关村", Kind: data.KindVillage, Status: data.VillageActive},
	}}
	text := strings.Join(pdfPages(t, render1(t, data.BuildSummary(l, 2026, reportDate), testMeta)), "\f")
	for _, want := range []string{"城关镇 新华社区 居委会 无记录", "城关镇 东关村 村委会 无记录", "村（居）民委员会"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
}
