package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

type gridRow struct{ name, reason string }

// gridSetup shows a two-column ledger table (村名 90 px, 未完成原因 160 px) in a window of
// the given width.
func gridSetup(t *testing.T, width float32) (*ledgerTable[gridRow], fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	lt := newLedgerTable([]column[gridRow]{
		{title: "村名", width: 90, text: func(r gridRow) string { return r.name }},
		{title: "未完成原因", width: 160, text: func(r gridRow) string { return r.reason }},
	})
	lt.setData([]gridRow{
		{"东关村", "选民登记存在争议，县选举委员会正在复核，预计下月重新选举"},
		{"西关村", "—"},
	})
	w := test.NewTempWindow(t, lt.body)
	w.Resize(fyne.NewSize(width, 300))
	return lt, w
}

// cellLabel is the label drawn for row, col (which must be visible).
func cellLabel(t *testing.T, w fyne.Window, lt *ledgerTable[gridRow], row, col int) *tipLabel {
	t.Helper()
	var found *tipLabel
	want := lt.cellText(row, col)
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		if l, ok := o.(*tipLabel); ok && l.Text == want {
			found = l
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				walk(x)
			}
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, x := range test.WidgetRenderer(wd).Objects() {
				walk(x)
			}
		}
	}
	walk(w.Content())
	if found == nil {
		t.Fatalf("no cell shows %q", want)
	}
	return found
}

// TestCellEllipsisAndTooltip: a text wider than its column ends in an ellipsis, and the mouse
// resting on it shows the whole text; a text that fits shows no tooltip.
func TestCellEllipsisAndTooltip(t *testing.T) {
	lt, w := gridSetup(t, 400)
	tl := newTipLayer()
	pushTipLayer(tl)
	defer popTipLayer(tl)
	w.SetContent(containerStack(lt.body, tl.box))
	w.Resize(fyne.NewSize(400, 300))
	long := cellLabel(t, w, lt, 0, 1)
	if long.Truncation != fyne.TextTruncateEllipsis || !long.cut() {
		t.Fatalf("the long reason is not cut with an ellipsis (truncation %v, cut %v)", long.Truncation, long.cut())
	}
	old := tipDelay
	tipDelay = 0
	defer func() { tipDelay = old }()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(long).Add(fyne.NewPos(5, 5))
	test.MoveMouse(w.Canvas(), pos)
	if got := shownTip(); got != lt.cellText(0, 1) {
		t.Errorf("tooltip %q, want the whole reason", got)
	}
	if len(tl.box.Objects) != 1 {
		t.Errorf("the tip layer holds %d objects, want the tooltip", len(tl.box.Objects))
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(1, 299))
	if shownTip() != "" {
		t.Error("the tooltip stays after the mouse left")
	}
	short := cellLabel(t, w, lt, 0, 0)
	if short.cut() || short.tipText() != "" {
		t.Errorf("东关村 fits but is cut (%v) or has a tooltip %q", short.cut(), short.tipText())
	}
}

// TestColumnsShareExtraWidth: on a wider window the columns widen in proportion to their
// own widths; on a narrow one they keep them (and the table scrolls).
func TestColumnsShareExtraWidth(t *testing.T) {
	got := spreadWidths([]float32{90, 160, 50}, 300+scrollBarRoom+300)
	want := []float32{180, 320, 100}
	for i := range want {
		if got[i] < want[i]-0.01 || got[i] > want[i]+0.01 {
			t.Errorf("col %d width %v, want %v (all: %v)", i, got[i], want[i], got)
		}
	}
	if got := spreadWidths([]float32{90, 160}, 200); got[0] != 90 || got[1] != 160 {
		t.Errorf("narrow: %v, want the own widths", got)
	}
	lt, _ := gridSetup(t, 250+scrollBarRoom+250)
	if w := lt.table.widths; len(w) != 2 {
		t.Fatalf("widths %v", w)
	}
	long := lt.table.Size().Width
	if long < 500 {
		t.Fatalf("table is %v wide", long)
	}
}

// TestDoubleClickOpensRow: a second click on the same row within the double-click time, or
// Enter on the selected row, activates it (a ledger opens its form); two clicks far apart,
// or on different rows, do not.
func TestDoubleClickOpensRow(t *testing.T) {
	lt, w := gridSetup(t, 500)
	var opened []string
	lt.onActivate = func(r gridRow) { opened = append(opened, r.name) }
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	lt.table.now = func() time.Time { return now }
	// Rows are about 40 px high, below a header row of the same height.
	rowAt := func(row int) *fyne.PointEvent {
		return &fyne.PointEvent{Position: fyne.NewPos(20, float32(row+1)*40+18)}
	}
	click := func(row int, after time.Duration) {
		now = now.Add(after)
		lt.table.Tapped(rowAt(row))
	}
	click(0, 0)
	if lt.selected != 0 {
		t.Fatalf("a click selected row %d, want 0", lt.selected)
	}
	click(0, 200*time.Millisecond)
	if strings.Join(opened, ",") != "东关村" {
		t.Fatalf("double click opened %v, want 东关村", opened)
	}
	click(1, time.Second)
	click(0, 100*time.Millisecond) // another row: no double click
	click(0, 2*time.Second)        // too slow
	if len(opened) != 1 {
		t.Errorf("opened %v, want only the first double click", opened)
	}
	lt.table.Select(widget.TableCellID{Row: 1, Col: 0})
	w.Canvas().Focus(lt.table)
	lt.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if strings.Join(opened, ",") != "东关村,西关村" {
		t.Errorf("Enter on 西关村: opened %v", opened)
	}
}

func containerStack(objs ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(objs...)
}

// TestLedgerDoubleClickOpensForm: on a ledger screen a double click on a row opens its form,
// as 编辑 does.
func TestLedgerDoubleClickOpensForm(t *testing.T) {
	u, st := uibSetup(t)
	if _, err := st.Import(context.Background(), uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	u.changed()
	u.goTo("村庄")
	waitScreens(u)
	s := u.screens["村庄"].(*villagesScreen)
	ev := &fyne.PointEvent{Position: fyne.NewPos(20, 40+18)}
	s.table.table.Tapped(ev)
	s.table.table.Tapped(ev)
	if s.form == nil || s.form.closed {
		t.Fatal("a double click on a village opened no form")
	}
	if got, want := s.form.text("村名"), s.table.cellText(0, 1); got != want && got != s.table.cellText(0, 0) {
		t.Errorf("the form shows %q, want the village double-clicked", got)
	}
}
