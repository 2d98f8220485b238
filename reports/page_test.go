package reports

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestRenderRecoversPanic(t *testing.T) {
	var buf bytes.Buffer
	err := render(&buf, Landscape, "测试", testMeta, func(d *doc) {
		d.title("测试")
		panic("boom")
	})
	if err == nil || !strings.Contains(err.Error(), "boom") || !strings.Contains(err.Error(), "生成PDF报表时出错") {
		t.Fatalf("err = %v, want the panic as a Chinese error", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written after a failure, want none", buf.Len())
	}
}

// TestRowTallerThanPage: a row that cannot fit on any page is cut with an ellipsis
// instead of overflowing the footer or looping over new pages.
func TestRowTallerThanPage(t *testing.T) {
	r := cityReport(1, 3)
	r.Unfinished[1].Reason = strings.Repeat("群众反映选民登记不实，", 400)
	pages := pdfPages(t, render1(t, r, testMeta))
	if len(pages) != 3 {
		t.Fatalf("got %d pages, want 3 (list, the cut row, the last row)", len(pages))
	}
	text := strings.Join(pages, "\f")
	for _, want := range []string{"…", "试验001村", "试验002村", "试验003村", "第 3 页 共 3 页"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// TestSignaturePortrait: on a narrow page the signature block flows onto a second line and
// keeps every field.
func TestSignaturePortrait(t *testing.T) {
	var buf bytes.Buffer
	m := testMeta
	m.Unit = "城关镇党委组织办公室"
	m.Phone = "0531-87654321 / 13912345678"
	err := render(&buf, Portrait, "测试", m, func(d *doc) {
		d.title("两委成员花名册")
		tb := d.beginTable([]Column{{Header: "序号", Width: 12, Align: "R"}, {Header: "姓名", Width: 30}, {Header: "备注"}})
		tb.row([]string{"1", "王镕", "书记"}, colorWhite)
		tb.end()
		d.signature()
	})
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, buf.Bytes())
	text := pages[0]
	for _, want := range []string{"两委成员花名册", "1 王镕 书记", "负责人：张卫国", "审核人：李堃", "填表人：王珺", "联系电话：0531-87654321 / 13912345678", "填报日期：2026年11月25日", "第 1 页 共 1 页"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	lines := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "负责人：") || strings.Contains(l, "填报日期：") {
			lines++
		}
	}
	if lines != 2 {
		t.Errorf("负责人 and 填报日期 on %d distinct lines, want 2 (the block wraps on A4 portrait):\n%s", lines, text)
	}
}

// TestBandLongText: a band longer than the table is cut with an ellipsis on one line, and
// a page break under it repeats it marked （续）.
func TestBandLongText(t *testing.T) {
	long := strings.Repeat("很长的村名", 40) + "止"
	var buf bytes.Buffer
	err := render(&buf, Portrait, "测试", testMeta, func(d *doc) {
		tb := d.beginTable([]Column{{Header: "序号", Width: 12, Align: "R"}, {Header: "姓名"}})
		tb.band(long, tb.rowHeight())
		for i := range 80 {
			tb.row([]string{strconv.Itoa(i + 1), "王镕"}, colorWhite)
		}
		tb.end()
	})
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, buf.Bytes())
	if len(pages) < 2 {
		t.Fatalf("got %d pages, want at least 2", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "很长的村名很长的村名") || !strings.Contains(p, "…") {
			t.Errorf("page %d lacks the cut band:\n%s", i+1, p)
		}
		if i > 0 && !strings.Contains(p, "…（续）") {
			t.Errorf("page %d lacks the repeated band marked …（续）:\n%s", i+1, p)
		}
		if strings.Contains(p, "止") {
			t.Errorf("page %d shows the end of a band that cannot fit:\n%s", i+1, p)
		}
	}
}

// withPartPages draws the reports of f with parts of n pages.
func withPartPages(t *testing.T, n int, f func()) {
	t.Helper()
	old := partPages
	partPages = n
	defer func() { partPages = old }()
	f()
}

// TestPartsSameAsOneDocument: a roster drawn as several parts (what the city's roster
// is, see partPages) has the pages, text and looks of the one drawn as one document,
// with one font, every page numbered 第 N 页 共 M 页 (the earlier parts' footers drawn
// in one batch or several, see labelPages) and nothing of the page of characters that
// join leaves out.
func TestPartsSameAsOneDocument(t *testing.T) {
	r := bigRoster(400)
	// Characters drawn only on the first page, so only the font of the first part would
	// have them if the last part's font did not hold every part's characters.
	r.Villages[0].Members[0].Name = "燚垚鑫"
	r.Villages[0].Village = "犇骉村"
	one := renderMembers(t, r, testMeta)
	want := pdfPages(t, one)
	if len(want) < 10 {
		t.Fatalf("%d pages, want a long report (at least 10)", len(want))
	}
	for _, size := range []int{1, 3, len(want) - 1, len(want)} {
		t.Run(fmt.Sprintf("parts of %d pages", size), func(t *testing.T) {
			if size <= 3 {
				// The earlier pages' footers drawn in several batches, the last one short.
				defer func(n int) { labelPages = n }(labelPages)
				labelPages = 4
			}
			var got []byte
			withPartPages(t, size, func() { got = renderMembers(t, r, testMeta) })
			pages := pdfPages(t, got)
			if len(pages) != len(want) {
				t.Fatalf("%d pages, want %d", len(pages), len(want))
			}
			for i := range pages {
				if pages[i] != want[i] {
					t.Errorf("page %d differs:\n%s\nwant:\n%s", i+1, pages[i], want[i])
				}
				if label := fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(want)); !strings.Contains(pages[i], label) {
					t.Errorf("page %d lacks %q", i+1, label)
				}
			}
			if !strings.Contains(pages[0], "燚垚鑫") || !strings.Contains(pages[0], "犇骉村") {
				t.Errorf("page 1 lacks the characters drawn only there:\n%s", pages[0])
			}
			if n := bytes.Count(got, []byte("/Type /FontDescriptor")); n != 1 {
				t.Errorf("%d fonts in the file, want 1", n)
			}
			for _, n := range []int{1, len(want) / 2, len(want)} {
				if a, b := pagePixels(t, one, n), pagePixels(t, got, n); !bytes.Equal(a, b) {
					t.Errorf("page %d looks different from the one-document report", n)
				}
			}
		})
	}
}

// pagePixels renders page n of pdf in grey at 40 dpi.
func pagePixels(t *testing.T, pdf []byte, n int) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	p := strconv.Itoa(n)
	out, err := exec.Command("pdftoppm", "-gray", "-r", "40", "-f", p, "-l", p, path).Output()
	if err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	if len(out) < 1000 {
		t.Fatalf("pdftoppm gave %d bytes for page %d", len(out), n)
	}
	return out
}

// TestLedgerNumberOneLine: a ledger's 序号 too wide for its column (a province's roster runs
// past 100,000) is drawn on one line, smaller, and its row is as high as a row whose number
// fits; the other cells keep the body size.
func TestLedgerNumberOneLine(t *testing.T) {
	table := func(numbers ...string) []string {
		var buf bytes.Buffer
		err := render(&buf, Landscape, "测试", testMeta, func(d *doc) {
			tb := d.beginTable(membersColumns)
			for _, n := range numbers {
				tb.row([]string{n, "张三", "男", "45", "汉族", "大专"}, colorWhite)
			}
			tb.end()
		})
		if err != nil {
			t.Fatal(err)
		}
		return pdfPages(t, buf.Bytes())
	}
	var short, long []string
	for i := range 60 {
		short = append(short, strconv.Itoa(10000+i))
		long = append(long, strconv.Itoa(4812890+i))
	}
	want, got := table(short...), table(long...)
	if len(got) != len(want) {
		t.Fatalf("%d pages with 7-digit numbers, %d with 5-digit ones: the rows are not one line high", len(got), len(want))
	}
	text := strings.Join(got, "\n")
	for _, n := range []string{"4812890", "4812949"} {
		if !strings.Contains(text, n) {
			t.Errorf("the number %s is not drawn whole:\n%s", n, got[0])
		}
	}
	if strings.Count(text, "张三") != 60 {
		t.Errorf("%d rows drawn, want 60", strings.Count(text, "张三"))
	}
}
