package reports

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"

	"liangwei/assets"
)

// missingGlyph stands in for a character the font cannot draw. WenQuanYi Micro Hei has it.
const missingGlyph = '□'

// glyphs is a bitset over the Basic Multilingual Plane: bit r is set when the bundled font
// maps rune r to a real glyph. fpdf encodes text as UTF-16 code units indexed straight into
// the font's width table, so anything outside the BMP or without a glyph must not reach it.
var (
	glyphsOnce sync.Once
	glyphs     [0x10000 / 64]uint64
	glyphsErr  error
)

func loadGlyphs() {
	f, err := sfnt.Parse(assets.FontTTF)
	if err != nil {
		glyphsErr = err
		return
	}
	var buf sfnt.Buffer
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF { // surrogates are not characters
			continue
		}
		if gi, err := f.GlyphIndex(&buf, r); err == nil && gi != 0 {
			glyphs[r/64] |= 1 << (uint(r) % 64)
		}
	}
}

// hasGlyph reports whether the bundled font can draw r.
func hasGlyph(r rune) bool {
	glyphsOnce.Do(loadGlyphs)
	if r < 0 || r >= 0x10000 {
		return false
	}
	return glyphs[r/64]&(1<<(uint(r)%64)) != 0
}

// safeText makes s drawable with the bundled font: line breaks, tabs and other control
// characters become spaces, and every character the font has no glyph for (including
// everything above U+FFFF, such as 𠀀 or emoji) becomes □. Every string drawn goes
// through it.
func safeText(s string) string {
	ok := utf8.ValidString(s)
	for _, r := range s {
		if r < 0x20 || r == 0x7F || !hasGlyph(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1: // a byte that is not UTF-8
			b.WriteRune(missingGlyph)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case unicode.Is(unicode.Mn, r) && !hasGlyph(r):
			// A combining mark (e.g. a variation selector after an emoji) without a glyph
			// would only add a second □ for one visible character.
		case !hasGlyph(r):
			b.WriteRune(missingGlyph)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
