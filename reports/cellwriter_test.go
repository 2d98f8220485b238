package reports

import (
	"bytes"
	"math"
	"math/rand/v2"
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

// TestAppendHundredths: the fast path writes what strconv writes, on the numbers of pages
// (positions, sizes, font sizes times the scale), on halves and near-halves, which only
// strconv may round, and on the numbers it leaves to strconv.
func TestAppendHundredths(t *testing.T) {
	vals := []float64{0, 1, 0.005, 0.015, 0.025, 1.005, 2.675, 1.115, 0.125, 0.375, 99.995, 841.89, 595.28,
		28.35, 2.834645669291339, 1e7 - 0.005, 1e7, 1e9, 1e12, -0.0, -1.234, -0.001, math.Inf(1), math.NaN(),
		math.SmallestNonzeroFloat64, 0.0049999999, 0.00500000001, 123456.785}
	r := rand.New(rand.NewPCG(19, 2026))
	for range 200000 {
		vals = append(vals, r.Float64()*1000, float64(r.IntN(100000))/200, float64(r.IntN(1000000))/1000*2.834645669291339)
	}
	fast := 0
	for _, v := range vals {
		want := strconv.AppendFloat(nil, v, 'f', 2, 64)
		if got := appendHundredths(nil, v); string(got) != string(want) {
			t.Fatalf("appendHundredths(%v) = %q, strconv writes %q", v, got, want)
		}
		if x := v * 100; x >= 0 && x < 1e9 && !math.Signbit(v) {
			fast++
		}
	}
	if fast < len(vals)*9/10 {
		t.Errorf("only %d of %d numbers could take the fast path", fast, len(vals))
	}
}
