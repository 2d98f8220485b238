package ui

import (
	"context"
	"database/sql"
	"reflect"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
)

// TestOverviewCached: the 概览 of a SQLite ledger goes through the figure cache. A second
// start of the desktop on the unchanged ledger shows the cached value (one planted in the
// cache proves it is read, not computed), and an edit made in the desktop, which writes
// through the store and so raises the ledger's version, is shown with figures computed
// afresh — those of the ledger, not of the cache.
func TestOverviewCached(t *testing.T) {
	u, st := uibSetup(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, uibSmallBatch(), "test"); err != nil {
		t.Fatal(err)
	}
	u.changed()
	uibOverview(u).busy.Wait()
	if got := uibOverview(u).partyBar.TextFormatter(); got != "2/3 村 66.67%" {
		t.Fatalf("党组织 bar = %q", got)
	}

	// The load left its value in the cache: plant other figures there, as the cache
	// keeps them (sqlite.Cached stores what its computation gives when it holds nothing).
	db, err := sql.Open("sqlite", u.deps.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Exec(`DELETE FROM figure_cache WHERE key LIKE '概览 %'`)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("%d cached values of 概览, want 1", n)
	}
	planted, err := ovCompute(ctx, st, uibToday)
	if err != nil {
		t.Fatal(err)
	}
	planted.Stats.PartyOrg.Due, planted.Stats.PartyOrg.Completed = 99, 98
	if _, err := sqlite.Cached(ctx, st, ovKey(uibToday), func() (data.Overview, error) { return planted, nil }); err != nil {
		t.Fatal(err)
	}

	// A second start of the desktop on the same ledger shows what the cache holds.
	u2 := newUI(u.app, u.win, u.deps)
	root := u2.root()
	s := uibOverview(u2)
	s.busy.Wait()
	u2.win.SetContent(root)
	if got := s.partyBar.TextFormatter(); got != "98/99 村 66.67%" || s.due.Text != "99" {
		t.Fatalf("second start: 党组织 bar %q, 应换届 %q: not the cached value", got, s.due.Text)
	}

	// An edit in the desktop: 南村's 党组织 election completed, through the 换届 form.
	es := uiaOpen[*electionsScreen](t, u2, "换届")
	row := es.table.find(func(e data.Election) bool { return e.Village == "南村" && e.Body == data.BodyParty })
	if row < 0 {
		t.Fatal("南村 党组织 not in 换届")
	}
	es.table.table.Select(widget.TableCellID{Row: row, Col: 0})
	test.Tap(es.editBtn)
	f := es.form
	f.byName["状态"].sel.SetSelected("已完成")
	test.Type(f.byName["完成日期"].entry, "2026/4/2")
	uiaRetype(f.byName["应参加人数"].entry, "30")
	uiaRetype(f.byName["实参加人数"].entry, "28")
	uiaRetype(f.byName["当选人数"].entry, "5")
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("edit refused: %q", f.summary.Text)
	}
	es.wait()
	s.busy.Wait()
	if got := s.partyBar.TextFormatter(); got != "3/3 村 100.00%" || s.due.Text != "3" {
		t.Errorf("after the edit: 党组织 bar %q, 应换届 %q, want 3/3 村 100.00%%, 3", got, s.due.Text)
	}
	// What the cache now holds, and what is shown, is what the ledger computes.
	cached, err := sqlite.Cached(ctx, st, ovKey(uibToday), func() (data.Overview, error) {
		t.Error("the overview after the edit is not in the cache")
		return data.Overview{}, nil
	})
	if err != nil || cached.Stats.PartyOrg.Due != 3 {
		t.Errorf("cache after the edit holds 应换届 %d (%v), want 3", cached.Stats.PartyOrg.Due, err)
	}
	t.Setenv("LIANGWEI_NOCACHE", "1")
	want, err := ovCompute(ctx, st, uibToday)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s.stats, want.Stats) || !reflect.DeepEqual(s.unfinished, want.Unfinished) {
		t.Errorf("shown after the edit:\n%+v\ncomputed:\n%+v", s.stats, want.Stats)
	}
}
