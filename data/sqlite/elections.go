package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"liangwei/data"
)

const selectElection = `SELECT e.id, t.name, v.name, e.round, e.body, e.status, e.completed_on, e.one_time,
	e.eligible, e.participants, e.seats, e.candidates, e.elected, e.reason
	FROM elections e JOIN villages v ON v.id = e.village_id JOIN townships t ON t.id = v.township_id`

// liveElection is the condition of an election that is listed: neither it nor its village
// (nor that village's township) is deleted.
const liveElection = "e.deleted_at IS NULL AND v.deleted_at IS NULL AND t.deleted_at IS NULL"

func scanElection(sc interface{ Scan(...any) error }) (data.Election, error) {
	var e data.Election
	var body, status string
	var done sql.NullString
	var oneTime int
	if err := sc.Scan(&e.ID, &e.Township, &e.Village, &e.Round, &body, &status, &done, &oneTime,
		&e.Eligible, &e.Participants, &e.Seats, &e.Candidates, &e.Elected, &e.Reason); err != nil {
		return e, err
	}
	e.Body, e.Status, e.OneTime = data.Body(body), data.ElectionStatus(status), oneTime != 0
	var err error
	e.CompletedOn, err = parseDate(done)
	return e, err
}

func (s *Store) listElections(ctx context.Context, where string, args ...any) ([]data.Election, error) {
	var out []data.Election
	err := s.read(ctx, func(q *sql.Tx) error {
		var err error
		out, err = queryElections(ctx, q, where, args...)
		return err
	})
	return out, err
}

// queryElections lists the elections meeting where on q, by township, village, round and body.
func queryElections(ctx context.Context, q *sql.Tx, where string, args ...any) ([]data.Election, error) {
	rows, err := q.QueryContext(ctx, selectElection+" WHERE "+where+" ORDER BY t.name, v.name, e.round, e.body", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Election
	for rows.Next() {
		e, err := scanElection(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Elections lists the elections of a round (every round when round is 0) that are not
// deleted and whose village is not deleted, by township, village, round and body.
func (s *Store) Elections(ctx context.Context, round int) ([]data.Election, error) {
	if round == 0 {
		return s.listElections(ctx, liveElection)
	}
	return s.listElections(ctx, "e.round = ? AND "+liveElection, round)
}

// DeletedElections lists the elections in the recycle bin (deleted themselves, not only
// hidden by a deleted village).
func (s *Store) DeletedElections(ctx context.Context) ([]data.Election, error) {
	return s.listElections(ctx, "e.deleted_at IS NOT NULL")
}

// Rounds lists the rounds that have listed elections, newest first.
func (s *Store) Rounds(ctx context.Context) ([]int, error) {
	var out []int
	err := s.read(ctx, func(q *sql.Tx) error {
		rows, err := q.QueryContext(ctx, `SELECT DISTINCT e.round FROM elections e
			JOIN villages v ON v.id = e.village_id JOIN townships t ON t.id = v.township_id
			WHERE `+liveElection+` ORDER BY e.round DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r int
			if err := rows.Scan(&r); err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

// SaveElection inserts an election (ID 0; a deleted one with the same key is restored) or
// updates one. Its village, named by township and village name, must exist and not be
// deleted. today is the reference date of the rules.
func (s *Store) SaveElection(ctx context.Context, e *data.Election, today time.Time) error {
	if ps := e.Validate(today); ps.HasErrors() {
		return ps
	}
	return s.write(ctx, func(w *tx) error {
		if err := w.checkLocked(e.Round); err != nil {
			return err
		}
		vid, err := w.liveVillageID(e.Township, e.Village)
		if err != nil {
			return err
		}
		other, err := w.electionByKey(vid, e.Round, e.Body)
		if err != nil {
			return err
		}
		key := electionKeyText(*e)
		if e.ID == 0 {
			switch {
			case other == nil:
				id, err := w.insertElection(vid, *e)
				if err != nil {
					return err
				}
				e.ID = id
				return w.log(ActionCreate, data.CodeElection, key, nil, electionVal(*e), "")
			case other.deleted:
				e.ID = other.e.ID
				if err := w.updateElection(vid, *e); err != nil {
					return err
				}
				return w.log(ActionRestore, data.CodeElection, key, electionVal(other.e), electionVal(*e), "")
			default:
				return refuse(data.ErrDuplicate, "%s已存在", electionLabel(*e))
			}
		}
		old, err := w.electionByID(e.ID)
		if err != nil {
			return err
		}
		if err := w.checkLocked(old.Round); err != nil {
			return err
		}
		if other != nil && other.e.ID != e.ID {
			return refuse(data.ErrDuplicate, "%s已存在%s", electionLabel(*e), binNote(other.deleted))
		}
		if *electionVal(old) == *electionVal(*e) {
			return nil
		}
		if err := w.updateElection(vid, *e); err != nil {
			return err
		}
		return w.log(ActionUpdate, data.CodeElection, key, electionVal(old), electionVal(*e), "")
	})
}

// DeleteElection moves an election to the recycle bin.
func (s *Store) DeleteElection(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *tx) error {
		old, err := w.electionByID(id)
		if err != nil {
			return err
		}
		if err := w.checkLocked(old.Round); err != nil {
			return err
		}
		if _, err := w.exec(`UPDATE elections SET deleted_at = ?, updated_at = ? WHERE id = ?`, w.now, w.now, id); err != nil {
			return err
		}
		return w.log(ActionDelete, data.CodeElection, electionKeyText(old), electionVal(old), nil, "")
	})
}

// RestoreElection takes an election out of the recycle bin. Its village must not be deleted
// (restore the village first).
func (s *Store) RestoreElection(ctx context.Context, id int64) error {
	return s.write(ctx, func(w *tx) error {
		e, err := scanElection(w.queryRow(selectElection+` WHERE e.id = ? AND e.deleted_at IS NOT NULL`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return data.ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := w.checkLocked(e.Round); err != nil {
			return err
		}
		if _, err := w.liveVillageID(e.Township, e.Village); err != nil {
			return err
		}
		if _, err := w.exec(`UPDATE elections SET deleted_at = NULL, updated_at = ? WHERE id = ?`, w.now, id); err != nil {
			return err
		}
		return w.log(ActionRestore, data.CodeElection, electionKeyText(e), nil, electionVal(e), "")
	})
}

// liveVillageID finds a village that is not deleted by its names.
func (w *tx) liveVillageID(township, village string) (int64, error) {
	var id int64
	var del sql.NullString
	err := w.queryRow(`SELECT v.id, coalesce(v.deleted_at, t.deleted_at) FROM villages v JOIN townships t ON t.id = v.township_id
		WHERE t.name = ? AND v.name = ?`, township, village).Scan(&id, &del)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, refuse(data.ErrUnknownVillage, "找不到村庄“%s/%s”，请先在村庄台账中添加", township, village)
	}
	if err != nil {
		return 0, err
	}
	if del.Valid {
		return 0, refuse(data.ErrUnknownVillage, "村庄“%s/%s”在回收站中，请先从回收站恢复", township, village)
	}
	return id, nil
}

type electionRow struct {
	e       data.Election
	deleted bool
}

func (w *tx) electionByKey(villageID int64, round int, body data.Body) (*electionRow, error) {
	var del sql.NullString
	e, err := scanElection(w.queryRow(selectElection+` WHERE e.village_id = ? AND e.round = ? AND e.body = ?`, villageID, round, string(body)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if err := w.queryRow(`SELECT deleted_at FROM elections WHERE id = ?`, e.ID).Scan(&del); err != nil {
		return nil, err
	}
	return &electionRow{e: e, deleted: del.Valid}, nil
}

// electionByID returns a listed election, or data.ErrNotFound.
func (w *tx) electionByID(id int64) (data.Election, error) {
	e, err := scanElection(w.queryRow(selectElection+` WHERE e.id = ? AND `+liveElection, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, data.ErrNotFound
	}
	return e, err
}

const (
	sqlInsertElection = `INSERT INTO elections (village_id, round, body, status, completed_on, one_time, eligible, participants,
		seats, candidates, elected, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlUpdateElection = `UPDATE elections SET village_id = ?, round = ?, body = ?, status = ?, completed_on = ?, one_time = ?,
		eligible = ?, participants = ?, seats = ?, candidates = ?, elected = ?, reason = ?, updated_at = ?, deleted_at = NULL
		WHERE id = ?`
)

func electionArgs(villageID int64, e data.Election) []any {
	return []any{villageID, e.Round, string(e.Body), string(e.Status), nullDate(e.CompletedOn), boolInt(e.OneTime),
		e.Eligible, e.Participants, e.Seats, e.Candidates, e.Elected, e.Reason}
}

func (w *tx) insertElection(villageID int64, e data.Election) (int64, error) {
	res, err := w.exec(sqlInsertElection, append(electionArgs(villageID, e), w.now, w.now)...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// updateElection writes e's values over row e.ID, restoring it when it was deleted.
func (w *tx) updateElection(villageID int64, e data.Election) error {
	_, err := w.exec(sqlUpdateElection, append(electionArgs(villageID, e), w.now, e.ID)...)
	return err
}
