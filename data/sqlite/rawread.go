package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"

	"strconv"
	"strings"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// A fast read path for the figures (EachTownship). The driver opens every connection with
// SQLITE_OPEN_FULLMUTEX, so each sqlite3_column_* call takes the connection's mutex (a
// map lookup and a lock in modernc's libc), and database/sql converts every value through
// reflection: reading a province's 700,000 records spent more time there than in SQLite.
// rawConn is a connection of its own, opened SQLITE_OPEN_NOMUTEX and used by one goroutine
// at a time, that prepares each statement once and scans rows with SQLite's C API into the
// same destinations the kinds' scan functions give (rows.Scan follows database/sql's
// conversions for the types they use). Only reads run on it, each in one read transaction.

// rowSource runs a query: a read transaction of the pool (poolTx) or of a rawConn.
type rowSource interface {
	query(ctx context.Context, q string, args ...any) (rowIter, error)
}

// rowIter is the rows of a query, as *sql.Rows has them.
type rowIter interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

// poolTx is a transaction of the pool as a rowSource.
type poolTx struct{ *sql.Tx }

func (t poolTx) query(ctx context.Context, q string, args ...any) (rowIter, error) {
	return t.QueryContext(ctx, q, args...)
}

// rawConn is a connection on the C API (see above); not safe for concurrent use.
type rawConn struct {
	tls   *libc.TLS
	db    uintptr
	stmts map[string]*rawStmt
	// out is C memory (libc's allocator, outside the Go heap) that receives the pointers
	// sqlite3_open_v2, sqlite3_prepare_v2 and sqlite3_snapshot_get return: SQLite writes it
	// through its address, which Go memory must not be given as (checkptr refuses it).
	out uintptr
}

// clearOut sets *out to 0 before a call that may leave it unset.
func (c *rawConn) clearOut() { libc.Xmemset(c.tls, c.out, 0, ptrSize) }

// outValue is the pointer SQLite wrote into *out.
func (c *rawConn) outValue() uintptr {
	b := libc.GoBytes(c.out, ptrSize)
	if ptrSize == 4 {
		return uintptr(binary.NativeEndian.Uint32(b))
	}
	return uintptr(binary.NativeEndian.Uint64(b))
}

// ptrSize is the size of a C pointer.
const ptrSize = strconv.IntSize / 8

// rawStmt is a prepared statement, the values bound to it and the C strings of those that
// are text. A value is bound again only when it changes: SQLite re-prepares a statement
// whose parameter it marked as bearing on the plan (here the round beside a "+" column)
// after any new binding of it, which cost as much as the query of a township.
type rawStmt struct {
	p     uintptr
	args  []any
	texts []uintptr
	// last is the text each column last gave: a township's rows repeat its name, their
	// villages' names and the codes of their enums, so a value equal to the last one is
	// that string again rather than a new one.
	last []string
	rows int // the most rows a listFrom of the statement read
}

// readRaw runs fn in one read transaction of a rawConn of its own, as read does on the
// pool.
func (s *Store) readRaw(ctx context.Context, fn func(rowSource) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, err := s.openRaw()
	if err != nil {
		return dbErr(err)
	}
	defer c.close()
	if err := c.exec("BEGIN"); err != nil {
		return dbErr(err)
	}
	if err := fn(c); err != nil {
		c.exec("ROLLBACK")
		return dbErr(err)
	}
	return dbErr(c.exec("COMMIT"))
}

// openRaw opens a rawConn on the store's file, the way the pool is opened (see
// openReadOnly).
func (s *Store) openRaw() (*rawConn, error) {
	if !s.readOnly {
		return openRaw(s.path, false, false, s.busy)
	}
	uri, err := readOnlyURI(s.path)
	if err != nil {
		return nil, err
	}
	return openRaw(uri, true, true, s.busy)
}

// openRaw opens name (a path, or a file: URI when uri) for reading, without the mutex.
func openRaw(name string, uri bool, readOnly bool, busy int) (*rawConn, error) {
	c := &rawConn{tls: libc.NewTLS(), stmts: map[string]*rawStmt{}}
	if c.out = libc.Xcalloc(c.tls, 1, ptrSize); c.out == 0 {
		c.tls.Close()
		return nil, fmt.Errorf("无法分配内存")
	}
	flags := int32(sqlite3.SQLITE_OPEN_NOMUTEX | sqlite3.SQLITE_OPEN_READWRITE)
	if readOnly {
		flags = sqlite3.SQLITE_OPEN_NOMUTEX | sqlite3.SQLITE_OPEN_READONLY
	}
	if uri {
		flags |= sqlite3.SQLITE_OPEN_URI
	}
	zName, err := libc.CString(name)
	if err != nil {
		c.close()
		return nil, err
	}
	c.clearOut()
	rc := sqlite3.Xsqlite3_open_v2(c.tls, zName, c.out, flags, 0)
	libc.Xfree(c.tls, zName)
	c.db = c.outValue()
	if rc != sqlite3.SQLITE_OK {
		err := c.errorOf(rc)
		c.close()
		return nil, err
	}
	sqlite3.Xsqlite3_busy_timeout(c.tls, c.db, int32(busy))
	return c, nil
}

// rawError is an error of SQLite on a rawConn, with its result code (see sqliteCode).
type rawError struct {
	msg  string
	code int32
}

func (e *rawError) Error() string { return fmt.Sprintf("%s (%d)", e.msg, e.code) }

// errorOf is the error of result code rc on the connection.
func (c *rawConn) errorOf(rc int32) error {
	msg := ""
	if c.db != 0 {
		msg = libc.GoString(sqlite3.Xsqlite3_errmsg(c.tls, c.db))
	}
	if msg == "" {
		msg = libc.GoString(sqlite3.Xsqlite3_errstr(c.tls, rc))
	}
	return &rawError{msg: msg, code: rc}
}

// close finalizes the statements and closes the connection.
func (c *rawConn) close() {
	for _, s := range c.stmts {
		sqlite3.Xsqlite3_finalize(c.tls, s.p)
		for _, p := range s.texts {
			libc.Xfree(c.tls, p)
		}
	}
	c.stmts = nil
	if c.db != 0 {
		sqlite3.Xsqlite3_close_v2(c.tls, c.db)
		c.db = 0
	}
	if c.out != 0 {
		libc.Xfree(c.tls, c.out)
		c.out = 0
	}
	c.tls.Close()
}

// exec runs a statement that returns no rows (BEGIN, COMMIT, ROLLBACK).
func (c *rawConn) exec(q string) error {
	r, err := c.query(context.Background(), q)
	if err != nil {
		return err
	}
	for r.Next() {
	}
	return r.Close()
}

// query prepares q once per connection and binds args (int, int64 or string).
func (c *rawConn) query(ctx context.Context, q string, args ...any) (rowIter, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := c.stmts[q]
	if s == nil {
		zSQL, err := libc.CString(q)
		if err != nil {
			return nil, err
		}
		c.clearOut()
		rc := sqlite3.Xsqlite3_prepare_v2(c.tls, c.db, zSQL, -1, c.out, 0)
		libc.Xfree(c.tls, zSQL)
		if rc != sqlite3.SQLITE_OK {
			return nil, c.errorOf(rc)
		}
		p := c.outValue()
		n := int(sqlite3.Xsqlite3_bind_parameter_count(c.tls, p))
		s = &rawStmt{p: p, args: make([]any, n), texts: make([]uintptr, n)}
		c.stmts[q] = s
	}
	if len(args) != len(s.args) {
		return nil, fmt.Errorf("sqlite: %d arguments for %d parameters", len(args), len(s.args))
	}
	for i, a := range args {
		if s.args[i] == a {
			continue
		}
		if err := c.bind(s, i, a); err != nil {
			return nil, err
		}
	}
	return &rawRows{c: c, s: s}, nil
}

// bind binds a (int, int64 or string) to parameter i of s.
func (c *rawConn) bind(s *rawStmt, i int, a any) error {
	var rc int32
	var text uintptr
	switch a := a.(type) {
	case int:
		rc = sqlite3.Xsqlite3_bind_int64(c.tls, s.p, int32(i+1), int64(a))
	case int64:
		rc = sqlite3.Xsqlite3_bind_int64(c.tls, s.p, int32(i+1), a)
	case string:
		var err error
		if text, err = libc.CString(a); err != nil {
			return err
		}
		rc = sqlite3.Xsqlite3_bind_text(c.tls, s.p, int32(i+1), text, int32(len(a)), 0)
	default:
		return fmt.Errorf("sqlite: cannot bind %T", a)
	}
	if rc != sqlite3.SQLITE_OK {
		if text != 0 {
			libc.Xfree(c.tls, text)
		}
		s.args[i] = nil
		return c.errorOf(rc)
	}
	// The text bound before is SQLite's no longer (SQLITE_STATIC: it reads ours).
	if s.texts[i] != 0 {
		libc.Xfree(c.tls, s.texts[i])
	}
	s.texts[i], s.args[i] = text, a
	return nil
}

// rawRows are the rows of a statement on a rawConn.
type rawRows struct {
	c    *rawConn
	s    *rawStmt
	err  error
	done bool
	// scratch is a scan function's destinations, kept from row to row (scratchOf).
	scratch any
}

func (r *rawRows) Next() bool {
	if r.done {
		return false
	}
	switch rc := sqlite3.Xsqlite3_step(r.c.tls, r.s.p); rc {
	case sqlite3.SQLITE_ROW:
		return true
	case sqlite3.SQLITE_DONE:
	default:
		r.err = r.c.errorOf(rc)
	}
	r.done = true
	return false
}

func (r *rawRows) Err() error { return r.err }

// Close resets the statement for its next use (its bindings stay).
func (r *rawRows) Close() error {
	r.done = true
	sqlite3.Xsqlite3_reset(r.c.tls, r.s.p)
	return r.err
}

// Scan reads the row's columns into dest, converting as database/sql does for the types
// the kinds' scan functions use: a NULL only into a sql.NullString or sql.NullInt64.
func (r *rawRows) Scan(dest ...any) error {
	tls, p := r.c.tls, r.s.p
	for i, d := range dest {
		col := int32(i)
		typ := sqlite3.Xsqlite3_column_type(tls, p, col)
		if typ == sqlite3.SQLITE_NULL {
			switch d := d.(type) {
			case *sql.NullString:
				*d = sql.NullString{}
				continue
			case *sql.NullInt64:
				*d = sql.NullInt64{}
				continue
			}
			return fmt.Errorf("sql: Scan error on column index %d: converting NULL to %T is unsupported", i, d)
		}
		var err error
		switch d := d.(type) {
		case *string:
			*d = r.text(col, typ)
		case *sql.NullString:
			*d = sql.NullString{String: r.text(col, typ), Valid: true}
		case *int64:
			*d, err = r.int(col, typ)
		case *int:
			var v int64
			v, err = r.int(col, typ)
			*d = int(v)
		case *sql.NullInt64:
			var v int64
			v, err = r.int(col, typ)
			*d = sql.NullInt64{Int64: v, Valid: err == nil}
		case *bool:
			*d, err = r.bool(col, typ)
		case *float64:
			if typ == sqlite3.SQLITE_TEXT || typ == sqlite3.SQLITE_BLOB {
				*d, err = strconv.ParseFloat(r.text(col, typ), 64)
			} else {
				*d = sqlite3.Xsqlite3_column_double(tls, p, col)
			}
		default:
			err = fmt.Errorf("unsupported Scan destination %T", d)
		}
		if err != nil {
			return fmt.Errorf("sql: Scan error on column index %d: %w", i, err)
		}
	}
	return nil
}

// text is column col, of type typ, as text: a number formatted as database/sql does.
func (r *rawRows) text(col, typ int32) string {
	tls, p := r.c.tls, r.s.p
	switch typ {
	case sqlite3.SQLITE_INTEGER:
		return strconv.FormatInt(sqlite3.Xsqlite3_column_int64(tls, p, col), 10)
	case sqlite3.SQLITE_FLOAT:
		return strconv.FormatFloat(sqlite3.Xsqlite3_column_double(tls, p, col), 'g', -1, 64)
	}
	z := sqlite3.Xsqlite3_column_text(tls, p, col)
	n := sqlite3.Xsqlite3_column_bytes(tls, p, col)
	if z == 0 || n == 0 {
		return ""
	}
	// The text in SQLite's memory (C memory, outside the Go heap), valid until the next
	// step: compared as it is, and copied only when it is not the last value again.
	b := unsafe.String(*(**byte)(unsafe.Pointer(&z)), int(n))
	if int(col) >= len(r.s.last) {
		r.s.last = append(r.s.last, make([]string, int(col)+1-len(r.s.last))...)
	}
	if last := r.s.last[col]; b == last {
		return last
	}
	v := strings.Clone(b)
	r.s.last[col] = v
	return v
}

// int is column col as an integer; anything else is parsed from its text, as database/sql
// does.
func (r *rawRows) int(col, typ int32) (int64, error) {
	if typ == sqlite3.SQLITE_INTEGER {
		return sqlite3.Xsqlite3_column_int64(r.c.tls, r.s.p, col), nil
	}
	return strconv.ParseInt(r.text(col, typ), 10, 64)
}

// bool is column col as database/sql's driver.Bool converts it: 1 or 0, or text that
// strconv.ParseBool reads.
func (r *rawRows) bool(col, typ int32) (bool, error) {
	switch typ {
	case sqlite3.SQLITE_INTEGER:
		switch v := sqlite3.Xsqlite3_column_int64(r.c.tls, r.s.p, col); v {
		case 0, 1:
			return v == 1, nil
		default:
			return false, fmt.Errorf("sql/driver: couldn't convert %d into type bool", v)
		}
	case sqlite3.SQLITE_TEXT, sqlite3.SQLITE_BLOB:
		return strconv.ParseBool(r.text(col, typ))
	}
	return false, fmt.Errorf("sql/driver: couldn't convert column type %d into type bool", typ)
}
