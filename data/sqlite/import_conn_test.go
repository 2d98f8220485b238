package sqlite

import (
	"database/sql"
	"testing"
	"time"

	"liangwei/demo"
)

// TestImportPutsSettingsBack: after imports, no connection of the pool keeps the import's
// temp_store or wal_autocheckpoint (writeImport), so other commands sort and checkpoint as
// before; the database holds the imports.
func TestImportPutsSettingsBack(t *testing.T) {
	s := openTest(t)
	b := demo.Batch(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
	for _, name := range []string{"a.xlsx", "b.xlsx"} {
		if _, err := s.Import(ctx, b, name); err != nil {
			t.Fatal(err)
		}
	}
	n := s.db.Stats().OpenConnections
	if n == 0 {
		t.Fatal("no connection open after the imports")
	}
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range n { // every open connection at once, the import's among them
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var store, every int
		if err := c.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&store); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&every); err != nil {
			t.Fatal(err)
		}
		if store != 0 || every != 1000 {
			t.Errorf("connection %d: temp_store %d, wal_autocheckpoint %d; want 0 and 1000", len(conns), store, every)
		}
	}
	ms, err := s.Members(ctx, 0)
	if err != nil || len(ms) != len(b.Members) {
		t.Fatalf("members: %d of %d, %v", len(ms), len(b.Members), err)
	}
}

// TestImportCacheBySize: a township-sized batch is written with importCacheKB of page
// cache, a larger one with SQLite's default, also on a connection an earlier import left
// with the larger cache.
func TestImportCacheBySize(t *testing.T) {
	s := openTest(t)
	s.db.SetMaxOpenConns(1) // every import on the same connection
	for _, c := range []struct{ members, want int }{
		{1, -importCacheKB},
		{importCacheMembers, -importCacheKB},
		{importCacheMembers + 1, -defaultCacheKB},
		{300, -importCacheKB},
	} {
		var got int
		err := s.writeImport(ctx, c.members, func(w *tx) error {
			return w.tx.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&got)
		})
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%d members: cache_size %d, want %d", c.members, got, c.want)
		}
	}
}
