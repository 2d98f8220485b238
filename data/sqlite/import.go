package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"liangwei/data"
)

// Import upserts a batch on the natural keys in one transaction: all or nothing. Townships
// come first, then villages (a township they name that is neither in the batch nor the
// database is created), then elections (whose village must be in the batch or the database,
// not in the recycle bin), members, leaderships, party organizations, complaints and talks.
// Members and party organizations need a village like elections; a township named by a
// leadership, complaint or talk is created like for villages; a complaint's 村名, when
// given, must be a village of its township. After the members, no village may have two
// 书记 or two 主任 in a round, counting the members already in the database. A key matching a deleted record restores it (counted as Inserted).
// Inserted+Updated+Unchanged is always b.Len(): townships created only because a village
// names them are not counted, but they are audited. The audit log gets one row per record
// inserted, restored or updated (with Source = source) and one "import" row with the counts.
// The batch is expected to be validated by the importer; a record with errors or a key given
// twice is still refused here, as a guard.
func (s *Store) Import(ctx context.Context, b data.Batch, source string) (data.ImportResult, error) {
	// Members are stored as saved by hand: 性别 and 出生日期 from the ID when absent. The
	// caller's slice is left alone.
	if len(b.Members) > 0 {
		ms := make([]data.Member, len(b.Members))
		copy(ms, b.Members)
		for i := range ms {
			ms[i].FillFromID()
		}
		b.Members = ms
	}
	if err := checkBatch(b, s.now()); err != nil {
		return data.ImportResult{}, err
	}
	var res data.ImportResult
	err := s.write(ctx, func(w *tx) error {
		if err := w.checkBatchLocks(b); err != nil {
			return err
		}
		im, err := w.newImporter(source, batchTownships(b))
		if err != nil {
			return err
		}
		for _, t := range b.Townships {
			if err := im.township(t); err != nil {
				return err
			}
		}
		for _, v := range b.Villages {
			if err := im.village(v); err != nil {
				return err
			}
		}
		for _, e := range b.Elections {
			if err := im.election(e); err != nil {
				return err
			}
		}
		if err := im.rest(b); err != nil {
			return err
		}
		res = im.res
		return w.log(ActionImport, data.SubjectFile, source, nil, importCounts{res.Inserted, res.Updated, res.Unchanged}, source)
	})
	if err != nil {
		return data.ImportResult{}, err
	}
	return res, nil
}

// checkBatch refuses records with errors and keys given twice, before anything is written.
func checkBatch(b data.Batch, today time.Time) error {
	// The importer checks "not in the future" against its own date; the store checks every
	// other rule, so it validates as of a date no completion can be after.
	farFuture := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	flat := func(ps data.Problems) string { return strings.ReplaceAll(ps.Errors().Error(), "\n", "；") }
	towns := map[string]bool{}
	for _, t := range b.Townships {
		if ps := t.Validate(); ps.HasErrors() {
			return fmt.Errorf("乡镇“%s”有错误：%s", t.Name, flat(ps))
		}
		if towns[t.Name] {
			return refuse(data.ErrDuplicate, "导入的数据中乡镇“%s”出现了不止一次", t.Name)
		}
		towns[t.Name] = true
	}
	vills := map[data.VillageKey]bool{}
	for _, v := range b.Villages {
		if ps := v.Validate(); ps.HasErrors() {
			return fmt.Errorf("村庄“%s/%s”有错误：%s", v.Township, v.Name, flat(ps))
		}
		if vills[v.Key()] {
			return refuse(data.ErrDuplicate, "导入的数据中村庄“%s/%s”出现了不止一次", v.Township, v.Name)
		}
		vills[v.Key()] = true
	}
	type ekey struct {
		v     data.VillageKey
		round int
		body  data.Body
	}
	elecs := map[ekey]bool{}
	for _, e := range b.Elections {
		if ps := e.Validate(farFuture); ps.HasErrors() {
			return fmt.Errorf("%s有错误：%s", electionLabel(e), flat(ps))
		}
		k := ekey{e.VillageKey(), e.Round, e.Body}
		if elecs[k] {
			return refuse(data.ErrDuplicate, "导入的数据中%s出现了不止一次", electionLabel(e))
		}
		elecs[k] = true
	}
	return checkBatchRest(b, today, flat)
}

type rec[V comparable] struct {
	id      int64
	val     V
	deleted bool
}

type villageID struct {
	township int64
	name     string
}

type electionID struct {
	village int64
	round   int
	body    string
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

	towns map[string]*rec[townshipValue]
	vills map[villageID]*rec[villageValue]
	elecs map[electionID]*rec[electionValue]

	insT, updT, insV, updV, insE, updE *sql.Stmt
}

// inTowns restricts a query over the alias t of townships to the batch's townships.
const inTowns = "t.name IN (SELECT value FROM json_each(?))"

// batchTownships is the JSON array of every township name a record of b names.
func batchTownships(b data.Batch) string {
	seen := map[string]bool{}
	names := []string{}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, t := range b.Townships {
		add(t.Name)
	}
	for _, v := range b.Villages {
		add(v.Township)
	}
	for _, e := range b.Elections {
		add(e.Township)
	}
	for _, m := range b.Members {
		add(m.Township)
	}
	for _, l := range b.Leaderships {
		add(l.Township)
	}
	for _, p := range b.PartyOrgs {
		add(p.Township)
	}
	for _, c := range b.Complaints {
		add(c.Township)
	}
	for _, t := range b.Talks {
		add(t.Township)
	}
	js, _ := json.Marshal(names) // a []string always marshals
	return string(js)
}

func (w *tx) newImporter(source, townsJSON string) (*importer, error) {
	im := &importer{w: w, source: source, townsJSON: townsJSON,
		towns: map[string]*rec[townshipValue]{},
		vills: map[villageID]*rec[villageValue]{},
		elecs: map[electionID]*rec[electionValue]{},
	}
	if err := im.preload(); err != nil {
		return nil, err
	}
	for _, p := range []struct {
		st  **sql.Stmt
		sql string
	}{
		{&im.insT, sqlInsertTownship}, {&im.updT, sqlUpdateTownship},
		{&im.insV, sqlInsertVillage}, {&im.updV, sqlUpdateVillage},
		{&im.insE, sqlInsertElection}, {&im.updE, sqlUpdateElection},
	} {
		st, err := w.tx.PrepareContext(w.ctx, p.sql)
		if err != nil {
			return nil, err
		}
		*p.st = st
	}
	return im, nil
}

// preload reads the keys of the batch's townships, their villages and elections (deleted
// ones too) in three queries.
func (im *importer) preload() error {
	ctx, q := im.w.ctx, im.w.tx
	rows, err := q.QueryContext(ctx, `SELECT t.id, t.name, t.county, t.contact, t.phone, t.deleted_at IS NOT NULL
		FROM townships t WHERE `+inTowns, im.townsJSON)
	if err != nil {
		return err
	}
	for rows.Next() {
		r := &rec[townshipValue]{}
		if err := rows.Scan(&r.id, &r.val.Name, &r.val.County, &r.val.Contact, &r.val.Phone, &r.deleted); err != nil {
			rows.Close()
			return err
		}
		im.towns[r.val.Name] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = q.QueryContext(ctx, `SELECT v.id, v.township_id, t.name, v.name, v.kind, v.households, v.population, v.code, v.status,
		v.deleted_at IS NOT NULL FROM villages v JOIN townships t ON t.id = v.township_id WHERE `+inTowns, im.townsJSON)
	if err != nil {
		return err
	}
	for rows.Next() {
		r := &rec[villageValue]{}
		var tid int64
		if err := rows.Scan(&r.id, &tid, &r.val.Township, &r.val.Name, &r.val.Kind, &r.val.Households, &r.val.Population,
			&r.val.Code, &r.val.Status, &r.deleted); err != nil {
			rows.Close()
			return err
		}
		im.vills[villageID{tid, r.val.Name}] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = q.QueryContext(ctx, `SELECT e.village_id, e.deleted_at IS NOT NULL, `+strings.TrimPrefix(selectElection, "SELECT ")+
		` WHERE `+inTowns, im.townsJSON)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var vid int64
		var deleted bool
		var e data.Election
		var body, status string
		var done sql.NullString
		var oneTime int
		if err := rows.Scan(&vid, &deleted, &e.ID, &e.Township, &e.Village, &e.Round, &body, &status, &done, &oneTime,
			&e.Eligible, &e.Participants, &e.Seats, &e.Candidates, &e.Elected, &e.Reason); err != nil {
			return err
		}
		e.Body, e.Status, e.OneTime = data.Body(body), data.ElectionStatus(status), oneTime != 0
		if e.CompletedOn, err = parseDate(done); err != nil {
			return err
		}
		im.elecs[electionID{vid, e.Round, body}] = &rec[electionValue]{id: e.ID, val: *electionVal(e), deleted: deleted}
	}
	return rows.Err()
}

// outcome counts one batch record and writes its audit row.
func (im *importer) outcome(kind data.KindCode, key string, old, new any, inserted, restored bool) error {
	action := ActionUpdate
	switch {
	case inserted:
		im.res.Inserted++
		action = ActionCreate
	case restored:
		im.res.Inserted++
		action = ActionRestore
	default:
		im.res.Updated++
	}
	return im.w.log(action, kind, key, old, new, im.source)
}

func (im *importer) township(t data.Township) error {
	val := *townshipVal(t)
	r := im.towns[t.Name]
	switch {
	case r == nil:
		res, err := im.insT.ExecContext(im.w.ctx, t.Name, t.County, t.Contact, t.Phone, im.w.now, im.w.now)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		im.towns[t.Name] = &rec[townshipValue]{id: id, val: val}
		return im.outcome(data.CodeTownship, t.Name, nil, &val, true, false)
	case !r.deleted && r.val == val:
		im.res.Unchanged++
		return nil
	}
	if _, err := im.updT.ExecContext(im.w.ctx, t.Name, t.County, t.Contact, t.Phone, im.w.now, r.id); err != nil {
		return err
	}
	old, restored := r.val, r.deleted
	r.val, r.deleted = val, false
	return im.outcome(data.CodeTownship, t.Name, &old, &val, false, restored)
}

// townshipID returns the township's ID, creating or restoring it (audited, not counted) when
// a village names it.
func (im *importer) townshipID(name string) (int64, error) {
	r := im.towns[name]
	switch {
	case r == nil:
		res, err := im.insT.ExecContext(im.w.ctx, name, "", "", "", im.w.now, im.w.now)
		if err != nil {
			return 0, err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return 0, err
		}
		val := townshipValue{Name: name}
		im.towns[name] = &rec[townshipValue]{id: id, val: val}
		return id, im.w.log(ActionCreate, data.CodeTownship, name, nil, &val, im.source)
	case r.deleted:
		v := r.val
		if _, err := im.updT.ExecContext(im.w.ctx, v.Name, v.County, v.Contact, v.Phone, im.w.now, r.id); err != nil {
			return 0, err
		}
		r.deleted = false
		return r.id, im.w.log(ActionRestore, data.CodeTownship, name, nil, &v, im.source)
	}
	return r.id, nil
}

func (im *importer) village(v data.Village) error {
	tid, err := im.townshipID(v.Township)
	if err != nil {
		return err
	}
	val := *villageVal(v)
	key := villageID{tid, v.Name}
	text := villageKeyText(v.Township, v.Name)
	args := []any{tid, v.Name, string(v.Kind), v.Households, v.Population, v.Code, string(v.Status), im.w.now}
	r := im.vills[key]
	switch {
	case r == nil:
		res, err := im.insV.ExecContext(im.w.ctx, append(args, im.w.now)...)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		im.vills[key] = &rec[villageValue]{id: id, val: val}
		return im.outcome(data.CodeVillage, text, nil, &val, true, false)
	case !r.deleted && r.val == val:
		im.res.Unchanged++
		return nil
	}
	if _, err := im.updV.ExecContext(im.w.ctx, append(args, r.id)...); err != nil {
		return err
	}
	old, restored := r.val, r.deleted
	r.val, r.deleted = val, false
	return im.outcome(data.CodeVillage, text, &old, &val, false, restored)
}

func (im *importer) election(e data.Election) error {
	var vid int64
	if t := im.towns[e.Township]; t != nil && !t.deleted {
		if v := im.vills[villageID{t.id, e.Village}]; v != nil {
			if v.deleted {
				return refuse(data.ErrUnknownVillage, "%s所属的村庄“%s/%s”在回收站中：请先恢复该村，或在“村庄”表中一并导入该村",
					electionLabel(e), e.Township, e.Village)
			}
			vid = v.id
		}
	}
	if vid == 0 {
		return refuse(data.ErrUnknownVillage, "%s所属的村庄“%s/%s”不存在：请在“村庄”表中添加该村，或先导入村庄",
			electionLabel(e), e.Township, e.Village)
	}
	val := *electionVal(e)
	key := electionID{vid, e.Round, string(e.Body)}
	text := electionKeyText(e)
	args := electionArgs(vid, e)
	r := im.elecs[key]
	switch {
	case r == nil:
		res, err := im.insE.ExecContext(im.w.ctx, append(args, im.w.now, im.w.now)...)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		im.elecs[key] = &rec[electionValue]{id: id, val: val}
		return im.outcome(data.CodeElection, text, nil, &val, true, false)
	case !r.deleted && r.val == val:
		im.res.Unchanged++
		return nil
	}
	if _, err := im.updE.ExecContext(im.w.ctx, append(args, im.w.now, r.id)...); err != nil {
		return err
	}
	old, restored := r.val, r.deleted
	r.val, r.deleted = val, false
	return im.outcome(data.CodeElection, text, &old, &val, false, restored)
}
