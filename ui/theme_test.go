package ui

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"liangwei/assets"
)

func TestThemeUsesBundledFont(t *testing.T) {
	th := Theme()
	tests := []struct {
		name  string
		style fyne.TextStyle
	}{
		{"regular", fyne.TextStyle{}},
		{"bold", fyne.TextStyle{Bold: true}},
		{"italic", fyne.TextStyle{Italic: true}},
		{"bold italic", fyne.TextStyle{Bold: true, Italic: true}},
		{"monospace", fyne.TextStyle{Monospace: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := th.Font(tc.style); !bytes.Equal(got.Content(), assets.FontTTF) {
				t.Errorf("font %q is not the bundled CJK font", got.Name())
			}
		})
	}
}

func TestThemeFollowsVariant(t *testing.T) {
	th := Theme()
	light := th.Color(theme.ColorNameBackground, theme.VariantLight)
	dark := th.Color(theme.ColorNameBackground, theme.VariantDark)
	if light == dark {
		t.Error("light and dark backgrounds are the same")
	}
	if got, want := th.Size(theme.SizeNameText), theme.DefaultTheme().Size(theme.SizeNameText); got != want {
		t.Errorf("text size = %v, want the default %v", got, want)
	}
}

// TestThemeFontHasTheCharacters checks the theme's font has glyphs for what the screens
// draw: names outside GB2312, the labels, Latin letters, digits and the sort arrows.
func TestThemeFontHasTheCharacters(t *testing.T) {
	face, err := font.ParseTTF(bytes.NewReader(Theme().Font(fyne.TextStyle{}).Content()))
	if err != nil {
		t.Fatalf("parse theme font: %v", err)
	}
	for _, r := range "镕堃赟喆昇珺玥彧两委台账换届乡镇村社区应参加实到会率％%AZaz09▲▼“”：；（）" {
		if _, ok := face.NominalGlyph(r); !ok {
			t.Errorf("theme font has no glyph for %q (U+%04X)", r, r)
		}
	}
}
