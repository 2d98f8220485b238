package data

import (
	"errors"
	"testing"
)

func TestCleanText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"城关镇", "城关镇"},
		{" 城关镇 ", "城关镇"},
		{"城\u200B关镇", "城关镇"},       // zero-width space
		{"城关\u2060镇", "城关镇"},       // word joiner
		{"城关\u200D镇\u200C", "城关镇"}, // zero-width joiner and non-joiner
		{"\uFEFF城关镇", "城关镇"},       // a BOM inside a cell
		{"\u202A城关镇\u202C", "城关镇"}, // bidi embedding
		{"\u2067城关镇\u2069\u200F", "城关镇"},
		{"王\u3000家庄", "王 家庄"}, // full-width space
		{"王\u00A0家庄\u00A0", "王 家庄"},
		{"\u3000城关镇\u3000", "城关镇"},
		{"第一行\n第二行", "第一行\n第二行"}, // line breaks in long text stay
		{"\uF9F4林", "林林"},        // a CJK compatibility ideograph becomes the unified one
		{"", ""},
	} {
		got, err := CleanText(c.in)
		if err != nil || got != c.want {
			t.Errorf("CleanText(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"城关\x07镇", "a\x00b", "x\x1By", "\u0085z", "a\u2028b", "\x7F"} {
		_, err := CleanText(in)
		var ce *ControlCharError
		if !errors.As(err, &ce) {
			t.Errorf("CleanText(%q): want a control character error, got %v", in, err)
		}
	}
	if got := StripText("乡\x07镇\u200B"); got != "乡镇" {
		t.Errorf("StripText = %q", got)
	}
}

// Two spellings that look alike are one key after cleaning.
func TestCleanTextLookAlikes(t *testing.T) {
	base, _ := CleanText("城关镇")
	for _, in := range []string{"城关镇\u200B", "\uFEFF城关镇", "城\u2060关\u200D镇", "\u200E城关镇"} {
		if got, _ := CleanText(in); got != base {
			t.Errorf("%q cleans to %q, not %q", in, got, base)
		}
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"城关镇", "城\u200B关镇", "a\x00", "\u3000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := CleanText(s)
		if err != nil {
			return
		}
		again, err := CleanText(got)
		if err != nil || again != got {
			t.Fatalf("CleanText is not idempotent on %q: %q then %q, %v", s, got, again, err)
		}
		for _, r := range got {
			if invisible(r) || control(r) || spaceLike(r) {
				t.Fatalf("CleanText(%q) = %q keeps %U", s, got, r)
			}
		}
	})
}
