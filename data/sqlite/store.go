// Package sqlite is the ledger's store: one SQLite file (modernc.org/sqlite, pure Go) with
// embedded numbered migrations, soft delete (the recycle bin) and an audit log written in the
// same transaction as every change. *Store implements data.Store.
package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"liangwei/data"
)

// dsn gives the per-connection settings (STYLE.md). They live in the DSN so that every
// pooled connection gets them. _txlock=immediate makes write transactions take the write
// lock at BEGIN, so two writers wait for each other (busy_timeout) instead of failing with
// SQLITE_BUSY when a deferred transaction tries to upgrade; read-only transactions stay
// deferred.
func dsn(path string, busy int) string {
	return path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(" + strconv.Itoa(busy) +
		")&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
}

// busyTimeout is how long, in milliseconds, a write waits for another program's write to
// finish before giving up with errBusy.
const busyTimeout = 5000

// sqliteHeader starts every SQLite 3 database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Store is the ledger database. It is safe for concurrent use.
type Store struct {
	// mu guards db: every transaction holds it for reading, RestoreBackup for writing while
	// it swaps the file and the pool.
	mu     sync.RWMutex
	db     *sql.DB
	path   string
	busy   int // busy_timeout in milliseconds
	osUser string
	// readOnly: the file or its folder is not writable; the pool is opened read-only and
	// every change is refused with errReadOnly.
	readOnly bool
	now      func() time.Time // the clock of timestamps; tests may replace it
	// stmts holds the statements an import prepares once (import_batch.go), by pool.
	stmts sync.Map
}

var _ data.Store = (*Store)(nil)

// DefaultPath is where the database lives when no --db is given: $LIANGWEI_DB if set, else
// liangwei/liangwei.db in the user's config folder.
func DefaultPath() (string, error) {
	if p := os.Getenv("LIANGWEI_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("找不到用户配置文件夹，请用 --db 指定数据库文件：%w", err)
	}
	return filepath.Join(dir, "liangwei", "liangwei.db"), nil
}

// Open opens the database at path, creating it (and its folder) when missing, and applies
// the migrations it lacks. A file that is not a SQLite database, or a database of another
// program, is refused with a Chinese error and left untouched. When the file or its folder
// cannot be written the ledger is opened read-only: reading works, every change is refused
// with a data.ErrReadOnly error saying so. Temporaries of backups and restores killed
// part-way are removed.
func Open(path string) (*Store, error) {
	return open(path, busyTimeout)
}

// open is Open with a busy timeout in milliseconds (tests shorten it).
func open(path string, busy int) (*Store, error) {
	if path == "" {
		return nil, errors.New("未指定数据库文件")
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("无法创建数据库文件夹“%s”：%w", filepath.Dir(path), fsErr(err))
	}
	s := &Store{path: path, busy: busy, osUser: osUser(), now: time.Now}
	if !writable(path) {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("无法在“%s”中创建数据库：文件夹不允许写入。请用 --db 指定可以写入的文件夹中的数据库文件", filepath.Dir(path))
		}
		s.readOnly = true
		db, err := s.openReadOnlyDB(context.Background())
		if err != nil {
			return nil, err
		}
		s.db = db
		return s, nil
	}
	clearStaleShm(path)
	cleanTemps(filepath.Dir(path))
	cleanTemps(s.BackupDir())
	s.rotate() // a backup killed between its rename and the rotation left one too many
	db, err := s.openDB(context.Background())
	if err != nil {
		return nil, err
	}
	s.db = db
	return s, nil
}

// ReadOnly tells whether the ledger was opened read-only (its file or folder is not
// writable).
func (s *Store) ReadOnly() bool { return s.readOnly }

// openReadOnlyDB opens a read-only ledger: it must be ours and need no migration.
func (s *Store) openReadOnlyDB(ctx context.Context) (*sql.DB, error) {
	db, err := openReadOnly(s.path)
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库“%s”：%w", s.path, err)
	}
	ms, err := migrations()
	if err != nil {
		db.Close()
		return nil, err
	}
	if err := checkOurs(ctx, db, s.path, ms); err != nil {
		db.Close()
		return nil, err
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations").Scan(&n); err != nil || n < len(ms) {
		db.Close()
		return nil, fmt.Errorf("数据库“%s”是只读的，且需要升级到本程序的版本才能打开。请在文件属性中取消“只读”，或把它复制到可以写入的文件夹后再打开", s.path)
	}
	return db, nil
}

// openDB opens a pool on s.path and applies the migrations it lacks. It does not touch
// s.db, so that a restore can call it while holding s.mu.
func (s *Store) openDB(ctx context.Context) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn(s.path, s.busy))
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库“%s”：%w", s.path, err)
	}
	db.SetMaxOpenConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		if e := translate(err); e != nil {
			return nil, fmt.Errorf("无法打开数据库“%s”：%w", s.path, e)
		}
		return nil, fmt.Errorf("无法打开数据库“%s”，文件可能已损坏或被占用：%w", s.path, err)
	}
	if err := migrateDB(ctx, db, s); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// checkFile refuses an existing file that is not a SQLite database before the driver touches
// it (opening in WAL mode would otherwise try to write to it).
func checkFile(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("无法读取数据库文件“%s”：%w", path, err)
	}
	if fi.IsDir() {
		return fmt.Errorf("“%s”是文件夹，不是数据库文件", path)
	}
	if fi.Size() == 0 {
		return nil // an empty file is an empty database
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("无法读取数据库文件“%s”：%w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return fmt.Errorf("“%s”不是两委台账的数据库文件（不是 SQLite 数据库），请选择正确的文件", path)
	}
	return nil
}

// osUser names the person at the keyboard for the audit log.
func osUser() string {
	if u, err := user.Current(); err == nil {
		if u.Username != "" {
			return u.Username
		}
		if u.Name != "" {
			return u.Name
		}
	}
	for _, k := range []string{"USER", "USERNAME", "LOGNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "未知用户"
}

// Path is the database file the store was opened on.
func (s *Store) Path() string { return s.path }

// Close closes the database; the WAL is checkpointed when the last connection closes.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stmts.Range(func(k, st any) bool {
		st.(*sql.Stmt).Close()
		s.stmts.Delete(k)
		return true
	})
	return s.db.Close()
}

// IntegrityCheck runs PRAGMA integrity_check and PRAGMA foreign_key_check and checks that
// the database holds every table and column of the current schema; damage is a
// data.ErrDamaged error saying what was found.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return checkWhole(ctx, s.db)
}

// Backup writes a consistent copy of the database to dest (VACUUM INTO), flushed to disk
// and audited. It refuses to overwrite an existing file. The source is checked first: a
// damaged ledger is still copied (the copy may save what can be saved), and the copy is
// refused as a backup with a data.ErrDamaged error naming it.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if dest == "" {
		return errors.New("未指定备份文件")
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("备份文件“%s”已存在，不能覆盖，请换一个文件名", dest)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("无法检查备份文件“%s”：%w", dest, err)
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return fmt.Errorf("无法创建备份文件夹“%s”：%w", filepath.Dir(dest), fsErr(err))
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	sound := checkWhole(ctx, s.db)
	tmp, err := tempFile(filepath.Dir(dest), filepath.Base(dest))
	if err != nil {
		return fmt.Errorf("无法在“%s”中创建备份文件：%w", filepath.Dir(dest), fsErr(err))
	}
	defer removeDB(tmp) // renamed away on success
	size, err := copyVerified(ctx, s.db, tmp, sound == nil)
	if err != nil {
		return fmt.Errorf("备份到“%s”失败：%w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		return fmt.Errorf("备份到“%s”失败：%w", dest, fsErr(err))
	}
	syncDir(filepath.Dir(dest))
	if sound != nil {
		return refuse(data.ErrDamaged, "当前数据库已损坏（%v），已把数据复制到“%s”，但它不是完好的备份。请恢复最新的完好备份", sound, dest)
	}
	if s.readOnly {
		return nil // nothing can be logged in a read-only ledger
	}
	return s.writeOn(ctx, s.db, func(w *tx) error {
		return w.log(ActionBackup, data.SubjectFile, dest, nil, backupValue{filepath.Base(dest), size}, "")
	})
}

// dbErr wraps an unexpected database error with a Chinese explanation.
func dbErr(err error) error {
	if err == nil {
		return nil
	}
	var ps data.Problems
	var ue *userError
	if errors.As(err, &ps) || errors.As(err, &ue) || errors.Is(err, data.ErrNotFound) || errors.Is(err, data.ErrLocked) ||
		errors.Is(err, data.ErrDamaged) || errors.Is(err, data.ErrReadOnly) || errors.Is(err, data.ErrDiskFull) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if e := translate(err); e != nil {
		return e
	}
	return fmt.Errorf("数据库操作失败：%w", err)
}

// userError is a refusal the clerk can act on: its message is shown as is.
type userError struct {
	msg  string
	kind error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.kind }

func refuse(kind error, format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...), kind: kind}
}

// stamp is the UTC RFC 3339 text of timestamps.
func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// tx is one write transaction with its timestamp and the audit writer.
type tx struct {
	ctx   context.Context
	tx    *sql.Tx
	db    *sql.DB // the pool tx is on
	s     *Store
	now   string
	audit *sql.Stmt // prepared lazily
	// audits, when set (an import), queues the audit rows, written by flushAudits.
	audits *rowBatch
	locks  map[int]bool // the locked rounds, read lazily (see checkLocked)
	// sameVersion: the transaction changes nothing, so the ledger's version is not raised
	// (a migration already applied; see bumpVersion).
	sameVersion bool
	// scope, when not nil, names every township whose records the transaction may change (an
	// import's, which only writes records of the townships its file names): the figures kept
	// for the others stay valid (see stampFigures). nil: it may change anything.
	scope []string
	// noStamps: figure_stamps does not exist yet (a migration before partsMigration).
	noStamps bool
}

// errBusy is what a clerk reads when another program holds the write lock too long.
var errBusy error = &userError{
	msg:  "台账正在被另一个程序使用（可能另开了一个两委台账窗口，或正在导入、备份），这次修改没有保存。请稍后再试，或关闭另一个程序后再试",
	kind: data.ErrBusy,
}

// write runs fn in a write transaction (BEGIN IMMEDIATE) and commits when it returns nil.
func (s *Store) write(ctx context.Context, fn func(*tx) error) error {
	if s.readOnly {
		return errReadOnly(s.path)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.writeOn(ctx, s.db, fn)
}

// writeOn is write on a given pool, without taking s.mu (migrations and RestoreBackup).
// It raises the ledger's version in the transaction (see bumpVersion): a cached figure of
// the data before is never read again.
func (s *Store) writeOn(ctx context.Context, db *sql.DB, fn func(*tx) error) error {
	sqlTx, err := db.BeginTx(ctx, nil)
	return s.runTx(ctx, db, sqlTx, err, fn)
}

// runTx runs fn in sqlTx, begun on pool db with error err, and commits when it returns nil.
func (s *Store) runTx(ctx context.Context, db *sql.DB, sqlTx *sql.Tx, err error, fn func(*tx) error) error {
	if err != nil {
		return dbErr(err)
	}
	defer sqlTx.Rollback()
	t := &tx{ctx: ctx, tx: sqlTx, db: db, s: s, now: s.stamp()}
	if err := fn(t); err != nil {
		return dbErr(err)
	}
	if !t.sameVersion {
		if err := t.bumpVersion(); err != nil {
			return dbErr(err)
		}
	}
	return dbErr(sqlTx.Commit())
}

// read runs fn in a read-only (deferred) transaction, so multi-query reads see one snapshot.
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	sqlTx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return dbErr(err)
	}
	defer sqlTx.Rollback()
	if err := fn(sqlTx); err != nil {
		return dbErr(err)
	}
	return dbErr(sqlTx.Commit())
}

func (t *tx) exec(query string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(t.ctx, query, args...)
}

func (t *tx) queryRow(query string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(t.ctx, query, args...)
}

// nullDate stores a zero date as NULL and others as YYYY-MM-DD.
func nullDate(d time.Time) any {
	if d.IsZero() {
		return nil
	}
	return data.FormatDate(d)
}

// parseDate reads a stored YYYY-MM-DD (or NULL) back.
func parseDate(ns sql.NullString) (time.Time, error) {
	if !ns.Valid || ns.String == "" {
		return time.Time{}, nil
	}
	if d, ok := plainDate(ns.String); ok {
		return d, nil
	}
	d, err := time.Parse("2006-01-02", ns.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("数据库中的日期“%s”无效", ns.String)
	}
	return d, nil
}

// plainDate reads s as time.Parse("2006-01-02", s) does, when it is four, two and two
// digits making a day of a month that every month has (1–28); false for anything else,
// which time.Parse reads (a database's dates are read a million at a time).
func plainDate(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	n := func(s string) int {
		v := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, m, d := n(s[:4]), n(s[5:7]), n(s[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 || d > 28 {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
