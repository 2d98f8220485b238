package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// yearbookGrid splits the yearbook's 441 talks by 约谈方式 (rows: 申请约谈, 主动约谈,
// 下访约谈) and 类别 (columns: 个人诉求, 汇报工作和思想, 意见建议). Row totals 70, 315, 56;
// column totals 59, 341, 41.
var yearbookGrid = [3][3]int{
	{40, 20, 10},
	{4, 300, 11},
	{15, 21, 20},
}

// talksFixture is a hand-made report of four talks of 城关镇 in 2026.
func talksFixture() data.TalksReport {
	ts := []data.Talk{
		{Township: "城关镇", No: "YT-001", Date: day(1, 12), Mode: data.ModeRequested, Interviewer: "张卫国", Interviewee: "王镕",
			Unit: "东关村党支部", Post: "书记", Category: data.TalkPersonal, Cause: "反映换届后个人工作安排", Handling: "已解释政策"},
		{Township: "城关镇", No: "YT-002", Date: day(2, 3), Mode: data.ModeInitiated, Interviewer: "张卫国", Interviewee: "李堃",
			Unit: "西关村委会", Post: "主任", Category: data.TalkReport, Cause: "汇报换届准备工作", Handling: "提出三点要求"},
		{Township: "城关镇", No: "YT-003", Date: day(3, 9), Mode: data.ModeVisiting, Interviewer: "刘昇", Interviewee: "赵赟",
			Unit: "南街村党支部", Post: "委员", Category: data.TalkSuggestion, Cause: "对选民登记提出建议", Handling: "已采纳"},
		{Township: "城关镇", No: "YT-004", Date: day(3, 20), Mode: data.ModeInitiated, Interviewer: "刘昇", Interviewee: "孙喆",
			Unit: "北街村委会", Post: "副主任", Category: data.TalkReport, Cause: "汇报思想状况", Handling: "谈心谈话"},
	}
	r := data.TalksReport{Year: 2026, Township: "城关镇", Talks: ts}
	for _, t := range ts {
		r.Grid[talkModeIndex(t.Mode)][talkCategoryIndex(t.Category)]++
	}
	r.Stats = data.TalkStats{Total: 4,
		ByMode:     map[string]int{"申请约谈": 1, "主动约谈": 2, "下访约谈": 1},
		ByCategory: map[string]int{"个人诉求": 1, "汇报工作和思想": 2, "意见建议": 1}}
	return r
}

func talkModeIndex(m data.TalkMode) int {
	for i, v := range data.TalkModes {
		if v == m {
			return i
		}
	}
	panic(m)
}

func talkCategoryIndex(c data.TalkCategory) int {
	for i, v := range data.TalkCategories {
		if v == c {
			return i
		}
	}
	panic(c)
}

// yearbookTalks is a report of the yearbook's 441 talks, spread over two townships, whose
// list runs over many pages.
func yearbookTalks() data.TalksReport {
	r := data.TalksReport{Year: 2026, Grid: yearbookGrid}
	n := 0
	for i, mode := range data.TalkModes {
		for j, cat := range data.TalkCategories {
			for range yearbookGrid[i][j] {
				n++
				r.Talks = append(r.Talks, data.Talk{
					Township: []string{"城关镇", "河西乡"}[n%2], No: fmt.Sprintf("YT%04d", n), Date: day(1+n%12, 1+n%28),
					Mode: mode, Interviewer: "县委组织部", Interviewee: fmt.Sprintf("干部%03d", n), Unit: "试验村党支部",
					Post: "书记", Category: cat, Cause: "换届工作约谈", Handling: "已谈话",
				})
			}
		}
	}
	r.Stats.Total = n
	return r
}

// renderTalks writes the talks PDF of r and m and fails the test on error.
func renderTalks(t testing.TB, r data.TalksReport, m Meta) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTalks(&buf, r, m); err != nil {
		t.Fatalf("WriteTalks: %v", err)
	}
	return buf.Bytes()
}

func TestWriteTalksContent(t *testing.T) {
	pages := pdfPages(t, renderTalks(t, talksFixture(), testMeta))
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	text := flatText(pages[0])
	for _, want := range []string{
		"城关镇干部约谈情况统计表（2026年）",
		"填报单位（盖章）：城关镇 单位：次",
		"约谈方式 个人诉求 汇报工作和思想 意见建议 合计",
		"申请约谈 1 0 0 1 主动约谈 0 2 0 2 下访约谈 0 0 1 1 合计 1 2 1 4",
		"约谈情况明细（共4次）",
		"序号 编号 日期 方式 约谈人 被约谈人 单位 职务 类别 事由 处理情况",
		"1 YT-001 2026-01-12 申请约谈 张卫国 王镕 东关村党支部 书记 个人诉求 反映换届后个人工作安排 已解释政策",
		"2 YT-002 2026-02-03 主动约谈 张卫国 李堃 西关村委会 主任 汇报工作和思想 汇报换届准备工作 提出三点要求",
		"4 YT-004 2026-03-20 主动约谈 刘昇 孙喆 北街村委会 副主任 汇报工作和思想 汇报思想状况 谈心谈话",
		"负责人：张卫国", "审核人：李堃", "填表人：王珺", "联系电话：0531-87654321", "填报日期：2026年11月25日",
		"第 1 页 共 1 页",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	if strings.Contains(text, "序号 乡镇") {
		t.Errorf("a one-township list has a 乡镇 column:\n%s", text)
	}
}

func TestTalkGridRows(t *testing.T) {
	tests := []struct {
		name string
		grid [3][3]int
		want string
	}{
		{"yearbook", yearbookGrid, "[[申请约谈 40 20 10 70] [主动约谈 4 300 11 315] [下访约谈 15 21 20 56] [合计 59 341 41 441]]"},
		{"zero", [3][3]int{}, "[[申请约谈 0 0 0 0] [主动约谈 0 0 0 0] [下访约谈 0 0 0 0] [合计 0 0 0 0]]"},
		{"one corner", [3][3]int{2: {2: 7}}, "[[申请约谈 0 0 0 0] [主动约谈 0 0 0 0] [下访约谈 0 0 7 7] [合计 0 0 7 7]]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := fmt.Sprint(talkGridRows(tc.grid)); got != tc.want {
				t.Errorf("talkGridRows = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestWriteTalksYearbook draws the yearbook's 441 talks: the grid gives the 59/341/41 split
// and 441 in all, the list runs over pages with its header repeated, and every talk is
// listed once.
func TestWriteTalksYearbook(t *testing.T) {
	r := yearbookTalks()
	pages := pdfPages(t, renderTalks(t, r, Meta{Unit: "县委组织部"}))
	const wantPages = 17
	if len(pages) != wantPages {
		t.Fatalf("got %d pages, want %d", len(pages), wantPages)
	}
	first := flatText(pages[0])
	for _, want := range []string{
		"县委组织部干部约谈情况统计表（2026年）",
		"申请约谈 40 20 10 70", "主动约谈 4 300 11 315", "下访约谈 15 21 20 56", "合计 59 341 41 441",
		"约谈情况明细（共441次）",
		"1 河西乡 YT0001",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q; got:\n%s", want, first)
		}
	}
	seen := map[string]int{}
	for i, p := range pages {
		flat := flatText(p)
		footer := fmt.Sprintf("第 %d 页 共 %d 页", i+1, wantPages)
		if !strings.Contains(flat, footer) {
			t.Errorf("page %d lacks %q", i+1, footer)
		}
		if !strings.Contains(flat, "序号 乡镇 编号 日期 方式 约谈人 被约谈人 单位 职务 类别 事由 处理情况") {
			t.Errorf("page %d has no list header:\n%s", i+1, flat)
		}
		for _, f := range strings.Fields(p) {
			if strings.HasPrefix(f, "干部") {
				seen[f]++
			}
		}
	}
	if len(seen) != 441 {
		t.Errorf("%d distinct talks listed, want 441", len(seen))
	}
	for name, n := range seen {
		if n != 1 {
			t.Errorf("%s listed %d times, want once", name, n)
		}
	}
	if last := flatText(pages[len(pages)-1]); !strings.Contains(last, "441 河西乡 YT0441") || !strings.Contains(last, "负责人：") {
		t.Errorf("the last page lacks the last talk or the signature block:\n%s", last)
	}
}

func TestWriteTalksEmpty(t *testing.T) {
	pages := pdfPages(t, renderTalks(t, data.TalksReport{Year: 2026}, Meta{Unit: "河西乡"}))
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	text := flatText(pages[0])
	for _, want := range []string{
		"河西乡干部约谈情况统计表（2026年）",
		"申请约谈 0 0 0 0 主动约谈 0 0 0 0 下访约谈 0 0 0 0 合计 0 0 0 0",
		"约谈情况明细（共0次）", "暂无数据", "填报日期：年 月 日", "第 1 页 共 1 页",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

func TestTalksTitle(t *testing.T) {
	tests := []struct {
		name     string
		township string
		unit     string
		year     int
		want     string
	}{
		{"township of the report", "城关镇", "县委组织部", 2026, "城关镇干部约谈情况统计表（2026年）"},
		{"unit when all townships", "", "县委组织部", 2021, "县委组织部干部约谈情况统计表（2021年）"},
		{"neither", "", "", 2026, "干部约谈情况统计表（2026年）"},
		{"no year", "河西乡", "", 0, "河西乡干部约谈情况统计表"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := TalksTitle(data.TalksReport{Year: tc.year, Township: tc.township}, Meta{Unit: tc.unit})
			if got != tc.want {
				t.Errorf("TalksTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWriteTalksRareCharacters(t *testing.T) {
	r := talksFixture()
	r.Talks[0].Handling, r.Talks[0].Cause = "王\U00020000明", "幸福😀村"
	text := flatText(strings.Join(pdfPages(t, renderTalks(t, r, testMeta)), " "))
	for _, want := range []string{"王□明", "幸福□村", "王镕", "李堃", "赵赟", "孙喆", "刘昇"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

func TestWriteTalksDeterministic(t *testing.T) {
	r := yearbookTalks()
	a, b := renderTalks(t, r, testMeta), renderTalks(t, r, testMeta)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same report differ")
	}
	r.Grid[1][1]++
	if bytes.Equal(a, renderTalks(t, r, testMeta)) {
		t.Fatal("a different grid gives the same bytes")
	}
	noDate := Meta{Unit: "城关镇"}
	if !bytes.Equal(renderTalks(t, r, noDate), renderTalks(t, r, noDate)) {
		t.Fatal("without a date, two renders differ (the current time leaked in)")
	}
}

func TestWriteTalksWriteError(t *testing.T) {
	err := WriteTalks(failWriter{}, talksFixture(), testMeta)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("WriteTalks to a failing writer: err = %v, want the write error", err)
	}
}

// TestWriteTalksGolden compares the PDF with reports/testdata/talks.pdf byte for byte.
// After an intended change, look at the new file and run `go test ./reports -update`.
func TestWriteTalksGolden(t *testing.T) {
	checkGolden(t, "talks.pdf", renderTalks(t, talksFixture(), testMeta))
}

func BenchmarkWriteTalks(b *testing.B) {
	r := yearbookTalks()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteTalks(&buf, r, testMeta); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

// TestWriteTalksFromLedger draws the report data.BuildTalks makes of a hand-made
// data.Ledger: talks of other years stay out of the grid and the list.
func TestWriteTalksFromLedger(t *testing.T) {
	k := func(no string, date time.Time, mode data.TalkMode, cat data.TalkCategory) data.Talk {
		return data.Talk{Township: "城关镇", No: no, Date: date, Mode: mode, Interviewer: "张卫国",
			Interviewee: "被谈" + no, Unit: "东关村", Post: "书记", Category: cat, Cause: "事由" + no, Handling: "已谈"}
	}
	var l data.Ledger
	l.Townships = []data.Township{{Name: "城关镇"}}
	l.Talks = []data.Talk{
		k("T5", day(5, 1), data.ModeVisiting, data.TalkSuggestion),
		k("T1", day(1, 2), data.ModeRequested, data.TalkPersonal),
		k("T2", day(1, 2), data.ModeInitiated, data.TalkReport),
		k("T3", day(3, 3), data.ModeInitiated, data.TalkReport),
		k("T4", day(12, 31), data.ModeRequested, data.TalkReport),
		k("OLD", time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), data.ModeRequested, data.TalkPersonal),
		k("NEW", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), data.ModeVisiting, data.TalkPersonal),
	}
	r := data.BuildTalks(l, 2026)
	r.Township = "城关镇"
	text := flatText(strings.Join(pdfPages(t, renderTalks(t, r, testMeta)), "\n"))
	for _, want := range []string{
		"申请约谈 1 1 0 2 主动约谈 0 2 0 2 下访约谈 0 0 1 1 合计 1 3 1 5",
		"约谈情况明细（共5次）",
		"1 T1 2026-01-02 申请约谈", "2 T2 2026-01-02 主动约谈", "3 T3 2026-03-03", "4 T5 2026-05-01", "5 T4 2026-12-31",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	for _, no := range []string{"OLD", "NEW"} {
		if strings.Contains(text, "被谈"+no) {
			t.Errorf("talk %s of another year is listed:\n%s", no, text)
		}
	}
}

// TestWriteTalksDocumentNumbers: long 编号, 约谈人 and 职务 widen their columns instead of
// wrapping.
func TestWriteTalksDocumentNumbers(t *testing.T) {
	r := talksFixture()
	for i := range r.Talks {
		r.Talks[i].No = fmt.Sprintf("城关谈〔2026〕%02d号", i+1)
		r.Talks[i].Interviewer = "县委组织部"
		r.Talks[i].Post = "党组织书记"
	}
	text := pdfPages(t, renderTalks(t, r, testMeta))[0]
	for i, k := range r.Talks {
		want := fmt.Sprintf("%d %s %s %s 县委组织部 %s %s 党组织书记", i+1, k.No, data.FormatDate(k.Date), k.Mode, k.Interviewee, k.Unit)
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks the one-line %q; got:\n%s", want, text)
		}
	}
}
