package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"liangwei/assets"
)

// fontResource wraps the bundled CJK font once; every text style of the theme uses it, so
// Chinese (including 镕堃赟喆昇) never renders as boxes.
var fontResource = fyne.NewStaticResource("wqy-microhei.ttf", assets.FontTTF)

// ledgerTheme is Fyne's default theme with the bundled font. Colours, icons and sizes come
// from the default theme, so light and dark follow the operating system.
type ledgerTheme struct{}

// Theme returns the program's theme: the default look, every text style in the bundled font.
func Theme() fyne.Theme { return ledgerTheme{} }

// Color follows the default theme for the variant the app asks for, except the colours of
// messages (errors, warnings, 已保存), which Fyne's defaults draw too faint to read (red
// #f44336 on white is 3.7:1, orange 2.2:1): these have a contrast of at least 4.5:1 (WCAG
// AA) on the window's and the dialogs' backgrounds in both variants (TestMessageContrast).
func (ledgerTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := messageColors[v][n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

// messageColors replace the default theme's colours of messages, by variant.
var messageColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameError:             color.NRGBA{0xc6, 0x28, 0x28, 0xff}, // red 800
		theme.ColorNameWarning:           color.NRGBA{0xa8, 0x4a, 0x00, 0xff}, // dark orange
		theme.ColorNameSuccess:           color.NRGBA{0x2e, 0x7d, 0x32, 0xff}, // green 800
		theme.ColorNameForegroundOnError: color.NRGBA{0xff, 0xff, 0xff, 0xff},
	},
	theme.VariantDark: {
		theme.ColorNameError:             color.NRGBA{0xff, 0x8a, 0x80, 0xff}, // red A100
		theme.ColorNameWarning:           color.NRGBA{0xff, 0xb7, 0x4d, 0xff}, // orange 300
		theme.ColorNameSuccess:           color.NRGBA{0x81, 0xc7, 0x84, 0xff}, // green 300
		theme.ColorNameForegroundOnError: color.NRGBA{0x1a, 0x1a, 0x1a, 0xff},
	},
}

// sizeNameMessage is the text size of the message line under a form field: larger than
// Fyne's 11 px caption, which in red on a dark dialog was hard to read.
const sizeNameMessage fyne.ThemeSizeName = "liangweiMessage"

// Font returns the bundled font for regular, bold, italic and monospace text. The symbol
// style keeps the default font, which holds the glyphs Fyne draws as symbols.
func (ledgerTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	return fontResource
}

// Icon follows the default theme.
func (ledgerTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size follows the default theme; a form's message line is 13 px.
func (ledgerTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == sizeNameMessage {
		return 13
	}
	return theme.DefaultTheme().Size(n)
}

// fixedVariant is a theme drawn in one variant whatever the operating system asks for: the
// screenshots of the user guide are taken in the light variant.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color draws the colour of the fixed variant.
func (t fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
