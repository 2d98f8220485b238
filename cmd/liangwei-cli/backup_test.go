package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"liangwei/data/sqlite" // also registers the "sqlite" driver the tests use directly
)

// statsText is the exact output of stats --json: the figures a restore must bring back.
func statsText(t *testing.T, db string) string {
	t.Helper()
	return mustRun(t, "--db", db, "stats", "--json")
}

// changeHexi imports a workbook that completes 河西48村's 党组织 election, changing the figures.
func changeHexi(t *testing.T, db, dir string) {
	t.Helper()
	wb := filepath.Join(dir, "河西镇更正.xlsx")
	writeWorkbook(t, wb, []string{"换届"}, sheets{"换届": {electionHeader,
		{"河西镇", hexiVillage(48), 2026, "党组织", "已完成", "2026-04-10", "是", 100, 95, 5, 6, 5, ""}}})
	out := mustRun(t, "--db", db, "import", wb)
	if !strings.Contains(out, "更新 1") {
		t.Fatalf("the change workbook printed %q, want 更新 1", out)
	}
}

func TestBackupChangeRestore(t *testing.T) {
	db, dir := importedHexi(t)
	backedUp := statsText(t, db)

	file := filepath.Join(dir, "备份", "河西镇.db")
	out := mustRun(t, "--db", db, "backup", file)
	if !strings.Contains(out, "已备份到："+file) {
		t.Errorf("backup printed %q", out)
	}
	// A backup never overwrites a file, nor is it the database itself.
	for _, dest := range []string{file, db} {
		if code, _, errOut := runCLI(t, "--db", db, "backup", dest); code != 1 || errOut == "" {
			t.Errorf("backup onto %s: exit %d, stderr %q; want 1", dest, code, errOut)
		}
	}

	changeHexi(t, db, dir)
	changed := statsText(t, db)
	if changed == backedUp {
		t.Fatal("the change did not change the figures; the test proves nothing")
	}

	out = mustRun(t, "--db", db, "restore", file)
	if got := statsText(t, db); got != backedUp {
		t.Errorf("after restore stats --json =\n%s\nwant the backed-up\n%s", got, backedUp)
	}
	for _, want := range []string{"已先把恢复前的数据备份到：", "已从 " + file + " 恢复数据", "村（社区）50 个", "换届记录 97 条"} {
		if !strings.Contains(out, want) {
			t.Errorf("restore printed %q, lacking %q", out, want)
		}
	}

	// The pre-restore backup is listed and holds the changed data.
	_, pre, ok := strings.Cut(out, "已先把恢复前的数据备份到：")
	if !ok {
		t.Fatal("restore did not say where it saved the data it replaced")
	}
	pre, _, _ = strings.Cut(pre, "（")
	if list := mustRun(t, "--db", db, "backups"); !strings.Contains(list, pre) {
		t.Errorf("backups lists\n%s\nwithout the pre-restore backup %s", list, pre)
	}
	if got := statsText(t, pre); got != changed {
		t.Errorf("the pre-restore backup has stats\n%s\nwant the changed\n%s", got, changed)
	}
	if code, out, _ := runCLI(t, "--db", db, "init"); code != 0 {
		t.Errorf("the restored database fails init (integrity check): %s", out)
	}
}

func TestBackupNowAndList(t *testing.T) {
	db, _ := importedHexi(t)
	if out := mustRun(t, "--db", db, "backups"); !strings.Contains(out, "还没有备份") {
		t.Errorf("backups of a database never backed up printed %q", out)
	}
	out := mustRun(t, "--db", db, "backup")
	_, path, ok := strings.Cut(out, "已备份到：")
	if !ok {
		t.Fatalf("backup printed %q", out)
	}
	path, _, _ = strings.Cut(path, "（")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("backup file %s: %v", path, err)
	}
	list := mustRun(t, "--db", db, "backups")
	if !strings.Contains(list, path) || !strings.Contains(list, "共 1 份") {
		t.Errorf("backups printed\n%s\nwant the one backup %s", list, path)
	}
	if got, want := statsText(t, path), statsText(t, db); got != want {
		t.Errorf("the backup's figures\n%s\ndiffer from the database's\n%s", got, want)
	}
}

// sqlExec runs statements on a SQLite file outside the store.
func sqlExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, s := range stmts {
		if _, err := conn.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestRestoreRefusesWhatIsNotOurs(t *testing.T) {
	db, dir := importedHexi(t)
	good := filepath.Join(dir, "good.db")
	mustRun(t, "--db", db, "backup", good)
	goodBytes, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		file func() string
	}{
		{"text file", func() string { return write("说明.txt", []byte(strings.Repeat("这不是数据库。\n", 500))) }},
		{"empty file", func() string { return write("empty.db", nil) }},
		{"missing file", func() string { return filepath.Join(dir, "无此文件.db") }},
		{"folder", func() string { return dir }},
		{"another program's database", func() string {
			p := filepath.Join(dir, "other.db")
			sqlExec(t, p, "CREATE TABLE contacts (name TEXT, phone TEXT)", "INSERT INTO contacts VALUES ('张三', '123')")
			return p
		}},
		{"database of a newer version", func() string {
			p := filepath.Join(dir, "newer.db")
			if err := os.WriteFile(p, goodBytes, 0o644); err != nil {
				t.Fatal(err)
			}
			sqlExec(t, p, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', '2030-01-01T00:00:00Z')")
			return p
		}},
		{"truncated backup", func() string { return write("truncated.db", goodBytes[:len(goodBytes)/2]) }},
		{"the database itself", func() string { return db }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changeHexi(t, db, dir) // so that a wrong restore would show in the figures
			defer mustRun(t, "--db", db, "restore", good)
			wantStats := statsText(t, db)
			wantBackups := mustRun(t, "--db", db, "backups")
			file := tt.file()
			code, out, errOut := runCLI(t, "--db", db, "restore", file)
			if code != 1 || errOut == "" {
				t.Errorf("restore %s: exit %d, stdout %q, stderr %q; want 1 and a message", file, code, out, errOut)
			}
			if got := statsText(t, db); got != wantStats {
				t.Errorf("a refused restore changed the figures:\n%s\nwant\n%s", got, wantStats)
			}
			if got := mustRun(t, "--db", db, "backups"); got != wantBackups {
				t.Errorf("a refused restore changed the backups:\n%s\nwant\n%s", got, wantBackups)
			}
		})
	}
	// The store opened outside the CLI agrees: the database is sound.
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.IntegrityCheck(t.Context()); err != nil {
		t.Error(err)
	}
}
