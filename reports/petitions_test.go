package reports

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// day is a date in 2026.
func day(month, d int) time.Time { return time.Date(2026, time.Month(month), d, 0, 0, 0, 0, time.UTC) }

// petitionsRef is the reference date of the hand-made complaints ledger.
var petitionsRef = day(4, 20)

// petitionsFixture is a hand-made ledger of eight complaints of 城关镇 in 2026. On
// petitionsRef, XF-003 and XF-007 are 办理中 past their deadline (超期); XF-006 is 办理中
// with its deadline on that very day (not yet 超期). Counted by hand: 来信 2, 来访 2, 电话 1,
// 网络 1, 短信 0, 上级交办 2; 拉票贿选 3, 资格争议 2, 程序违规 2, 其他 1; 办理中 3, 属实 2,
// 部分属实 1, 不属实 2; substantiated 3, closed 5, overdue 2.
func petitionsFixture() data.PetitionsReport {
	c := func(no string, recv time.Time, ch data.Channel, village, from, about string, cat data.ComplaintCategory,
		summary, handler string, deadline time.Time, res data.ComplaintResult, replied time.Time) data.Complaint {
		return data.Complaint{Township: "城关镇", No: no, Received: recv, Channel: ch, Village: village,
			Complainant: from, Subject: about, Category: cat, Summary: summary, Handler: handler,
			Deadline: deadline, Result: res, Handling: "已按程序办理", Replied: replied}
	}
	cs := []data.Complaint{
		c("XF-001", day(1, 8), data.ChanLetter, "东关村", "匿名", "王某", data.CatBribery, "反映候选人请客吃饭拉票", "李明", day(2, 7), data.ResTrue, day(2, 5)),
		c("XF-002", day(1, 15), data.ChanVisit, "西关村", "张堃", "刘某", data.CatEligibility, "反映候选人户籍不在本村", "李明", day(2, 14), data.ResUnfounded, day(2, 10)),
		c("XF-003", day(2, 3), data.ChanPhone, "南街村", "匿名", "赵某", data.CatProcedure, "选民登记漏登外出务工人员", "王珺", day(3, 4), data.ResPending, time.Time{}),
		c("XF-004", day(2, 20), data.ChanOnline, "", "孙玥", "镇选举办", data.CatOther, "咨询选举日期", "王珺", day(3, 21), data.ResUnfounded, day(2, 22)),
		c("XF-005", day(3, 2), data.ChanReferred, "北街村", "匿名", "周某", data.CatBribery, "反映发放购物卡拉票", "陈昇", day(4, 1), data.ResPartlyTrue, day(3, 30)),
		c("XF-006", day(3, 21), data.ChanLetter, "前屯村", "吴彧", "郑某", data.CatEligibility, "反映候选人受过刑事处罚", "陈昇", day(4, 20), data.ResPending, time.Time{}),
		c("XF-007", day(3, 25), data.ChanReferred, "后屯村", "匿名", "冯某", data.CatBribery, "反映以宴请方式拉票", "李明", day(4, 10), data.ResPending, time.Time{}),
		c("XF-008", day(4, 2), data.ChanVisit, "东关村", "褚喆", "卫某", data.CatProcedure, "投票箱未当众开箱", "李明", day(5, 2), data.ResTrue, day(4, 18)),
	}
	return data.PetitionsReport{
		Year: 2026, Township: "城关镇", Ref: petitionsRef, Complaints: cs,
		Overdue: []bool{false, false, true, false, false, false, true, false},
		Stats:   data.PetitionStats{Total: 8, Substantiated: 3, Overdue: 2, Closed: 5},
		ByChannel: []data.Count{{Name: "来信", N: 2}, {Name: "来访", N: 2}, {Name: "电话", N: 1},
			{Name: "网络", N: 1}, {Name: "短信", N: 0}, {Name: "上级交办", N: 2}},
		ByCategory: []data.Count{{Name: "拉票贿选", N: 3}, {Name: "资格争议", N: 2}, {Name: "程序违规", N: 2}, {Name: "其他", N: 1}},
		ByResult:   []data.Count{{Name: "办理中", N: 3}, {Name: "属实", N: 2}, {Name: "部分属实", N: 1}, {Name: "不属实", N: 2}},
	}
}

// bigPetitions is a hand-made ledger of n complaints of two townships, every fifth one
// overdue, with summaries long enough to wrap.
func bigPetitions(n int) data.PetitionsReport {
	r := data.PetitionsReport{Year: 2026, Ref: petitionsRef}
	for i := range n {
		c := data.Complaint{
			Township: []string{"城关镇", "河西乡"}[i%2], No: fmt.Sprintf("XF%04d", i+1),
			Received: day(1+i%3, 1+i%28), Channel: data.Channels[i%len(data.Channels)],
			Village: fmt.Sprintf("试验%03d村", i+1), Complainant: "匿名", Subject: "某某",
			Category: data.ComplaintCategories[i%len(data.ComplaintCategories)],
			Summary:  fmt.Sprintf("A%04d：反映该村选举期间存在拉票贿选行为，候选人通过宴请、发放购物卡等方式拉票Z%04d", i+1, i+1),
			Handler:  "李明", Deadline: day(4, 1), Result: data.ResUnfounded, Replied: day(4, 1),
		}
		overdue := i%5 == 0
		if overdue {
			c.Result, c.Replied = data.ResPending, time.Time{}
			r.Stats.Overdue++
		} else {
			r.Stats.Closed++
		}
		r.Complaints = append(r.Complaints, c)
		r.Overdue = append(r.Overdue, overdue)
		r.Stats.Total++
	}
	r.ByChannel = tally(r.Complaints, func(c data.Complaint) string { return string(c.Channel) })
	r.ByCategory = tally(r.Complaints, func(c data.Complaint) string { return string(c.Category) })
	r.ByResult = tally(r.Complaints, func(c data.Complaint) string { return string(c.Result) })
	return r
}

// tally counts the complaints by key, in order of first appearance.
func tally(cs []data.Complaint, key func(data.Complaint) string) []data.Count {
	var out []data.Count
	at := map[string]int{}
	for _, c := range cs {
		k := key(c)
		if _, ok := at[k]; !ok {
			at[k] = len(out)
			out = append(out, data.Count{Name: k})
		}
		out[at[k]].N++
	}
	return out
}

// petitionStreams inflates and concatenates every compressed stream of pdf (page contents
// among them), so that tests can look for drawing operators such as fill colours.
func petitionStreams(t *testing.T, pdf []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	rest := pdf
	for {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("endstream"))
		if j < 0 {
			t.Fatal("unterminated stream in the PDF")
		}
		zr, err := zlib.NewReader(bytes.NewReader(rest[:j]))
		if err == nil {
			_, _ = io.Copy(&out, zr) // a stream that is not zlib (or ends short) adds what it has
		}
		rest = rest[j+len("endstream"):]
	}
	return out.Bytes()
}

// flatText collapses every run of white space, line breaks included, to one space, so that
// a table reads as one sequence of cells.
func flatText(s string) string { return strings.Join(strings.Fields(s), " ") }

// renderPetitions writes the complaints PDF of r and m and fails the test on error.
func renderPetitions(t testing.TB, r data.PetitionsReport, m Meta) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePetitions(&buf, r, m); err != nil {
		t.Fatalf("WritePetitions: %v", err)
	}
	return buf.Bytes()
}

func TestWritePetitionsContent(t *testing.T) {
	pages := pdfPages(t, renderPetitions(t, petitionsFixture(), testMeta))
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	text := flatText(pages[0])
	for _, want := range []string{
		"城关镇村“两委”换届信访举报受理情况台账（2026年）",
		"填报单位（盖章）：城关镇", "单位：件",
		"序号 编号 受理日期 渠道 村名 反映人 被反映人 类别 内容摘要 承办人 办结时限 办理结果 回复日期",
		"1 XF-001 2026-01-08 来信 东关村 匿名 王某 拉票贿选 反映候选人请客吃饭拉票 李明 2026-02-07 属实 2026-02-05",
		"3 XF-003 2026-02-03 电话 南街村 匿名 赵某 程序违规 选民登记漏登外出务工人员 王珺 2026-03-04 办理中（超期） 4 XF-004",
		"4 XF-004 2026-02-20 网络 孙玥 镇选举办 其他 咨询选举日期 王珺 2026-03-21 不属实 2026-02-22",
		"6 XF-006 2026-03-21 来信 前屯村 吴彧 郑某 资格争议 反映候选人受过刑事处罚 陈昇 2026-04-20 办理中 7 XF-007",
		"分类统计",
		"渠道 来信 来访 电话 网络 短信 上级交办 合计 件数 2 2 1 1 0 2 8",
		"类别 拉票贿选 资格争议 程序违规 其他 合计 件数 3 2 2 1 8",
		"办理结果 办理中 属实 部分属实 不属实 合计 件数 3 2 1 2 8",
		"截至2026年4月20日，共受理信访举报 8 件，其中属实（含部分属实）3 件，已办结 5 件，超期 2 件。",
		"负责人：张卫国", "审核人：李堃", "填表人：王珺", "联系电话：0531-87654321", "填报日期：2026年11月25日",
		"第 1 页 共 1 页",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	// One township: no 乡镇 column.
	if strings.Contains(text, "序号 乡镇") {
		t.Errorf("a one-township ledger has a 乡镇 column:\n%s", text)
	}
}

// TestWritePetitionsOverdueMarks: exactly the rows flagged in r.Overdue say 超期, whatever
// their result and deadline say.
func TestWritePetitionsOverdueMarks(t *testing.T) {
	tests := []struct {
		name    string
		overdue []bool
	}{
		{"fixture", []bool{false, false, true, false, false, false, true, false}},
		{"none", make([]bool, 8)},
		{"first and last", []bool{true, false, false, false, false, false, false, true}},
		{"short slice", []bool{false, true}},
		{"nil", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := petitionsFixture()
			r.Overdue = tc.overdue
			text := pdfPages(t, renderPetitions(t, r, testMeta))[0]
			for i, c := range r.Complaints {
				want := i < len(tc.overdue) && tc.overdue[i]
				line := ""
				for _, l := range strings.Split(text, "\n") {
					if strings.Contains(l, " "+c.No+" ") {
						line = l
					}
				}
				if line == "" {
					t.Fatalf("no line for %s in:\n%s", c.No, text)
				}
				if got := strings.Contains(line, "（超期）"); got != want {
					t.Errorf("%s marked 超期 = %v, want %v: %q", c.No, got, want, line)
				}
			}
		})
	}
}

// TestPetitionOverdueFill: an overdue row is shaded light red; a report without overdue
// rows has no such fill.
func TestPetitionOverdueFill(t *testing.T) {
	fill := fmt.Sprintf("%.3f %.3f %.3f rg", float64(petitionOverdueFill[0])/255, float64(petitionOverdueFill[1])/255, float64(petitionOverdueFill[2])/255)
	r := petitionsFixture()
	if got := strings.Count(string(petitionStreams(t, renderPetitions(t, r, testMeta))), fill); got == 0 {
		t.Errorf("no %q fill in a report with overdue rows", fill)
	}
	r.Overdue = nil
	if got := strings.Count(string(petitionStreams(t, renderPetitions(t, r, testMeta))), fill); got != 0 {
		t.Errorf("%d %q fills in a report without overdue rows, want 0", got, fill)
	}
}

func TestWritePetitionsPages(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		wantPages int
	}{
		{"one page", 3, 1},
		{"several pages", 120, 12},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := bigPetitions(tc.n)
			pages := pdfPages(t, renderPetitions(t, r, testMeta))
			if len(pages) != tc.wantPages {
				t.Fatalf("got %d pages, want %d", len(pages), tc.wantPages)
			}
			pageOf := func(s string) int {
				for i, p := range pages {
					if strings.Contains(p, s) {
						return i + 1
					}
				}
				return 0
			}
			header := regexp.MustCompile(`序号 乡镇 编号 受理日期 渠道 村名 反映人 被反映人 类别 内容摘要 承办人 办结时限 办理结果 回复日期`)
			for i, p := range pages {
				footer := fmt.Sprintf("第 %d 页 共 %d 页", i+1, tc.wantPages)
				if !strings.Contains(p, footer) {
					t.Errorf("page %d lacks %q", i+1, footer)
				}
				if strings.Contains(p, "试验") && !header.MatchString(p) {
					t.Errorf("page %d has complaints but no ledger header:\n%s", i+1, p)
				}
			}
			for i := 1; i <= tc.n; i++ {
				start, end, village := pageOf(fmt.Sprintf("A%04d", i)), pageOf(fmt.Sprintf("Z%04d", i)), pageOf(fmt.Sprintf("试验%03d村", i))
				if start == 0 || start != end || start != village {
					t.Errorf("complaint %d: village on page %d, summary from page %d to %d; want one page", i, village, start, end)
				}
			}
			text := strings.Join(pages, "\f")
			if got, want := strings.Count(text, "办理中（超期）"), (tc.n+4)/5; got != want {
				t.Errorf("%d rows marked 超期, want %d", got, want)
			}
			last := flatText(pages[len(pages)-1])
			for _, want := range []string{"负责人：张卫国", fmt.Sprintf("共受理信访举报 %d 件", tc.n),
				fmt.Sprintf("其他 合计 件数 %d %d %d %d %d", (tc.n+3)/4, (tc.n+2)/4, (tc.n+1)/4, tc.n/4, tc.n)} {
				if !strings.Contains(last, want) {
					t.Errorf("the last page lacks %q:\n%s", want, last)
				}
			}
		})
	}
}

func TestWritePetitionsEmpty(t *testing.T) {
	pages := pdfPages(t, renderPetitions(t, data.PetitionsReport{Year: 2026}, Meta{Unit: "河西乡"}))
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	text := flatText(pages[0])
	for _, want := range []string{
		"河西乡村“两委”换届信访举报受理情况台账（2026年）", "暂无数据",
		"渠道 来信 来访 电话 网络 短信 上级交办 合计 件数 0 0 0 0 0 0 0",
		"类别 拉票贿选 资格争议 程序违规 其他 合计 件数 0 0 0 0 0",
		"办理结果 办理中 属实 部分属实 不属实 合计 件数 0 0 0 0 0",
		"共受理信访举报 0 件，其中属实（含部分属实）0 件，已办结 0 件，超期 0 件。",
		"填报日期：年 月 日", "第 1 页 共 1 页",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	if strings.Contains(text, "截至") {
		t.Errorf("a report without a reference date says 截至:\n%s", text)
	}
}

func TestPetitionsTitle(t *testing.T) {
	tests := []struct {
		name     string
		township string
		unit     string
		year     int
		want     string
	}{
		{"township of the report", "城关镇", "县委组织部", 2026, "城关镇村“两委”换届信访举报受理情况台账（2026年）"},
		{"unit when all townships", "", "历城区", 2021, "历城区村“两委”换届信访举报受理情况台账（2021年）"},
		{"no year", "河西乡", "", 0, "河西乡村“两委”换届信访举报受理情况台账"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := PetitionsTitle(data.PetitionsReport{Year: tc.year, Township: tc.township}, Meta{Unit: tc.unit})
			if got != tc.want {
				t.Errorf("PetitionsTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPetitionCounts(t *testing.T) {
	names := []string{"来信", "来访", "电话"}
	tests := []struct {
		name  string
		given []data.Count
		want  []data.Count
	}{
		{"nil gives zeros", nil, []data.Count{{Name: "来信", N: 0}, {Name: "来访", N: 0}, {Name: "电话", N: 0}}},
		{"reordered", []data.Count{{Name: "电话", N: 4}, {Name: "来信", N: 1}}, []data.Count{{Name: "来信", N: 1}, {Name: "来访", N: 0}, {Name: "电话", N: 4}}},
		{"unknown value kept", []data.Count{{Name: "来访", N: 2}, {Name: "传真", N: 3}}, []data.Count{{Name: "来信", N: 0}, {Name: "来访", N: 2}, {Name: "电话", N: 0}, {Name: "传真", N: 3}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := petitionCounts(names, tc.given)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("petitionCounts = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestWritePetitionsSeveralTownships: a report over all townships shows each complaint's
// township.
func TestWritePetitionsSeveralTownships(t *testing.T) {
	text := strings.Join(pdfPages(t, renderPetitions(t, bigPetitions(3), Meta{Unit: "历城区"})), "\f")
	for _, want := range []string{
		"历城区村“两委”换届信访举报受理情况台账（2026年）",
		"序号 乡镇 编号 受理日期",
		"1 城关镇 XF0001", "2 河西乡 XF0002", "3 城关镇 XF0003",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

func TestWritePetitionsDeterministic(t *testing.T) {
	r := bigPetitions(120)
	a, b := renderPetitions(t, r, testMeta), renderPetitions(t, r, testMeta)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same report differ")
	}
	r.Overdue[1] = true
	if bytes.Equal(a, renderPetitions(t, r, testMeta)) {
		t.Fatal("a different overdue flag gives the same bytes")
	}
	noDate := Meta{Unit: "城关镇"}
	if !bytes.Equal(renderPetitions(t, r, noDate), renderPetitions(t, r, noDate)) {
		t.Fatal("without a date, two renders differ (the current time leaked in)")
	}
}

func TestWritePetitionsWriteError(t *testing.T) {
	err := WritePetitions(failWriter{}, petitionsFixture(), testMeta)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("WritePetitions to a failing writer: err = %v, want the write error", err)
	}
}

// TestWritePetitionsGolden compares the PDF with reports/testdata/petitions.pdf byte for
// byte. After an intended change, look at the new file and run `go test ./reports -update`.
func TestWritePetitionsGolden(t *testing.T) {
	checkGolden(t, "petitions.pdf", renderPetitions(t, petitionsFixture(), testMeta))
}

// checkGolden compares got with testdata/name, rewriting it first under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", name)
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
		out := filepath.Join(t.TempDir(), name)
		_ = os.WriteFile(out, got, 0o644)
		t.Fatalf("the PDF differs from %s (%d bytes, want %d); new output in %s; run go test ./reports -update if the change is intended", golden, len(got), len(want), out)
	}
}

func BenchmarkWritePetitions(b *testing.B) {
	r := bigPetitions(500)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WritePetitions(&buf, r, testMeta); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

// TestWritePetitionsFromLedger draws the ledger data.BuildPetitions makes of a hand-made
// data.Ledger: complaints of another year stay out, and around the deadline day only the
// pending complaints whose 办结时限 is before the reference date are 超期.
func TestWritePetitionsFromLedger(t *testing.T) {
	c := func(no string, recv, deadline time.Time, res data.ComplaintResult, ch data.Channel, cat data.ComplaintCategory) data.Complaint {
		return data.Complaint{Township: "城关镇", No: no, Received: recv, Channel: ch, Village: "东关村",
			Complainant: "匿名", Subject: "某某", Category: cat, Summary: "摘要" + no, Handler: "李明", Deadline: deadline, Result: res}
	}
	var l data.Ledger
	l.Townships = []data.Township{{Name: "城关镇"}}
	l.Complaints = []data.Complaint{
		c("LY-01", time.Date(2025, 12, 30, 0, 0, 0, 0, time.UTC), day(1, 10), data.ResPending, data.ChanSMS, data.CatOther), // last year
		c("DAY-0", day(4, 1), day(4, 20), data.ResPending, data.ChanLetter, data.CatBribery),                                // deadline today: not yet
		c("DAY-1", day(3, 31), day(4, 19), data.ResPending, data.ChanLetter, data.CatBribery),                               // deadline yesterday: 超期
		c("DAY+1", day(4, 2), day(4, 21), data.ResPending, data.ChanVisit, data.CatProcedure),                               // deadline tomorrow
		c("EMPTY", day(2, 1), day(3, 1), "", data.ChanPhone, data.CatEligibility),                                           // no result yet: pending, 超期
		c("TRUE", day(1, 5), day(2, 1), data.ResTrue, data.ChanReferred, data.CatBribery),                                   // closed after its deadline
		c("PART", day(1, 6), day(2, 1), data.ResPartlyTrue, data.ChanOnline, data.CatProcedure),
		c("NODL", day(1, 7), time.Time{}, data.ResPending, data.ChanVisit, data.CatOther), // no deadline: 60 days (信访工作条例), 03-08: 超期
	}
	r := data.BuildPetitions(l, 2026, petitionsRef)
	r.Township = "城关镇"
	pages := pdfPages(t, renderPetitions(t, r, testMeta))
	text := strings.Join(pages, "\n")
	flat := flatText(text)
	wantOverdue := map[string]bool{"DAY-0": false, "DAY-1": true, "DAY+1": false, "EMPTY": true, "TRUE": false, "PART": false, "NODL": true}
	for no, want := range wantOverdue {
		line := ""
		for _, l := range strings.Split(text, "\n") {
			if strings.Contains(l, " "+no+" ") {
				line = l
			}
		}
		if line == "" {
			t.Errorf("no line for %s in:\n%s", no, text)
			continue
		}
		if got := strings.Contains(line, "（超期）"); got != want {
			t.Errorf("%s marked 超期 = %v, want %v: %q", no, got, want, line)
		}
	}
	if strings.Contains(text, "LY-01") {
		t.Errorf("a complaint of 2025 is in the 2026 ledger:\n%s", text)
	}
	for _, want := range []string{
		"EMPTY 2026-02-01 电话 东关村 匿名 某某 资格争议 摘要EMPTY 李明 2026-03-01 办理中（超期）",
		// by 受理日期: TRUE, PART, NODL, EMPTY, DAY-1, DAY-0, DAY+1
		"1 TRUE", "2 PART", "3 NODL", "4 EMPTY", "5 DAY-1", "6 DAY-0", "7 DAY+1",
		"渠道 来信 来访 电话 网络 短信 上级交办 合计 件数 2 2 1 1 0 1 7",
		"类别 拉票贿选 资格争议 程序违规 其他 合计 件数 3 1 2 1 7",
		"办理结果 办理中 属实 部分属实 不属实 合计 件数 5 1 1 0 7",
		"截至2026年4月20日，共受理信访举报 7 件，其中属实（含部分属实）2 件，已办结 2 件，超期 3 件。",
		// A complaint without 办结时限 shows the default one.
		"NODL 2026-01-07 来访 东关村 匿名 某某 其他 摘要NODL 李明 2026-03-08 办理中（超期）",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, flat)
		}
	}
}

// TestListColumnWidth: a fitted column is as wide as its widest value (which then stays on
// one line), never narrower than its minimum nor wider than its maximum.
func TestListColumnWidth(t *testing.T) {
	lim := [2]float64{14, 36}
	tests := []struct {
		name     string
		values   []string
		want     float64 // 0: between the limits, with every value on one line
		oneLine  bool
		wantWrap bool
	}{
		{"empty list takes the minimum", nil, 14, true, false},
		{"short values take the minimum", []string{"1", "XF-1"}, 14, true, false},
		{"document number fits", []string{"XF-001", "城关信〔2026〕01号"}, 0, true, false},
		{"too long is capped and wraps", []string{"城关镇纪委信访室〔2026〕第000123号（转办）"}, 36, false, true},
	}
	d := newDoc(Landscape, "测试", testMeta)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := listColumnWidth(d, "编号", lim, len(tc.values), func(i int) string { return tc.values[i] })
			if tc.want != 0 && got != tc.want {
				t.Errorf("width = %.2f, want %.2f", got, tc.want)
			}
			if got < lim[0] || got > lim[1] {
				t.Errorf("width = %.2f, outside %v", got, lim)
			}
			for _, v := range tc.values {
				lines := len(d.wrapText(v, got-2*cellMargin))
				if tc.oneLine && lines != 1 {
					t.Errorf("%q takes %d lines at %.2f mm, want 1", v, lines, got)
				}
				if tc.wantWrap && lines < 2 {
					t.Errorf("%q takes %d line at the maximum %.2f mm, want it wrapped", v, lines, got)
				}
			}
		})
	}
}

// TestWritePetitionsDocumentNumbers: 编号 written as official document numbers stay on the
// row's one line.
func TestWritePetitionsDocumentNumbers(t *testing.T) {
	r := petitionsFixture()
	for i := range r.Complaints {
		r.Complaints[i].No = fmt.Sprintf("城关信〔2026〕%02d号", i+1)
	}
	text := pdfPages(t, renderPetitions(t, r, testMeta))[0]
	for i, c := range r.Complaints {
		want := fmt.Sprintf("%d %s %s", i+1, c.No, data.FormatDate(c.Received))
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks the one-line %q; got:\n%s", want, text)
		}
	}
}
