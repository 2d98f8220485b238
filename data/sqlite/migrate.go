package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"liangwei/data"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered file of migrations/.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migrations in version order.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration file %q is not named NNNN_name.sql", base)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("two migrations have version %d", ms[i].version)
		}
	}
	return ms, nil
}

// migrateDB refuses a database of another program, then applies to db every migration not
// yet recorded in schema_migrations, each in its own transaction. s gives the path of
// messages, the clock and the OS user.
func migrateDB(ctx context.Context, db *sql.DB, s *Store) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if err := checkOurs(ctx, db, s.path, ms); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("无法初始化数据库“%s”：%w", s.path, err)
	}
	for _, m := range ms {
		if err := s.writeOn(ctx, db, func(t *tx) error {
			// Checked inside the (immediate) transaction: two programs opening a new file
			// at once apply each migration once.
			var n int
			if err := t.queryRow("SELECT count(*) FROM schema_migrations WHERE version = ?", m.version).Scan(&n); err != nil {
				return err
			}
			// The version is raised by the migration that creates it and every later one
			// (a migration may change records), not when nothing is applied.
			t.sameVersion = n > 0 || m.version < versionMigration
			t.noStamps = m.version < partsMigration
			if n > 0 {
				return nil
			}
			if _, err := t.exec(m.sql); err != nil {
				return err
			}
			_, err := t.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", m.version, m.name, t.now)
			return err
		}); err != nil {
			if errors.Is(err, data.ErrBusy) {
				return err
			}
			return fmt.Errorf("升级数据库“%s”失败（%s）：%w", s.path, m.name, err)
		}
	}
	return nil
}

// checkOurs tells our database (or a new, empty one) from another program's SQLite file and
// from one written by a newer version of this program.
func checkOurs(ctx context.Context, db *sql.DB, path string, ms []migration) error {
	var tables []string
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	if err != nil {
		return fmt.Errorf("无法读取数据库“%s”，文件可能已损坏：%w", path, err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("无法读取数据库“%s”，文件可能已损坏：%w", path, err)
	}
	if len(tables) == 0 {
		return nil
	}
	ours := false
	for _, n := range tables {
		if n == "schema_migrations" {
			ours = true
		}
	}
	if !ours {
		return fmt.Errorf("“%s”是其他程序的数据库，不是两委台账的数据库文件，请选择正确的文件", path)
	}
	var max sql.NullInt64
	if err := db.QueryRowContext(ctx, "SELECT max(version) FROM schema_migrations").Scan(&max); err != nil {
		return fmt.Errorf("“%s”不是两委台账的数据库文件：%w", path, err)
	}
	if latest := ms[len(ms)-1].version; max.Valid && int(max.Int64) > latest {
		return fmt.Errorf("数据库“%s”由更新版本的两委台账创建（数据版本 %d，本程序支持到 %d），请升级程序", path, max.Int64, latest)
	}
	return nil
}
