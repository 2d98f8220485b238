package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"liangwei/data"
)

// What makes a file a whole ledger: it passes PRAGMA integrity_check and foreign_key_check,
// it has every table, column and index the current migrations make, and its
// schema_migrations records every migration. Restore refuses anything else; a backup is
// verified by it before it gets its name; check and the program's start-up report damage
// by it.

// schemaShape is a schema's tables → columns and its named indexes.
type schemaShape struct {
	columns map[string][]string // table → its columns, in order
	indexes map[string]bool
}

var (
	expectedOnce  sync.Once
	expectedShape schemaShape
	expectedErr   error
)

// expectedSchema is the shape the migrations give a new database, made once in memory.
func expectedSchema(ctx context.Context) (schemaShape, error) {
	expectedOnce.Do(func() {
		db, err := sql.Open("sqlite", ":memory:")
		if err != nil {
			expectedErr = err
			return
		}
		defer db.Close()
		db.SetMaxOpenConns(1) // one connection: one in-memory database
		if err := migrateDB(ctx, db, &Store{path: ":memory:", now: time.Now}); err != nil {
			expectedErr = err
			return
		}
		expectedShape, expectedErr = readShape(ctx, db)
	})
	return expectedShape, expectedErr
}

// readShape reads a database's tables, columns and named indexes.
func readShape(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (schemaShape, error) {
	sh := schemaShape{columns: map[string][]string{}, indexes: map[string]bool{}}
	rows, err := q.QueryContext(ctx, `SELECT m.type, m.name, coalesce(p.name, '') FROM sqlite_schema m
		LEFT JOIN pragma_table_info(m.name) p ON m.type = 'table'
		WHERE m.type IN ('table', 'index') AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`)
	if err != nil {
		return sh, err
	}
	defer rows.Close()
	for rows.Next() {
		var typ, name, col string
		if err := rows.Scan(&typ, &name, &col); err != nil {
			return sh, err
		}
		if typ == "index" {
			sh.indexes[name] = true
		} else {
			sh.columns[name] = append(sh.columns[name], col)
		}
	}
	return sh, rows.Err()
}

// missingFrom lists, in Chinese, what of want the shape got lacks.
func missingFrom(want, got schemaShape) []string {
	var out []string
	tables := make([]string, 0, len(want.columns))
	for t := range want.columns {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	for _, t := range tables {
		have, ok := got.columns[t]
		if !ok {
			out = append(out, "表 "+t)
			continue
		}
		set := map[string]bool{}
		for _, c := range have {
			set[c] = true
		}
		for _, c := range want.columns[t] {
			if !set[c] {
				out = append(out, "表 "+t+" 的列 "+c)
			}
		}
	}
	var idx []string
	for i := range want.indexes {
		if !got.indexes[i] {
			idx = append(idx, "索引 "+i)
		}
	}
	sort.Strings(idx)
	return append(out, idx...)
}

// checkWhole checks that db is a whole ledger of the current schema, naming what is wrong.
// db must already be migrated.
func checkWhole(ctx context.Context, db *sql.DB) error {
	if err := integrityCheck(ctx, db); err != nil {
		return err
	}
	want, err := expectedSchema(ctx)
	if err != nil {
		return err
	}
	got, err := readShape(ctx, db)
	if err != nil {
		return damaged(err.Error())
	}
	if miss := missingFrom(want, got); len(miss) > 0 {
		return refuse(data.ErrDamaged, "数据库不完整，缺少：%s", strings.Join(miss, "、"))
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	var missing []string
	for _, m := range ms {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
			return damaged(err.Error())
		}
		if n == 0 {
			missing = append(missing, m.name)
		}
	}
	if len(missing) > 0 {
		return refuse(data.ErrDamaged, "数据库的升级记录不完整，缺少：%s", strings.Join(missing, "、"))
	}
	return nil
}

// damaged is the refusal of a database that fails the integrity check.
func damaged(detail string) error {
	return refuse(data.ErrDamaged, "数据库已损坏（完整性检查未通过：%s）", detail)
}

// integrityCheck runs PRAGMA integrity_check and PRAGMA foreign_key_check on a pool (the
// live one or a copy being checked) and reports any finding as a data.ErrDamaged refusal.
func integrityCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return damaged(err.Error())
	}
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			rows.Close()
			return damaged(err.Error())
		}
		msgs = append(msgs, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return damaged(err.Error())
	}
	if len(msgs) != 1 || msgs[0] != "ok" {
		if len(msgs) > 5 {
			msgs = append(msgs[:5], fmt.Sprintf("等 %d 处", len(msgs)))
		}
		return damaged(strings.Join(msgs, "；"))
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM pragma_foreign_key_check").Scan(&n); err != nil {
		return damaged(err.Error())
	}
	if n > 0 {
		return damaged(fmt.Sprintf("%d 条记录引用了不存在的记录", n))
	}
	return nil
}
