package ui

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"liangwei/data"
	"liangwei/demo"
)

// TestAppendLower holds appendLower to strings.ToLower for every rune and for bytes that
// are not UTF-8.
func TestAppendLower(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		s := "A" + string(r) + "z"
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Fatalf("U+%04X: %q, want %q", r, got, want)
		}
	}
	for _, s := range []string{"", "\xff", "王\xe4\xb8", "ÀÉ\x80Z", "身份证号37010219600101001X"} {
		if got, want := string(appendLower([]byte("x"), s)), "x"+strings.ToLower(s); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}

func FuzzAppendLower(f *testing.F) {
	f.Add("城关镇王家庄村ABC")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	})
}

// uirMembers are n members of few townships, villages, names and ages, so that searches,
// filters and sorts meet many equal values.
func uirMembers(rng *rand.Rand, n int) []data.Member {
	towns := []string{"城关镇", "东关乡", "安乐镇", "Zhang镇"}
	villages := []string{"王家庄村", "李村", "东村", "北村", "新华社区"}
	names := []string{"王芳", "李强", "张伟", "王强", "刘洋", "Li Na", "陈静"}
	posts := []data.PartyPost{data.PartySecretary, data.PartyDeputy, data.PartyMember, data.PartyNone}
	ms := make([]data.Member, n)
	for i := range ms {
		ms[i] = data.Member{ID: int64(i + 1), Township: towns[rng.IntN(len(towns))], Village: villages[rng.IntN(len(villages))],
			Round: 2026, Name: names[rng.IntN(len(names))], Gender: data.Male, PartyPost: posts[rng.IntN(len(posts))],
			IDNumber: fmt.Sprintf("3701021960010100%d%d", rng.IntN(10), rng.IntN(10))}
		if rng.IntN(3) > 0 {
			ms[i].Birth = time.Date(1950+rng.IntN(40), time.Month(1+rng.IntN(12)), 1, 0, 0, 0, 0, time.UTC)
		}
	}
	return ms
}

// TestTableRowsSame filters and sorts the 两委成员 table by search, township, village, post
// and every column both ways, and compares the rows shown with a plain filter over the
// cell texts and a stable sort by collation key or number, as the table did before it
// kept an index.
func TestTableRowsSame(t *testing.T) {
	test.NewTempApp(t)
	rng := rand.New(rand.NewPCG(1, 2))
	ms := uirMembers(rng, 800)
	s := newMembersScreen(&UI{})
	s.table.setData(ms)
	coll := collate.New(language.Chinese)
	keys := map[string][]byte{}
	key := func(s string) []byte {
		k, ok := keys[s]
		if !ok {
			k = coll.KeyFromString(&collate.Buffer{}, s)
			keys[s] = k
		}
		return k
	}
	want := func() []int64 {
		q := strings.ToLower(strings.TrimSpace(s.table.search.Text))
		var rows []data.Member
		for _, m := range ms {
			if v := filterValue(s.townshipSel); v != "" && m.Township != v {
				continue
			}
			if v := filterValue(s.villageSel); v != "" && m.Village != v {
				continue
			}
			if v := filterValue(s.postSel); v != "" && !memHasPost(m, v) {
				continue
			}
			var cells []string
			for c := range s.table.cols {
				cells = append(cells, strings.ToLower(s.table.cols[c].cell(&m))+"\x00")
			}
			if q != "" && !strings.Contains(strings.Join(cells, ""), q) {
				continue
			}
			rows = append(rows, m)
		}
		if col := s.table.sortCol; col >= 0 {
			c := &s.table.cols[col]
			sign := 1
			if s.table.sortDesc {
				sign = -1
			}
			slices.SortStableFunc(rows, func(a, b data.Member) int {
				if c.numeric {
					return sign * cmp.Compare(c.sortNum(&a), c.sortNum(&b))
				}
				return sign * bytes.Compare(key(c.cell(&a)), key(c.cell(&b)))
			})
		}
		ids := []int64{}
		for _, m := range rows {
			ids = append(ids, m.ID)
		}
		return ids
	}
	got := func() []int64 {
		ids := []int64{}
		for i := range s.table.rowCount() {
			ids = append(ids, s.table.row(i).ID)
		}
		return ids
	}
	check := func(what string) {
		t.Helper()
		if g, w := got(), want(); !reflect.DeepEqual(g, w) {
			t.Fatalf("%s (search %q, %s/%s/%s, sort %d desc %v): %d rows %v…, want %d %v…", what, s.table.search.Text,
				s.townshipSel.Selected, s.villageSel.Selected, s.postSel.Selected, s.table.sortCol, s.table.sortDesc,
				len(g), g[:min(8, len(g))], len(w), w[:min(8, len(w))])
		}
	}
	for _, q := range []string{"", "王", "王强", "li", "LI N", "东", "1960", "x", " 李村 ", "\x00"} {
		for _, town := range []string{"全部乡镇", "东关乡"} {
			for _, village := range []string{"全部村", "李村"} {
				for _, post := range []string{"全部职务", "书记", memPostPartyMember} {
					s.table.sortCol = -1
					s.table.search.SetText(q)
					s.townshipSel.SetSelected(town)
					s.villageSel.SetSelected(village)
					s.postSel.SetSelected(post)
					check("filtered")
					for col := range s.table.cols {
						s.table.sortBy(col)
						check("ascending")
						s.table.sortBy(col)
						check("descending")
					}
				}
			}
		}
	}
	// New rows drop the kept orders.
	ms = uirMembers(rng, 500)
	s.table.setData(ms)
	s.table.sortBy(3)
	check("sorted after new rows")
}

// TestOfficialOrderSame compares officialOrder with a stable sort by data.VillageOrder.
func TestOfficialOrderSame(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	vs := []data.Village{
		{Township: "城关镇", Name: "王家庄村", Code: "370102001001"}, {Township: "城关镇", Name: "李村", Code: "370102001002"},
		{Township: "东关乡", Name: "东村"}, {Township: "东关乡", Name: "北村"}, {Township: "安乐镇", Name: "新华社区", Code: "370102003001"},
	}
	for _, n := range []int{0, 1, 2, 50, 2000} {
		ms := uirMembers(rng, n)
		want := slices.Clone(ms)
		o := data.NewVillageOrder(vs)
		slices.SortStableFunc(want, func(a, b data.Member) int { return o.Compare(a.Township, a.Village, b.Township, b.Village) })
		officialOrder(vs, ms, func(m data.Member) (string, string) { return m.Township, m.Village })
		if !reflect.DeepEqual(ms, want) {
			t.Fatalf("%d members: order differs from the stable sort", n)
		}
		officialOrder(vs, ms, func(m data.Member) (string, string) { return m.Township, m.Village })
		if !reflect.DeepEqual(ms, want) {
			t.Fatalf("%d members in order already: moved", n)
		}
	}
}

// TestLoadingState holds a 两委成员 load in flight: the table area says 正在读取… before the
// first load, and the rows of the last load stay shown, usable, while the next one runs.
func TestLoadingState(t *testing.T) {
	u, st := newTestUI(t)
	if _, err := st.Import(context.Background(), demo.Batch(uiaToday), "demo"); err != nil {
		t.Fatal(err)
	}
	s := u.screens["两委成员"].(*membersScreen)
	u.win.SetContent(s.content())
	loadInBackground = true
	t.Cleanup(func() { loadInBackground = false })
	release := make(chan struct{})
	load := func() {
		loadLedger(&s.ledger, "读取两委成员失败", func() (membersLoad, error) {
			<-release
			return s.read(s.round, s.settingsRound)
		}, s.apply)
	}
	load()
	if !s.table.empty.Visible() || s.table.empty.Text != "正在读取…" || s.table.table.Visible() {
		t.Errorf("first load: empty %q (shown %v), table shown %v; want 正在读取… alone",
			s.table.empty.Text, s.table.empty.Visible(), s.table.table.Visible())
	}
	release <- struct{}{}
	s.wait()
	n := s.table.rowCount()
	if n == 0 || s.table.empty.Visible() || strings.Contains(s.table.count.Text, "正在读取") {
		t.Fatalf("after the load: %d rows, empty shown %v, count %q", n, s.table.empty.Visible(), s.table.count.Text)
	}
	load()
	if want := fmt.Sprintf("共 %d 条，正在读取…", n); s.table.count.Text != want || !s.table.table.Visible() {
		t.Errorf("second load: count %q (table shown %v), want %q", s.table.count.Text, s.table.table.Visible(), want)
	}
	s.table.search.SetText(s.table.row(0).Name) // the rows of the last load stay usable
	if got := s.table.rowCount(); got == 0 || got == n {
		t.Errorf("search while loading: %d rows of %d", got, n)
	}
	close(release)
	s.wait()
	if strings.Contains(s.table.count.Text, "正在读取") {
		t.Errorf("count %q after the load", s.table.count.Text)
	}
}

// TestOverviewLoading: until its first load is shown, 概览 says 正在读取…, not the welcome
// card of an empty database.
func TestOverviewLoading(t *testing.T) {
	u, st := newTestUI(t)
	if _, err := st.Import(context.Background(), demo.Batch(uiaToday), "demo"); err != nil {
		t.Fatal(err)
	}
	s := u.screens["概览"].(*overviewScreen)
	u.win.SetContent(s.content())
	if got := s.root.Objects[0]; got != s.loading {
		t.Fatalf("before the load: 概览 shows %T, want 正在读取…", got)
	}
	s.refresh()
	s.busy.Wait()
	if got := s.root.Objects[0]; got != s.figures {
		t.Fatalf("after the load: 概览 shows %T, want the figures", got)
	}
}
