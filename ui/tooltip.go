package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7 has no tooltips; these are the program's: a small box with a text, shown when
// the mouse rests on a cell cut short by its column (the full text), on a form's message
// line (the whole message) or on a disabled button (why, and what to do). One shows at a time.

// tipDelay is how long the mouse rests before a tooltip shows; tests set it to 0, which shows
// it at once.
var tipDelay = 500 * time.Millisecond

// A tooltip is drawn in a tip layer: a container without layout stacked over a window's
// content (and over each open edit form's), holding nothing that takes the mouse, so the
// clicks and hovering go on to what lies beneath. A Fyne pop-up would not do: as an overlay
// it takes every event, so a click meant for a row would only close the tooltip.
type tipLayer struct {
	box   *fyne.Container // the layer, stacked over the content
	shown *fyne.Container // the tooltip in it, nil when none
}

func newTipLayer() *tipLayer { return &tipLayer{box: container.NewWithoutLayout()} }

var tips struct {
	sync.Mutex
	gen    int         // the newest request; a timer of an older one does nothing
	layers []*tipLayer // the window's layer first, then those of the forms opened over it
	text   string      // the text of the tooltip showing, for tests
	layer  *tipLayer   // where it shows
}

// pushTipLayer makes l the layer new tooltips go to (an edit form, while it is open).
func pushTipLayer(l *tipLayer) {
	tips.Lock()
	tips.layers = append(tips.layers, l)
	tips.Unlock()
}

// popTipLayer forgets l (the form closed).
func popTipLayer(l *tipLayer) {
	hideTip()
	tips.Lock()
	defer tips.Unlock()
	for i := len(tips.layers) - 1; i >= 0; i-- {
		if tips.layers[i] == l {
			tips.layers = append(tips.layers[:i], tips.layers[i+1:]...)
			return
		}
	}
}

// showTip shows text under the mouse at pos (relative to obj) after tipDelay, in the newest
// tip layer on obj's canvas.
func showTip(obj fyne.CanvasObject, text string, pos fyne.Position) {
	tips.Lock()
	tips.gen++
	gen := tips.gen
	tips.Unlock()
	show := func() {
		tips.Lock()
		if gen != tips.gen {
			tips.Unlock()
			return
		}
		d := fyne.CurrentApp().Driver()
		c := d.CanvasForObject(obj)
		var layer *tipLayer
		for i := len(tips.layers) - 1; i >= 0 && c != nil; i-- {
			if d.CanvasForObject(tips.layers[i].box) == c {
				layer = tips.layers[i]
				break
			}
		}
		tips.Unlock()
		if layer == nil {
			return
		}
		hideTip()
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		width := min(fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width+2*theme.InnerPadding()+2, 480)
		l.Resize(fyne.NewSize(width, 10))
		size := fyne.NewSize(width, l.MinSize().Height)
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
		bg.StrokeColor = theme.Color(theme.ColorNameForeground)
		bg.StrokeWidth = 1
		bg.CornerRadius = 3
		tip := container.NewStack(bg, l)
		tip.Resize(size)
		origin := d.AbsolutePositionForObject(layer.box)
		at := d.AbsolutePositionForObject(obj).Add(pos).Add(fyne.NewPos(10, 20)).Subtract(origin)
		// Keep it inside the layer: left of the mouse near the right edge, above it near
		// the bottom.
		ls := layer.box.Size()
		if at.X+size.Width > ls.Width {
			at.X = max(ls.Width-size.Width, 0)
		}
		if at.Y+size.Height > ls.Height {
			at.Y = max(at.Y-size.Height-28, 0)
		}
		tip.Move(at)
		layer.box.Objects = []fyne.CanvasObject{tip}
		layer.shown = tip
		layer.box.Refresh()
		tips.Lock()
		tips.text, tips.layer = text, layer
		tips.Unlock()
	}
	if tipDelay <= 0 {
		show()
		return
	}
	time.AfterFunc(tipDelay, func() { onUI(show) })
}

// hideTip hides the tooltip (and cancels one waiting to show).
func hideTip() {
	tips.Lock()
	tips.gen++
	layer := tips.layer
	tips.text, tips.layer = "", nil
	tips.Unlock()
	if layer != nil && layer.shown != nil {
		layer.shown = nil
		layer.box.Objects = nil
		layer.box.Refresh()
	}
}

// shownTip is the text of the tooltip showing, "" when none (for tests).
func shownTip() string {
	tips.Lock()
	defer tips.Unlock()
	return tips.text
}

// tipLabel is a Label that shows a tooltip: tip when set, else its own text when the label
// is too narrow for it (and so shows it cut with an ellipsis).
type tipLabel struct {
	widget.Label
	tip string
}

func newTipLabel(text string) *tipLabel {
	l := &tipLabel{}
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// cut reports whether the text is wider than the label: an ellipsis stands for the rest.
func (l *tipLabel) cut() bool {
	if l.Text == "" {
		return false
	}
	size := theme.TextSize()
	if l.SizeName != "" {
		size = theme.Size(l.SizeName)
	}
	return fyne.MeasureText(l.Text, size, l.TextStyle).Width+2*theme.InnerPadding() > l.Size().Width+0.5
}

// tipText is what the tooltip says, "" for none.
func (l *tipLabel) tipText() string {
	if l.tip != "" {
		return l.tip
	}
	if l.cut() {
		return l.Text
	}
	return ""
}

// MouseIn shows the tooltip after tipDelay.
func (l *tipLabel) MouseIn(e *desktop.MouseEvent) {
	if t := l.tipText(); t != "" {
		showTip(l, t, e.Position)
	}
}

// MouseMoved does nothing: the tooltip stays where it appeared.
func (l *tipLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tooltip.
func (l *tipLabel) MouseOut() { hideTip() }

// tipButton is a Button that shows a tooltip, when tip is set, as the mouse rests on it:
// a disabled 编辑 says why it is disabled and how to change that.
type tipButton struct {
	widget.Button
	tip string
}

func newTipButton(label string, icon fyne.Resource, tapped func()) *tipButton {
	b := &tipButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn highlights the button and shows its tooltip.
func (b *tipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	if b.tip != "" {
		showTip(b, b.tip, e.Position)
	}
}

// MouseOut ends the highlight and hides the tooltip.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	hideTip()
}

// setTip sets the tooltip ("" for none).
func (b *tipButton) setTip(tip string) { b.tip = tip }
