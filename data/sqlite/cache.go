package sqlite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"debug/elf"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"strconv"
	"sync"
	"time"
)

// The figure cache (issue 19): reading a province's 700,000 records takes seconds, so a
// computed result (stats, the summary's data and prints) is kept in the ledger itself
// (figure_cache, migration 0009) and given again while nothing that could change it has:
//
//   - the ledger's version (ledger_version) is raised in every write transaction of the
//     store (writeOn, the restores), in the same transaction as the change, and it only
//     grows; a value is stored under the version read before the computation started, and
//     only if the version is still that one when it is written, so no write committed in
//     between;
//   - the program: a value is read only by the very executable that computed it (its Go
//     build ID, else a SHA-256 of its file: programID), since another build may compute
//     the figures differently;
//   - the key names every other input (the command, round, township, reference date), and
//     Cached adds the clock's date, which the figures read through data.ParseIDNumber (a
//     birth date later than today is no birth date).
//
// A value is cached only if its kept bytes (sharecodec.go) give it back exactly
// (reflect.DeepEqual). Writing the
// cache raises no version and writes no audit row; a read-only ledger is read from but not
// written; a cache that cannot be read or written is no error: the figure is computed.

// versionMigration is the migration that creates ledger_version.
const versionMigration = 9

// cacheEntries bounds the cache: older entries are dropped beyond it, and all of an older
// version of the ledger at every write.
const cacheEntries = 32

// cacheBusy is how long, in milliseconds, storing a value waits for another program's
// write: a value not stored is only computed again next time.
const cacheBusy = 100

// noCacheEnv, when set, turns the cache off (benchmarks of the computation).
const noCacheEnv = "LIANGWEI_NOCACHE"

// bumpVersion raises the ledger's version in t.
func (t *tx) bumpVersion() error {
	if err := t.raiseVersion(); err != nil {
		return err
	}
	return t.stampFigures()
}

// raiseVersion raises the ledger's version in t.
func (t *tx) raiseVersion() error {
	res, err := t.exec("UPDATE ledger_version SET version = version + 1")
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return err
	}
	// The row is gone (damage): start again above every version there was (the clock), with
	// no cached value.
	if _, err := t.exec("DELETE FROM figure_cache"); err != nil {
		return err
	}
	_, err = t.exec("INSERT INTO ledger_version (one, version) VALUES (1, ?)", time.Now().UnixNano())
	return err
}

// passVersion gives the staged copy of a restore into a damaged ledger (carryLog: main is
// the copy, live the ledger it replaces) a version above its own, the live ledger's (as far
// as the damage lets it be read) and the clock's, and no cached value.
func (t *tx) passVersion() error {
	var live int64
	if err := t.queryRow("SELECT version FROM live.ledger_version").Scan(&live); err != nil {
		live = 0 // unreadable: the clock is above it
	}
	if _, err := t.exec("DELETE FROM main.figure_cache"); err != nil {
		return err
	}
	if _, err := t.exec("DELETE FROM main.figure_parts"); err != nil {
		return err
	}
	_, err := t.exec(`INSERT INTO main.ledger_version (one, version) VALUES (1, ?)
		ON CONFLICT (one) DO UPDATE SET version = max(version, excluded.version) + 1`, max(live, time.Now().UnixNano()))
	return err
}

// programID names the running executable: by its Go build ID when it has one (goBuildID),
// else by the SHA-256 of its file; "" when it cannot be read (then nothing is cached). The
// build ID is read from the file's first pages; hashing the 30 MB program had kept every
// figure waiting 20 ms.
var programID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if id := goBuildID(exe); id != "" {
		return "go:" + id
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})

// goBuildID is the Go build ID of the executable at path, "" when it has none (built with
// -ldflags=-buildid=) or cannot be read. The linker writes it, as cmd/go's buildid package
// reads it, in an ELF note (Linux) or at the start of the text (Windows' PE):
// "actionID/contentID" hashes, the last of the file's own content, so two programs with one
// build ID are the same program.
func goBuildID(path string) string {
	if f, err := elf.Open(path); err == nil {
		defer f.Close()
		s := f.Section(".note.go.buildid")
		if s == nil {
			return ""
		}
		b, err := s.Data()
		if err != nil || len(b) < 16 {
			return ""
		}
		namesz, descsz, typ := f.ByteOrder.Uint32(b), f.ByteOrder.Uint32(b[4:]), f.ByteOrder.Uint32(b[8:])
		if namesz != 4 || typ != 4 || string(b[12:16]) != "Go\x00\x00" || uint64(descsz) > uint64(len(b)-16) {
			return ""
		}
		return string(b[16 : 16+descsz])
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	return rawBuildID(head[:n])
}

// rawBuildID is the build ID written as `\xff Go build ID: "…"\n \xff` in the head of an
// executable, "" when there is none.
func rawBuildID(head []byte) string {
	const prefix, end = "\xff Go build ID: \"", "\"\n \xff"
	i := bytes.Index(head, []byte(prefix))
	if i < 0 {
		return ""
	}
	id := head[i+len(prefix):]
	j := bytes.Index(id, []byte(end))
	if j <= 0 {
		return ""
	}
	return string(id[:j])
}

// Cached gives what compute gives, from the figure cache of s when it holds the value of
// key computed by this program at the ledger's current version; else compute's value,
// stored for the next time (see above). compute must read nothing but the ledger and
// what key names.
func Cached[T any](ctx context.Context, s *Store, key string, compute func() (T, error)) (T, error) {
	if os.Getenv(noCacheEnv) != "" {
		return compute()
	}
	prog := make(chan string, 1)
	go func() { prog <- programID() }() // hashed on the second core while the ledger is read
	day := time.Now().Format(time.DateOnly)
	key += " today=" + day
	version, value, err := s.cacheLookup(ctx, key, prog)
	if err == nil && value != nil {
		var v T
		if readKept(value, &v) == nil {
			return v, nil
		}
	}
	v, cerr := compute()
	if cerr != nil || err != nil || s.readOnly || time.Now().Format(time.DateOnly) != day {
		return v, cerr
	}
	if b, ok := exactKept(v); ok {
		s.cacheStore(ctx, key, <-prog, version, b) // not stored: computed again next time
	}
	return v, nil
}

// errNoProgram: the executable could not be read, so nothing is cached.
var errNoProgram = errors.New("program unknown")

// cacheLookup reads the ledger's version and the value of key stored at it by the program
// prog gives (nil when there is none), in one read transaction; prog is read back into the
// channel for the caller.
func (s *Store) cacheLookup(ctx context.Context, key string, prog chan string) (int64, []byte, error) {
	var version int64
	var value []byte
	err := s.read(ctx, func(q *sql.Tx) error {
		if err := q.QueryRowContext(ctx, "SELECT version FROM ledger_version").Scan(&version); err != nil {
			return err
		}
		p := <-prog
		prog <- p
		if p == "" {
			return errNoProgram
		}
		err := q.QueryRowContext(ctx, "SELECT value FROM figure_cache WHERE key = ? AND version = ? AND program = ?",
			key, version, p).Scan(&value)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	return version, value, err
}

// cacheStore stores value as key's of program prog at version, unless the ledger's version
// has moved on; it drops the values of older versions and the oldest beyond cacheEntries.
// It waits cacheBusy for another program's write, and raises no version.
func (s *Store) cacheStore(ctx context.Context, key, prog string, version int64, value []byte) error {
	return s.keepAt(ctx, version, func(q *sql.Tx) error {
		for _, st := range []struct {
			q    string
			args []any
		}{
			{"DELETE FROM figure_cache WHERE version <> ?", []any{version}},
			{"INSERT OR REPLACE INTO figure_cache (key, version, program, value) VALUES (?, ?, ?, ?)", []any{key, version, prog, value}},
			{"DELETE FROM figure_cache WHERE rowid NOT IN (SELECT rowid FROM figure_cache ORDER BY rowid DESC LIMIT ?)", []any{cacheEntries}},
		} {
			if _, err := q.ExecContext(ctx, st.q, st.args...); err != nil {
				return err
			}
		}
		return nil
	})
}

// keepAt runs keep, which writes what was computed at the ledger's version, in a write
// transaction committed only if the version is still that one (else nothing is kept). It
// waits cacheBusy for another program's write, and raises no version.
func (s *Store) keepAt(ctx context.Context, version int64, keep func(q *sql.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = "+strconv.Itoa(cacheBusy)); err != nil {
		return err
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), "PRAGMA busy_timeout = "+strconv.Itoa(s.busy)); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn }) // drop the connection
		}
	}()
	q, err := conn.BeginTx(ctx, nil) // immediate (see dsn)
	if err != nil {
		return err
	}
	defer q.Rollback()
	var now int64
	if err := q.QueryRowContext(ctx, "SELECT version FROM ledger_version").Scan(&now); err != nil {
		return err
	}
	if now != version {
		return nil // the ledger changed while the value was computed
	}
	if err := keep(q); err != nil {
		return err
	}
	return q.Commit()
}
