package sqlite

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"liangwei/data"
)

// The import of the record kinds of migration 0002, after townships, villages and elections.

type memberID struct {
	village  int64
	round    int
	idNumber string
}

type partyOrgID struct {
	village int64
	year    int
}

type townshipRound struct {
	township int64
	round    int
}

type townshipNo struct {
	township int64
	no       string
}

// checkBatchRest refuses records of the 0002 kinds with errors and keys given twice.
func checkBatchRest(b data.Batch, today time.Time, flat func(data.Problems) string) error {
	type mkey struct {
		v     data.VillageKey
		round int
		id    string
	}
	membs := map[mkey]bool{}
	for _, m := range b.Members {
		if ps := m.Validate(); ps.HasErrors() {
			return fmt.Errorf("%s有错误：%s", memberLabel(m), flat(ps))
		}
		k := mkey{m.VillageKey(), m.Round, m.IDNumber}
		if membs[k] {
			return refuse(data.ErrDuplicate, "导入的数据中%s出现了不止一次", memberLabel(m))
		}
		membs[k] = true
	}
	type lkey struct {
		township string
		round    int
	}
	leads := map[lkey]bool{}
	for _, l := range b.Leaderships {
		if ps := l.Validate(); ps.HasErrors() {
			return fmt.Errorf("%s有错误：%s", leadershipKind.label(l), flat(ps))
		}
		k := lkey{l.Township, l.Round}
		if leads[k] {
			return refuse(data.ErrDuplicate, "导入的数据中%s出现了不止一次", leadershipKind.label(l))
		}
		leads[k] = true
	}
	type pkey struct {
		v    data.VillageKey
		year int
	}
	orgs := map[pkey]bool{}
	for _, p := range b.PartyOrgs {
		if ps := p.Validate(); ps.HasErrors() {
			return fmt.Errorf("%s有错误：%s", partyOrgKind.label(p), flat(ps))
		}
		k := pkey{p.VillageKey(), p.Year}
		if orgs[k] {
			return refuse(data.ErrDuplicate, "导入的数据中%s出现了不止一次", partyOrgKind.label(p))
		}
		orgs[k] = true
	}
	type nkey struct{ township, no string }
	comps := map[nkey]bool{}
	for _, c := range b.Complaints {
		if ps := c.Validate(today); ps.HasErrors() {
			return fmt.Errorf("%s有错误：%s", complaintLabel(c), flat(ps))
		}
		k := nkey{c.Township, c.No}
		if comps[k] {
			return refuse(data.ErrDuplicate, "导入的数据中%s出现了不止一次", complaintLabel(c))
		}
		comps[k] = true
	}
	talks := map[nkey]bool{}
	for _, t := range b.Talks {
		if ps := t.Validate(); ps.HasErrors() {
			return fmt.Errorf("%s有错误：%s", talkLabel(t), flat(ps))
		}
		k := nkey{t.Township, t.No}
		if talks[k] {
			return refuse(data.ErrDuplicate, "导入的数据中%s出现了不止一次", talkLabel(t))
		}
		talks[k] = true
	}
	return nil
}

// rest imports the members, leaderships, party organizations, complaints and talks of b.
// Each kind's keys are preloaded and its statements prepared only when b has records of it.
func (im *importer) rest(b data.Batch) error {
	if len(b.Members) > 0 {
		keys := map[memberID]*rec[memberValue]{}
		if err := preloadKind(im, memberKind, keys, func(parent int64, m data.Member) memberID {
			return memberID{parent, m.Round, m.IDNumber}
		}); err != nil {
			return err
		}
		ins, upd, err := im.prepare(memberKind)
		if err != nil {
			return err
		}
		touched := map[int64]bool{}
		var vids []int64
		for _, m := range b.Members {
			vid, err := im.liveVillage(m.Township, m.Village, memberLabel(m))
			if err != nil {
				return err
			}
			if !touched[vid] {
				touched[vid] = true
				vids = append(vids, vid)
			}
			if err := upsert(im, keys, memberID{vid, m.Round, m.IDNumber}, memberVal(m), data.CodeMember, memberKeyText(m),
				ins, upd, memberArgs(vid, m)); err != nil {
				return err
			}
		}
		if err := im.checkPosts(vids); err != nil {
			return err
		}
	}
	if len(b.Leaderships) > 0 {
		keys := map[townshipRound]*rec[leadershipValue]{}
		if err := preloadKind(im, leadershipKind, keys, func(parent int64, l data.Leadership) townshipRound {
			return townshipRound{parent, l.Round}
		}); err != nil {
			return err
		}
		ins, upd, err := im.prepare(leadershipKind)
		if err != nil {
			return err
		}
		for _, l := range b.Leaderships {
			tid, err := im.townshipID(l.Township)
			if err != nil {
				return err
			}
			if err := upsert(im, keys, townshipRound{tid, l.Round}, leadershipVal(l), data.CodeLeadership,
				leadershipKind.keyText(l), ins, upd, leadershipArgs(tid, l)); err != nil {
				return err
			}
		}
	}
	if len(b.PartyOrgs) > 0 {
		keys := map[partyOrgID]*rec[partyOrgValue]{}
		if err := preloadKind(im, partyOrgKind, keys, func(parent int64, p data.PartyOrg) partyOrgID {
			return partyOrgID{parent, p.Year}
		}); err != nil {
			return err
		}
		ins, upd, err := im.prepare(partyOrgKind)
		if err != nil {
			return err
		}
		for _, p := range b.PartyOrgs {
			vid, err := im.liveVillage(p.Township, p.Village, partyOrgKind.label(p))
			if err != nil {
				return err
			}
			if err := upsert(im, keys, partyOrgID{vid, p.Year}, partyOrgVal(p), data.CodePartyOrg, partyOrgKind.keyText(p),
				ins, upd, partyOrgArgs(vid, p)); err != nil {
				return err
			}
		}
	}
	if len(b.Complaints) > 0 {
		keys := map[townshipNo]*rec[complaintValue]{}
		if err := preloadKind(im, complaintKind, keys, func(parent int64, c data.Complaint) townshipNo {
			return townshipNo{parent, c.No}
		}); err != nil {
			return err
		}
		ins, upd, err := im.prepare(complaintKind)
		if err != nil {
			return err
		}
		for _, c := range b.Complaints {
			tid, err := im.townshipID(c.Township)
			if err != nil {
				return err
			}
			var vid int64
			if c.Village != "" {
				if vid, err = im.liveVillage(c.Township, c.Village, complaintLabel(c)); err != nil {
					return err
				}
			}
			if err := upsert(im, keys, townshipNo{tid, c.No}, complaintVal(c), data.CodeComplaint, complaintKind.keyText(c),
				ins, upd, complaintArgs(tid, vid, c)); err != nil {
				return err
			}
		}
	}
	if len(b.Talks) > 0 {
		keys := map[townshipNo]*rec[talkValue]{}
		if err := preloadKind(im, talkKind, keys, func(parent int64, t data.Talk) townshipNo {
			return townshipNo{parent, t.No}
		}); err != nil {
			return err
		}
		ins, upd, err := im.prepare(talkKind)
		if err != nil {
			return err
		}
		for _, t := range b.Talks {
			tid, err := im.townshipID(t.Township)
			if err != nil {
				return err
			}
			if err := upsert(im, keys, townshipNo{tid, t.No}, talkVal(t), data.CodeTalk, talkKind.keyText(t),
				ins, upd, talkArgs(tid, t)); err != nil {
				return err
			}
		}
	}
	return nil
}

// liveVillage returns the ID of a village of the batch or the database that is not deleted;
// what names it, in a Chinese message, is what.
func (im *importer) liveVillage(township, village, what string) (int64, error) {
	if t := im.towns[township]; t != nil && !t.deleted {
		if v := im.vills[villageID{t.id, village}]; v != nil {
			if v.deleted {
				return 0, refuse(data.ErrUnknownVillage, "%s所属的村庄“%s/%s”在回收站中：请先恢复该村，或在“村庄”表中一并导入该村",
					what, township, village)
			}
			return v.id, nil
		}
	}
	return 0, refuse(data.ErrUnknownVillage, "%s所属的村庄“%s/%s”不存在：请在“村庄”表中添加该村，或先导入村庄",
		what, township, village)
}

// prepare prepares a kind's insert and update statements in the import's transaction.
func (im *importer) prepare(k interface{ stmts() (string, string) }) (ins, upd *sql.Stmt, err error) {
	i, u := k.stmts()
	if ins, err = im.w.tx.PrepareContext(im.w.ctx, i); err != nil {
		return nil, nil, err
	}
	if upd, err = im.w.tx.PrepareContext(im.w.ctx, u); err != nil {
		return nil, nil, err
	}
	return ins, upd, nil
}

func (k *kindSpec[R, V]) stmts() (string, string) { return k.insert, k.update }

// preloadKind reads every row of a kind (deleted ones too) under the batch's townships into
// keys, in one query.
func preloadKind[R any, V comparable, K comparable](im *importer, k *kindSpec[R, V], keys map[K]*rec[V], key func(parent int64, r R) K) error {
	rows, err := im.w.tx.QueryContext(im.w.ctx, "SELECT "+k.parent+", "+k.alias+".deleted_at IS NOT NULL, "+
		strings.TrimPrefix(k.sel, "SELECT ")+" WHERE "+inTowns, im.townsJSON)
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
		keys[key(parent, r)] = &rec[V]{id: k.id(r), val: k.val(r), deleted: deleted}
	}
	return rows.Err()
}

// upsert inserts, restores, updates or leaves one batch record; args are the columns of
// the kind's insert and update statements.
func upsert[K comparable, V comparable](im *importer, keys map[K]*rec[V], key K, val V, kind data.KindCode, text string, ins, upd *sql.Stmt, args []any) error {
	r := keys[key]
	switch {
	case r == nil:
		res, err := ins.ExecContext(im.w.ctx, append(args, im.w.now, im.w.now)...)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		keys[key] = &rec[V]{id: id, val: val}
		return im.outcome(kind, text, nil, &val, true, false)
	case !r.deleted && r.val == val:
		im.res.Unchanged++
		return nil
	}
	if _, err := upd.ExecContext(im.w.ctx, append(args, im.w.now, r.id)...); err != nil {
		return err
	}
	old, restored := r.val, r.deleted
	r.val, r.deleted = val, false
	return im.outcome(kind, text, &old, &val, false, restored)
}

// checkPosts refuses the import when, with its members written, one of the villages
// (IDs) the batch's members belong to has more than one listed 书记 or 主任 in a round,
// naming them. Other villages are not touched by the import, so only these are read.
func (im *importer) checkPosts(villages []int64) error {
	js, err := json.Marshal(villages)
	if err != nil {
		return err
	}
	var msgs []string
	for _, p := range uniquePosts {
		rows, err := im.w.tx.QueryContext(im.w.ctx, `SELECT t.name, v.name, m.round, group_concat(m.name, '、')
			FROM members m JOIN villages v ON v.id = m.village_id JOIN townships t ON t.id = v.township_id
			WHERE m.village_id IN (SELECT value FROM json_each(?)) AND `+p.column+` = ? AND `+memberKind.live+`
			GROUP BY m.village_id, m.round HAVING count(*) > 1 ORDER BY t.name, v.name, m.round`, string(js), p.post)
		if err != nil {
			return err
		}
		for rows.Next() {
			var town, vill, names string
			var round int
			if err := rows.Scan(&town, &vill, &round, &names); err != nil {
				rows.Close()
				return err
			}
			msgs = append(msgs, fmt.Sprintf("村庄“%s/%s”%d年有不止一名%s：%s（每村每届只能有一名%s）", town, vill, round, p.post, names, p.post))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if len(msgs) > 0 {
		return refuse(data.ErrPostTaken, "%s", strings.Join(msgs, "；"))
	}
	return nil
}
