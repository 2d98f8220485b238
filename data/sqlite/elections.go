package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"liangwei/data"
)

func electionKeyText(e data.Election) string {
	return e.Township + "/" + e.Village + "/" + strconv.Itoa(e.Round) + "/" + string(e.Body)
}

func electionLabel(e data.Election) string {
	return fmt.Sprintf("村庄“%s/%s”%d年%s换届记录", e.Township, e.Village, e.Round, e.Body)
}

func scanElection(sc scanner) (data.Election, error) {
	d := scratchOf(sc, newElectionScan)
	if err := sc.Scan(d.dest...); err != nil {
		return d.e, err
	}
	e := d.e
	e.Body, e.Status, e.OneTime = data.Body(d.body), data.ElectionStatus(d.status), d.oneTime != 0
	e.Method = data.VoteMethod(d.method)
	var err error
	e.CompletedOn, err = parseDate(d.done)
	return e, err
}

// electionScan is where scanElection scans a row (see memberScan).
type electionScan struct {
	e                    data.Election // the columns scanned as they are
	body, status, method string
	done                 sql.NullString
	oneTime              int
	dest                 []any
}

func newElectionScan() *electionScan {
	d := &electionScan{}
	e := &d.e
	d.dest = []any{&e.ID, &e.Township, &e.Village, &e.Round, &d.body, &d.status, &d.done, &d.oneTime,
		&e.Eligible, &e.Participants, &e.Seats, &e.Candidates, &e.Elected, &e.Reason, &d.method}
	return d
}

// electionKind: an election names its village by township and village name; it is listed
// only while its village (and that village's township) is.
var electionKind = &kindSpec[data.Election]{
	// The importer checks "not in the future" against its own date; the store checks every
	// other rule, so it validates elections as of a date no completion can be after.
	checkOn: func(time.Time) time.Time { return time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC) },
	code:    data.CodeElection,
	table:   "elections",
	alias:   "e",
	up:      inVillage,
	names:   func(e data.Election) (string, string) { return e.Township, e.Village },
	keyCols: [2]string{"body", "round"},
	key:     func(e data.Election) (string, int) { return string(e.Body), e.Round },
	sel: `SELECT e.id, t.name, v.name, e.round, e.body, e.status, e.completed_on, e.one_time,
		e.eligible, e.participants, e.seats, e.candidates, e.elected, e.reason, e.method
		FROM elections e JOIN villages v ON v.id = e.village_id JOIN townships t ON t.id = v.township_id`,
	live:  "e.deleted_at IS NULL AND v.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, v.name, e.round, e.body",
	insert: `INSERT INTO elections (village_id, round, body, status, completed_on, one_time, eligible, participants,
		seats, candidates, elected, reason, method, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE elections SET village_id = ?, round = ?, body = ?, status = ?, completed_on = ?, one_time = ?,
		eligible = ?, participants = ?, seats = ?, candidates = ?, elected = ?, reason = ?, method = ?, updated_at = ?, deleted_at = NULL
		WHERE id = ?`,
	scan: scanElection,
	id:   func(e data.Election) int64 { return e.ID },
	args: func(_ refs, villageID int64, e data.Election) ([]any, error) {
		return []any{villageID, e.Round, string(e.Body), string(e.Status), nullDate(e.CompletedOn), boolInt(e.OneTime),
			e.Eligible, e.Participants, e.Seats, e.Candidates, e.Elected, e.Reason, string(e.Method)}, nil
	},
	desc:    data.ElectionDesc,
	keyText: electionKeyText,
	label:   electionLabel,
	round:   func(e data.Election) int { return e.Round },
}

// Elections lists the elections of a round (every round when round is 0) that are not
// deleted and whose village is not deleted, by township, village, round and body.
func (s *Store) Elections(ctx context.Context, round int) ([]data.Election, error) {
	if round == 0 {
		return listRead(ctx, s, electionKind, electionKind.live)
	}
	return listRead(ctx, s, electionKind, "e.round = ? AND "+electionKind.live, round)
}

// DeletedElections lists the elections in the recycle bin (deleted themselves, not only
// hidden by a deleted village).
func (s *Store) DeletedElections(ctx context.Context) ([]data.Election, error) {
	return listRead(ctx, s, electionKind, deletedWhere(electionKind))
}

// Rounds lists the rounds that have listed elections, newest first.
func (s *Store) Rounds(ctx context.Context) ([]int, error) {
	var out []int
	err := s.read(ctx, func(q *sql.Tx) error {
		// The rounds of the round index, each kept when one of its elections is listed (most
		// often its first): not a join of every election.
		rows, err := q.QueryContext(ctx, `SELECT r.round FROM (SELECT DISTINCT round FROM elections) r
			WHERE EXISTS (SELECT 1 FROM elections e
				JOIN villages v ON v.id = e.village_id JOIN townships t ON t.id = v.township_id
				WHERE e.round = r.round AND `+electionKind.live+`)
			ORDER BY r.round DESC`)
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
	return save(ctx, s, electionKind, *e, &e.ID, e.Validate(today))
}

// DeleteElection moves an election to the recycle bin.
func (s *Store) DeleteElection(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, electionKind, id)
}

// RestoreElection takes an election out of the recycle bin. Its village must not be deleted
// (restore the village first).
func (s *Store) RestoreElection(ctx context.Context, id int64) error {
	return restoreRec(ctx, s, electionKind, id)
}
