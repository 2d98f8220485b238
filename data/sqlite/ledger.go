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
		l, err = ledgerIn(ctx, q, round, "")
		return err
	})
	if err != nil {
		return data.Ledger{}, err
	}
	return l, nil
}

// EachTownship calls fn with the ledger of each township in turn, in township order: what
// Ledger(round).ForTownship(name) holds, read in one read transaction through the
// townships' and villages' unique indexes, so that the figures of a province (data.StatsSum)
// hold one township's records at a time. It stops at fn's first error.
func (s *Store) EachTownship(ctx context.Context, round int, fn func(data.Ledger) error) error {
	return s.EachTownshipVetted(ctx, round, nil, fn)
}

// EachTownshipVetted is EachTownship that first, in the same read transaction, gives vetted
// (when not nil) every candidate of the round, township by township in listing order, and
// keeps none: what the one rule of check across townships needs (data.LedgerCheck.Vetted).
func (s *Store) EachTownshipVetted(ctx context.Context, round int, vetted func(data.Candidate), fn func(data.Ledger) error) error {
	return s.read(ctx, func(q *sql.Tx) error {
		ts, err := list(ctx, q, townshipKind, townshipKind.live)
		if err != nil {
			return err
		}
		for _, t := range ts {
			if vetted == nil {
				break
			}
			where, args := candidateKind.live+" AND t.name = ?", []any{t.Name}
			if round != 0 {
				where, args = "+c.round = ? AND "+where, []any{round, t.Name}
			}
			cs, err := list(ctx, q, candidateKind, where, args...)
			if err != nil {
				return err
			}
			for _, c := range cs {
				vetted(c)
			}
		}
		for _, t := range ts {
			l, err := ledgerIn(ctx, q, round, t.Name)
			if err != nil {
				return err
			}
			if err := fn(l); err != nil {
				return err
			}
		}
		return nil
	})
}

// ledgerIn is Ledger in a transaction (of the store, or of a copy being restored); a
// township's only when town is not "".
func ledgerIn(ctx context.Context, q *sql.Tx, round int, town string) (data.Ledger, error) {
	var l data.Ledger
	// in narrows a kind's query to the township; with it, "+" keeps SQLite off the indexes
	// on round and year, so that each query starts from the township's unique name.
	in, plus := func(where string, args ...any) (string, []any) { return where, args }, ""
	if town != "" {
		in = func(where string, args ...any) (string, []any) {
			return where + " AND t.name = ?", append(append([]any(nil), args...), town)
		}
		plus = "+"
	}
	err := func() error {
		var err error
		w, a := in(townshipKind.live)
		if l.Townships, err = list(ctx, q, townshipKind, w, a...); err != nil {
			return err
		}
		w, a = in(villageKind.live)
		if l.Villages, err = list(ctx, q, villageKind, w, a...); err != nil {
			return err
		}
		var elecWhere, memberWhere, leaderWhere, partyWhere, complaintWhere, talkWhere string
		var roundArgs, complaintArgs, talkArgs []any
		if round == 0 {
			elecWhere, memberWhere, leaderWhere = electionKind.live, memberKind.live, leadershipKind.live
			partyWhere, complaintWhere, talkWhere = partyOrgKind.live, complaintKind.live, talkKind.live
		} else {
			roundArgs = []any{round}
			elecWhere = plus + "e.round = ? AND " + electionKind.live
			memberWhere = plus + "m.round = ? AND " + memberKind.live
			leaderWhere = plus + "l.round = ? AND " + leadershipKind.live
			partyWhere = plus + "p.year = ? AND " + partyOrgKind.live
			var cond string
			cond, complaintArgs = yearRange(plus+"c.received", round)
			complaintWhere = cond + " AND " + complaintKind.live
			cond, talkArgs = yearRange(plus+"k.date", round)
			talkWhere = cond + " AND " + talkKind.live
		}
		w, a = in(elecWhere, roundArgs...)
		if l.Elections, err = list(ctx, q, electionKind, w, a...); err != nil {
			return err
		}
		w, a = in(memberWhere, roundArgs...)
		if l.Members, err = list(ctx, q, memberKind, w, a...); err != nil {
			return err
		}
		w, a = in(leaderWhere, roundArgs...)
		if l.Leaderships, err = list(ctx, q, leadershipKind, w, a...); err != nil {
			return err
		}
		w, a = in(partyWhere, roundArgs...)
		if l.PartyOrgs, err = list(ctx, q, partyOrgKind, w, a...); err != nil {
			return err
		}
		w, a = in(complaintWhere, complaintArgs...)
		if l.Complaints, err = list(ctx, q, complaintKind, w, a...); err != nil {
			return err
		}
		w, a = in(talkWhere, talkArgs...)
		if l.Talks, err = list(ctx, q, talkKind, w, a...); err != nil {
			return err
		}
		if err := readRoundRest(ctx, q, &l, round, in, plus); err != nil {
			return err
		}
		return readPartyWork(ctx, q, &l, round, in, plus)
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
