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
		l, err = ledgerIn(ctx, q, round)
		return err
	})
	if err != nil {
		return data.Ledger{}, err
	}
	return l, nil
}

// ledgerIn is Ledger in a transaction (of the store, or of a copy being restored).
func ledgerIn(ctx context.Context, q *sql.Tx, round int) (data.Ledger, error) {
	var l data.Ledger
	err := func() error {
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
		if err := readRoundRest(ctx, q, &l, round); err != nil {
			return err
		}
		return readPartyWork(ctx, q, &l, round)
	}()
	return l, err
}

// ledgerDigest is what a round's figures and records read of a ledger, without the
// database IDs: each record's audit value, kind by kind in listing order.
func ledgerDigest(l data.Ledger) []auditValue {
	var out []auditValue
	for _, k := range kinds {
		out = k.digest(out, &l)
	}
	return out
}

func appendVals[R any](out []auditValue, k *kindSpec[R], rs []R) []auditValue {
	out = append(out, auditValue(k.code))
	for _, r := range rs {
		out = append(out, k.val(r))
	}
	return out
}
