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

// Color follows the default theme for the variant the app asks for.
func (ledgerTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}

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

// Size follows the default theme.
func (ledgerTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

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
