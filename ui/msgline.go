package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// msgLine is the message line under a form field: one line of sizeNameMessage text in the
// colour of its importance (errors red, warnings orange), without the padding of a Label so
// that the line kept for it, empty while the field is fine, costs the form little height.
// A message too long for the line ends in an ellipsis and shows whole on hover.
type msgLine struct {
	widget.BaseWidget
	Text       string
	Importance widget.Importance

	text *canvas.Text
}

func newMsgLine() *msgLine {
	m := &msgLine{text: canvas.NewText("", theme.Color(theme.ColorNameError))}
	m.ExtendBaseWidget(m)
	return m
}

// SetText shows s (the empty string for none).
func (m *msgLine) SetText(s string) {
	m.Text = s
	m.Refresh()
}

func (m *msgLine) textSize() float32 { return theme.Size(sizeNameMessage) }

// cut reports whether the message is wider than the line.
func (m *msgLine) cut() bool {
	return m.Text != "" && fyne.MeasureText(m.Text, m.textSize(), fyne.TextStyle{}).Width > m.Size().Width+0.5
}

// tipText is the whole message when the line cuts it, else "".
func (m *msgLine) tipText() string {
	if m.cut() {
		return m.Text
	}
	return ""
}

// shown is the text drawn: the message, cut with an ellipsis to width.
func (m *msgLine) shown(width float32) string {
	size := m.textSize()
	if width <= 0 || fyne.MeasureText(m.Text, size, fyne.TextStyle{}).Width <= width {
		return m.Text
	}
	rs := []rune(m.Text)
	lo, hi := 0, len(rs)
	for lo < hi { // the longest prefix that fits with the ellipsis
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid])+"…", size, fyne.TextStyle{}).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(rs[:lo]) + "…"
}

// MouseIn shows the whole message when it is cut.
func (m *msgLine) MouseIn(e *desktop.MouseEvent) {
	if t := m.tipText(); t != "" {
		showTip(m, t, e.Position)
	}
}

// MouseMoved does nothing.
func (m *msgLine) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tooltip.
func (m *msgLine) MouseOut() { hideTip() }

// CreateRenderer draws the text.
func (m *msgLine) CreateRenderer() fyne.WidgetRenderer { return &msgLineRenderer{m: m} }

type msgLineRenderer struct{ m *msgLine }

func (r *msgLineRenderer) Layout(size fyne.Size) {
	r.m.text.Text = r.m.shown(size.Width)
	r.m.text.Resize(size)
}

func (r *msgLineRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("国", r.m.textSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(0, h+2)
}

func (r *msgLineRenderer) Refresh() {
	t := r.m.text
	t.TextSize = r.m.textSize()
	switch r.m.Importance {
	case widget.WarningImportance:
		t.Color = theme.Color(theme.ColorNameWarning)
	case widget.SuccessImportance:
		t.Color = theme.Color(theme.ColorNameSuccess)
	default:
		t.Color = theme.Color(theme.ColorNameError)
	}
	r.Layout(r.m.Size())
	t.Refresh()
}

func (r *msgLineRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.m.text} }

func (r *msgLineRenderer) Destroy() {}
