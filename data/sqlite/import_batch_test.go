package sqlite

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/demo"
)

// TestImportBatchedSame: the batched writes of an import (import_batch.go) leave the
// database exactly as one statement per row does — every row of every table, IDs and the
// audit log's order included — over a first import, an import creating a township and
// restoring a deleted member, and a re-import changing some records.
func TestImportBatchedSame(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	first := demo.Batch(today)
	second := demo.Batch(today)
	second.Townships = nil
	second.Villages = append([]data.Village(nil), second.Villages...)
	second.Villages = append(second.Villages, data.Village{Township: "新建镇", Name: "新建村", Kind: data.KindVillage, Status: data.VillageActive})
	second.Members = append([]data.Member(nil), second.Members...)
	for i := range second.Members {
		if i%7 == 0 {
			second.Members[i].Phone = fmt.Sprintf("1390000%04d", i)
		}
	}
	run := func(batched bool) []string {
		old := batchImports
		batchImports = batched
		defer func() { batchImports = old }()
		s := openTest(t)
		clock := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
		s.now = func() time.Time { return clock }
		if _, err := s.Import(ctx, first, "a.xlsx"); err != nil {
			t.Fatal(err)
		}
		ms, err := s.Members(ctx, 0)
		if err != nil || len(ms) < 80 {
			t.Fatalf("members: %d, %v", len(ms), err)
		}
		if err := s.DeleteMember(ctx, ms[3].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Import(ctx, second, "b.xlsx"); err != nil {
			t.Fatal(err)
		}
		return dumpTables(t, s)
	}
	got, want := run(true), run(false)
	if !reflect.DeepEqual(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("row %d: batched\n%s\none by one\n%s", i, got[i], want[i])
			}
		}
		t.Fatalf("batched %d rows, one by one %d", len(got), len(want))
	}
	if n := len(got); n < 1000 {
		t.Errorf("only %d rows compared", n)
	}
}

// dumpTables lists every row of every table but the migrations (stamped when applied), in
// ID order, as text.
func dumpTables(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	var out []string
	for _, tb := range tables {
		rs, err := s.db.QueryContext(ctx, "SELECT * FROM "+tb+" ORDER BY rowid")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			b.WriteString(tb)
			for _, v := range vals {
				if x, ok := v.([]byte); ok {
					v = string(x)
				}
				fmt.Fprintf(&b, "|%v", v)
			}
			out = append(out, b.String())
		}
		rs.Close()
	}
	return out
}
