package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
	"liangwei/demo"
)

// Screens load synchronously in this package's tests (see loadInBackground), so a test
// that navigates to a screen never races its load; TestBackgroundLoad covers the other way.
func init() { loadInBackground = false }

// uiaToday is the fixed reference date of the 村庄/换届 tests.
var uiaToday = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// newTestUI makes a test app with the program's theme, a 1366×768 window, a real store on a
// temp file and the UI on them. Screens are opened with uiaOpen.
func newTestUI(t *testing.T) (*UI, *sqlite.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(Theme())
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(1366, 768))
	u := newUI(a, win, Deps{Store: st, Now: func() time.Time { return uiaToday }, LoadDemo: demo.Load})
	return u, st
}

// uiaWaiter is a screen whose loads the tests can wait for.
type uiaWaiter interface {
	screen
	wait()
}

// uiaOpen shows a screen beside a navigation list as the main window lays it out (without
// building the other screens), loads it and waits for the load to be shown.
func uiaOpen[S uiaWaiter](t *testing.T, u *UI, label string) S {
	t.Helper()
	s, ok := u.screens[label].(S)
	if !ok {
		t.Fatalf("screen %s not registered with the expected type", label)
	}
	view := s.content()
	u.views[label] = view
	u.current = label
	nav := widget.NewList(func() int { return len(navItems) },
		func() fyne.CanvasObject { return widget.NewLabel("两委成员") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(navItems[i]) })
	split := container.NewHSplit(nav, view)
	split.Offset = 0.12
	u.win.SetContent(split)
	u.win.Resize(fyne.NewSize(1366, 768))
	s.refresh()
	s.wait()
	return s
}

// uiaShot saves the window as a PNG in $LIANGWEI_SHOTS (when set) so the screens can be
// looked at; it always renders, so a drawing failure fails the test.
func uiaShot(t *testing.T, u *UI, name string) {
	t.Helper()
	img := u.win.Canvas().Capture()
	if b := img.Bounds(); b.Dx() < 1366 || b.Dy() < 768 {
		t.Fatalf("screenshot %s is %v, want at least 1366×768", name, b)
	}
	dir := os.Getenv("LIANGWEI_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// uiaFindButton finds a button with the given text in an object tree (widgets through their
// renderers), or nil.
func uiaFindButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
		return nil
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := uiaFindButton(c, text); b != nil {
				return b
			}
		}
		return nil
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if b := uiaFindButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

func uiaVillageTable() *ledgerTable[data.Village] {
	return newVillagesScreen(&UI{}).table
}

// uiaColumn returns the texts of one column in the order shown.
func uiaColumn[T any](lt *ledgerTable[T], col int) []string {
	out := make([]string, lt.rowCount())
	for i := range out {
		out[i] = lt.cellText(i, col)
	}
	return out
}

func uiaVillages() []data.Village {
	v := func(t, n string, hh int, st data.VillageStatus) data.Village {
		return data.Village{Township: t, Name: n, Kind: data.KindVillage, Households: hh, Status: st, Code: ""}
	}
	return []data.Village{
		v("城关镇", "张庄村", 9, data.VillageActive),
		v("城关镇", "王家庄村", 100, data.VillageActive),
		v("城关镇", "李家村", 10, data.VillageMerged),
		v("安乐镇", "安乐村", 55, data.VillageActive),
		v("安乐镇", "王坡村", 7, data.VillageActive),
	}
}

func TestLedgerTableSearchAndFilters(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name     string
		search   string
		township string
		status   string
		want     []string
		count    string
	}{
		{"all", "", "", "", []string{"张庄村", "王家庄村", "李家村", "安乐村", "王坡村"}, "共 5 条"},
		{"search any cell", "王", "", "", []string{"王家庄村", "王坡村"}, "共 2 条（全部 5 条）"},
		{"search township column", "安乐镇", "", "", []string{"安乐村", "王坡村"}, "共 2 条（全部 5 条）"},
		{"search number", "100", "", "", []string{"王家庄村"}, "共 1 条（全部 5 条）"},
		{"township filter", "", "城关镇", "", []string{"张庄村", "王家庄村", "李家村"}, "共 3 条（全部 5 条）"},
		{"township and status", "", "城关镇", "已撤并", []string{"李家村"}, "共 1 条（全部 5 条）"},
		{"filter and search", "王", "安乐镇", "", []string{"王坡村"}, "共 1 条（全部 5 条）"},
		{"nothing matches", "不存在", "", "", []string{}, "共 0 条（全部 5 条）"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newVillagesScreen(&UI{})
			s.table.setData(uiaVillages())
			if tc.township != "" {
				s.townshipSel.SetSelected(tc.township)
			}
			if tc.status != "" {
				s.statusSel.SetSelected(tc.status)
			}
			test.Type(s.table.search, tc.search)
			if got := uiaColumn(s.table, 1); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("rows = %v, want %v", got, tc.want)
			}
			if got := s.table.count.Text; got != tc.count {
				t.Errorf("count = %q, want %q", got, tc.count)
			}
			if wantEmpty := len(tc.want) == 0; s.table.empty.Visible() != wantEmpty {
				t.Errorf("empty message visible = %v, want %v", s.table.empty.Visible(), wantEmpty)
			}
		})
	}
}

func TestLedgerTableTownshipOptionsFollowData(t *testing.T) {
	test.NewTempApp(t)
	lt := uiaVillageTable()
	lt.setData(uiaVillages())
	sel := lt.filters[0].sel
	if got, want := sel.Options, []string{"全部乡镇", "安乐镇", "城关镇"}; !reflect.DeepEqual(got, want) {
		t.Errorf("options = %v, want %v (pinyin order)", got, want)
	}
	sel.SetSelected("安乐镇")
	lt.setData(uiaVillages()[:3]) // 安乐镇 is gone: the filter falls back to all
	if got := sel.Selected; got != "全部乡镇" {
		t.Errorf("selected = %q, want 全部乡镇", got)
	}
	if got := lt.rowCount(); got != 3 {
		t.Errorf("rows = %d, want 3", got)
	}
}

func TestLedgerTableSort(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name  string
		taps  []int // columns tapped in order
		col   int   // column to read
		want  []string
		arrow string
	}{
		{"store order", nil, 1, []string{"张庄村", "王家庄村", "李家村", "安乐村", "王坡村"}, ""},
		{"numbers as numbers", []int{3}, 3, []string{"7", "9", "10", "55", "100"}, "户数 ▲"},
		{"toggle to descending", []int{3, 3}, 3, []string{"100", "55", "10", "9", "7"}, "户数 ▼"},
		{"text by pinyin", []int{1}, 1, []string{"安乐村", "李家村", "王家庄村", "王坡村", "张庄村"}, "村名 ▲"},
		{"another column starts ascending", []int{3, 3, 1}, 1, []string{"安乐村", "李家村", "王家庄村", "王坡村", "张庄村"}, "村名 ▲"},
		{"stable on ties", []int{0}, 1, []string{"安乐村", "王坡村", "张庄村", "王家庄村", "李家村"}, "乡镇 ▲"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lt := uiaVillageTable()
			w := test.NewTempWindow(t, lt.body)
			w.Resize(fyne.NewSize(900, 400))
			lt.setData(uiaVillages())
			for _, c := range tc.taps {
				b := uiaFindButton(lt.table, lt.headerText(c))
				if b == nil {
					t.Fatalf("no header button %q", lt.headerText(c))
				}
				test.Tap(b)
			}
			if got := uiaColumn(lt, tc.col); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("column %d = %v, want %v", tc.col, got, tc.want)
			}
			if tc.arrow != "" && uiaFindButton(lt.table, tc.arrow) == nil {
				t.Errorf("no header shows %q", tc.arrow)
			}
		})
	}
}

func TestLedgerTableSelection(t *testing.T) {
	test.NewTempApp(t)
	lt := uiaVillageTable()
	lt.setData(uiaVillages())
	var got []string
	lt.onSelect = func(v data.Village) { got = append(got, v.Name) }
	lt.sortBy(1)
	lt.table.Select(widget.TableCellID{Row: 1, Col: 2})
	if v, ok := lt.selectedRecord(); !ok || v.Name != "李家村" {
		t.Errorf("selected = %v %v, want 李家村", v.Name, ok)
	}
	if want := []string{"李家村"}; !reflect.DeepEqual(got, want) {
		t.Errorf("onSelect got %v, want %v", got, want)
	}
	test.Type(lt.search, "王")
	if _, ok := lt.selectedRecord(); ok {
		t.Error("selection kept after the rows changed")
	}
}

func TestLedgerTableEmptyText(t *testing.T) {
	test.NewTempApp(t)
	lt := uiaVillageTable()
	lt.setData(nil)
	if !lt.empty.Visible() || lt.empty.Text != villagesEmptyText {
		t.Errorf("empty = %q (visible %v), want %q", lt.empty.Text, lt.empty.Visible(), villagesEmptyText)
	}
	if lt.table.Visible() {
		t.Error("table visible on an empty database")
	}
	lt.setData(uiaVillages())
	if lt.empty.Visible() || !lt.table.Visible() {
		t.Error("empty message still shown with rows")
	}
}

// BenchmarkLedgerTableCity loads a city of 5,252 villages, searches and sorts: the work of
// opening and filtering the 村庄 ledger (SPEC §9: < 100 ms).
func BenchmarkLedgerTableCity(b *testing.B) {
	test.NewTempApp(b)
	vs := make([]data.Village, 5252)
	for i := range vs {
		vs[i] = data.Village{Township: fmt.Sprintf("第%02d镇", i%62), Name: fmt.Sprintf("村%04d", i),
			Kind: data.KindVillage, Households: i * 7 % 900, Population: i * 13 % 4000, Status: data.VillageActive}
	}
	lt := uiaVillageTable()
	w := test.NewTempWindow(b, container.NewStack(lt.body))
	w.Resize(fyne.NewSize(1200, 700))
	b.ResetTimer()
	for b.Loop() {
		lt.search.SetText("")
		lt.setData(vs)
		lt.search.SetText("村1")
		lt.sortBy(1)
		lt.sortBy(3)
	}
}

// uiaCell is the first cell of a row, for selecting it.
func uiaCell(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 0} }

// TestBackgroundLoad loads both screens off the test goroutine, as the program does, and
// waits for the results.
func TestBackgroundLoad(t *testing.T) {
	// The loads run on goroutines of their own and hand what they read to the UI goroutine
	// (onUI), which here is the test's: it runs what was handed over once the loads are
	// done, as the window's event loop would, so no widget is touched on two goroutines.
	loadInBackground = true
	queue := make(chan func(), 256)
	onUI = func(fn func()) { queue <- fn }
	t.Cleanup(func() { loadInBackground, onUI = false, fyne.Do })
	u, st := newTestUI(t)
	settle := func() {
		for {
			waitScreens(u)
			select {
			case fn := <-queue:
				fn()
			default:
				return
			}
		}
	}
	settle()
	uiaSeedElections(t, st)
	vs := uiaOpen[*villagesScreen](t, u, "村庄")
	settle()
	es := uiaOpen[*electionsScreen](t, u, "换届")
	settle()
	if got := vs.table.rowCount(); got != 2 {
		t.Errorf("villages = %d, want 2", got)
	}
	if got := es.table.rowCount(); got != 4 {
		t.Errorf("elections = %d, want 4", got)
	}
	u.changed()
	settle()
	if got := es.table.rowCount(); got != 4 {
		t.Errorf("elections after a change = %d, want 4", got)
	}
}

// uicCityMembers is a city's 两委成员 ledger of n members: 62 townships, 9 members a
// village, generated names so search and sort have work to do.
func uicCityMembers(n int) []data.Member {
	ms := make([]data.Member, n)
	posts := []data.PartyPost{data.PartySecretary, data.PartyDeputy, data.PartyMember, data.PartyNone}
	surnames := []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
	for i := range ms {
		v := i / 9
		ms[i] = data.Member{Township: fmt.Sprintf("第%02d镇", v%62), Village: fmt.Sprintf("村%04d", v), Round: 2026,
			Name:   string(surnames[i*7%len(surnames)]) + fmt.Sprintf("成员%05d", (i*7919)%n),
			Gender: data.Male, Birth: time.Date(1960+i%40, time.Month(1+i%12), 1, 0, 0, 0, 0, time.UTC),
			Education: data.EduHigh, Political: data.PolParty, PartyPost: posts[i%4], Tenure: data.TenureNew}
	}
	return ms
}

// BenchmarkTableFilter filters and sorts a 两委成员 ledger of 50,000 rows on the test app
// (issue 7: < 100 ms each). filter: a township and a search, as a clerk narrows the list;
// sort: by name (pinyin) and by age over all rows; load: setData of the whole ledger.
func BenchmarkTableFilter(b *testing.B) {
	test.NewTempApp(b)
	ms := uicCityMembers(50000)
	s := newMembersScreen(&UI{})
	w := test.NewTempWindow(b, container.NewStack(s.table.body))
	w.Resize(fyne.NewSize(1200, 700))
	s.table.setData(ms)
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			s.table.setData(ms)
		}
	})
	b.Run("filter", func(b *testing.B) {
		for b.Loop() {
			s.townshipSel.SetSelected("第07镇")
			s.table.search.SetText("王")
			s.table.search.SetText("")
			s.townshipSel.SetSelected("全部乡镇")
		}
	})
	b.Run("sort-cold", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			s.table.sortCol = -1
			s.table.setData(ms)
			b.StartTimer()
			s.table.sortBy(3) // 姓名: the collation keys of 50,000 names, then the sort
		}
	})
	b.Run("sort", func(b *testing.B) {
		s.table.sortCol = -1
		for b.Loop() {
			s.table.sortBy(3) // 姓名
			s.table.sortBy(5) // 年龄
		}
	})
}

// TestSortAfterNewData sorts, loads other rows and sorts again: the kept sort keys must be
// those of the new rows, in both directions.
func TestSortAfterNewData(t *testing.T) {
	test.NewTempApp(t)
	lt := uiaVillageTable()
	v := func(name string, hh int) data.Village {
		return data.Village{Township: "城关镇", Name: name, Households: hh, Kind: data.KindVillage, Status: data.VillageActive}
	}
	lt.setData([]data.Village{v("张庄村", 3), v("安乐村", 1), v("王家村", 2)})
	lt.sortBy(1)
	lt.sortBy(3)
	tests := []struct {
		name string
		col  int
		desc bool
		want []string
	}{
		{"name ascending", 1, false, []string{"北村", "李村", "赵村"}},
		{"name descending", 1, true, []string{"赵村", "李村", "北村"}},
		{"households ascending", 3, false, []string{"李村", "赵村", "北村"}},
		{"households descending", 3, true, []string{"北村", "赵村", "李村"}},
	}
	lt.setData([]data.Village{v("赵村", 20), v("北村", 30), v("李村", 10)})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lt.sortCol, lt.sortDesc = tc.col, tc.desc
			lt.apply()
			if got := uiaColumn(lt, 1); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("order %v, want %v", got, tc.want)
			}
		})
	}
}
