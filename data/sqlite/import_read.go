package sqlite

import (
	"context"
	"encoding/json"

	"liangwei/data"
)

// The reads an import's check makes before the import itself.

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
