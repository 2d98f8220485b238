package sqlite

import (
	"context"
	"fmt"
	"strconv"

	"liangwei/data"
)

func leadershipArgs(townshipID int64, l data.Leadership) []any {
	return []any{townshipID, l.Round, l.PartyCommittee, l.Government, l.Cross}
}

var leadershipKind = &kindSpec[data.Leadership]{
	code:    data.CodeLeadership,
	table:   "leaderships",
	alias:   "l",
	up:      inTownship,
	names:   func(l data.Leadership) (string, string) { return l.Township, "" },
	keyCols: [2]string{"", "round"},
	key:     func(l data.Leadership) (string, int) { return "", l.Round },
	sel: `SELECT l.id, t.name, l.round, l.party_committee, l.government, l.cross_posts
		FROM leaderships l JOIN townships t ON t.id = l.township_id`,
	live:   "l.deleted_at IS NULL AND t.deleted_at IS NULL",
	order:  "t.name, l.round",
	insert: `INSERT INTO leaderships (township_id, round, party_committee, government, cross_posts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE leaderships SET township_id = ?, round = ?, party_committee = ?, government = ?, cross_posts = ?,
		updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan: func(sc scanner) (data.Leadership, error) {
		var l data.Leadership
		err := sc.Scan(&l.ID, &l.Township, &l.Round, &l.PartyCommittee, &l.Government, &l.Cross)
		return l, err
	},
	id: func(l data.Leadership) int64 { return l.ID },
	args: func(_ refs, townshipID int64, l data.Leadership) ([]any, error) {
		return leadershipArgs(townshipID, l), nil
	},
	desc:    data.LeadershipDesc,
	keyText: func(l data.Leadership) string { return l.Township + "/" + strconv.Itoa(l.Round) },
	label: func(l data.Leadership) string {
		return fmt.Sprintf("乡镇“%s”%d年的班子记录", l.Township, l.Round)
	},
	round: func(l data.Leadership) int { return l.Round },
}

// Leaderships lists the township leaderships of a round (every round when round is 0) that
// are not deleted, by township and round.
func (s *Store) Leaderships(ctx context.Context, round int) ([]data.Leadership, error) {
	if round == 0 {
		return listRead(ctx, s, leadershipKind, leadershipKind.live)
	}
	return listRead(ctx, s, leadershipKind, "l.round = ? AND "+leadershipKind.live, round)
}

// DeletedLeaderships lists the leaderships in the recycle bin.
func (s *Store) DeletedLeaderships(ctx context.Context) ([]data.Leadership, error) {
	return listRead(ctx, s, leadershipKind, deletedWhere(leadershipKind))
}

// SaveLeadership inserts a township leadership (ID 0; a deleted one with the same key is
// restored) or updates one. Its township must exist and not be deleted.
func (s *Store) SaveLeadership(ctx context.Context, l *data.Leadership) error {
	return save(ctx, s, leadershipKind, *l, &l.ID, l.Validate())
}

// DeleteLeadership moves a township leadership to the recycle bin.
func (s *Store) DeleteLeadership(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, leadershipKind, id)
}

// RestoreLeadership takes a township leadership out of the recycle bin.
func (s *Store) RestoreLeadership(ctx context.Context, id int64) error {
	return restoreRec(ctx, s, leadershipKind, id)
}
