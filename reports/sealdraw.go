package reports

import (
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	"github.com/boombuler/barcode/qr"
)

// How a seal is drawn: the Keywords and Subject of every part, the fingerprint beside the
// page number in each page's footer, and after the report's last line a block with the QR
// code. The QR code is drawn as filled squares rather than through fpdf's contrib/barcode,
// which embeds it as a JPEG of one pixel per module: viewers and printers smooth that into a
// blur, while squares print sharp at any size and keep the file deterministic.

// qrSize is the QR code's side in millimetres: about half a millimetre a module for the 37
// modules of qrText, which a phone reads off paper.
const qrSize = 18.0

// sealEdge is how close to the paper's bottom edge the QR code may come: it may sit in the
// last page's footer band, right of the page number, where printers still print.
const sealEdge = 5.0

// sealMeta puts the seal into the part's document information.
func (d *doc) sealMeta(pdf *fpdf.Fpdf) {
	if s := d.meta.Seal; s != nil {
		pdf.SetKeywords(s.keywords(), true)
		pdf.SetSubject(s.subject(), true)
	}
}

// printLabel is the footer's fingerprint.
func printLabel(s *Seal) string { return "数据指纹：" + s.Print.Short() }

// sealFooter writes the fingerprint at the left of the page's footer, on the line of the
// page number (p's font and position as finish left them).
func (d *doc) sealFooter(p *fpdf.Fpdf) {
	if d.meta.Seal == nil {
		return
	}
	p.SetX(marginX)
	p.CellFormat(d.width/3, 5, printLabel(d.meta.Seal), "", 0, "L", false, 0, "")
}

// sealBlock draws, after the report's last line, the fingerprint, what it is, and the QR
// code, moving to a new page when they do not fit.
func (d *doc) sealBlock() {
	s := d.meta.Seal
	if s == nil {
		return
	}
	code, err := qr.Encode(s.qrText(), qr.M, qr.Auto)
	if err != nil {
		d.pdf.SetError(fmt.Errorf("数据指纹二维码：%w", err))
		return
	}
	d.setSize(bodySize - 1)
	h := d.lineH()
	top := d.pdf.GetY() + 2
	if top+qrSize > d.pageH-sealEdge {
		d.newPage()
		top = d.pdf.GetY()
	}
	x0 := marginX + d.width - qrSize
	d.drawQR(code.Bounds().Dx(), func(x, y int) bool {
		r, _, _, _ := code.At(x, y).RGBA()
		return r < 0x8000
	}, x0, top)
	text := printLabel(s) + "（二维码中为完整指纹）。指纹由本表所依据的台账数据算出，数据有任何改动，指纹随之改变；" +
		"县（市、区）可用两委台账“报表”页的“核验PDF…”或 liangwei-cli verify 核对本表与所报数据是否一致。"
	y := top
	for _, l := range d.wrap(safeText(text), min(d.width-qrSize-4, 200)) {
		d.pdf.SetXY(marginX, y)
		d.text(d.width-qrSize-3, h, l, 0, "R")
		y += h
	}
	d.pdf.SetXY(marginX, max(y, min(top+qrSize, d.bottom())))
	d.setSize(bodySize)
}

// drawQR draws an n×n module code whose dark modules dark reports, as black squares in a
// qrSize square at x, y; runs of dark modules in a row are one rectangle.
func (d *doc) drawQR(n int, dark func(x, y int) bool, x, y float64) {
	if n <= 0 {
		return
	}
	m := qrSize / float64(n)
	d.pdf.SetFillColor(0, 0, 0)
	for row := 0; row < n; row++ {
		for col := 0; col < n; {
			if !dark(col, row) {
				col++
				continue
			}
			start := col
			for col < n && dark(col, row) {
				col++
			}
			// A hair more than the module, so that viewers leave no seams between rows.
			d.pdf.Rect(x+float64(start)*m, y+float64(row)*m, float64(col-start)*m+0.02, m+0.02, "F")
		}
	}
	d.pdf.SetFillColor(colorWhite[0], colorWhite[1], colorWhite[2])
}
