package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"liangwei/data"
)

// How a restore works, so that no kill leaves the ledger half-replaced and nothing of the
// log is lost:
//
//  1. The backup is checked read-only (ours, not newer, integrity) and copied (VACUUM INTO) to
//     a temporary file beside the database; the copy is migrated and must be a whole ledger
//     (checkWhole). Anything else is refused, nothing changed.
//  2. A locked round's records must be the same in the copy as now (the lock rule, locks.go):
//     a restore never changes a reported round. The locks themselves are kept as they are
//     now: they, like the log, say what was done, not what the data was.
//  3. The current data is backed up (an atomic, verified backup).
//  4. In one transaction on the live database, every table but audit_log, round_locks and
//     schema_migrations is replaced by the copy's, and the restore's own audit row (file,
//     the pre-restore backup, reason) is appended: a kill leaves the old data or the new with
//     its entry. The log written after the backup stays.
//
// A damaged database may refuse the transaction's deletes; then (fileSwap) the log, the
// locks and the restore's entry are written into the copy, which is renamed over the
// database once the pool is closed: the rename is the moment of the swap.

// keptTables are not replaced by a restore.
// The ledger's version is kept and raised (it only grows, see bumpVersion), and the cached
// figures of the live data stay behind it.
var keptTables = map[string]bool{"audit_log": true, "round_locks": true, "schema_migrations": true,
	"ledger_version": true, "figure_cache": true}

// restoreValue is the new value of a "restore-backup" audit row.
type restoreValue struct {
	From   string `json:"恢复自"`
	Before string `json:"恢复前的备份"`
	Reason string `json:"原因,omitempty"`
}

// RestoreBackup replaces the data by the backup at path; see RestoreBackupFor.
func (s *Store) RestoreBackup(ctx context.Context, path string) error {
	return s.RestoreBackupFor(ctx, path, "")
}

// RestoreBackupFor replaces the data by the backup at path, reason going to the audit log.
// The file must be a whole ledger of this program (not newer; it is migrated in a copy)
// and must hold the same records of every locked round as the database; anything else is
// refused with a Chinese message and nothing changed. The current data is backed up first.
// The audit log and the locks are kept; the restore appends its own entry in the
// transaction that swaps the data. The Store stays usable.
func (s *Store) RestoreBackupFor(ctx context.Context, path, reason string) error {
	if path == "" {
		return refuse(nil, "未指定要恢复的备份文件")
	}
	if same, _ := samePath(path, s.path); same {
		return refuse(nil, "“%s”就是正在使用的数据库，不能用它自己来恢复", path)
	}
	if s.readOnly {
		return errReadOnly(s.path)
	}
	tmp, err := s.stageBackup(ctx, path)
	if err != nil {
		return err
	}
	defer removeDB(tmp)
	damagedNow := s.IntegrityCheck(ctx) != nil
	if !damagedNow {
		if err := s.checkRestoreLocks(ctx, tmp); err != nil {
			return err
		}
	}
	before, err := s.backupCurrent(ctx)
	if err != nil {
		return fmt.Errorf("恢复前备份当前数据失败，没有恢复，当前数据未改动：%w", err)
	}
	val := restoreValue{From: path, Before: before.Path, Reason: strings.TrimSpace(reason)}
	if !damagedNow {
		err = s.swapIn(ctx, tmp, val)
		if err == nil || !isCorrupt(err) {
			return err
		}
	}
	return s.fileSwap(ctx, tmp, val)
}

// backupCurrent backs up the data before a restore: into the rotation when sound, else
// as a copy outside it (backupOn says so with an ErrDamaged error, which a restore of a
// damaged ledger expects).
func (s *Store) backupCurrent(ctx context.Context) (data.Backup, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b, err := s.backupOn(ctx, s.db, s.now())
	if errors.Is(err, data.ErrDamaged) && b.Path != "" {
		return b, nil
	}
	return b, err
}

// stageBackup checks that path is a database of this program, opened read-only, copies a
// consistent snapshot of it to a temporary file beside the database, migrates the copy and
// checks it whole, returning its name.
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
	ro, err := openReadOnly(path)
	if err != nil {
		return "", refuse(nil, "无法读取备份文件“%s”：%v", path, err)
	}
	defer ro.Close()
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
	tmp, err := tempFile(filepath.Dir(s.path), filepath.Base(s.path)+".restore")
	if err != nil {
		return "", fmt.Errorf("无法在数据库文件夹中创建临时文件，没有恢复：%w", fsErr(err))
	}
	if _, err := ro.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		removeDB(tmp)
		if e := translate(err); e != nil {
			return "", fmt.Errorf("无法写入临时文件，没有恢复：%w", e)
		}
		return "", notOurs("无法读出其中的数据：" + err.Error())
	}
	if _, err := syncFile(tmp); err != nil {
		removeDB(tmp)
		return "", fmt.Errorf("无法写入临时文件，没有恢复：%w", fsErr(err))
	}
	if err := prepareCopy(ctx, tmp); err != nil {
		removeDB(tmp)
		return "", refuse(nil, "“%s”不是完整的两委台账（%s），没有恢复，当前数据未改动", path, err)
	}
	return tmp, nil
}

// prepareCopy migrates a copy of a ledger (rollback journal: nothing stays beside it) and
// checks it whole.
func prepareCopy(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_txlock=immediate")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := migrateDB(ctx, db, &Store{path: path, now: time.Now, osUser: osUser()}); err != nil {
		return err
	}
	return checkWhole(ctx, db)
}

// checkRestoreLocks refuses a restore whose copy holds other records of a locked round than
// the database (a first look, before the pre-restore backup; swapIn looks again in its
// transaction).
func (s *Store) checkRestoreLocks(ctx context.Context, tmp string) error {
	locks, err := s.Locks(ctx)
	if err != nil || len(locks) == 0 {
		return err
	}
	db, err := openReadOnly(tmp)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, l := range locks {
		cur, err := s.Ledger(ctx, l.Round)
		if err != nil {
			return err
		}
		q, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return dbErr(err)
		}
		got, err := ledgerIn(ctx, poolTx{q}, l.Round, "")
		q.Rollback()
		if err != nil {
			return dbErr(err)
		}
		if !slices.Equal(ledgerDigest(cur), ledgerDigest(got)) {
			return lockedRestore(l.Round)
		}
	}
	return nil
}

// lockedRestore refuses a restore that would change a locked round.
func lockedRestore(round int) error {
	return fmt.Errorf("%w；没有恢复，当前数据未改动", &data.LockedError{Round: round,
		Why: "所选备份中该届的记录与已上报的不同，恢复会改变已上报的数字"})
}

// swapIn replaces the data by the staged copy tmp in one transaction on the live database,
// with the restore's audit row.
func (s *Store) swapIn(ctx context.Context, tmp string, val restoreValue) error {
	want, err := expectedSchema(ctx)
	if err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return dbErr(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "ATTACH DATABASE ? AS staged", tmp); err != nil {
		return dbErr(err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), "DETACH DATABASE staged"); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn }) // drop the connection
		}
	}()
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return dbErr(err)
	}
	defer sqlTx.Rollback()
	w := &tx{ctx: ctx, tx: sqlTx, s: s, now: s.stamp()}
	if err := w.checkLocked(); err != nil {
		return dbErr(err)
	}
	digests := map[int][]auditValue{}
	for r := range w.locks {
		l, err := ledgerIn(ctx, poolTx{sqlTx}, r, "")
		if err != nil {
			return dbErr(err)
		}
		digests[r] = ledgerDigest(l)
	}
	if _, err := w.exec("PRAGMA defer_foreign_keys = ON"); err != nil {
		return dbErr(err)
	}
	for table, cols := range want.columns {
		if keptTables[table] {
			continue
		}
		list := `"` + strings.Join(cols, `", "`) + `"`
		if _, err := w.exec(`DELETE FROM main."` + table + `"`); err != nil {
			return dbErr(err)
		}
		if _, err := w.exec(`INSERT INTO main."` + table + `" (` + list + `) SELECT ` + list + ` FROM staged."` + table + `"`); err != nil {
			return dbErr(err)
		}
	}
	for r, before := range digests {
		l, err := ledgerIn(ctx, poolTx{sqlTx}, r, "")
		if err != nil {
			return dbErr(err)
		}
		if !slices.Equal(before, ledgerDigest(l)) {
			return lockedRestore(r)
		}
	}
	if err := w.log(ActionRestoreBackup, data.SubjectFile, val.From, nil, val, ""); err != nil {
		return dbErr(err)
	}
	if err := w.bumpVersion(); err != nil {
		return dbErr(err)
	}
	return dbErr(sqlTx.Commit())
}

// fileSwap restores into a damaged database: the staged copy gets the database's log and
// locks (as far as they can be read) and the restore's entry, then replaces the file.
func (s *Store) fileSwap(ctx context.Context, tmp string, val restoreValue) error {
	if err := s.carryLog(ctx, tmp, val); err != nil {
		return fmt.Errorf("恢复失败，当前数据未改动：%w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
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
		return s.reopenAfter(ctx, fmt.Errorf("无法替换数据库文件（可能另一个程序正在使用台账），没有恢复：%w", fsErr(err)))
	}
	syncDir(filepath.Dir(s.path))
	return s.reopenAfter(ctx, nil)
}

// carryLog writes into the staged copy tmp the live database's audit log and locks, as far
// as they can be read, and the restore's own entry.
func (s *Store) carryLog(ctx context.Context, tmp string, val restoreValue) error {
	db, err := sql.Open("sqlite", tmp+"?_pragma=busy_timeout(5000)&_txlock=immediate")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "ATTACH DATABASE ? AS live", s.path); err != nil {
		return err
	}
	defer conn.ExecContext(context.Background(), "DETACH DATABASE live")
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer sqlTx.Rollback()
	w := &tx{ctx: ctx, tx: sqlTx, s: s, now: s.stamp()}
	for _, t := range []string{"audit_log", "round_locks"} {
		// What the damage made unreadable is lost; the copy then keeps its own rows.
		if _, err := w.exec("SAVEPOINT carry"); err != nil {
			return err
		}
		if _, err := w.exec(`DELETE FROM main.` + t); err != nil {
			return err
		}
		if _, err := w.exec(`INSERT INTO main.` + t + ` SELECT * FROM live.` + t); err != nil {
			if _, err := w.exec("ROLLBACK TO carry"); err != nil {
				return err
			}
			val.Reason = strings.TrimSpace(val.Reason + "（原数据库已损坏，部分" + map[string]string{"audit_log": "操作日志", "round_locks": "锁定记录"}[t] + "无法读出）")
		}
		if _, err := w.exec("RELEASE carry"); err != nil {
			return err
		}
	}
	if err := w.log(ActionRestoreBackup, data.SubjectFile, val.From, nil, val, ""); err != nil {
		return err
	}
	if err := w.passVersion(); err != nil {
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return err
	}
	_, err = syncFile(tmp)
	return err
}

// reopenAfter reopens the database after a file swap (s.mu is held), returning cause.
func (s *Store) reopenAfter(ctx context.Context, cause error) error {
	db, err := s.openDB(ctx)
	if err != nil {
		if cause == nil {
			return fmt.Errorf("恢复后重新打开数据库失败：%w", err)
		}
		return fmt.Errorf("%w；重新打开数据库也失败：%v", cause, err)
	}
	s.db = db
	return cause
}

// removeDB removes a temporary database with its journal files.
func removeDB(path string) {
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}
