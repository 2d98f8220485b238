package ui

import (
	"os"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data/sqlite"
)

// The province benchmarks open a database of $LIANGWEI_PROVINCE_DB — a copy of a province
// (e.g. 10× the city: 620 townships, 52,520 villages, ~480,000 members, 105,040 elections;
// a copy, since opening may migrate it) — and are skipped without it:
//
//	LIANGWEI_PROVINCE_DB=/tmp/me/p10.db go test ./ui -run '^$' -bench Province -benchtime 5x
//
// open: a screen's whole load (the store read off the UI goroutine and its showing);
// show: the part on the UI goroutine alone, the time the window is blocked;
// filter-*: one keystroke or choice over every row; sort-*: a column header tapped.
// heap-MB is the live heap with the screen loaded.

// uipProvince opens the province store, or skips.
func uipProvince(b *testing.B) (*UI, *sqlite.Store) {
	path := os.Getenv("LIANGWEI_PROVINCE_DB")
	if path == "" {
		b.Skip("LIANGWEI_PROVINCE_DB not set")
	}
	a := test.NewTempApp(b)
	a.Settings().SetTheme(Theme())
	st, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	win := test.NewTempWindow(b, widget.NewLabel(""))
	u := newUI(a, win, Deps{Store: st, Now: func() time.Time { return uiaToday }})
	return u, st
}

// uipShow puts a screen in the window at 1366×768.
func uipShow(u *UI, label string) {
	s := u.screens[label]
	u.win.SetContent(s.content())
	u.win.Resize(fyne.NewSize(1366, 768))
}

// uipHeap reports the live heap after a collection, in MB.
func uipHeap(b *testing.B) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
}

// uipTimed runs one op per loop with reset (untimed) before it.
func uipTimed(b *testing.B, reset, op func()) {
	for b.Loop() {
		b.StopTimer()
		reset()
		b.StartTimer()
		op()
	}
}

func BenchmarkProvinceMembers(b *testing.B) {
	u, _ := uipProvince(b)
	uipShow(u, "两委成员")
	s := u.screens["两委成员"].(*membersScreen)
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			s.refresh()
			s.wait()
		}
		uipHeap(b)
		if n := s.table.rowCount(); n < 100000 {
			b.Fatalf("%d rows", n)
		}
	})
	b.Run("show", func(b *testing.B) {
		l, err := s.read(s.round, s.settingsRound)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			s.apply(l)
		}
	})
	s.refresh()
	s.wait()
	village := s.table.all[len(s.table.all)/2].Village
	name := s.table.all[len(s.table.all)/3].Name
	township := s.table.all[len(s.table.all)/4].Township
	clear := func() {
		s.townshipSel.SetSelected("全部乡镇")
		s.villageSel.SetSelected("全部村")
		s.table.search.SetText("")
	}
	b.Run("filter-search-village", func(b *testing.B) {
		uipTimed(b, clear, func() { s.table.search.SetText(village) })
	})
	b.Run("filter-search-name", func(b *testing.B) {
		uipTimed(b, clear, func() { s.table.search.SetText(name) })
	})
	b.Run("filter-search-1char", func(b *testing.B) {
		uipTimed(b, clear, func() { s.table.search.SetText("王") })
	})
	b.Run("filter-search-clear", func(b *testing.B) {
		uipTimed(b, func() { clear(); s.table.search.SetText(name) }, func() { s.table.search.SetText("") })
	})
	b.Run("filter-township", func(b *testing.B) {
		uipTimed(b, clear, func() { s.townshipSel.SetSelected(township) })
	})
	b.Run("filter-village", func(b *testing.B) {
		uipTimed(b, clear, func() { s.villageSel.SetSelected(village) })
	})
	b.Run("sort-name", func(b *testing.B) {
		clear()
		for b.Loop() {
			s.table.sortBy(3)
		}
	})
	b.Run("sort-age", func(b *testing.B) {
		clear()
		for b.Loop() {
			s.table.sortBy(5)
		}
	})
	if s.table.rowCount() < 100000 {
		b.Fatalf("%d rows after the filters", s.table.rowCount())
	}
}

func BenchmarkProvinceVillages(b *testing.B) {
	u, _ := uipProvince(b)
	uipShow(u, "村庄")
	s := u.screens["村庄"].(*villagesScreen)
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			s.refresh()
			s.wait()
		}
		uipHeap(b)
	})
	b.Run("filter-search", func(b *testing.B) {
		uipTimed(b, func() { s.table.search.SetText("") }, func() { s.table.search.SetText("新华") })
	})
}

func BenchmarkProvinceElections(b *testing.B) {
	u, _ := uipProvince(b)
	uipShow(u, "换届")
	s := u.screens["换届"].(*electionsScreen)
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			s.refresh()
			s.wait()
		}
		uipHeap(b)
	})
	b.Run("filter-search", func(b *testing.B) {
		uipTimed(b, func() { s.table.search.SetText("") }, func() { s.table.search.SetText("新华") })
	})
}

// BenchmarkProvinceStart builds the program's window on the province, as cmd/liangwei does
// before ShowAndRun, with the first screen's (概览) load waited for: the time until the
// clerk sees the figures. The load runs off the UI goroutine in the program. cold: the
// figures computed (the figure cache off, as on the first start after a change; that start
// also stores them); warm: a start on an unchanged ledger, the figures from the cache.
func BenchmarkProvinceStart(b *testing.B) {
	u, st := uipProvince(b)
	start := func() {
		u := newUI(u.app, u.win, Deps{Store: st, Now: func() time.Time { return uiaToday }})
		u.win.SetContent(u.root())
		u.win.Resize(fyne.NewSize(1366, 768))
		waitScreens(u)
	}
	b.Run("cold", func(b *testing.B) {
		b.Setenv("LIANGWEI_NOCACHE", "1")
		for b.Loop() {
			start()
		}
		uipHeap(b)
	})
	b.Run("warm", func(b *testing.B) {
		start() // leaves the figures in the cache
		for b.Loop() {
			start()
		}
		uipHeap(b)
	})
}
