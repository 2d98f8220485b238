package sqlite

import (
	"context"
	"database/sql"

	"liangwei/data"
)

// Ledger reads, in one read transaction and one query per kind, every record a round's
// figures and reports need: the townships and villages that are not deleted (merged villages
// too), the round's elections, members and leaderships, the party ledger of the year round,
// and the complaints (by 受理日期) and talks (by 日期) of that calendar year. round 0 reads
// every listed record of every round and year (for export).
func (s *Store) Ledger(ctx context.Context, round int) (data.Ledger, error) {
	var l data.Ledger
	err := s.read(ctx, func(q *sql.Tx) error {
		var err error
		if l.Townships, err = list(ctx, q, townshipKind, townshipKind.live); err != nil {
			return err
		}
		if l.Villages, err = list(ctx, q, villageKind, villageKind.live); err != nil {
			return err
		}
		var elecWhere, memberWhere, leaderWhere, partyWhere, complaintWhere, talkWhere string
		var roundArgs, complaintArgs, talkArgs []any
		if round == 0 {
			elecWhere, memberWhere, leaderWhere = electionKind.live, memberKind.live, leadershipKind.live
			partyWhere, complaintWhere, talkWhere = partyOrgKind.live, complaintKind.live, talkKind.live
		} else {
			roundArgs = []any{round}
			elecWhere = "e.round = ? AND " + electionKind.live
			memberWhere = "m.round = ? AND " + memberKind.live
			leaderWhere = "l.round = ? AND " + leadershipKind.live
			partyWhere = "p.year = ? AND " + partyOrgKind.live
			var cond string
			cond, complaintArgs = yearRange("c.received", round)
			complaintWhere = cond + " AND " + complaintKind.live
			cond, talkArgs = yearRange("k.date", round)
			talkWhere = cond + " AND " + talkKind.live
		}
		if l.Elections, err = list(ctx, q, electionKind, elecWhere, roundArgs...); err != nil {
			return err
		}
		if l.Members, err = list(ctx, q, memberKind, memberWhere, roundArgs...); err != nil {
			return err
		}
		if l.Leaderships, err = list(ctx, q, leadershipKind, leaderWhere, roundArgs...); err != nil {
			return err
		}
		if l.PartyOrgs, err = list(ctx, q, partyOrgKind, partyWhere, roundArgs...); err != nil {
			return err
		}
		if l.Complaints, err = list(ctx, q, complaintKind, complaintWhere, complaintArgs...); err != nil {
			return err
		}
		if l.Talks, err = list(ctx, q, talkKind, talkWhere, talkArgs...); err != nil {
			return err
		}
		return readRoundRest(ctx, q, &l, round)
	})
	if err != nil {
		return data.Ledger{}, err
	}
	return l, nil
}
