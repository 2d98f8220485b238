package sqlite

import (
	"context"
	"database/sql"
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
