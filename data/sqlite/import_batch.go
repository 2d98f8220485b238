package sqlite

import (
	"database/sql"
	"fmt"
	"strings"
)

// An import writes its new rows and its audit rows batchRows at a time, in one multi-row
// INSERT each, instead of one statement per row: most of the cost of a statement is the
// statement (binding, opening and closing the table's cursors), not the row. New rows get
// their IDs explicitly, the ones SQLite would have given them one by one (the largest ID
// plus one: the tables have no AUTOINCREMENT), so that the import knows every ID at once
// and the database is the same, row for row, as with one statement per row. Audit rows keep
// the order they were logged in. TestImportBatchedSame holds the import to that.

// batchImports switches the batched writes on; the test of their equivalence switches
// them off for the reference.
var batchImports = true

// batchRows is how many rows one statement inserts: 64 rows of the widest kind (party
// organizations: 21 columns with the ID) stay far below SQLite's 32,766 parameters.
const batchRows = 64

// rowBatch collects the rows of one INSERT and writes them batchRows at a time.
type rowBatch struct {
	w     *tx
	head  string // INSERT INTO t (columns) VALUES
	tuple string // (?, …) for one row
	cols  int
	args  []any
	n     int
	stmts map[int]string // statement(n) by n
}

// newRowBatch takes a single-row "INSERT INTO t (columns) VALUES (?, …)"; withID puts the
// id column in front.
func newRowBatch(w *tx, insert string, withID bool) *rowBatch {
	i := strings.LastIndex(insert, "VALUES")
	head, tuple := insert[:i+len("VALUES")]+" ", strings.TrimSpace(insert[i+len("VALUES"):])
	if withID {
		head = strings.Replace(head, "(", "(id, ", 1)
		tuple = "(?, " + tuple[1:]
	}
	return &rowBatch{w: w, head: head, tuple: tuple, cols: strings.Count(tuple, "?")}
}

// add queues one row; a full batch is written.
func (b *rowBatch) add(args ...any) error {
	if len(args) != b.cols {
		return fmt.Errorf("batch insert: %d values for %d columns", len(args), b.cols)
	}
	b.args = append(b.args, args...)
	if b.n++; b.n == batchRows {
		return b.flush()
	}
	return nil
}

// flush writes the queued rows: a full batch in one statement, a shorter rest in
// statements of 32, 16, …, 1 rows, so that an import prepares at most seven statements per
// table, each once per connection (Store.prepared), whatever its files hold.
func (b *rowBatch) flush() error {
	args := b.args
	for n := b.n; n > 0; {
		size := batchRows
		for size > n {
			size /= 2
		}
		st, err := b.w.prepared(b.statement(size))
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(b.w.ctx, args[:size*b.cols]...); err != nil {
			return err
		}
		args, n = args[size*b.cols:], n-size
	}
	clear(b.args)
	b.args, b.n = b.args[:0], 0
	return nil
}

// statement is the INSERT of n rows.
func (b *rowBatch) statement(n int) string {
	if q, ok := b.stmts[n]; ok {
		return q
	}
	if b.stmts == nil {
		b.stmts = map[int]string{}
	}
	var s strings.Builder
	s.WriteString(b.head)
	for i := 0; i < n; i++ {
		if i > 0 {
			s.WriteString(", ")
		}
		s.WriteString(b.tuple)
	}
	b.stmts[n] = s.String()
	return b.stmts[n]
}

// stmtKey names a statement prepared on a pool (RestoreBackup replaces the pool).
type stmtKey struct {
	db    *sql.DB
	query string
}

// prepared is query prepared once on the store's pool and used in the transaction:
// parsing a statement of 64 rows costs more than running it.
func (w *tx) prepared(query string) (*sql.Stmt, error) {
	if w.db == nil { // a transaction of RestoreBackup's, on a pool of its own
		return w.tx.PrepareContext(w.ctx, query)
	}
	key := stmtKey{w.db, query}
	if st, ok := w.s.stmts.Load(key); ok {
		return w.tx.StmtContext(w.ctx, st.(*sql.Stmt)), nil
	}
	st, err := w.db.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, err
	}
	if was, loaded := w.s.stmts.LoadOrStore(key, st); loaded {
		st.Close()
		st = was.(*sql.Stmt)
	}
	return w.tx.StmtContext(w.ctx, st), nil
}

// nextID is the ID SQLite would give the next row of table: the largest plus one.
func (w *tx) nextID(table string) (int64, error) {
	var id int64
	err := w.queryRow("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).Scan(&id)
	return id, err
}

// tableOf is the table an "INSERT INTO t (…" writes.
func tableOf(insert string) string {
	f := strings.Fields(insert)
	return strings.TrimSuffix(f[2], "(")
}
