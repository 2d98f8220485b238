package sqlite

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"liangwei/data"
)

// What an import checks: each record on its own and each key once (before the
// transaction), the locked rounds, that the villages records name exist, and after the
// members are written, that no village has two 书记 or two 主任 in a round.

// checkBatch refuses records with errors and keys given twice, before anything is written.
func checkBatch(b data.Batch, today time.Time) error {
	for _, k := range kinds {
		if err := k.checkAll(&b, today); err != nil {
			return err
		}
	}
	return nil
}

// batchKey is a natural key by the names of what the record belongs to: the IDs are not
// known before the transaction.
type batchKey struct {
	township, village string
	key               natKey
}

// checkRecords refuses the first of rs with errors, or whose key an earlier one has.
func checkRecords[R any](k *kindSpec[R], rs []R, problems func(R) data.Problems) error {
	seen := make(map[batchKey]bool, len(rs))
	for _, r := range rs {
		if ps := problems(r); ps.HasErrors() {
			return fmt.Errorf("%s有错误：%s", k.label(r), strings.ReplaceAll(ps.Errors().Error(), "\n", "；"))
		}
		var key batchKey
		if k.names != nil {
			key.township, key.village = k.names(r)
		}
		key.key = k.natKey(0, r)
		if seen[key] {
			return refuse(data.ErrDuplicate, "导入的数据中%s出现了不止一次", k.label(r))
		}
		seen[key] = true
	}
	return nil
}

// checkBatchLocks refuses a whole import, before anything is written, when any of its
// records belongs to a locked round, even unchanged: a file of a reported round is not
// imported again. What the file would change of the stored records (a complaint moved out
// of a locked year, a village merged) is refused as it is written, by guardUpsert.
func (w *tx) checkBatchLocks(b data.Batch) error {
	if err := w.checkLocked(); err != nil {
		return err
	}
	if len(w.locks) == 0 {
		return nil
	}
	for _, k := range kinds {
		if err := k.lockedAll(w, &b); err != nil {
			return err
		}
	}
	return nil
}

// lockedIn refuses the first of rs whose round is locked.
func lockedIn[R any](w *tx, k *kindSpec[R], rs []R) error {
	for _, r := range rs {
		if err := k.checkLocked(w, r); err != nil {
			return fmt.Errorf("导入的数据中%s：%w", k.label(r), err)
		}
	}
	return nil
}

// village returns the ID of a village of the batch or the database that is not deleted;
// what names it, in a Chinese message, is what.
func (im *importer) village(township, village, what string) (int64, error) {
	if t := im.towns.keys[natKey{text: township}]; t != nil && !t.deleted {
		if v := im.vills.keys[natKey{parent: t.id, text: village}]; v != nil {
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
