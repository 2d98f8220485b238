package reports

import (
	"strings"
	"testing"
)

func TestSafeText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain Chinese", "城关镇东关村", "城关镇东关村"},
		{"rare name characters the font has", "王镕 李堃 赵赟 张喆 刘昇 陈珺 杨玥 周彧", "王镕 李堃 赵赟 张喆 刘昇 陈珺 杨玥 周彧"},
		{"Latin and digits", "0531-87654321 ABC", "0531-87654321 ABC"},
		{"above U+FFFF", "王\U00020000明", "王□明"},
		{"emoji", "李😀华", "李□华"},
		{"emoji with variation selector", "赵☆\uFE0F强", "赵☆强"},
		{"controls become spaces", "第一行\n第二行\t末\x00", "第一行 第二行 末 "},
		{"private use area has no glyph", "刘\uE000强", "刘□强"},
		{"invalid UTF-8", "王\xff明", "王□明"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := safeText(tc.in); got != tc.want {
				t.Errorf("safeText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSafeTextOnlyDrawableRunes(t *testing.T) {
	in := "a\U0001F600\U00020000\u0300\uFFFF\u00A0镕\x7F"
	got := safeText(in)
	for _, r := range got {
		if r < 0x20 || r > 0xFFFF || !hasGlyph(r) {
			t.Errorf("safeText(%q) = %q keeps %U, which the font cannot draw", in, got, r)
		}
	}
}

func TestHasGlyph(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'镕', true}, {'彧', true}, {'□', true}, {'A', true}, {'（', true},
		{0x20000, false}, {0x1F600, false}, {0xE000, false}, {-1, false}, {0xD800, false},
	}
	for _, tc := range tests {
		if got := hasGlyph(tc.r); got != tc.want {
			t.Errorf("hasGlyph(%U) = %v, want %v", tc.r, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	d := newDoc(Portrait, "test", Meta{})
	tests := []struct {
		name  string
		in    string
		width float64
		want  []string
	}{
		{"fits", "城关镇", 50, []string{"城关镇"}},
		{"empty", "", 50, []string{""}},
		// 9 pt is 3.175 mm per Chinese character: 5 fit in 16 mm.
		{"Chinese breaks anywhere and loses nothing", "中华人民共和国村民委员会组织法", 16, []string{"中华人民共", "和国村民委", "员会组织法"}},
		{"closing punctuation stays on its line", "候选人得票未，过半数", 16, []string{"候选人得票", "未，过半数"}},
		{"a number is not split", "应到会党员12345人", 16, []string{"应到会党员", "12345人"}},
		{"spaces at breaks are dropped", "abc defgh ijklmnop", 14, []string{"abc defgh", "ijklmnop"}},
		{"an overlong word is cut", "abcdefghijklmnopqrstuvwxyz", 14, []string{"abcdefghi", "jklmnopq", "rstuvwxy", "z"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := d.wrap(tc.in, tc.width)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrap(%q, %v) = %q, want %q", tc.in, tc.width, got, tc.want)
			}
			for _, l := range got {
				if w := d.textWidth(l); w > tc.width {
					t.Errorf("line %q is %.1f mm wide, more than %v", l, w, tc.width)
				}
			}
		})
	}
}
