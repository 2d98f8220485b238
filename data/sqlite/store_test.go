package sqlite

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"liangwei/data"
)

func TestMigrationsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "liangwei.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		if i == 0 {
			v := village("城关镇", "东关村")
			if err := s.SaveVillage(ctx, &v); err != nil {
				t.Fatal(err)
			}
		}
		var n, max int
		if err := s.db.QueryRow("SELECT count(*), max(version) FROM schema_migrations").Scan(&n, &max); err != nil {
			t.Fatal(err)
		}
		if n != len(ms) || max != ms[len(ms)-1].version {
			t.Errorf("open #%d: schema_migrations has %d rows up to %d, want %d up to %d", i+1, n, max, len(ms), ms[len(ms)-1].version)
		}
		vs, err := s.Villages(ctx)
		if err != nil || len(vs) != 1 {
			t.Errorf("open #%d: villages = %v, %v; want the one saved", i+1, vs, err)
		}
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Error(err)
		}
		if got := s.Path(); got != path {
			t.Errorf("Path() = %q, want %q", got, path)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	textContent := []byte("村名,乡镇\n东关村,城关镇\n")
	if err := os.WriteFile(text, textContent, 0o644); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "other.db")
	newer := filepath.Join(dir, "newer.db")
	func() {
		db, err := sql.Open("sqlite", foreign)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"); err != nil {
			t.Fatal(err)
		}
		s, err := Open(newer)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.db.Exec("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', '2030-01-01T00:00:00Z')"); err != nil {
			t.Fatal(err)
		}
	}()
	truncated := filepath.Join(dir, "truncated.db")
	func() {
		s, err := Open(truncated)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Import(ctx, genBatch(200), "a.xlsx"); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if err := os.Truncate(truncated, 6000); err != nil {
			t.Fatal(err)
		}
	}()
	tests := []struct {
		name, path, want string
	}{
		{"truncated database", truncated, "损坏"},
		{"text file", text, "不是 SQLite 数据库"},
		{"other program's database", foreign, "其他程序的数据库"},
		{"newer version", newer, "更新版本"},
		{"folder", dir, "是文件夹"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(tt.path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%s) succeeded, want an error", tt.path)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open error = %q, want it to contain %q", err, tt.want)
			}
		})
	}
	if got, _ := os.ReadFile(text); string(got) != string(textContent) {
		t.Errorf("the refused text file was changed: %q", got)
	}
	if _, err := os.Stat(text + "-wal"); err == nil {
		t.Errorf("a WAL file was created next to the refused text file")
	}
}

// Foreign keys must be on for every pooled connection, not only the one that ran a PRAGMA.
func TestForeignKeysOnEveryConnection(t *testing.T) {
	s := openTest(t)
	const n = 4
	conns := make([]*sql.Conn, n)
	for i := range conns {
		c, err := s.db.Conn(ctx) // held open, so each is a distinct connection
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	fks := make([]int, n)
	for i, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if errs[i] = c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fks[i]); errs[i] != nil {
				return
			}
			_, errs[i] = c.ExecContext(ctx, `INSERT INTO elections (village_id, round, body, status, created_at, updated_at)
				VALUES (424242, 2026, '党组织', '未启动', 'x', 'x')`)
		}()
	}
	wg.Wait()
	for i := range conns {
		if fks[i] != 1 {
			t.Errorf("conn %d: PRAGMA foreign_keys = %d, want 1", i, fks[i])
		}
		if errs[i] == nil || !strings.Contains(errs[i].Error(), "FOREIGN KEY") {
			t.Errorf("conn %d: insert with a missing village gave %v, want a FOREIGN KEY error", i, errs[i])
		}
	}
	var mode string
	if err := conns[0].QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

func TestBackup(t *testing.T) {
	s := openTest(t)
	if _, err := s.Import(ctx, genBatch(30), "城关镇.xlsx"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSettings(ctx, data.Settings{Township: "城关镇", Round: 2026}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "备份", "liangwei-2026-06-01.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if err := s.Backup(ctx, dest); err == nil || !strings.Contains(err.Error(), "已存在") {
		t.Errorf("second Backup to the same file = %v, want a refusal", err)
	}
	if a := mustAudit(t, s)[0]; a.Action != ActionBackup || a.Kind != string(data.SubjectFile) || a.Record != dest {
		t.Errorf("audit[0] = %+v, want the backup", a)
	}
	b, err := Open(dest)
	if err != nil {
		t.Fatalf("opening the backup: %v", err)
	}
	defer b.Close()
	if err := b.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	for _, round := range []int{0, 2026} {
		want, _ := s.Elections(ctx, round)
		got, err := b.Elections(ctx, round)
		if err != nil || !equalElections(got, want) {
			t.Errorf("backup Elections(%d): %d records, err %v; want %d equal records", round, len(got), err, len(want))
		}
	}
	wantV, _ := s.Villages(ctx)
	gotV, _ := b.Villages(ctx)
	if len(gotV) != len(wantV) || len(gotV) != 30 {
		t.Errorf("backup has %d villages, want %d", len(gotV), len(wantV))
	}
	for i := range gotV {
		if gotV[i] != wantV[i] {
			t.Errorf("backup village %d = %+v, want %+v", i, gotV[i], wantV[i])
		}
	}
	if st, _ := b.Settings(ctx); st.Township != "城关镇" || st.Round != 2026 {
		t.Errorf("backup settings = %+v", st)
	}
}

func equalElections(a, b []data.Election) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("LIANGWEI_DB", "/tmp/x/ledger.db")
	if got, err := DefaultPath(); err != nil || got != "/tmp/x/ledger.db" {
		t.Errorf("DefaultPath with LIANGWEI_DB = %q, %v", got, err)
	}
	t.Setenv("LIANGWEI_DB", "")
	t.Setenv("XDG_CONFIG_HOME", "/tmp/cfg")
	t.Setenv("HOME", "/tmp/home")
	want, err := os.UserConfigDir()
	if err != nil {
		t.Fatal(err)
	}
	want = filepath.Join(want, "liangwei", "liangwei.db")
	if got, err := DefaultPath(); err != nil || got != want {
		t.Errorf("DefaultPath = %q, %v; want %q", got, err, want)
	}
}

func TestNotFound(t *testing.T) {
	s := openTest(t)
	for name, err := range map[string]error{
		"DeleteVillage":   s.DeleteVillage(ctx, 99),
		"DeleteElection":  s.DeleteElection(ctx, 99),
		"RestoreVillage":  s.RestoreVillage(ctx, 99),
		"RestoreElection": s.RestoreElection(ctx, 99),
		"SaveVillage":     s.SaveVillage(ctx, &data.Village{ID: 99, Township: "城关镇", Name: "东关村", Kind: data.KindVillage, Status: data.VillageActive}),
		"SaveTownship":    s.SaveTownship(ctx, &data.Township{ID: 99, Name: "城关镇"}),
	} {
		if !errors.Is(err, data.ErrNotFound) {
			t.Errorf("%s of a missing ID = %v, want data.ErrNotFound", name, err)
		}
	}
}

// Writers on several connections wait for each other instead of failing with SQLITE_BUSY.
func TestConcurrentWriters(t *testing.T) {
	s := openTest(t)
	const writers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				v := village("城关镇", string(rune('甲'+w))+strings.Repeat("村", i+1))
				if err := s.SaveVillage(ctx, &v); err != nil {
					errs <- err
					return
				}
				e := completed(v.Township, v.Name, data.BodyParty)
				if err := s.SaveElection(ctx, &e, today); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if es, err := s.Elections(ctx, 2026); err != nil || len(es) != writers*each {
		t.Errorf("Elections = %d, %v; want %d", len(es), err, writers*each)
	}
}
