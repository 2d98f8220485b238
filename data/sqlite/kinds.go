package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"liangwei/data"
)

// Every record kind is a kindSpec: the listing, saving, deleting, restoring, recycle-bin
// and import code below and in the import files is written once for all of them, and a
// kind's own file holds its spec plus what only it does.

// parentKind is what a kind's records belong to.
type parentKind int

const (
	// noParent: townships.
	noParent parentKind = iota
	// inTownship: the table has township_id; the record names its township.
	inTownship
	// inVillage: the table has village_id; the record names its village by township and
	// village name.
	inVillage
)

// natKey is a record's natural key, the unique index of its table: the ID of what it
// belongs to (0 for townships) and the key's text and number columns (zero when the kind's
// key has none).
type natKey struct {
	parent int64
	text   string
	num    int
}

// refs resolves the names a record gives of the records it belongs to. A hand save (see
// handRefs) and an import (see importer) resolve them by different rules: an import creates
// the townships its records name and explains a missing village in terms of its sheets.
type refs interface {
	// township returns the ID of the named township.
	township(name string) (int64, error)
	// village returns the ID of the named village; what is the record naming it, for the
	// message when it is missing.
	village(township, village, what string) (int64, error)
}

// kindSpec describes a record kind for the code every kind shares. R is the data record, V
// its audit value: comparable (a save or import compares it to tell Updated from Unchanged),
// keyed by the Chinese column headers.
type kindSpec[R any] struct {
	// desc is the kind's description in data: its fields, rules and audit values.
	desc *data.Kind[R]
	// checkOn, when set, is the date an import's guard check validates on instead of today.
	checkOn func(today time.Time) time.Time
	code    data.KindCode // the audit log's and recycle bin's kind
	table   string        // table name
	alias   string        // the table's alias in sel
	up      parentKind
	// names gives the township, and for inVillage the village, a record belongs to.
	names func(R) (township, village string)
	// makesTownship: a save or restore creates the township the record names (or takes it
	// out of the recycle bin) instead of refusing it. Only villages do; an import creates
	// the township of every inTownship kind.
	makesTownship bool
	// keyCols are the columns of natKey.text and natKey.num; "" when not part of the key.
	keyCols [2]string
	key     func(R) (text string, num int)

	sel    string // SELECT <the columns scan reads> FROM <table> <alias> JOIN …
	live   string // the condition of a listed record (it and what it belongs to not deleted)
	order  string // ORDER BY of listings
	insert string // INSERT of the columns of args, then created_at, updated_at
	update string // UPDATE of the columns of args, then updated_at, deleted_at = NULL, WHERE id = ?

	scan func(scanner) (R, error)
	id   func(R) int64
	// args are the column values of insert and update (before the timestamps), given the ID
	// of what the record belongs to; p resolves any other record it names (a complaint's
	// village).
	args    func(p refs, parent int64, r R) ([]any, error)
	keyText func(R) string // the readable key of the audit log and the recycle bin
	label   func(R) string // the record in a Chinese message
	// taken is the refusal of a key another record holds; nil gives label + "已存在".
	taken func(R) string
	// round is the round (or year) that binds the record to a lock; nil when none.
	round func(R) int
	// years, when set, are the years whose locks refuse a change from old to new (nil:
	// absent), for a kind whose records span several years (发展党员); guard asks it instead.
	years func(old, new *R) []int
	// everyRound, for the kinds not bound to a round (townships, villages), tells whether a
	// change from old to new (nil: the record absent or in the recycle bin) alters what every
	// round's figures and records read of it: its existence, name, status. See guard.
	everyRound func(old, new *R) bool
	// check, when not nil, runs before a record is written or restored, with the ID of
	// what it belongs to and the ID the record has (0 for a new row): members refuse a
	// post someone else holds.
	check func(w *tx, parent int64, r R, self int64) error
}

// scanner is a row to scan: *sql.Row, *sql.Rows, *rawRows or a prefixScan.
type scanner interface{ Scan(...any) error }

// scratchOf is a scan function's destinations for a row of sc: on the fast read path
// (rawRows) made once per query and reused row after row, as the scan overwrites each;
// otherwise made for the row.
func scratchOf[T any](sc scanner, make func() *T) *T {
	r, ok := sc.(*rawRows)
	if !ok {
		return make()
	}
	if d, ok := r.scratch.(*T); ok {
		return d
	}
	d := make()
	r.scratch = d
	return d
}

// prefixScan scans some leading columns (the parent ID and deleted flag) into pre and the
// rest into the destinations a kind's scan function gives.
type prefixScan struct {
	sc  scanner
	pre []any
}

func (p prefixScan) Scan(dest ...any) error {
	return p.sc.Scan(append(append([]any(nil), p.pre...), dest...)...)
}

// parentColumn is the column holding the ID of what a record belongs to; "" for townships.
func (k *kindSpec[R]) parentColumn() string {
	switch k.up {
	case inTownship:
		return "township_id"
	case inVillage:
		return "village_id"
	}
	return ""
}

// selWith is k.sel with cols selected before the columns k.scan reads (see prefixScan).
func (k *kindSpec[R]) selWith(cols string) string {
	return "SELECT " + cols + ", " + strings.TrimPrefix(k.sel, "SELECT ")
}

// natKey is r's natural key under parent.
func (k *kindSpec[R]) natKey(parent int64, r R) natKey {
	text, num := k.key(r)
	return natKey{parent, text, num}
}

// keyCond is the condition, on the columns with alias, of the row holding key.
func (k *kindSpec[R]) keyCond(key natKey) (string, []any) {
	var cond string
	var args []any
	add := func(col string, arg any) {
		if cond != "" {
			cond += " AND "
		}
		cond += k.alias + "." + col + " = ?"
		args = append(args, arg)
	}
	if c := k.parentColumn(); c != "" {
		add(c, key.parent)
	}
	if k.keyCols[0] != "" {
		add(k.keyCols[0], key.text)
	}
	if k.keyCols[1] != "" {
		add(k.keyCols[1], key.num)
	}
	return cond, args
}

// checkLocked refuses r when its round is locked.
func (k *kindSpec[R]) checkLocked(w *tx, r R) error {
	if k.round == nil {
		return nil
	}
	return w.checkLocked(k.round(r))
}

// takenMsg is the refusal of r's key, held by another record.
func (k *kindSpec[R]) takenMsg(r R) string {
	if k.taken != nil {
		return k.taken(r)
	}
	return k.label(r) + "已存在"
}

// parentOf resolves what r belongs to through p; 0 for townships.
func parentOf[R any](p refs, k *kindSpec[R], r R) (int64, error) {
	switch k.up {
	case inTownship:
		t, _ := k.names(r)
		return p.township(t)
	case inVillage:
		t, v := k.names(r)
		return p.village(t, v, k.label(r))
	}
	return 0, nil
}

// handRefs resolves names for a save or restore in the store: what a record names must be
// listed, except a village's township, which is made when makeTownship.
type handRefs struct {
	w            *tx
	makeTownship bool
}

func (h handRefs) township(name string) (int64, error) {
	if h.makeTownship {
		return h.w.ensureTownship(name)
	}
	return h.w.liveTownshipID(name)
}

func (h handRefs) village(township, village, _ string) (int64, error) {
	return h.w.liveVillageID(township, village)
}

// list runs the kind's select on q with a condition, in listing order.
func list[R any](ctx context.Context, q *sql.Tx, k *kindSpec[R], where string, args ...any) ([]R, error) {
	return listFrom(ctx, poolTx{q}, k, where, args...)
}

// listFrom is list on any rowSource (a read transaction of the pool or of a rawConn).
func listFrom[R any](ctx context.Context, q rowSource, k *kindSpec[R], where string, args ...any) ([]R, error) {
	rows, err := q.query(ctx, k.sel+" WHERE "+where+" ORDER BY "+k.order, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []R
	raw, _ := rows.(*rawRows)
	if raw != nil && raw.s.rows > 0 {
		// As many as the statement's largest read so far: a township's records of a kind
		// are about as many as another's.
		out = make([]R, 0, raw.s.rows)
	}
	for rows.Next() {
		r, err := k.scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if raw != nil {
		raw.s.rows = max(raw.s.rows, len(out))
	}
	if len(out) == 0 {
		out = nil // as without the capacity above
	}
	return out, rows.Err()
}

// listRead is list in a read transaction of its own.
func listRead[R any](ctx context.Context, s *Store, k *kindSpec[R], where string, args ...any) ([]R, error) {
	var out []R
	err := s.read(ctx, func(q *sql.Tx) error {
		var err error
		out, err = list(ctx, q, k, where, args...)
		return err
	})
	return out, err
}

// byID reads record id when it meets cond, or returns data.ErrNotFound.
func byID[R any](w *tx, k *kindSpec[R], id int64, cond string) (R, error) {
	r, err := k.scan(w.queryRow(k.sel+" WHERE "+k.alias+".id = ? AND "+cond, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, data.ErrNotFound
	}
	return r, err
}

// byKey reads the record holding key, deleted or not, or returns data.ErrNotFound.
func byKey[R any](w *tx, k *kindSpec[R], key natKey) (r R, deleted bool, err error) {
	cond, args := k.keyCond(key)
	row := w.queryRow(k.selWith(k.alias+".deleted_at IS NOT NULL")+" WHERE "+cond, args...)
	r, err = k.scan(prefixScan{row, []any{&deleted}})
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, data.ErrNotFound
	}
	return r, deleted, err
}

// insertRec inserts a row of the kind's columns args, returning its ID.
func insertRec[R any](w *tx, k *kindSpec[R], args []any) (int64, error) {
	res, err := w.exec(k.insert, append(args, w.now, w.now)...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// unbin takes row id out of the recycle bin, its values unchanged.
func unbin[R any](w *tx, k *kindSpec[R], id int64) error {
	_, err := w.exec("UPDATE "+k.table+" SET deleted_at = NULL, updated_at = ? WHERE id = ?", w.now, id)
	return err
}

// save is a kind's Save method: r is refused with ps when it has errors; otherwise what it
// names is resolved and it is saved by saveRec, setting *id.
func save[R any](ctx context.Context, s *Store, k *kindSpec[R], r R, id *int64, ps data.Problems) error {
	if ps.HasErrors() {
		return ps
	}
	return s.write(ctx, func(w *tx) error {
		p := handRefs{w, k.makesTownship}
		parent, err := parentOf(p, k, r)
		if err != nil {
			return err
		}
		args, err := k.args(p, parent, r)
		if err != nil {
			return err
		}
		return saveRec(w, k, r, id, parent, args)
	})
}

// saveRec inserts r (*id 0; a deleted record with the same key is restored) or updates
// record *id, setting *id on success; renaming or moving a record is allowed when its new key
// is free. parent is the ID of what r belongs to, args the column values of k.insert and
// k.update. k.check runs before anything is written.
func saveRec[R any](w *tx, k *kindSpec[R], r R, id *int64, parent int64, args []any) error {
	// A record of a locked round is refused even unchanged: the form was opened on it.
	if err := k.checkLocked(w, r); err != nil {
		return err
	}
	cond, keyArgs := k.keyCond(k.natKey(parent, r))
	var otherID int64
	var otherDeleted bool
	err := w.queryRow("SELECT "+k.alias+".id, "+k.alias+".deleted_at IS NOT NULL FROM "+k.table+" "+k.alias+" WHERE "+cond, keyArgs...).
		Scan(&otherID, &otherDeleted)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	check := func(self int64) error {
		if k.check == nil {
			return nil
		}
		return k.check(w, parent, r, self)
	}
	val, key := k.val(r), k.keyText(r)
	if *id == 0 {
		switch {
		case !found:
			if err := guard(w, k, nil, &r); err != nil {
				return err
			}
			if err := check(0); err != nil {
				return err
			}
			newID, err := insertRec(w, k, args)
			if err != nil {
				return err
			}
			*id = newID
			return w.log(ActionCreate, k.code, key, nil, val, "")
		case otherDeleted:
			old, err := byID(w, k, otherID, "1")
			if err != nil {
				return err
			}
			if err := guard(w, k, nil, &r); err != nil {
				return err
			}
			if err := check(otherID); err != nil {
				return err
			}
			if _, err := w.exec(k.update, append(args, w.now, otherID)...); err != nil {
				return err
			}
			*id = otherID
			return w.log(ActionRestore, k.code, key, k.val(old), val, "")
		default:
			return refuse(data.ErrDuplicate, "%s", k.takenMsg(r))
		}
	}
	old, err := byID(w, k, *id, k.live)
	if err != nil {
		return err
	}
	if err := guard(w, k, &old, &r); err != nil {
		return err
	}
	if found && otherID != *id {
		return refuse(data.ErrDuplicate, "%s%s", k.takenMsg(r), binNote(otherDeleted))
	}
	if k.val(old) == val {
		return nil
	}
	if err := check(*id); err != nil {
		return err
	}
	if _, err := w.exec(k.update, append(args, w.now, *id)...); err != nil {
		return err
	}
	return w.log(ActionUpdate, k.code, key, k.val(old), val, "")
}

// binNote is added to a duplicate-key refusal when the record holding the key is deleted.
func binNote(deleted bool) string {
	if deleted {
		return "（在回收站中，可从回收站恢复）"
	}
	return ""
}

// deleteRec moves a listed record to the recycle bin. What belongs to it (a village's
// elections, members and party ledger) is hidden with it by the kinds' live conditions.
func deleteRec[R any](ctx context.Context, s *Store, k *kindSpec[R], id int64) error {
	return s.write(ctx, func(w *tx) error {
		old, err := byID(w, k, id, k.live)
		if err != nil {
			return err
		}
		if err := guard(w, k, &old, nil); err != nil {
			return err
		}
		if _, err := w.exec("UPDATE "+k.table+" SET deleted_at = ?, updated_at = ? WHERE id = ?", w.now, w.now, id); err != nil {
			return err
		}
		return w.log(ActionDelete, k.code, k.keyText(old), k.val(old), nil, "")
	})
}

// restoreRec takes a record out of the recycle bin. What it belongs to must be listed (a
// village's township is taken out with it), and k.check must pass.
func restoreRec[R any](ctx context.Context, s *Store, k *kindSpec[R], id int64) error {
	return s.write(ctx, func(w *tx) error {
		r, err := byID(w, k, id, deletedWhere(k))
		if err != nil {
			return err
		}
		if err := guard(w, k, nil, &r); err != nil {
			return err
		}
		parent, err := parentOf(handRefs{w, k.makesTownship}, k, r)
		if err != nil {
			return err
		}
		if k.check != nil {
			if err := k.check(w, parent, r, k.id(r)); err != nil {
				return err
			}
		}
		if err := unbin(w, k, id); err != nil {
			return err
		}
		return w.log(ActionRestore, k.code, k.keyText(r), nil, k.val(r), "")
	})
}

// deletedWhere is the condition of a kind's recycle-bin listing: deleted itself, not only
// hidden by its village.
func deletedWhere[R any](k *kindSpec[R]) string {
	return k.alias + ".deleted_at IS NOT NULL"
}

// yearRange is the condition of a date column within a calendar year, on the YYYY-MM-DD
// text so that the column's index serves it.
func yearRange(col string, year int) (string, []any) {
	return col + " >= ? AND " + col + " < ?", []any{yearStart(year), yearStart(year + 1)}
}

func yearStart(year int) string { return fmt.Sprintf("%04d-01-01", year) }

func (k *kindSpec[R]) kindCode() data.KindCode { return k.code }

// binned adds the kind's deleted records.
func (k *kindSpec[R]) binned(ctx context.Context, q *sql.Tx,
	add func(kind data.KindCode, id int64, record string, deleted map[int64]time.Time)) error {
	deleted, err := deletedTimes(ctx, q, k.table)
	if err != nil {
		return err
	}
	rs, err := list(ctx, q, k, deletedWhere(k))
	if err != nil {
		return err
	}
	for _, r := range rs {
		add(k.code, k.id(r), k.keyText(r), deleted)
	}
	return nil
}

func (k *kindSpec[R]) restore(ctx context.Context, s *Store, id int64) error {
	return restoreRec(ctx, s, k, id)
}
