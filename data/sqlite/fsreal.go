package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"liangwei/data"
)

// readOnlyURI is the file: URI a read-only ledger is opened by (see openReadOnly).
func readOnlyURI(path string) (string, error) {
	q := "mode=ro"
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		q += "&immutable=1"
	}
	return fileURI(path, q)
}

// File-system realities: a ledger on a read-only file, folder or disk; leftovers of a
// killed program; SQLite's and the system's errors said in Chinese with what to do.

// openReadOnly opens a pool on a database file for reading only. When nothing waits in a
// WAL the file is opened immutable, so no -shm is created beside it (a read-only -shm left
// behind would block the next opening, and a read-only folder could not hold one).
func openReadOnly(path string) (*sql.DB, error) {
	uri, err := readOnlyURI(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", uri+"&_pragma=busy_timeout(5000)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	return db, nil
}

// writable tells whether the database file (when it exists) and its folder can be written,
// by trying: modes, attributes, ACLs, read-only disks and root all answer the same way.
func writable(path string) bool {
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if !errors.Is(err, os.ErrNotExist) {
		return false
	}
	probe, err := os.CreateTemp(filepath.Dir(path), ".liangwei-probe-*")
	if err != nil {
		return false
	}
	probe.Close()
	os.Remove(probe.Name())
	return true
}

// errReadOnly refuses a change of a ledger opened read-only.
func errReadOnly(path string) error {
	return refuse(data.ErrReadOnly, "数据库文件“%s”是只读的（文件设为了只读，或所在文件夹、磁盘不允许写入），只能查看，不能修改。"+
		"如需修改，请在文件属性中取消“只读”，或把台账复制到可以写入的文件夹（如“文档”）后再打开", path)
}

var (
	errReadOnlyFile = &userError{msg: "数据库文件是只读的（文件设为了只读，或所在文件夹、磁盘不允许写入），这次修改没有保存。" +
		"请在文件属性中取消“只读”，或把台账复制到可以写入的文件夹（如“文档”）后再打开", kind: data.ErrReadOnly}
	errDiskFull = &userError{msg: "磁盘空间已满，这次修改没有保存（已保存的数据不受影响）。请清理磁盘（删除不需要的文件、清空回收站）后再试", kind: data.ErrDiskFull}
	errIO       = &userError{msg: "读写数据库文件时出错（磁盘或 U 盘可能有故障或已拔出，或网络盘已断开），这次操作没有完成。" +
		"请检查磁盘后重试；如反复出现，请把台账复制到本机硬盘，或在“数据”中恢复最新的完好备份"}
	errCorrupt = &userError{msg: "数据库已损坏，这次操作没有完成。请在“数据 → 备份与还原”中恢复最新的完好备份" +
		"（命令行：liangwei-cli check 会指出它）", kind: data.ErrDamaged}
)

// sqliteCode is the primary result code of a SQLite error, 0 for other errors.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	var re *rawError
	if errors.As(err, &re) {
		return int(re.code) & 0xff
	}
	return 0
}

// translate says a SQLite error of the file system (busy, read-only, full disk, I/O,
// damage) in Chinese with what to do; nil for other errors.
func translate(err error) error {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return errBusy
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
		return errReadOnlyFile
	case sqlite3.SQLITE_FULL:
		return errDiskFull
	case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN:
		return errIO
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return errCorrupt
	}
	return nil
}

// fsErr says an error of the file system (os) in Chinese when it is a full disk or a
// refused write; other errors are returned as they are.
func fsErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.ENOSPC):
		return errDiskFull
	case errors.Is(err, os.ErrPermission), errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%w（%v）", errReadOnlyFile, err)
	}
	return err
}

// isCorrupt tells a damaged database's error.
func isCorrupt(err error) bool {
	c := sqliteCode(err)
	return c == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_NOTADB || errors.Is(err, data.ErrDamaged)
}

// tempFile creates an empty temporary file in dir named prefix.p<pid>-<random>.tmp: the
// process id tells the next start whether its writer is gone (cleanTemps).
func tempFile(dir, prefix string) (string, error) {
	f, err := os.CreateTemp(dir, fmt.Sprintf("%s.p%d-*.tmp", prefix, os.Getpid()))
	if err != nil {
		return "", err
	}
	name := f.Name()
	return name, f.Close()
}

// tempName matches tempFile's names; legacyTemp the restore temporaries of older versions.
var (
	tempName   = regexp.MustCompile(`\.p(\d+)-\d+\.tmp$`)
	legacyTemp = regexp.MustCompile(`\.(restore|copy)-\d+\.tmp$`)
)

// cleanTemps removes, from dir, the temporary files (and their journals) of backups and
// restores whose program is gone (killed, or the machine lost power), older versions'
// restore temporaries after an hour, and in the backups folder the remains of backups
// killed part-way by older versions (a liangwei-*.db beside its -journal).
func cleanTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case tempName.MatchString(name):
			pid, _ := strconv.Atoi(tempName.FindStringSubmatch(name)[1])
			if pid != os.Getpid() && !pidAlive(pid) {
				removeDB(path)
			}
		case legacyTemp.MatchString(name):
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
				removeDB(path)
			}
		case strings.HasSuffix(name, ".db-journal") && backupName.MatchString(strings.TrimSuffix(name, "-journal")):
			removeDB(strings.TrimSuffix(path, "-journal"))
		}
	}
}

// clearStaleShm removes a -shm beside the database that this program cannot write while no
// WAL holds data: left by a read-only run, it would make the next opening fail. Nobody can
// be using it: a writer needs to write it.
func clearStaleShm(path string) {
	shm := path + "-shm"
	f, err := os.OpenFile(shm, os.O_RDWR, 0)
	if err == nil {
		f.Close()
		return
	}
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return
	}
	os.Remove(path + "-wal")
	os.Remove(shm)
}
