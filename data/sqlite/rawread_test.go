package sqlite

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/demo"
)

// TestRawScanLikePool: rawRows.Scan gives what database/sql gives, value or refusal, for
// every destination type the kinds' scan functions use and every storage class of SQLite;
// and a statement run again with new arguments (bound again only when changed) reads the
// new rows.
func TestRawScanLikePool(t *testing.T) {
	path := filepath.Join(t.TempDir(), "raw.db")
	db, err := sql.Open("sqlite", dsn(path, 1000))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE v (k INTEGER, x);
		INSERT INTO v VALUES (1, 42), (2, -7), (3, 'text'), (4, '17'), (5, 2.5), (6, NULL), (7, ''), (8, 1), (9, 0),
			(10, '一肩挑'), (11, 3.0), (12, X'6162'), (13, 'true'), (14, 'F'), (15, 2), (16, 1.0)`); err != nil {
		t.Fatal(err)
	}
	dests := []func() any{
		func() any { return new(string) },
		func() any { return new(int) },
		func() any { return new(int64) },
		func() any { return new(bool) },
		func() any { return new(float64) },
		func() any { return new(sql.NullString) },
		func() any { return new(sql.NullInt64) },
	}
	c, err := openRaw(path, false, false, 1000)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	for k := 1; k <= 16; k++ {
		for _, mk := range dests {
			want, got := mk(), mk()
			wantErr := db.QueryRow("SELECT x FROM v WHERE k = ?", k).Scan(want)
			rows, err := c.query(ctx, "SELECT x FROM v WHERE k = ?", k)
			if err != nil {
				t.Fatal(err)
			}
			if !rows.Next() {
				t.Fatalf("row %d: no row", k)
			}
			gotErr := rows.Scan(got)
			rows.Close()
			what := fmt.Sprintf("row %d into %T", k, want)
			if (wantErr == nil) != (gotErr == nil) {
				t.Errorf("%s: error %v, database/sql %v", what, gotErr, wantErr)
				continue
			}
			if wantErr == nil && !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %v, database/sql %v", what, reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem())
			}
		}
	}
	// Text arguments: the statement bound again reads the new value's rows.
	for _, x := range []string{"text", "17", "text", "一肩挑"} {
		rows, err := c.query(ctx, "SELECT k FROM v WHERE x = ? ORDER BY k", x)
		if err != nil {
			t.Fatal(err)
		}
		var ks []int
		for rows.Next() {
			var k int
			if err := rows.Scan(&k); err != nil {
				t.Fatal(err)
			}
			ks = append(ks, k)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		var want []int
		r, err := db.Query("SELECT k FROM v WHERE x = ? ORDER BY k", x)
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			var k int
			r.Scan(&k)
			want = append(want, k)
		}
		r.Close()
		if !reflect.DeepEqual(ks, want) || len(ks) == 0 {
			t.Errorf("x = %q: rows %v, database/sql %v", x, ks, want)
		}
	}
	if _, err := c.query(ctx, "SELECT k FROM v WHERE x = ?", 1.5); err == nil {
		t.Errorf("a float argument was bound")
	}
	if _, err := c.query(ctx, "SELECT k FROM v WHERE x = ?"); err == nil {
		t.Errorf("a missing argument was accepted")
	}
}

// TestEachTownshipOneSnapshot: the townships read on the second connection (readPair) see
// the database as of the same moment as those read on the first: members deleted after the
// first connection's read began, before the second connection opened, are still in the
// ledgers of the townships read on either, exactly as a read before the deletion has them.
func TestEachTownshipOneSnapshot(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s := openTest(t)
	city := importCity(t, s, today, demo.Scale{Townships: 8, Villages: 400})
	before, err := s.Ledger(ctx, city.Round)
	if err != nil {
		t.Fatal(err)
	}
	if len(before.Townships) != 8 {
		t.Fatalf("%d townships", len(before.Townships))
	}
	last := []string{before.Townships[6].Name, before.Townships[7].Name}
	// The deletion commits after the first connection's snapshot is taken and before the
	// second connection opens.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2)) // the second connection needs two
	hooked := false
	testHookSecondReader = func() {
		hooked = true
		for _, m := range before.Members {
			if m.Township == last[0] || m.Township == last[1] {
				if err := s.DeleteMember(ctx, m.ID); err != nil {
					t.Error(err)
				}
			}
		}
	}
	defer func() { testHookSecondReader = nil }()
	i := 0
	err = s.EachTownship(ctx, city.Round, func(l data.Ledger) error {
		name := l.Townships[0].Name
		if want := before.ForTownship(name); !reflect.DeepEqual(l, want) {
			t.Errorf("%s (township %d): %d members read, %d before the deletion", name, i, len(l.Members), len(want.Members))
		}
		i++
		return nil
	})
	if err != nil || i != 8 || !hooked {
		t.Fatalf("EachTownship: %d townships, %v; second connection opened: %v", i, err, hooked)
	}
	after, err := s.Ledger(ctx, city.Round)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range last {
		if n := len(after.ForTownship(name).Members); n != 0 || len(before.ForTownship(name).Members) == 0 {
			t.Errorf("%s: %d members after the deletion, %d before", name, n, len(before.ForTownship(name).Members))
		}
	}
}

// TestEachTownshipPairedWithoutSnapshot: a ledger opened again after its last write has an
// empty WAL, of which SQLite gives no snapshot; the second connection still reads every
// other township when it sees the ledger at the first one's version, and does not when a
// write comes in between — then the first reads them all, as of its own moment.
func TestEachTownshipPairedWithoutSnapshot(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s, err := Open(filepath.Join(t.TempDir(), "liangwei.db"))
	if err != nil {
		t.Fatal(err)
	}
	city := importCity(t, s, today, demo.Scale{Townships: 6, Villages: 200})
	before, err := s.Ledger(ctx, city.Round)
	if err != nil {
		t.Fatal(err)
	}
	reopen := func() {
		t.Helper()
		path := s.Path()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if s, err = Open(path); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 32 {
			t.Fatalf("the WAL holds %d bytes after the ledger was opened again", fi.Size())
		}
	}
	defer func() { s.Close() }()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2)) // the second connection needs two
	var paired []bool
	testHookPaired = func(p bool) { paired = append(paired, p) }
	defer func() { testHookPaired, testHookSecondReader = nil, nil }()
	read := func(step string) {
		t.Helper()
		n := 0
		err := s.EachTownship(ctx, city.Round, func(l data.Ledger) error {
			name := l.Townships[0].Name
			if want := before.ForTownship(name); !reflect.DeepEqual(l, want) {
				t.Errorf("%s: %s: %d members read, %d in the ledger read before", step, name, len(l.Members), len(want.Members))
			}
			n++
			return nil
		})
		if err != nil || n != 6 {
			t.Fatalf("%s: %d townships, %v", step, n, err)
		}
	}

	reopen()
	read("opened again")
	if len(paired) != 1 || !paired[0] {
		t.Fatalf("opened again: second connection reading: %v, want [true]", paired)
	}

	// A deletion between the first connection's start and the second's: the versions differ.
	reopen()
	paired = nil
	last := before.Townships[5].Name
	testHookSecondReader = func() {
		testHookSecondReader = nil
		for _, m := range before.ForTownship(last).Members {
			if err := s.DeleteMember(ctx, m.ID); err != nil {
				t.Error(err)
			}
		}
	}
	read("a write in between")
	if len(paired) != 1 || paired[0] {
		t.Fatalf("a write in between: second connection reading: %v, want [false]", paired)
	}
	after, err := s.Ledger(ctx, city.Round)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.ForTownship(last).Members) != 0 || len(before.ForTownship(last).Members) == 0 {
		t.Fatalf("the deletion in between did not happen: the test proves nothing")
	}
}

// TestLedgerRawLikePool: Ledger, read on a rawConn, is what the same queries give on the
// pool through database/sql, kind by kind, for a round, an earlier round and every round.
func TestLedgerRawLikePool(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s := openTest(t)
	city := importCity(t, s, today, demo.Scale{Townships: 3, Villages: 150})
	b := demo.Batch(today)
	for i := range b.Townships {
		b.Townships[i].Name = "演示镇"
	}
	if _, err := s.Import(ctx, demoIn(b, "演示镇"), "demo"); err != nil {
		t.Fatal(err)
	}
	for _, round := range []int{city.Round, city.Round - 5, 0} {
		raw, err := s.Ledger(ctx, round)
		if err != nil {
			t.Fatal(err)
		}
		var pool data.Ledger
		err = s.read(ctx, func(q *sql.Tx) error {
			var err error
			pool, err = ledgerIn(ctx, poolTx{q}, round, "")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range data.Descriptions {
			if n := k.Count(&pool); round == city.Round && n == 0 {
				t.Errorf("round %d: no %s to compare", round, k.Info().Code)
			}
		}
		if !reflect.DeepEqual(raw, pool) {
			t.Errorf("round %d: rawConn read %d records, the pool %d", round, raw.Len(), pool.Len())
		}
	}
}

// importCity imports a demo city of scale sc, township by township, into s, as of today.
func importCity(t testing.TB, s *Store, today time.Time, sc demo.Scale) demo.CityData {
	t.Helper()
	city := demo.CityOf(today, sc)
	for _, b := range city.Townships {
		if _, err := s.Import(ctx, b, "city"); err != nil {
			t.Fatal(err)
		}
	}
	return city
}
