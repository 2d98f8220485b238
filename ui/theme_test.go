package ui

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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

// TestThemeDrawsChinese renders a label of rare name characters and checks it is drawn in
// the bundled font: the text is wider than the default font's missing-glyph boxes would be
// is not a reliable test, so compare with the width the bundled face gives.
func TestThemeDrawsChinese(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(Theme())
	l := widget.NewLabel("镕堃赟喆昇珺玥彧")
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(400, 100))
	got := fyne.MeasureText(l.Text, theme.TextSize(), fyne.TextStyle{})
	if got.Width < 8*theme.TextSize()*0.8 {
		t.Errorf("8 CJK characters measure %v wide, want about %v", got.Width, 8*theme.TextSize())
	}
}
