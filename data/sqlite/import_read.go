package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"

	"liangwei/data"
)

// What an import reads: the rows under the townships its batch names, before it writes;
// and MembersIn, the read an import's check makes before the import itself.

// rec is a stored row as an import sees it: its ID, audit value and whether it is in the
// recycle bin.
type rec struct {
	id      int64
	val     auditValue
	deleted bool
	// fresh marks a row this import inserted. Its val is not kept (a city's workbook would
	// hold 20 MB of them to the end): nothing compares with it, as a batch has each key
	// once (checkBatch), and a row just inserted is neither deleted nor restored.
	fresh bool
}

// table is one kind's share of an import: its rows under the batch's townships by natural
// key (deleted ones too), and its prepared insert and update.
type table struct {
	keys     map[natKey]*rec
	ins, upd *sql.Stmt
	// batch queues the import's new rows (import_batch.go); next is the ID of the next one,
	// 0 until read.
	batch *rowBatch
	next  int64
}

// importer holds the preloaded keys → rows of the database and the prepared statements of
// one import, so that each record costs one statement at most. Only the rows under the
// townships the batch names are preloaded: every key the batch can meet hangs off one of
// them, so the work of an import is proportional to its file, not to the database.
type importer struct {
	w      *tx
	source string
	res    data.ImportResult
	// townsJSON is the JSON array of the township names the batch names, the argument of
	// inTowns.
	townsJSON string
	// towns and vills are read first, for every import: the other kinds resolve the
	// townships and villages they name through them.
	towns *table
	vills *table
	// plan, when set (a dry run), collects the fields each update changes.
	plan *data.ImportPlan
}

// inTowns restricts a query over the alias t of townships to the batch's townships.
const inTowns = "t.name IN (SELECT value FROM json_each(?))"

// batchTownships is the JSON array of batchTownshipNames.
func batchTownships(b data.Batch) string {
	js, _ := json.Marshal(batchTownshipNames(b)) // a []string always marshals
	return string(js)
}

// batchTownshipNames is every township name a record of b names, never nil.
func batchTownshipNames(b data.Batch) []string {
	seen := map[string]bool{}
	names := []string{}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, k := range kinds {
		k.townshipsOf(&b, add)
	}
	return names
}

// newImporter reads the batch's townships and their villages, deleted ones too, and
// prepares their statements.
func (w *tx) newImporter(source string, b data.Batch) (*importer, error) {
	im := &importer{w: w, source: source, townsJSON: batchTownships(b)}
	var err error
	if im.towns, err = readTable(im, townshipKind); err != nil {
		return nil, err
	}
	if im.vills, err = readTable(im, villageKind); err != nil {
		return nil, err
	}
	return im, nil
}

// readTable reads every row of a kind (deleted ones too) under the batch's townships, in
// one query, and prepares the kind's insert and update in the import's transaction.
func readTable[R any](im *importer, k *kindSpec[R]) (*table, error) {
	t := &table{keys: map[natKey]*rec{}}
	if err := readKeys(im, k, t.keys); err != nil {
		return nil, err
	}
	var err error
	if t.ins, err = im.w.tx.PrepareContext(im.w.ctx, k.insert); err != nil {
		return nil, err
	}
	if t.upd, err = im.w.tx.PrepareContext(im.w.ctx, k.update); err != nil {
		return nil, err
	}
	return t, nil
}

// readKeys reads the kind's rows under the batch's townships into keys.
func readKeys[R any](im *importer, k *kindSpec[R], keys map[natKey]*rec) error {
	// Townships select 0 as their parent, so that one scan serves every kind.
	parent := "0"
	if c := k.parentColumn(); c != "" {
		parent = k.alias + "." + c
	}
	rows, err := im.w.tx.QueryContext(im.w.ctx, k.selWith(parent+", "+k.alias+".deleted_at IS NOT NULL")+" WHERE "+inTowns, im.townsJSON)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var parent int64
		var deleted bool
		r, err := k.scan(prefixScan{rows, []any{&parent, &deleted}})
		if err != nil {
			return err
		}
		keys[k.natKey(parent, r)] = &rec{id: k.id(r), val: k.val(r), deleted: deleted}
	}
	return rows.Err()
}

// MembersIn lists the members of a round (every round when round is 0) in the named
// townships that are not deleted and whose village is not deleted, in the order of Members.
// It reads through the townships' and villages' unique indexes, so its cost is that of the
// townships named, not of the database.
func (s *Store) MembersIn(ctx context.Context, round int, townships []string) ([]data.Member, error) {
	if len(townships) == 0 {
		return nil, nil
	}
	js, err := json.Marshal(townships)
	if err != nil {
		return nil, err
	}
	if round == 0 {
		return listRead(ctx, s, memberKind, inTowns+" AND "+memberKind.live, string(js))
	}
	// "+m.round" keeps SQLite from scanning the round's index over the whole database.
	return listRead(ctx, s, memberKind, inTowns+" AND +m.round = ? AND "+memberKind.live, string(js), round)
}
