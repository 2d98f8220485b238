package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestFormMessageLineReserved: a message appearing under a field does not move the fields
// below it (the line is kept, empty, while the field is fine); a message too long for it ends
// in an ellipsis and shows whole on hover.
func TestFormMessageLineReserved(t *testing.T) {
	u, _ := newTestUI(t)
	s := uiaOpen[*villagesScreen](t, u, "村庄")
	test.Tap(s.addBtn)
	f := s.form
	pos := func() map[string]fyne.Position {
		out := map[string]fyne.Position{}
		for _, ff := range f.fields {
			out[ff.name] = fyne.CurrentApp().Driver().AbsolutePositionForObject(ff.view())
		}
		return out
	}
	before := pos()
	if h := f.byName["户数"].msg.MinSize().Height; h < 10 {
		t.Fatalf("an empty message line is %v high, want a line reserved", h)
	}
	test.Type(f.byName["户数"].entry, "-5")
	if f.byName["户数"].msg.Text == "" {
		t.Fatal("户数 -5 shows no message")
	}
	after := pos()
	for name, p := range before {
		if after[name] != p {
			t.Errorf("%s moved from %v to %v when 户数's message appeared", name, p, after[name])
		}
	}

	// A long message: cut with an ellipsis, whole in the tooltip.
	long := strings.Repeat("区划代码应为12位数字，", 8)
	msg := f.byName["户数"].msg
	msg.SetText(long)
	if !msg.cut() {
		t.Fatal("a long message is not cut")
	}
	if got := msg.tipText(); got != long {
		t.Errorf("tooltip %q, want the whole message", got)
	}
	if after := pos(); after["人口"] != before["人口"] {
		t.Errorf("a long message moved 人口 from %v to %v", before["人口"], after["人口"])
	}
}
