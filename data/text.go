package data

import (
	"fmt"
	"strings"

	unorm "golang.org/x/text/unicode/norm"
)

// Text hygiene: what a clerk types or pastes is cleaned once, the same way, wherever it comes
// in (a workbook cell, a CSV field, a form), so that two values that look the same are the
// same. Without it a name copied from a web page or a chat (which carry zero-width and bidi
// marks) makes a second 城关镇 that no one can tell from the first.

// ControlCharError is a control character found in a text: it has no business in a ledger
// and cannot be shown, so the text is refused rather than silently changed.
type ControlCharError struct{ Rune rune }

func (e *ControlCharError) Error() string {
	return fmt.Sprintf("含有不可见的控制字符（U+%04X），请删除该字符（可重新输入此单元格）后再导入", e.Rune)
}

// invisible reports the characters CleanText removes: zero-width characters, the byte-order
// mark inside a text, bidi controls, the soft hyphen and the Mongolian vowel separator. None
// of them shows; all of them make a key differ.
func invisible(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', // zero-width space, non-joiner, joiner, word joiner, BOM
		'\u200E', '\u200F', '\u061C', // left-to-right, right-to-left and Arabic letter marks
		'\u00AD', '\u180E': // soft hyphen, Mongolian vowel separator
		return true
	}
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069' // bidi embeddings and isolates
}

// spaceLike reports the characters CleanText turns into an ordinary space: the full-width
// space of Chinese input methods, the no-break space of web pages and Word, and the other
// fixed-width spaces.
func spaceLike(r rune) bool {
	return r == '\u3000' || r == '\u00A0' || r == '\u202F' || r >= '\u2000' && r <= '\u200A'
}

// control reports the control characters that are refused: C0 but tab and line breaks,
// DEL, C1, and the line and paragraph separators.
func control(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0x7F && r < 0xA0, r == '\u2028', r == '\u2029':
		return true
	}
	return false
}

// CleanText is a text as the ledger keeps it: invisible characters (zero-width characters,
// BOM, bidi controls) removed, full-width and no-break spaces turned into spaces, CJK
// compatibility ideographs into their unified forms (Unicode NFC), and surrounding spaces
// trimmed. A control character other than tab and line breaks is refused with a
// *ControlCharError, since what the clerk meant cannot be known.
func CleanText(s string) (string, error) {
	if common(s) {
		return strings.TrimSpace(s), nil
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case invisible(r):
		case spaceLike(r):
			b.WriteByte(' ')
		case control(r):
			return "", &ControlCharError{Rune: r}
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	if !unorm.NFC.IsNormalString(t) {
		t = unorm.NFC.String(t)
	}
	return strings.TrimSpace(t), nil
}

// common reports a text of the characters ledgers are made of, which CleanText leaves as
// they are but for trimming: printable ASCII, tab and line breaks, the unified CJK
// ideographs, CJK and full-width punctuation and the usual quotes and dashes. Deciding this
// first keeps cleaning every cell of a city's import cheap.
func common(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7F, r == '\t', r == '\n', r == '\r':
		case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3001 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF5E:
		case r == '—', r == '‘', r == '’', r == '“', r == '”', r == '…', r == '·', r == '、':
		default:
			return false
		}
	}
	return true
}

// StripText is CleanText for text that is only matched, never stored (a column header):
// control characters are dropped instead of refused.
func StripText(s string) string {
	t, err := CleanText(s)
	if err == nil {
		return t
	}
	t, _ = CleanText(strings.Map(func(r rune) rune {
		if control(r) {
			return -1
		}
		return r
	}, s))
	return t
}
