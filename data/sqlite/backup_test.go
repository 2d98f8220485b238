package sqlite

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"liangwei/data"
)

func mustBackups(t *testing.T, s *Store) []data.Backup {
	t.Helper()
	bs, err := s.Backups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return bs
}

// restoreState is what a restore must bring back: every record, the locks and the settings.
type restoreState struct {
	ledger   data.Ledger
	locks    []data.RoundLock
	settings data.Settings
}

func takeState(t *testing.T, s *Store) restoreState {
	t.Helper()
	var st restoreState
	var err error
	if st.ledger, err = s.Ledger(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if st.locks, err = s.Locks(ctx); err != nil {
		t.Fatal(err)
	}
	if st.settings, err = s.Settings(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestBackupChangeRestore(t *testing.T) {
	s := openTest(t)
	tick(s)
	if _, err := s.Import(ctx, genCity(120, 4), "全镇.xlsx"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSettings(ctx, data.Settings{Township: "第1镇", Leader: "王珺", Round: 2026}); err != nil {
		t.Fatal(err)
	}
	if err := s.Lock(ctx, 2021, "2021年已上报"); err != nil {
		t.Fatal(err)
	}
	want := takeState(t, s)
	backup, err := s.BackupNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(backup.Path); err != nil || fi.Size() != backup.Size || filepath.Dir(backup.Path) != s.BackupDir() {
		t.Fatalf("backup %+v: stat %v, %v", backup, fi, err)
	}

	// Changes of every sort after the backup.
	if err := s.Unlock(ctx, 2021, "更正"); err != nil {
		t.Fatal(err)
	}
	vs, _ := s.Villages(ctx)
	if err := s.DeleteVillage(ctx, vs[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, genCity(150, 4), "全镇-新.xlsx"); err != nil {
		t.Fatal(err)
	}
	if err := s.Lock(ctx, 2026, "已上报"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSettings(ctx, data.Settings{Township: "别的镇"}); err != nil {
		t.Fatal(err)
	}
	changed := takeState(t, s)
	if reflect.DeepEqual(changed, want) {
		t.Fatal("the changes changed nothing")
	}

	// The backup's 2026 differs from the locked one: refused, nothing changed, no backup.
	snap := takeSnap(t, s)
	if err := s.RestoreBackup(ctx, backup.Path); !errors.Is(err, data.ErrLocked) || !strings.Contains(err.Error(), "2026年届次已上报锁定") ||
		!strings.Contains(err.Error(), "未改动") {
		t.Fatalf("restoring over a locked round = %v, want a refusal naming 2026", err)
	}
	if !sameFullSnap(snap, takeSnap(t, s)) || len(mustBackups(t, s)) != 1 {
		t.Fatalf("the refused restore changed something")
	}
	if err := s.Unlock(ctx, 2026, "需要恢复备份"); err != nil {
		t.Fatal(err)
	}
	changed.locks = nil
	logBefore := mustAudit(t, s)

	// Readers keep working while the file is swapped.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var readErrs []error
	var mu sync.Mutex
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := s.Villages(ctx); err != nil {
					mu.Lock()
					readErrs = append(readErrs, err)
					mu.Unlock()
				}
			}
		}()
	}
	err = s.RestoreBackup(ctx, backup.Path)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("RestoreBackup: %v", err)
	}
	if len(readErrs) > 0 {
		t.Errorf("reads during the restore failed: %v", readErrs[0])
	}
	// The data and settings come back; the locks stay as they were (2021 was unlocked after
	// the backup, and the log says so); the log keeps every entry and gets the restore's.
	want.locks = nil
	if got := takeState(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("restored state differs from the backed-up one")
	}
	logAfter := mustAudit(t, s)
	if len(logAfter) != len(logBefore)+2 || !reflect.DeepEqual(logAfter[2:], logBefore) || logAfter[1].Action != ActionBackup {
		t.Errorf("the log after the restore is not the log before + the pre-restore backup + the restore")
	}

	// The data of just before the restore was backed up.
	bs := mustBackups(t, s)
	if len(bs) != 2 || bs[1].Path != backup.Path {
		t.Fatalf("Backups = %+v, want the pre-restore backup and ours", bs)
	}
	pre := openCopy(t, bs[0].Path)
	if got := takeState(t, pre); !reflect.DeepEqual(got, changed) {
		t.Errorf("the pre-restore backup does not hold the data of before the restore")
	}

	// Audited, and the store is usable.
	a := mustAudit(t, s)
	if a[0].Action != ActionRestoreBackup || a[0].Record != backup.Path || !strings.Contains(a[0].NewValue, filepath.Base(bs[0].Path)) {
		t.Errorf("audit[0] = %+v, want the restore", a[0])
	}
	v := village("第1镇", "新建村")
	if err := s.SaveVillage(ctx, &v); err != nil {
		t.Errorf("saving after the restore: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), "*.tmp"))
	sidecars, _ := filepath.Glob(filepath.Join(s.BackupDir(), "*-[ws][ah][lm]"))
	if len(leftovers) > 0 || len(sidecars) > 0 {
		t.Errorf("temporary files left: %v %v", leftovers, sidecars)
	}
	if err := s.Lock(ctx, 2021, ""); err != nil {
		t.Fatal(err)
	}
}

// openCopy opens a copy of a database file (so the original is not touched).
func openCopy(t *testing.T, path string) *Store {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, b, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(cp)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRestoreRefusesWrongFiles(t *testing.T) {
	s := openTest(t)
	if _, err := s.Import(ctx, genCity(200, 3), "全镇.xlsx"); err != nil {
		t.Fatal(err)
	}
	backup, err := s.BackupNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, err := os.ReadFile(backup.Path)
	if err != nil {
		t.Fatal(err)
	}
	text := write("台账.db", []byte("村名,乡镇\n东关村,城关镇\n"))
	empty := write("empty.db", nil)
	truncated := write("truncated.db", good[:len(good)/2])
	foreign := filepath.Join(dir, "other.db")
	func() {
		db, err := sql.Open("sqlite", foreign)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, '张三')"); err != nil {
			t.Fatal(err)
		}
	}()
	newer := write("newer.db", good)
	func() {
		db, err := sql.Open("sqlite", newer)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', '2030-01-01T00:00:00Z')"); err != nil {
			t.Fatal(err)
		}
	}()
	corruptPage := append([]byte(nil), good...)
	for i := 3 * 4096; i < 3*4096+2000 && i < len(corruptPage); i++ {
		corruptPage[i] = 0xA5
	}
	corrupt := write("corrupt.db", corruptPage)

	tests := []struct {
		name, path, want string
	}{
		{"text file", text, "不是 SQLite 数据库"},
		{"empty file", empty, "不是 SQLite 数据库"},
		{"truncated database", truncated, "损坏"},
		{"damaged page", corrupt, "损坏"},
		{"other program's database", foreign, "其他程序的数据库"},
		{"newer version", newer, "更新版本"},
		{"folder", dir, "文件夹"},
		{"missing file", filepath.Join(dir, "nothing.db"), "无法读取"},
		{"the live database", s.Path(), "正在使用"},
		{"no name", "", "未指定"},
	}
	before := takeSnap(t, s)
	backups := mustBackups(t, s)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var content []byte
			if tt.path != "" && tt.path != dir {
				content, _ = os.ReadFile(tt.path)
			}
			err := s.RestoreBackup(ctx, tt.path)
			if err == nil {
				t.Fatalf("RestoreBackup(%s) succeeded, want a refusal", tt.path)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to contain %q", err, tt.want)
			}
			if after := takeSnap(t, s); !sameFullSnap(before, after) {
				t.Errorf("the refused restore changed the data")
			}
			if got := mustBackups(t, s); !reflect.DeepEqual(got, backups) {
				t.Errorf("the refused restore made a backup: %+v", got)
			}
			if tt.path != "" && tt.path != dir {
				if got, _ := os.ReadFile(tt.path); !bytes.Equal(got, content) {
					t.Errorf("the refused file was changed")
				}
			}
			leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), "*.tmp"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
		})
	}
	for _, p := range []string{text, foreign, newer} {
		if _, err := os.Stat(p + "-wal"); err == nil {
			t.Errorf("a WAL file was created next to the refused %s", p)
		}
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// A backup written by an older program (schema up to 0002, no round_locks) is restored and
// migrated.
func TestRestoreOlderSchema(t *testing.T) {
	s := openTest(t)
	old := filepath.Join(t.TempDir(), "old.db")
	func() {
		db, err := sql.Open("sqlite", old)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		ms, _ := migrations()
		for _, q := range []string{
			`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
			ms[0].sql, ms[1].sql,
			`INSERT INTO schema_migrations VALUES (1, '0001_init.sql', '2025-01-01T00:00:00Z'), (2, '0002_people_party_petitions.sql', '2025-01-01T00:00:00Z')`,
			`INSERT INTO townships (name, created_at, updated_at) VALUES ('城关镇', 'x', 'x')`,
			`INSERT INTO villages (township_id, name, created_at, updated_at) VALUES (1, '东关村', 'x', 'x')`,
		} {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
	}()
	if err := s.RestoreBackup(ctx, old); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Villages(ctx)
	if err != nil || len(vs) != 1 || vs[0].Name != "东关村" {
		t.Errorf("Villages after restoring the old backup = %+v, %v", vs, err)
	}
	if err := s.Lock(ctx, 2026, ""); err != nil {
		t.Errorf("Lock on the migrated restore: %v", err)
	}
}

func TestBackupRotationKeepsNewest30(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村")
	base := time.Date(2026, 6, 1, 8, 0, 0, 0, time.Local)
	var made []data.Backup
	for i := 0; i < 34; i++ {
		at(s, base.Add(time.Duration(i/2)*time.Hour)) // two backups in each second
		b, err := s.BackupNow(ctx)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, b)
	}
	if got, want := filepath.Base(made[0].Path), "liangwei-20260601-080000.db"; got != want {
		t.Errorf("first name = %s, want %s", got, want)
	}
	if got, want := filepath.Base(made[1].Path), "liangwei-20260601-080000-2.db"; got != want {
		t.Errorf("second name in the same second = %s, want %s", got, want)
	}
	got := mustBackups(t, s)
	if len(got) != KeepBackups {
		t.Fatalf("%d backups kept, want %d", len(got), KeepBackups)
	}
	for i, b := range got {
		w := made[len(made)-1-i]
		if b.Path != w.Path || !b.At.Equal(w.At) || b.Size != w.Size || b.Size == 0 {
			t.Errorf("Backups[%d] = %+v, want %+v", i, b, w)
		}
	}
	for _, b := range made[:len(made)-KeepBackups] {
		if _, err := os.Stat(b.Path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("old backup %s kept", b.Path)
		}
	}
	// Files that are not ours are left alone and not listed.
	other := filepath.Join(s.BackupDir(), "我的备份.db")
	if err := os.WriteFile(other, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a foreign file in the backups folder was removed: %v", err)
	}
	if n := len(mustBackups(t, s)); n != KeepBackups {
		t.Errorf("%d backups listed, want %d", n, KeepBackups)
	}
	if a, _ := s.AuditLog(ctx, data.AuditFilter{Kind: string(data.SubjectFile)}); len(a) != 35 || a[0].Action != ActionBackup {
		t.Errorf("%d backup audit rows, want 35", len(a))
	}
}

func TestAutoBackupOnlyWhenOlderThanADay(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村")
	t0 := time.Date(2026, 6, 1, 8, 0, 0, 0, time.Local)
	tests := []struct {
		now  time.Time
		made bool
	}{
		{t0, true}, // none yet
		{t0.Add(time.Hour), false},
		{t0.Add(23*time.Hour + 59*time.Minute), false},
		{t0.Add(25 * time.Hour), true},
		{t0.Add(30 * time.Hour), false},
		{t0.Add(49 * time.Hour), true},
	}
	n := 0
	for _, tt := range tests {
		made, err := s.AutoBackup(ctx, tt.now)
		if err != nil {
			t.Fatal(err)
		}
		if made != tt.made {
			t.Errorf("AutoBackup(%v) = %v, want %v", tt.now, made, tt.made)
		}
		if made {
			n++
		}
		bs := mustBackups(t, s)
		if len(bs) != n {
			t.Fatalf("after AutoBackup(%v): %d backups, want %d", tt.now, len(bs), n)
		}
		if made && !bs[0].At.Equal(tt.now) {
			t.Errorf("newest backup at %v, want %v", bs[0].At, tt.now)
		}
	}
}
