package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/demo"
)

// uicCtrl is Ctrl+key as the desktop driver reports it.
func uicCtrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierControl}
}

// uicPress delivers a shortcut as the desktop driver does: to the focused widget when it
// handles shortcuts (an entry), else to the window canvas.
func uicPress(c fyne.Canvas, s fyne.Shortcut) {
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

// uicKey delivers a key as the desktop driver does: to the focused widget, else to the
// canvas's key handler.
func uicKey(c fyne.Canvas, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// uicWindow builds the whole window on the demo township and shows label.
func uicWindow(t *testing.T, label string) *UI {
	t.Helper()
	u, st := newTestUI(t)
	if _, err := st.Import(context.Background(), demo.Batch(uiaToday), "demo"); err != nil {
		t.Fatal(err)
	}
	u.win.SetContent(u.root())
	u.win.Resize(fyne.NewSize(1366, 768))
	u.goTo(label)
	waitScreens(u)
	return u
}

// uicTexts collects the texts of labels, canvas texts and buttons in an object tree.
func uicTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			out = append(out, x.Text)
		case *widget.Label:
			out = append(out, x.Text)
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		} else {
			out = append(out, uiaTexts(o)...)
		}
	}
	walk(o)
	return out
}

func TestLedgerShortcuts(t *testing.T) {
	for _, label := range []string{"村庄", "换届", "两委成员", "党组织", "乡镇班子", "信访举报", "约谈"} {
		t.Run(label, func(t *testing.T) {
			u := uicWindow(t, label)
			c := u.win.Canvas()
			se, ok := u.screens[label].(searcher)
			if !ok {
				t.Fatalf("%s has no search entry", label)
			}

			uicPress(c, uicCtrl(fyne.KeyF))
			if got := c.Focused(); got != se.searchEntry() {
				t.Fatalf("Ctrl+F focused %T, want the search entry", got)
			}
			// Typed in the focused search box, Ctrl+N still opens the new-record form.
			uicPress(c, uicCtrl(fyne.KeyN))
			f := openForm(u.win)
			if f == nil {
				t.Fatal("Ctrl+N opened no form")
			}
			if f.editing {
				t.Error("Ctrl+N opened an edit form, want a new record")
			}
			// A second Ctrl+N while the form is open does not stack another form.
			uicPress(c, uicCtrl(fyne.KeyN))
			if got := openForm(u.win); got != f {
				t.Error("Ctrl+N with a form open opened another")
			}
			uicKey(c, fyne.KeyEscape)
			if !f.closed || openForm(u.win) != nil {
				t.Error("Esc did not close the unchanged form")
			}
		})
	}
}

func TestNonLedgerScreensHaveNoNewShortcut(t *testing.T) {
	u := uicWindow(t, "概览")
	uicPress(u.win.Canvas(), uicCtrl(fyne.KeyN))
	if openForm(u.win) != nil {
		t.Error("Ctrl+N on 概览 opened a form")
	}
}

func TestFormCtrlSSaves(t *testing.T) {
	tests := []struct {
		name      string
		village   string
		wantSaved bool
	}{
		{"valid record is saved", "新建测试村", true},
		{"errors refuse", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := uicWindow(t, "村庄")
			s := u.screens["村庄"].(*villagesScreen)
			c := u.win.Canvas()
			uicPress(c, uicCtrl(fyne.KeyN))
			f := s.form
			f.byName["乡镇"].selEntry.SetText(demo.Township)
			name := f.byName["村名"]
			c.Focus(name.input0.(fyne.Focusable)) // the cursor is in the field, as when typing
			test.Type(name.entry, tc.village)
			uicPress(c, uicCtrl(fyne.KeyS))

			vs, err := u.deps.Store.Villages(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			saved := false
			for _, v := range vs {
				if v.Name == tc.village && tc.village != "" {
					saved = true
				}
			}
			if saved != tc.wantSaved {
				t.Errorf("saved = %v, want %v", saved, tc.wantSaved)
			}
			if f.closed != tc.wantSaved {
				t.Errorf("form closed = %v, want %v", f.closed, tc.wantSaved)
			}
			if !tc.wantSaved && !strings.Contains(f.summary.Text, "不能保存") {
				t.Errorf("refused save says %q", f.summary.Text)
			}
		})
	}
}

func TestFormEscapeAsksAboutUnsavedChanges(t *testing.T) {
	u := uicWindow(t, "村庄")
	s := u.screens["村庄"].(*villagesScreen)
	c := u.win.Canvas()
	uicPress(c, uicCtrl(fyne.KeyN))
	f := s.form
	name := f.byName["村名"]
	c.Focus(name.input0.(fyne.Focusable))
	test.Type(name.entry, "新建测试村")

	uicKey(c, fyne.KeyEscape)
	if f.confirm == nil || f.closed {
		t.Fatalf("Esc with changes: asked = %v, closed = %v; want asked and open", f.confirm != nil, f.closed)
	}
	if got := strings.Join(uicTexts(c.Overlays().Top()), " "); !strings.Contains(got, "放弃修改") || !strings.Contains(got, "继续编辑") {
		t.Errorf("question says %q", got)
	}
	// A second Esc answers 继续编辑: the form stays with what was typed.
	uicKey(c, fyne.KeyEscape)
	if f.closed || f.confirm != nil {
		t.Fatalf("second Esc: closed = %v, still asking = %v", f.closed, f.confirm != nil)
	}
	if got := f.text("村名"); got != "新建测试村" {
		t.Errorf("村名 = %q after 继续编辑", got)
	}
	// Esc, then 放弃修改: closed, nothing stored.
	uicKey(c, fyne.KeyEscape)
	f.confirm.Confirm()
	if !f.closed || openForm(u.win) != nil {
		t.Error("放弃修改 did not close the form")
	}
	vs, err := u.deps.Store.Villages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Name == "新建测试村" {
			t.Error("放弃修改 stored the village")
		}
	}
	// The window's keys are the screen's again: Esc does nothing, Ctrl+N opens a new form.
	uicKey(c, fyne.KeyEscape)
	uicPress(c, uicCtrl(fyne.KeyN))
	if openForm(u.win) == nil {
		t.Error("Ctrl+N after closing the form opened nothing")
	}
}

func TestClosingWindowWithUnsavedFormAsks(t *testing.T) {
	tests := []struct {
		name      string
		typed     string
		wantAsked bool
	}{
		{"no form open closes", "", false},
		{"unchanged form closes", "-", false},
		{"unsaved changes ask", "新建测试村", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := uicWindow(t, "村庄")
			s := u.screens["村庄"].(*villagesScreen)
			if tc.typed != "" {
				test.Tap(s.addBtn)
				if tc.typed != "-" {
					test.Type(s.form.byName["村名"].entry, tc.typed)
				}
			}
			closed := false
			u.closeWindow = func() { closed = true }
			before := u.win.Canvas().Overlays().Top()
			u.onCloseWindow()
			top := u.win.Canvas().Overlays().Top()
			asked := top != nil && top != before && strings.Contains(strings.Join(uicTexts(top), " "), "尚未保存")
			if asked != tc.wantAsked {
				t.Errorf("asked = %v, want %v", asked, tc.wantAsked)
			}
			if closed == tc.wantAsked {
				t.Errorf("window closed = %v, want %v", closed, !tc.wantAsked)
			}
			if tc.wantAsked && s.form.closed {
				t.Error("the form was closed before the clerk answered")
			}
		})
	}
}

// TestFyneDialogsSpeakChinese renders Fyne's own dialogs and checks their buttons and
// titles are Chinese whatever the machine's locale (the test machine's is C).
func TestFyneDialogsSpeakChinese(t *testing.T) {
	tests := []struct {
		name string
		show func(u *UI)
		want []string
		not  []string
	}{
		{"error", func(u *UI) { u.showError("读取村庄失败", context.DeadlineExceeded) },
			[]string{"出错了", "确定", "读取村庄失败"}, []string{"OK", "Error"}},
		{"confirm", func(u *UI) { dialog.ShowConfirm("删除村庄", "确定删除吗？", func(bool) {}, u.win) },
			[]string{"确定", "取消"}, []string{"Yes", "No"}},
		{"information", func(u *UI) { dialog.ShowInformation("导出完成", "已保存。", u.win) },
			[]string{"确定"}, []string{"OK"}},
		{"file open", func(u *UI) { dialog.ShowFileOpen(func(fyne.URIReadCloser, error) {}, u.win) },
			[]string{"打开", "取消", "打开 文件"}, []string{"Open", "Cancel", "Open File"}},
		{"file save", func(u *UI) { dialog.ShowFileSave(func(fyne.URIWriteCloser, error) {}, u.win) },
			[]string{"保存", "取消"}, []string{"Save", "Cancel"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := newTestUI(t)
			tc.show(u)
			top := u.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no dialog shown")
			}
			texts := uicTexts(top)
			for _, w := range tc.want {
				if !slices.Contains(texts, w) && !strings.Contains(strings.Join(texts, "\n"), w) {
					t.Errorf("dialog has no %q: %q", w, texts)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(texts, n) {
					t.Errorf("dialog still says %q", n)
				}
			}
		})
	}
}

func TestNavigationTitleShowsTownship(t *testing.T) {
	u, _ := uibSetup(t)
	if got := u.title.Text; got != "两委台账" {
		t.Errorf("title = %q", got)
	}
	if u.township.Text != "" {
		t.Errorf("empty database shows township %q", u.township.Text)
	}
	s := uibOverview(u)
	test.Tap(s.demoBtn)
	s.busy.Wait()
	if got, want := u.township.Text, demo.Township; got != want {
		t.Errorf("after the demo the title shows %q, want %q", got, want)
	}
}

// TestFirstRunEachOneClick: on an empty database each welcome button does its job in one
// click: 导入工作簿 and 下载空白模板 open their file dialogs on 数据, 设置本乡镇 opens 设置 with
// the township field, 载入示例数据 fills 概览.
func TestFirstRunEachOneClick(t *testing.T) {
	tests := []struct {
		name       string
		tap        func(s *overviewScreen)
		wantScreen string
		wantDialog string // a text of the dialog that must be open, "" for none
	}{
		{"导入工作簿", func(s *overviewScreen) { test.Tap(s.importBtn) }, "数据", "预览"},
		{"下载空白模板", func(s *overviewScreen) { test.Tap(s.templateBtn) }, "数据", "保存"},
		{"设置本乡镇", func(s *overviewScreen) { test.Tap(s.settingsBtn) }, "设置", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := uibSetup(t)
			tc.tap(uibOverview(u))
			waitScreens(u)
			if u.current != tc.wantScreen {
				t.Errorf("screen = %q, want %q", u.current, tc.wantScreen)
			}
			top := u.win.Canvas().Overlays().Top()
			if tc.wantDialog == "" {
				if top != nil {
					t.Errorf("a dialog is open: %q", uicTexts(top))
				}
				return
			}
			if top == nil || !slices.Contains(uicTexts(top), tc.wantDialog) {
				t.Errorf("no file dialog with %q open", tc.wantDialog)
			}
		})
	}
	t.Run("载入示例数据", func(t *testing.T) {
		u, _ := uibSetup(t)
		s := uibOverview(u)
		test.Tap(s.demoBtn)
		s.busy.Wait()
		if s.root.Objects[0] != s.figures {
			t.Fatal("figures not shown after one click")
		}
		if got := s.figs["两委成员"].Text; got == "—" || got == "0 人" {
			t.Errorf("两委成员 = %q after the demo", got)
		}
	})
}
