package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is the relative luminance of WCAG 2.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	r, g, b := n.R, n.G, n.B
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestMessageContrast: error, warning and success text reads at 4.5:1 or better on the
// window's, the dialogs' and the inputs' backgrounds, in the light and the dark variant,
// and so does the text of a 删除 (danger) button.
func TestMessageContrast(t *testing.T) {
	th := Theme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, fg := range []fyne.ThemeColorName{theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess} {
			for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameInputBackground} {
				bgc := th.Color(bg, v)
				if _, _, _, a := bgc.RGBA(); a != 0xffff {
					bgc = blend(bgc, th.Color(theme.ColorNameOverlayBackground, v))
				}
				if c := contrast(th.Color(fg, v), bgc); c < 4.5 {
					t.Errorf("variant %d: %s on %s has contrast %.2f, want ≥ 4.5", v, fg, bg, c)
				}
			}
		}
		if c := contrast(th.Color(theme.ColorNameForegroundOnError, v), th.Color(theme.ColorNameError, v)); c < 4.5 {
			t.Errorf("variant %d: text on a danger button has contrast %.2f, want ≥ 4.5", v, c)
		}
	}
	if s := th.Size(sizeNameMessage); s < 13 {
		t.Errorf("message text size %v, want ≥ 13", s)
	}
}

// blend lays a translucent colour over an opaque one.
func blend(top, under color.Color) color.Color {
	t := color.NRGBAModel.Convert(top).(color.NRGBA)
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	a := float64(t.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*a + float64(y)*(1-a) + 0.5) }
	return color.NRGBA{mix(t.R, u.R), mix(t.G, u.G), mix(t.B, u.B), 0xff}
}
