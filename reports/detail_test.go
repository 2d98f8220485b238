package reports

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// renderDetail writes the detail PDF and fails the test on error.
func renderDetail(t testing.TB, r data.DetailReport, m Meta) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDetail(&buf, r, m); err != nil {
		t.Fatalf("WriteDetail: %v", err)
	}
	return buf.Bytes()
}

// detailLedger is ledger48 with seats and candidates on every election and the 书记 and
// 主任 of three villages: 东关村 王镕 is both (一肩挑), 西关村 has 书记 周昇 and 主任 吴珺,
// 南街村 has a 书记 only.
func detailLedger() data.Ledger {
	l := ledger48()
	for i := range l.Elections {
		e := &l.Elections[i]
		e.Seats, e.Candidates, e.Elected = 5, 6, 5
		if e.Body == data.BodyCommittee {
			e.Seats, e.Candidates, e.Elected = 7, 9, 7
		}
	}
	l.Members = []data.Member{
		member("东关村", "王镕", data.Male, birthday(1975, 3, 8), 11, data.PartySecretary, data.CommitteeDirector),
		member("西关村", "周昇", data.Male, birthday(1980, 2, 29), 17, data.PartySecretary, data.CommitteeNone),
		member("西关村", "吴珺", data.Female, birthday(1988, 6, 30), 24, data.PartyNone, data.CommitteeDirector),
		member("南街村", "郑玥彧", data.Male, birthday(1958, 10, 1), 19, data.PartySecretary, data.CommitteeNone),
		member("老城村", "冯撤", data.Female, birthday(1970, 5, 5), 42, data.PartySecretary, data.CommitteeDirector),
	}
	return l
}

func detailReport48() data.DetailReport {
	r := data.BuildDetail(detailLedger(), 2026)
	r.Township = "城关镇"
	return r
}

func TestWriteDetailContent(t *testing.T) {
	pages := pdfPages(t, renderDetail(t, detailReport48(), testMeta))
	if len(pages) != 3 {
		t.Fatalf("got %d pages, want 3 (48 villages at 22 a page, then the 合计)", len(pages))
	}
	text := strings.Join(pages, "\n")
	for _, want := range []string{
		"城关镇村“两委”换届情况明细表（2026年）",
		"填报单位（盖章）：城关镇", "共48个村（社区）",
		"村党组织", "村（居）民委员会", "到会率%", "参选率%", "书记", "主任",
		// Rows are in the official order (as in every report; no 区划代码 here, so by
		// pinyin), numbered in it.
		// 东关村: party failed, committee in progress; the names still show.
		"8 东关村 未完成 进行中 王镕 王镕",
		// 西关村: party done first time; committee failed.
		"33 西关村 已完成 2026-03-15 38/40 95.00 5/5 是 未完成 周昇 吴珺",
		"22 南街村 已完成 2026-03-15 38/40 95.00 5/5 是 已完成 2026-03-15 900/1000 90.00 7/7 是 郑玥彧 —",
		"2 北街村 已完成 2026-03-15 38/40 95.00 5/5 是 已完成 2026-03-15 900/1000 90.00 7/7 是 — —",
		// 云家坪村 (the 48th of ledger48) is complete at the second attempt in both bodies;
		// 章家洲村 (the 47th) only in the committee.
		"43 章家洲村 已完成 2026-03-15 38/40 95.00 5/5 是 已完成 2026-03-15 900/1000 90.00 7/7 否 — —",
		"41 云家坪村 已完成 2026-03-15 38/40 95.00 5/5 否 已完成 2026-03-15 900/1000 90.00 7/7 否 — —",
		// 47 party elections done, 46 of them at once: 47×38 / 47×40; committee 46 done.
		"合计（48个村） 完成47 1786/1880 95.00 235/235 46 完成46 41400/46000 90.00 322/322 44",
		"应换届村48个。村党组织完成换届47个，完成率97.92%，一次选举成功率97.87%，到会率95.00%；",
		"村（居）民委员会完成换届46个，完成率95.83%，一次选举成功率95.65%，参选率", "90.00%。",
		"负责人：张卫国", "填报日期：2026年11月25日",
		"第 1 页 共 3 页", "第 3 页 共 3 页",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	// The 合计 and the signature do not stand alone on page 3: the last villages come with them.
	if !strings.Contains(pages[2], "48 ") || !strings.Contains(pages[2], "47 ") {
		t.Errorf("page 3 lacks the last two villages:\n%s", pages[2])
	}
	for _, absent := range []string{"老城村", "冯撤", "小计", "城关镇（"} {
		if strings.Contains(text, absent) {
			t.Errorf("PDF text has %q, want it left out (merged village / one township); got:\n%s", absent, text)
		}
	}
}

// cityDetail is a city of 62 townships and 5,252 villages (44 townships of 85 and 18 of
// 84), built through data.BuildDetail. Every 100th village has not finished its committee
// election; every village has a 书记, every other one a 主任.
func cityDetail() data.DetailReport {
	var l data.Ledger
	done := time.Date(2026, 4, 18, 0, 0, 0, 0, time.UTC)
	n := 0
	for ti := range 62 {
		township := fmt.Sprintf("第%02d镇", ti+1)
		l.Townships = append(l.Townships, data.Township{Name: township})
		per := 85
		if ti >= 44 {
			per = 84
		}
		for range per {
			n++
			village := fmt.Sprintf("试验%04d村", n)
			l.Villages = append(l.Villages, data.Village{Township: township, Name: village, Kind: data.KindVillage, Status: data.VillageActive})
			party := data.Election{Township: township, Village: village, Round: 2026, Body: data.BodyParty, Status: data.StatusCompleted,
				CompletedOn: done, OneTime: true, Eligible: 40 + n%50, Participants: 38 + n%50, Seats: 5, Elected: 5}
			committee := data.Election{Township: township, Village: village, Round: 2026, Body: data.BodyCommittee, Status: data.StatusCompleted,
				CompletedOn: done, OneTime: n%7 != 0, Eligible: 1200 + n%900, Participants: 1100 + n%900, Seats: 7, Elected: 7}
			if n%100 == 0 {
				committee.Status, committee.Reason = data.StatusFailed, "选民登记有异议"
			}
			l.Elections = append(l.Elections, party, committee)
			sec := data.Member{Township: township, Village: village, Round: 2026, Name: fmt.Sprintf("书记%04d", n), PartyPost: data.PartySecretary}
			if n%2 == 0 {
				sec.CommitteePost = data.CommitteeDirector
			}
			l.Members = append(l.Members, sec)
		}
	}
	return data.BuildDetail(l, 2026)
}

func TestWriteDetailCity(t *testing.T) {
	r := cityDetail()
	if len(r.Rows) != 5252 || len(r.Townships) != 62 {
		t.Fatalf("fixture: %d rows, %d townships; want 5252, 62", len(r.Rows), len(r.Townships))
	}
	pdf := renderDetail(t, r, testMeta)
	pages := pdfPages(t, pdf)
	// 5,252 villages, 62 bands and 62 subtotals at about 28 rows a page.
	if len(pages) < 180 || len(pages) > 230 {
		t.Errorf("got %d pages for 5,252 villages, want about 200", len(pages))
	}
	// The font is subset (a few hundred characters, not the 4 MB font file) and the pages
	// compressed: about 6 KB a page.
	if kb := len(pdf) / 1024; kb > 8*len(pages) || kb > 2048 {
		t.Errorf("the PDF is %d KB for %d pages; want under 8 KB a page and 2 MB", kb, len(pages))
	}
	t.Logf("5,252 villages: %d pages, %d KB", len(pages), len(pdf)/1024)
	village := regexp.MustCompile(`试验(\d{4})村`)
	seen := make(map[string]int, len(r.Rows))
	subtotals := 0
	for i, p := range pages {
		footer := fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(pages))
		if !strings.Contains(p, footer) {
			t.Errorf("page %d lacks %q", i+1, footer)
		}
		for _, h := range []string{"村党组织", "村（居）民委员会", "完成日期", "到会率%", "参选率%", "书记 主任"} {
			if !strings.Contains(p, h) {
				t.Errorf("page %d lacks the header text %q:\n%s", i+1, h, p)
			}
		}
		for _, v := range village.FindAllString(p, -1) {
			seen[v]++
		}
		subtotals += strings.Count(p, "小计（")
		// A page that starts inside a township repeats its band, marked （续）.
		if i > 0 && !regexp.MustCompile(`第\d{2}镇（8[45]个村）`).MatchString(p) {
			t.Errorf("page %d has no township band:\n%s", i+1, p)
		}
	}
	if len(seen) != len(r.Rows) {
		t.Errorf("%d villages in the PDF, want %d", len(seen), len(r.Rows))
	}
	for v, n := range seen {
		if n != 1 {
			t.Errorf("%s appears %d times, want once", v, n)
		}
	}
	if subtotals != 62 {
		t.Errorf("%d 小计 rows, want 62", subtotals)
	}
	last := pages[len(pages)-1]
	for _, want := range []string{"合计（5252个村） 完成5252", "完成5200", "村（居）民委员会完成换届5200个，完成率99.01%", "负责人：张卫国"} {
		if !strings.Contains(last, want) {
			t.Errorf("the last page lacks %q:\n%s", want, last)
		}
	}
}

// TestWriteDetailRowsNotSplit gives villages names long enough to wrap over several lines
// and checks that each name's beginning and end share a page, the page after a break
// repeating the header.
func TestWriteDetailRowsNotSplit(t *testing.T) {
	r := detailReport48()
	for i := range r.Rows {
		r.Rows[i].Village = fmt.Sprintf("S%02d经济开发区管委会代管居民委员会E%02d", i+1, i+1)
	}
	pages := pdfPages(t, renderDetail(t, r, testMeta))
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
	for i := range r.Rows {
		start, end := pageOf(fmt.Sprintf("S%02d", i+1)), pageOf(fmt.Sprintf("E%02d", i+1))
		if start == 0 || start != end {
			t.Errorf("village %d starts on page %d and ends on page %d", i+1, start, end)
		}
	}
	for i, p := range pages {
		if !strings.Contains(p, "村（居）民委员会") {
			t.Errorf("page %d lacks the header", i+1)
		}
	}
}

func TestWriteDetailEmpty(t *testing.T) {
	pages := pdfPages(t, renderDetail(t, data.DetailReport{Round: 2026}, Meta{}))
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	for _, want := range []string{"村“两委”换届情况明细表（2026年）", "暂无数据", "负责人：", "第 1 页 共 1 页"} {
		if !strings.Contains(pages[0], want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, pages[0])
		}
	}
	if strings.Contains(pages[0], "合计") {
		t.Errorf("an empty report has a 合计 row:\n%s", pages[0])
	}
}

func TestDetailTitle(t *testing.T) {
	tests := []struct {
		name string
		r    data.DetailReport
		m    Meta
		want string
	}{
		{"township", data.DetailReport{Round: 2026, Township: "河口镇"}, Meta{Unit: "城关镇"}, "河口镇村“两委”换届情况明细表（2026年）"},
		{"unit", data.DetailReport{Round: 2021}, Meta{Unit: "某某县"}, "某某县村“两委”换届情况明细表（2021年）"},
		{"no unit, no round", data.DetailReport{}, Meta{}, "村“两委”换届情况明细表"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DetailTitle(tc.r, tc.m); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWriteDetailDeterministic(t *testing.T) {
	a := renderDetail(t, detailReport48(), testMeta)
	b := renderDetail(t, detailReport48(), testMeta)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same report differ")
	}
}

func TestWriteDetailWriteError(t *testing.T) {
	err := WriteDetail(failWriter{}, detailReport48(), testMeta)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("WriteDetail to a failing writer: err = %v, want the write error", err)
	}
}

// TestWriteDetailGolden compares the report with reports/testdata/detail.pdf.
func TestWriteDetailGolden(t *testing.T) {
	checkGolden(t, "detail.pdf", renderDetail(t, detailReport48(), testMeta))
}

func BenchmarkWriteDetail(b *testing.B) {
	r := cityDetail()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteDetail(&buf, r, testMeta); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

// TestParsePDFRejectsBrokenPDF: reading a part or the last part of a report (see join)
// fails on a file that is not laid out as fpdf writes it, instead of writing a broken one.
func TestParsePDFRejectsBrokenPDF(t *testing.T) {
	good := renderDetail(t, data.DetailReport{Round: 2026}, Meta{})
	sx := bytes.LastIndex(good, []byte("startxref"))
	tests := []struct {
		name string
		raw  []byte
	}{
		{"empty", nil},
		{"no startxref", []byte("%PDF-1.3\n1 0 obj\n<<>>\nendobj\n")},
		{"bad startxref", append(append([]byte{}, good[:sx]...), "startxref\nabc\n%%EOF\n"...)},
		{"startxref past the end", append(append([]byte{}, good[:sx]...), "startxref\n99999999\n%%EOF\n"...)},
		{"startxref not at xref", append(append([]byte{}, good[:sx]...), "startxref\n15\n%%EOF\n"...)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := pageStreams(tc.raw, &deflater{}); err == nil {
				t.Errorf("pageStreams accepted a broken PDF")
			}
			if err := join(io.Discard, tc.raw, 1, &pageStore{}, nil, &deflater{}); err == nil {
				t.Errorf("join accepted a broken PDF")
			}
		})
	}
}
