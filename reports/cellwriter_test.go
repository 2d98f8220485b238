package reports

import (
	"bytes"
	"strconv"
	"testing"
)

// TestCellWriterAsFpdf draws the same table cells through fpdf and through cellWriter and
// requires the same PDF: texts whose UTF-16 bytes need escaping (小 is 5C 0F, 不 is 4E 0D,
// ⠨ is 28 28), ASCII, every alignment, several lines, fills, a text colour, a second page.
func TestCellWriterAsFpdf(t *testing.T) {
	texts := []string{"小王", "不", "(a)\\b", "⠨⠩", "张三", "", "2026年11月25日", "村委会主任（兼）", "123", "小王"}
	draw := func(off bool) ([]byte, int) {
		d := newDoc(Portrait, "测试", Meta{})
		d.cells.off = off
		d.setSize(bodySize)
		for page := range 2 {
			if page == 1 {
				d.newPage()
				d.pdf.SetTextColor(40, 40, 200)
			}
			y := 40.0
			for i, s := range texts {
				fill := colorWhite
				if i%3 == 1 {
					fill = colorHeader
				}
				lines := []string{s}
				if i%4 == 2 {
					lines = []string{s, texts[(i+1)%len(texts)], "末行"}
				}
				for j, align := range []string{"L", "C", "R"} {
					d.cellLines(marginX+float64(j)*40.3, y, 40.3, 7.7+float64(len(lines))*5, lines, align, fill)
				}
				y += 9 + float64(len(lines))*5
			}
		}
		// Rows of a table, whose cells are held until the row ends, over a page break.
		tb := d.beginTable([]Column{{Header: "序号", Width: 12, Align: "R"}, {Header: "姓名", Align: "L"}, {Header: "职务", Width: 50, Align: "C"}})
		for i := range 60 {
			fill := colorWhite
			if i%5 == 0 {
				fill = colorBand
			}
			tb.row([]string{strconv.Itoa(i + 1), texts[i%len(texts)], texts[(i*7)%len(texts)] + "（不）"}, fill)
		}
		tb.end()
		var b bytes.Buffer
		if err := d.pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes(), d.cells.direct
	}
	slow, n := draw(true)
	quick, direct := draw(false)
	if n != 0 || direct < 150 {
		t.Fatalf("%d texts written directly with cellWriter off, %d with it on", n, direct)
	}
	if !bytes.Equal(slow, quick) {
		t.Fatalf("cells written directly differ from fpdf's (%d vs %d bytes)", len(quick), len(slow))
	}
	if !bytes.Contains(slow, []byte("re B")) || !bytes.Contains(slow, []byte("re S")) {
		t.Fatal("the cells were not drawn")
	}
}
