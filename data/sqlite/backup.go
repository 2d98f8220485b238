package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
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

// BackupNow writes a consistent copy of the database (VACUUM INTO, never a file copy of a
// WAL database) to backups/liangwei-YYYYMMDD-HHMMSS.db beside it, local time, audits it and
// keeps the newest KeepBackups backups. The copy is written under a temporary name, synced
// and verified (a whole ledger) before it gets its name, so a backup killed part-way is
// never listed. A damaged database is still copied, to liangwei-…-damaged.db outside the
// rotation, and BackupNow returns a data.ErrDamaged error saying so.
func (s *Store) BackupNow(ctx context.Context) (data.Backup, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.backupOn(ctx, s.db, s.now())
}

// AutoBackup makes a backup when the newest one is older than a day as of now (or there is
// none), and says whether it did. The program calls it at start-up. A read-only ledger is
// not backed up.
func (s *Store) AutoBackup(ctx context.Context, now time.Time) (bool, error) {
	if s.readOnly {
		return false, nil
	}
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

// NewestSoundBackup is the newest backup of the folder that is a sound ledger of this
// program (integrity check passed, not newer than the program); ok is false when none is.
func (s *Store) NewestSoundBackup(ctx context.Context) (b data.Backup, ok bool, err error) {
	bs, err := s.listBackups()
	if err != nil {
		return data.Backup{}, false, err
	}
	for _, b := range bs {
		if soundFile(ctx, b.Path) == nil {
			return b, true, nil
		}
	}
	return data.Backup{}, false, nil
}

// soundFile checks a backup file read-only: ours, not newer, integrity.
func soundFile(ctx context.Context, path string) error {
	db, err := openReadOnly(path)
	if err != nil {
		return err
	}
	defer db.Close()
	ms, err := migrations()
	if err != nil {
		return err
	}
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return damaged(err.Error())
	}
	if !v.Valid || int(v.Int64) > ms[len(ms)-1].version {
		return refuse(nil, "不是本程序可以恢复的备份")
	}
	return integrityCheck(ctx, db)
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
		if err != nil || !looksWhole(filepath.Join(dir, e.Name()), fi.Size()) {
			continue // removed meanwhile, or the remains of a backup killed by an older version
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

// backupOn writes a backup of db named for at, audits it on db and rotates the folder; a
// damaged db is copied outside the rotation (see BackupNow).
func (s *Store) backupOn(ctx context.Context, db *sql.DB, at time.Time) (data.Backup, error) {
	if s.readOnly {
		return data.Backup{}, errReadOnly(s.path)
	}
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return data.Backup{}, fmt.Errorf("无法创建备份文件夹“%s”：%w", dir, fsErr(err))
	}
	at = at.In(time.Local).Truncate(time.Second)
	stamp := at.Format(backupStamp)
	sound := checkWhole(ctx, db)
	tmp, err := tempFile(dir, "liangwei-backup")
	if err != nil {
		return data.Backup{}, fmt.Errorf("无法在“%s”中创建备份文件：%w", dir, fsErr(err))
	}
	defer removeDB(tmp) // renamed away on success
	size, err := copyVerified(ctx, db, tmp, sound == nil)
	if err != nil && sound != nil {
		// VACUUM INTO cannot read what the damage broke: keep the file as it is.
		size, err = copyRaw(s.path, tmp)
	}
	if err != nil {
		return data.Backup{}, fmt.Errorf("备份失败：%w", err)
	}
	suffix := ""
	if sound != nil {
		suffix = "-damaged"
	}
	path, err := reserveName(dir, stamp, suffix)
	if err != nil {
		return data.Backup{}, err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(path)
		return data.Backup{}, fmt.Errorf("备份失败：%w", fsErr(err))
	}
	if _, err := os.Stat(tmp + "-wal"); err == nil {
		os.Rename(tmp+"-wal", path+"-wal")
	}
	syncDir(dir)
	b := data.Backup{Path: path, At: at, Size: size}
	if sound != nil {
		return b, refuse(data.ErrDamaged, "%v。已把数据复制到“%s”，它不计入备份，也不会被自动删除；原有的备份没有改动。请恢复最新的完好备份", sound, path)
	}
	if err := s.writeOn(ctx, db, func(w *tx) error {
		return w.log(ActionBackup, data.SubjectFile, path, nil, backupValue{filepath.Base(path), size}, "")
	}); err != nil {
		return b, err
	}
	return b, s.rotate()
}

// reserveName creates the empty file liangwei-<stamp><suffix>.db (-2, -3 … before .db for a
// second backup in the same second, even by another program) for a rename to replace. An
// empty file is never listed.
func reserveName(dir, stamp, suffix string) (string, error) {
	for n := 1; ; n++ {
		name := "liangwei-" + stamp + suffix + ".db"
		if n > 1 {
			name = fmt.Sprintf("liangwei-%s%s-%d.db", stamp, suffix, n)
		}
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) && n < 1000 {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("无法在“%s”中创建备份文件：%w", dir, fsErr(err))
		}
		f.Close()
		return filepath.Join(dir, name), nil
	}
}

// copyVerified writes a consistent copy of db to the empty file tmp, syncs it and, when
// verify, checks that the copy is a whole ledger; it returns the copy's size.
func copyVerified(ctx context.Context, db *sql.DB, tmp string, verify bool) (int64, error) {
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		if e := translate(err); e != nil {
			return 0, e
		}
		return 0, err
	}
	size, err := syncFile(tmp)
	if err != nil {
		return 0, fsErr(err)
	}
	if !verify {
		return size, nil
	}
	c, err := openReadOnly(tmp)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if err := checkWhole(ctx, c); err != nil {
		return 0, fmt.Errorf("备份的副本校验未通过（%v），没有保存这份备份", err)
	}
	return size, nil
}

// copyRaw copies the file of a damaged database, and its WAL, to dst (dst-wal), synced,
// returning the size copied.
func copyRaw(src, dst string) (int64, error) {
	var total int64
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(src + suffix)
		if errors.Is(err, os.ErrNotExist) && suffix != "" {
			continue
		}
		if err != nil {
			return 0, err
		}
		out, err := os.OpenFile(dst+suffix, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			in.Close()
			return 0, fsErr(err)
		}
		n, err := io.Copy(out, in)
		in.Close()
		if err == nil {
			err = out.Sync()
		}
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return 0, fsErr(err)
		}
		total += n
	}
	return total, nil
}

// looksWhole tells a whole database file from the remains of a copy killed part-way by its
// header: SQLite's, and a size of the page count the header gives.
func looksWhole(path string, size int64) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	h := make([]byte, 100)
	if _, err := io.ReadFull(f, h); err != nil || !bytes.Equal(h[:len(sqliteHeader)], sqliteHeader) {
		return false
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || size%pageSize != 0 {
		return false
	}
	change, pages, validFor := binary.BigEndian.Uint32(h[24:28]), binary.BigEndian.Uint32(h[28:32]), binary.BigEndian.Uint32(h[92:96])
	return change != validFor || pages == 0 || int64(pages)*pageSize == size
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

// syncDir flushes a folder's entries (a rename) where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
