package ui

import (
	"context"
	"database/sql"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/data/sqlite"
)

var ctx = context.Background()

// healthLedger makes a closed ledger with villages and elections and one backup of it.
func healthLedger(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "liangwei.db")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"东关村", "西关村", "南关村", "北关村"} {
		v := data.Village{Township: "城关镇", Name: name, Kind: data.KindVillage, Status: data.VillageActive}
		if err := st.SaveVillage(ctx, &v); err != nil {
			t.Fatal(err)
		}
		e := data.Election{Township: "城关镇", Village: name, Round: 2026, Body: data.BodyParty, Status: data.StatusNotStarted}
		if err := st.SaveElection(ctx, &e, uiaToday); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.BackupNow(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// flipIndex changes the keys on the root page of an index of a closed database.
func flipIndex(t *testing.T, path, index string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var root int64
	err = db.QueryRow(`SELECT rootpage FROM sqlite_master WHERE name = ?`, index).Scan(&root)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	size := int64(binary.BigEndian.Uint16(b[16:18]))
	page := b[(root-1)*size : root*size]
	for i := len(page) - 40; i < len(page)-8; i++ {
		page[i] ^= 0x55
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func healthUI(t *testing.T, path string) (*UI, *sqlite.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(1366, 768))
	return newUI(a, win, Deps{Store: st, Now: func() time.Time { return time.Now() }}), st
}

// A damaged ledger found at start: one dialog offers the newest sound backup; accepting it
// restores the ledger, with the reason in the log.
func TestStartCheckOffersTheNewestSoundBackup(t *testing.T) {
	path := healthLedger(t)
	flipIndex(t, path, "elections_round")
	u, st := healthUI(t, path)
	u.checkAtStart()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog for a damaged ledger")
	}
	got := strings.Join(uicTexts(top), " ")
	for _, want := range []string{"台账数据库已损坏", "最新的完好备份", "恢复该备份", "暂不恢复", "liangwei-"} {
		if !strings.Contains(got, want) {
			t.Errorf("dialog %q lacks %q", got, want)
		}
	}
	var restore *widget.Button
	walkButtons(top, func(b *widget.Button) {
		if b.Text == "恢复该备份" {
			restore = b
		}
	})
	if restore == nil {
		t.Fatal("no 恢复该备份 button")
	}
	test.Tap(restore)
	u.busy.Wait()
	waitScreens(u)
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Fatalf("after accepting the restore: %v", err)
	}
	if log, _ := st.AuditLog(ctx, data.AuditFilter{Limit: 1}); len(log) != 1 || !strings.Contains(log[0].NewValue, startReason) {
		t.Errorf("the restore's reason is not in the log: %+v", log)
	}
}

// A sound ledger: no dialog, the daily backup is taken.
func TestStartCheckOfASoundLedgerBacksUp(t *testing.T) {
	path := healthLedger(t)
	u, st := healthUI(t, path)
	u.checkAtStart()
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog for a sound ledger: %v", uicTexts(top))
	}
	if bs, _ := st.Backups(ctx); len(bs) != 1 {
		t.Errorf("%d backups; the newest is not a day old, so none more was due", len(bs))
	}
}

func walkButtons(o fyne.CanvasObject, fn func(*widget.Button)) {
	if b, ok := o.(*widget.Button); ok {
		fn(b)
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkButtons(c, fn)
		}
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, ch := range c.Objects {
			walkButtons(ch, fn)
		}
	}
}
