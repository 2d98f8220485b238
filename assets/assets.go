// Package assets embeds the program icon and the bundled CJK font (WenQuanYi Micro Hei, a
// single-face TrueType font with GBK coverage and Latin glyphs, Apache License 2.0; see
// wqy-microhei-LICENSE-Apache-2.0.txt). The same font serves the window theme and the PDFs.
package assets

import _ "embed"

// FontTTF is WenQuanYi Micro Hei, the Micro Hei face of wqy-microhei.ttc saved as one .ttf.
//
//go:embed wqy-microhei.ttf
var FontTTF []byte

// FontName is the family name the PDFs register the font under.
const FontName = "wqy"

// Icon is the program icon, 256×256 PNG.
//
//go:embed icon.png
var Icon []byte
