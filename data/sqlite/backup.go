package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"time"

	"liangwei/data"
)

// KeepBackups is how many backups BackupNow keeps in the backups folder.
const KeepBackups = 30

// backupName matches the files BackupNow writes: liangwei-YYYYMMDD-HHMMSS.db, with -N
// before .db for a second backup within the same second.
var backupName = regexp.MustCompile(`^liangwei-(\d{8}-\d{6})(?:-(\d+))?\.db$`)

const backupStamp = "20060102-150405"

// BackupDir is the folder of the automatic and manual backups: backups beside the database.
func (s *Store) BackupDir() string { return filepath.Join(filepath.Dir(s.path), "backups") }

// backupValue is the new value of a "backup" audit row.
type backupValue struct {
	File string `json:"文件"`
	Size int64  `json:"大小"`
}

// restoreValue is the new value of a "restore-backup" audit row.
type restoreValue struct {
	From   string `json:"恢复自"`
	Before string `json:"恢复前的备份"`
}

// BackupNow writes a consistent copy of the database (VACUUM INTO, never a file copy of a
// WAL database) to backups/liangwei-YYYYMMDD-HHMMSS.db beside it, local time, audits it and
// keeps the newest KeepBackups backups.
func (s *Store) BackupNow(ctx context.Context) (data.Backup, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.backupOn(ctx, s.db, s.now())
}

// AutoBackup makes a backup when the newest one is older than a day as of now (or there is
// none), and says whether it did. The program calls it at start-up.
func (s *Store) AutoBackup(ctx context.Context, now time.Time) (bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	bs, err := s.listBackups()
	if err != nil {
		return false, err
	}
	if len(bs) > 0 && now.Sub(bs[0].At) < 24*time.Hour {
		return false, nil
	}
	if _, err := s.backupOn(ctx, s.db, now); err != nil {
		return false, err
	}
	return true, nil
}

// Backups lists the backups in the backups folder, newest first; the time comes from the
// file name, the size from the file.
func (s *Store) Backups(ctx context.Context) ([]data.Backup, error) {
	return s.listBackups()
}

type backupFile struct {
	data.Backup
	seq int
}

func (s *Store) listBackups() ([]data.Backup, error) {
	dir := s.BackupDir()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取备份文件夹“%s”：%w", dir, err)
	}
	var fs []backupFile
	for _, e := range entries {
		m := backupName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		at, err := time.ParseInLocation(backupStamp, m[1], time.Local)
		if err != nil {
			continue
		}
		seq := 1
		if m[2] != "" {
			seq, _ = strconv.Atoi(m[2])
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		fs = append(fs, backupFile{data.Backup{Path: filepath.Join(dir, e.Name()), At: at, Size: fi.Size()}, seq})
	}
	sort.Slice(fs, func(i, j int) bool {
		if !fs[i].At.Equal(fs[j].At) {
			return fs[i].At.After(fs[j].At)
		}
		return fs[i].seq > fs[j].seq
	})
	out := make([]data.Backup, len(fs))
	for i, f := range fs {
		out[i] = f.Backup
	}
	return out, nil
}

// backupOn writes a backup of db named for at, audits it on db and rotates the folder.
func (s *Store) backupOn(ctx context.Context, db *sql.DB, at time.Time) (data.Backup, error) {
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return data.Backup{}, fmt.Errorf("无法创建备份文件夹“%s”：%w", dir, err)
	}
	at = at.In(time.Local).Truncate(time.Second)
	stamp := at.Format(backupStamp)
	// The name is reserved by creating the file exclusively (VACUUM INTO accepts an empty
	// file), so two backups in one second, even by two programs, get two names.
	var path string
	for n := 1; ; n++ {
		name := "liangwei-" + stamp + ".db"
		if n > 1 {
			name = fmt.Sprintf("liangwei-%s-%d.db", stamp, n)
		}
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) && n < 1000 {
			continue
		}
		if err != nil {
			return data.Backup{}, fmt.Errorf("无法在“%s”中创建备份文件：%w", dir, err)
		}
		f.Close()
		path = filepath.Join(dir, name)
		break
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		os.Remove(path)
		if isBusy(err) {
			return data.Backup{}, errBusy
		}
		return data.Backup{}, fmt.Errorf("备份到“%s”失败：%w", path, err)
	}
	size, err := syncFile(path)
	if err != nil {
		os.Remove(path)
		return data.Backup{}, fmt.Errorf("备份到“%s”失败：%w", path, err)
	}
	b := data.Backup{Path: path, At: at, Size: size}
	if err := s.writeOn(ctx, db, func(w *tx) error {
		return w.log(ActionBackup, data.SubjectFile, path, nil, backupValue{filepath.Base(path), size}, "")
	}); err != nil {
		return b, err
	}
	return b, s.rotate()
}

// rotate deletes all but the newest KeepBackups backups.
func (s *Store) rotate() error {
	bs, err := s.listBackups()
	if err != nil {
		return err
	}
	for _, b := range bs[min(len(bs), KeepBackups):] {
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("无法删除旧备份“%s”：%w", b.Path, err)
		}
	}
	return nil
}

// syncFile flushes a written file to disk and returns its size.
func syncFile(path string) (int64, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), f.Close()
}

// fileURI is an SQLite URI of path with the given query (e.g. mode=ro), so that SQLite's own
// parameters apply.
func fileURI(path, query string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if p[0] != '/' {
		p = "/" + p // C:/… on Windows
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: query}
	return u.String(), nil
}

// RestoreBackup replaces the data by the backup at path. The file is checked first, opened
// read-only: it must be a SQLite database with this program's schema_migrations, pass
// integrity_check and have a schema version not newer than the program's; anything else is
// refused with a Chinese message and nothing changed. Then the backup is copied (VACUUM
// INTO, a consistent snapshot) to a temporary file beside the database, the current data is
// backed up (BackupNow), the pool is closed, the WAL checkpointed and removed, the copy
// renamed over the database, which is reopened and migrated, and the restore audited. The
// Store stays usable; transactions started meanwhile wait for the swap.
func (s *Store) RestoreBackup(ctx context.Context, path string) error {
	if path == "" {
		return refuse(nil, "未指定要恢复的备份文件")
	}
	if same, _ := samePath(path, s.path); same {
		return refuse(nil, "“%s”就是正在使用的数据库，不能用它自己来恢复", path)
	}
	tmp, err := s.stageBackup(ctx, path)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // renamed away on success

	s.mu.Lock()
	defer s.mu.Unlock()
	before, err := s.backupOn(ctx, s.db, s.now())
	if err != nil {
		return fmt.Errorf("恢复前备份当前数据失败，没有恢复，当前数据未改动：%w", err)
	}
	// Closing the last connection checkpoints the WAL into the file; the explicit
	// checkpoint makes that so even if another program keeps the file open.
	s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	if err := s.db.Close(); err != nil {
		return s.reopenAfter(ctx, fmt.Errorf("关闭数据库失败，没有恢复：%w", err))
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(s.path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return s.reopenAfter(ctx, fmt.Errorf("无法替换数据库文件（可能另一个程序正在使用台账），没有恢复：%w", err))
		}
	}
	if err := os.Rename(tmp, s.path); err != nil {
		return s.reopenAfter(ctx, fmt.Errorf("无法替换数据库文件（可能另一个程序正在使用台账），没有恢复：%w", err))
	}
	syncDir(filepath.Dir(s.path))
	db, err := s.openDB(ctx)
	if err != nil {
		// The checked copy would not open: put the data of a moment ago back.
		if cerr := copyFile(before.Path, s.path); cerr != nil {
			return fmt.Errorf("恢复失败：%v；放回恢复前的数据也失败：%v。恢复前的数据保存在“%s”", err, cerr, before.Path)
		}
		return s.reopenAfter(ctx, fmt.Errorf("恢复失败，已放回恢复前的数据：%w", err))
	}
	s.db = db
	return s.writeOn(ctx, db, func(w *tx) error {
		return w.log(ActionRestoreBackup, data.SubjectFile, path, nil, restoreValue{From: path, Before: before.Path}, "")
	})
}

// reopenAfter reopens the database after a failed restore, returning cause (s.mu is held).
func (s *Store) reopenAfter(ctx context.Context, cause error) error {
	db, err := s.openDB(ctx)
	if err != nil {
		return fmt.Errorf("%w；重新打开数据库也失败：%v", cause, err)
	}
	s.db = db
	return cause
}

// stageBackup checks that path is a database of this program, opened read-only, and copies
// a consistent snapshot of it to a temporary file beside the database, returning its name.
func (s *Store) stageBackup(ctx context.Context, path string) (string, error) {
	notOurs := func(why string) error {
		return refuse(nil, "“%s”不是两委台账的备份文件（%s），没有恢复，当前数据未改动", path, why)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return "", refuse(nil, "无法读取备份文件“%s”：%v", path, err)
	}
	if fi.IsDir() {
		return "", notOurs("是文件夹")
	}
	f, err := os.Open(path)
	if err != nil {
		return "", refuse(nil, "无法读取备份文件“%s”：%v", path, err)
	}
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return "", notOurs("不是 SQLite 数据库")
	}
	uri, err := fileURI(path, "mode=ro")
	if err != nil {
		return "", refuse(nil, "无法读取备份文件“%s”：%v", path, err)
	}
	ro, err := sql.Open("sqlite", uri)
	if err != nil {
		return "", refuse(nil, "无法读取备份文件“%s”：%v", path, err)
	}
	defer ro.Close()
	ro.SetMaxOpenConns(1)
	var n int
	if err := ro.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n); err != nil {
		return "", notOurs("文件已损坏")
	}
	if n == 0 {
		return "", notOurs("是其他程序的数据库")
	}
	var version sql.NullInt64
	if err := ro.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&version); err != nil {
		return "", notOurs("文件已损坏")
	}
	ms, err := migrations()
	if err != nil {
		return "", err
	}
	if latest := ms[len(ms)-1].version; int(version.Int64) > latest {
		return "", refuse(nil, "备份“%s”由更新版本的两委台账创建（数据版本 %d，本程序支持到 %d），请先升级程序；没有恢复，当前数据未改动",
			path, version.Int64, latest)
	}
	if !version.Valid {
		return "", notOurs("没有数据版本")
	}
	if err := integrityCheck(ctx, ro); err != nil {
		return "", notOurs("文件已损坏：" + err.Error())
	}
	tmpFile, err := os.CreateTemp(filepath.Dir(s.path), filepath.Base(s.path)+".restore-*.tmp")
	if err != nil {
		return "", fmt.Errorf("无法在数据库文件夹中创建临时文件，没有恢复：%w", err)
	}
	tmp := tmpFile.Name()
	tmpFile.Close()
	if _, err := ro.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return "", notOurs("无法读出其中的数据：" + err.Error())
	}
	if _, err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("无法写入临时文件，没有恢复：%w", err)
	}
	return tmp, nil
}

// samePath tells whether two names are the same file.
func samePath(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}

// copyFile copies src over dst through a temporary file and a rename.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.CreateTemp(filepath.Dir(dst), filepath.Base(dst)+".copy-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(out.Name())
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(dst + suffix)
	}
	return os.Rename(out.Name(), dst)
}

// syncDir flushes a folder's entries (a rename) where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
