package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"liangwei/data"
)

// lockValue is the audit value of a lock (new value of "lock", old value of "unlock").
type lockValue struct {
	Round    int    `json:"届次"`
	LockedAt string `json:"上报时间,omitempty"`
	By       string `json:"锁定人,omitempty"`
	Note     string `json:"备注"`
}

// unlockValue is the new value of an "unlock" audit row.
type unlockValue struct {
	Round  int    `json:"届次"`
	Reason string `json:"解锁原因"`
}

// Locks lists the locked rounds, newest round first.
func (s *Store) Locks(ctx context.Context) ([]data.RoundLock, error) {
	var out []data.RoundLock
	err := s.read(ctx, func(q *sql.Tx) error {
		rows, err := q.QueryContext(ctx, `SELECT round, locked_at, os_user, note FROM round_locks ORDER BY round DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l data.RoundLock
			var at string
			if err := rows.Scan(&l.Round, &at, &l.By, &l.Note); err != nil {
				return err
			}
			l.LockedAt, _ = time.Parse(time.RFC3339, at)
			out = append(out, l)
		}
		return rows.Err()
	})
	return out, err
}

// Lock marks a round 已上报. Locking a locked round changes nothing. note says why (e.g.
// the report it was locked after).
func (s *Store) Lock(ctx context.Context, round int, note string) error {
	if round <= 0 {
		return refuse(nil, "届次“%d”无效，请选择要锁定的届次（年份）", round)
	}
	note = strings.TrimSpace(note)
	return s.write(ctx, func(w *tx) error {
		var n int
		if err := w.queryRow(`SELECT count(*) FROM round_locks WHERE round = ?`, round).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if _, err := w.exec(`INSERT INTO round_locks (round, locked_at, os_user, note) VALUES (?, ?, ?, ?)`,
			round, w.now, w.s.osUser, note); err != nil {
			return err
		}
		return w.log(ActionLock, data.SubjectRound, strconv.Itoa(round), nil, lockValue{Round: round, Note: note}, "")
	})
}

// Unlock lifts the lock of a round. The reason is required and goes to the audit log.
func (s *Store) Unlock(ctx context.Context, round int, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return refuse(nil, "解锁%d年届次必须填写原因（将记入操作日志）", round)
	}
	return s.write(ctx, func(w *tx) error {
		var old lockValue
		err := w.queryRow(`SELECT round, locked_at, os_user, note FROM round_locks WHERE round = ?`, round).
			Scan(&old.Round, &old.LockedAt, &old.By, &old.Note)
		if err == sql.ErrNoRows {
			return refuse(nil, "%d年届次没有锁定，无需解锁", round)
		}
		if err != nil {
			return err
		}
		if _, err := w.exec(`DELETE FROM round_locks WHERE round = ?`, round); err != nil {
			return err
		}
		return w.log(ActionUnlock, data.SubjectRound, strconv.Itoa(round), old, unlockValue{Round: round, Reason: reason}, "")
	})
}

// The lock rule, written once: while a round is locked, a change is refused when it would
// alter that round's figures or records (SPEC §4: what a round's figures read). For a kind
// bound to a round (elections, members, leaderships by 届次; the party ledger by 年度;
// complaints and talks by the year of their date) that is a record of the round before or
// after the change. For townships and villages, which every round reads, it is any change
// of what the figures read of them (k.everyRound): a new or deleted one, one taken out of
// the recycle bin, a rename or move, a village's 类型 or 状态. Their other fields (户数,
// 人口, 区划代码; 县区, 联系人, 电话) stay editable. Every write path of the store calls guard
// with the record before and after: the forms' saves, deletes, the recycle bin, the import
// (guardUpsert) and the townships an import or a save creates. RestoreBackup keeps the locks
// and refuses to change a locked round's records (see restore.go).

// guard refuses the change of a record of kind k from old to new (nil: absent or in the
// recycle bin) when it would alter a locked round, with a *data.LockedError.
func guard[R any](w *tx, k *kindSpec[R], old, new *R) error {
	if err := w.checkLocked(); err != nil || len(w.locks) == 0 {
		return err
	}
	if k.years != nil {
		return w.checkLocked(k.years(old, new)...)
	}
	if k.round != nil {
		var rounds []int
		for _, r := range []*R{old, new} {
			if r != nil {
				rounds = append(rounds, k.round(*r))
			}
		}
		return w.checkLocked(rounds...)
	}
	if k.everyRound != nil && k.everyRound(old, new) {
		return &data.LockedError{Round: w.newestLock(), Why: "乡镇、村庄的新增、删除、恢复、改名和村庄类型、状态会改变已上报届次的统计数字"}
	}
	return nil
}

// guardUpsert is guard for an import writing r over the stored row old (nil: none), the
// refusal naming r; the stored record is read only when a round is locked.
func guardUpsert[R any](w *tx, k *kindSpec[R], old *rec, r R) error {
	if err := w.checkLocked(); err != nil || len(w.locks) == 0 {
		return err
	}
	var err error
	if old == nil || old.deleted {
		err = guard(w, k, nil, &r)
	} else {
		var was R
		if was, err = byID(w, k, old.id, "1"); err != nil {
			return err
		}
		err = guard(w, k, &was, &r)
	}
	if err != nil {
		return fmt.Errorf("导入的数据中%s：%w", k.label(r), err)
	}
	return nil
}

// newestLock is the newest locked round (w.locks read and not empty).
func (w *tx) newestLock() int {
	n := 0
	for r := range w.locks {
		n = max(n, r)
	}
	return n
}

// checkLocked refuses with a *data.LockedError when one of the rounds (years) is locked;
// 0 stands for "not bound to a round" and is allowed. The locks are read once per
// transaction, inside it, so a lock taken by another program cannot slip between the
// check and the write.
func (w *tx) checkLocked(rounds ...int) error {
	if w.locks == nil {
		w.locks = map[int]bool{}
		rows, err := w.tx.QueryContext(w.ctx, `SELECT round FROM round_locks`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var r int
			if err := rows.Scan(&r); err != nil {
				rows.Close()
				return err
			}
			w.locks[r] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for _, r := range rounds {
		if r != 0 && w.locks[r] {
			return &data.LockedError{Round: r}
		}
	}
	return nil
}

// yearOf is the year a dated record (complaint, talk) belongs to; 0 when it has no date.
func yearOf(d time.Time) int {
	if d.IsZero() {
		return 0
	}
	return d.Year()
}

// yearOfText is yearOf for a stored YYYY-MM-DD (or "").
func yearOfText(d string) int {
	if len(d) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(d[:4])
	return y
}
