package reports

import (
	"bytes"
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
