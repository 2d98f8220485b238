package sqlite

import (
	"context"
	"errors"
	"runtime"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// Reading townships on two cores: EachTownship reads every other township on a second
// rawConn, in a goroutine of its own, while the caller's goroutine reads the others and
// adds them up. The second connection reads the snapshot of the first (SQLite's snapshot
// API, in WAL mode), so both see the database as of one moment, as one read transaction
// does; where there is no snapshot (an empty WAL), it reads when it sees the ledger at the
// same version as the first (beginLike); where it cannot (a read-only ledger opened
// immutable, a write in between) or on one core, the first connection reads every township.

// snapshot is the snapshot of c's open read transaction, or 0 when there is none to share.
func (c *rawConn) snapshot() uintptr {
	zMain, err := libc.CString("main")
	if err != nil {
		return 0
	}
	defer libc.Xfree(c.tls, zMain)
	c.clearOut()
	if sqlite3.Xsqlite3_snapshot_get(c.tls, c.db, zMain, c.out) != sqlite3.SQLITE_OK {
		return 0
	}
	return c.outValue()
}

// beginAt begins on c a read transaction on snapshot snap; false (and no transaction)
// when it cannot.
func (c *rawConn) beginAt(snap uintptr) bool {
	zMain, err := libc.CString("main")
	if err != nil {
		return false
	}
	defer libc.Xfree(c.tls, zMain)
	if c.exec("BEGIN") != nil {
		return false
	}
	if sqlite3.Xsqlite3_snapshot_open(c.tls, c.db, zMain, snap) != sqlite3.SQLITE_OK {
		c.exec("ROLLBACK")
		return false
	}
	return true
}

// beginLike begins on c a read transaction that sees what first's open one sees, when
// there is no snapshot to share: SQLite gives none while the WAL is empty (a ledger opened
// and not written since its last checkpoint, the usual state of a clerk's file). Every
// write transaction of the store raises the ledger's version (bumpVersion), so the two see
// the same records when they read the same version; false (and no transaction) otherwise.
func (c *rawConn) beginLike(first *rawConn) bool {
	if c.exec("BEGIN") != nil {
		return false
	}
	mine, err1 := c.ledgerVersion()
	theirs, err2 := first.ledgerVersion()
	if err1 != nil || err2 != nil || mine != theirs {
		c.exec("ROLLBACK")
		return false
	}
	return true
}

// ledgerVersion reads the ledger's version in c's transaction.
func (c *rawConn) ledgerVersion() (int64, error) {
	rows, err := c.query(context.Background(), "SELECT version FROM ledger_version")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		return 0, errors.New("sqlite: no ledger version")
	}
	var v int64
	if err := rows.Scan(&v); err != nil {
		return 0, err
	}
	return v, rows.Close()
}

// testHookPaired, when set, is told whether the second connection reads.
var testHookPaired func(paired bool)

// testHookSecondReader, when set, runs between the snapshot and the second connection's
// opening (a test writes there).
var testHookSecondReader func()

// readPair gives next, which returns the result of read for 0, 1, … n-1 in turn: the even
// ones read on q by the caller, the odd ones read ahead on a second connection sharing q's
// snapshot (see above). stop ends the second connection's reading and waits for it; call
// it before q's transaction ends.
func readPair[T any](s *Store, q rowSource, n int, read func(q rowSource, i int) (T, error)) (next func(i int) (T, error), stop func()) {
	alone := func(i int) (T, error) { return read(q, i) }
	c, ok := q.(*rawConn)
	if !ok || n < 2 || runtime.GOMAXPROCS(0) < 2 {
		return alone, func() {}
	}
	snap := c.snapshot()
	if testHookSecondReader != nil {
		testHookSecondReader()
	}
	w, err := s.openRaw()
	if err != nil {
		if snap != 0 {
			sqlite3.Xsqlite3_snapshot_free(c.tls, snap)
		}
		return alone, func() {}
	}
	var opened bool
	if snap != 0 {
		opened = w.beginAt(snap)
		sqlite3.Xsqlite3_snapshot_free(c.tls, snap)
	} else {
		opened = w.beginLike(c)
	}
	if testHookPaired != nil {
		testHookPaired(opened)
	}
	if !opened {
		w.close()
		return alone, func() {}
	}
	type result struct {
		l   T
		err error
	}
	ch, done := make(chan result, 1), make(chan struct{})
	go func() {
		defer close(ch)
		defer w.close()
		defer w.exec("ROLLBACK")
		for i := 1; i < n; i += 2 {
			l, err := read(w, i)
			select {
			case ch <- result{l, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	next = func(i int) (T, error) {
		if i%2 == 0 {
			return read(q, i)
		}
		r, ok := <-ch
		if !ok {
			var zero T
			return zero, errors.New("sqlite: the second reader stopped")
		}
		return r.l, r.err
	}
	stop = func() {
		close(done)
		for range ch {
		}
	}
	return next, stop
}
