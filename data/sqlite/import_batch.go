package sqlite

import (
	"database/sql"
	"fmt"
	"strconv"
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

// rowBatch collects the rows of one INSERT and writes them batchRows at a time. The
// columns in shared hold one value for every row of a statement (an import's time, user
// and file): they are bound once, as ?1, ?2, …, instead of once per row, since binding a
// text is most of what a parameter costs. A row whose shared value differs from the rows
// queued writes them first.
type rowBatch struct {
	w      *tx
	head   string // INSERT INTO t (shared columns, other columns) VALUES
	cols   int
	shared []int // the columns bound once per statement, ascending
	vals   []any // their values for the queued rows
	args   []any // the other columns of the queued rows
	n      int
	stmts  map[int]string // statement(n) by n
	row    []any          // addRow's row, reused
}

// newRowBatch takes a single-row "INSERT INTO t (columns) VALUES (?, …)"; withID puts the
// id column in front. shared are columns (counting the id) bound once per statement: they
// move to the front of the column list, as ?1 … ?k, and the other columns follow as plain
// "?", numbered on by SQLite. (Numbering every parameter would make binding quadratic:
// SQLite looks a numbered parameter's name up in a list of them.)
func newRowBatch(w *tx, insert string, withID bool, shared ...int) *rowBatch {
	i := strings.LastIndex(insert, "VALUES")
	head, tuple := insert[:i], strings.TrimSpace(insert[i+len("VALUES"):])
	open, closing := strings.Index(head, "("), strings.LastIndex(head, ")")
	names := strings.Split(head[open+1:closing], ",")
	if withID {
		names = append([]string{"id"}, names...)
		tuple = "(?, " + tuple[1:]
	}
	cols := strings.Count(tuple, "?")
	if strings.ReplaceAll(tuple, " ", "") != "("+strings.Repeat("?,", cols-1)+"?)" || len(names) != cols {
		panic("rowBatch: not a tuple of parameters: " + insert) // statement numbers them anew
	}
	var front, rest []string
	j := 0
	for c, n := range names {
		n = strings.TrimSpace(n)
		if j < len(shared) && shared[j] == c {
			front = append(front, n)
			j++
		} else {
			rest = append(rest, n)
		}
	}
	head = head[:open] + "(" + strings.Join(append(front, rest...), ", ") + ") VALUES "
	return &rowBatch{w: w, head: head, cols: cols, shared: shared, vals: make([]any, len(shared))}
}

// add queues one row; a full batch is written.
func (b *rowBatch) add(args ...any) error {
	if len(args) != b.cols {
		return fmt.Errorf("batch insert: %d values for %d columns", len(args), b.cols)
	}
	for j, c := range b.shared {
		if b.n > 0 && args[c] != b.vals[j] {
			if err := b.flush(); err != nil {
				return err
			}
		}
		b.vals[j] = args[c]
	}
	j := 0
	for c, a := range args {
		if j < len(b.shared) && b.shared[j] == c {
			j++
			continue
		}
		b.args = append(b.args, a)
	}
	if b.n++; b.n == batchRows {
		return b.flush()
	}
	return nil
}

// addRow is add of the row id, args…, tail…, without allocating it.
func (b *rowBatch) addRow(id int64, args []any, tail ...any) error {
	b.row = append(append(append(b.row[:0], id), args...), tail...)
	return b.add(b.row...)
}

// flush writes the queued rows: a full batch in one statement, a shorter rest in
// statements of 32, 16, …, 1 rows, so that an import prepares at most seven statements per
// table, each once per connection (Store.prepared), whatever its files hold.
func (b *rowBatch) flush() error {
	args := b.args
	own := b.cols - len(b.shared)
	bound := make([]any, 0, len(b.shared)+batchRows*own)
	for n := b.n; n > 0; {
		size := batchRows
		for size > n {
			size /= 2
		}
		st, err := b.w.prepared(b.statement(size))
		if err != nil {
			return err
		}
		bound = append(append(bound[:0], b.vals...), args[:size*own]...)
		if _, err := st.ExecContext(b.w.ctx, bound...); err != nil {
			return err
		}
		args, n = args[size*own:], n-size
	}
	clear(b.args)
	b.args, b.n = b.args[:0], 0
	return nil
}

// statement is the INSERT of n rows: the shared columns (first) are ?1 … ?k, the others
// plain parameters.
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
		s.WriteByte('(')
		for c := 0; c < b.cols; c++ {
			if c > 0 {
				s.WriteString(", ")
			}
			s.WriteByte('?')
			if c < len(b.shared) {
				s.WriteString(strconv.Itoa(c + 1))
			}
		}
		s.WriteByte(')')
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
