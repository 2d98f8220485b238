package reports

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"liangwei/data"
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

// TestPageStoreReachesFpdf: while a long report is drawn, the pages already finished are
// held deflated by the doc and no longer as text by fpdf. If an fpdf upgrade moves its
// page buffers, newPageStore gives up and this test says so (the report would still be
// right, but a city roster would need hundreds of megabytes again).
func TestPageStoreReachesFpdf(t *testing.T) {
	r := bigRoster(600)
	d := newDoc(Landscape, "花名册", testMeta)
	if d.pages == nil {
		t.Fatal("newPageStore found no page buffers in fpdf.Fpdf (fpdf changed?)")
	}
	drawMembers(d, r, testMeta, "花名册")
	total := d.pdf.PageCount()
	if total < 10 {
		t.Fatalf("%d pages, want a long report (at least 10)", total)
	}
	pages := *d.pages.pages
	plain, stashed := 0, 0
	for n := 1; n < total; n++ {
		if got := pages[n].Len(); got != 0 {
			t.Errorf("page %d: fpdf still holds %d bytes of it, want 0", n, got)
		}
		b, err := d.pages.inflate(n)
		if err != nil || len(b) == 0 {
			t.Fatalf("page %d: stash = %d bytes, %v; want its content", n, len(b), err)
		}
		plain += len(b)
		stashed += len(d.pages.bodies[n])
	}
	if pages[total].Len() == 0 {
		t.Errorf("the last page is empty in fpdf before finish, want it still being drawn")
	}
	if stashed*3 > plain {
		t.Errorf("stashed pages take %d bytes for %d of content, want a third or less", stashed, plain)
	}
}

// TestStashedPagesSameAsFpdf: a report drawn with its finished pages stashed is byte for
// byte the one fpdf writes when it keeps and deflates every page itself, so stashing
// changes no golden file and no report.
func TestStashedPagesSameAsFpdf(t *testing.T) {
	tests := []struct {
		name string
		r    data.MembersReport
	}{
		{"one page", rosterReport()},
		{"many pages", bigRoster(400)},
		{"empty", data.MembersReport{Round: 2026}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// How the pages are deflated: stashed as they are left (what reports do),
			// kept whole and deflated by compressPages at the end (the fallback if fpdf's
			// page buffers cannot be reached), or deflated by fpdf itself.
			const (
				stashed = iota
				atTheEnd
				byFpdf
			)
			draw := func(mode int) []byte {
				d := newDoc(Landscape, "花名册", testMeta)
				if mode != stashed {
					d.pages = nil
					d.pdf.SetCompression(mode == byFpdf)
				}
				drawMembers(d, tc.r, testMeta, "花名册")
				var buf bytes.Buffer
				if err := d.finish(&buf); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			got, want := draw(stashed), draw(byFpdf)
			if !bytes.Equal(got, want) {
				t.Fatalf("stashed pages give %d bytes, fpdf alone %d; want the same file", len(got), len(want))
			}
			if end := draw(atTheEnd); !bytes.Equal(end, want) {
				t.Fatalf("pages deflated at the end give %d bytes, fpdf alone %d; want the same file", len(end), len(want))
			}
			if n, pages := bytes.Count(got, []byte("/Filter /FlateDecode /Length")), len(pdfPages(t, got)); n < pages {
				t.Errorf("%d deflated streams for %d pages, want one per page at least", n, pages)
			}
		})
	}
}
