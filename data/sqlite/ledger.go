package sqlite

import (
	"context"
	"slices"

	"liangwei/data"
)

// Ledger reads, in one read transaction and one query per kind, every record a round's
// figures and reports need: the townships and villages that are not deleted (merged villages
// too), the round's elections, members and leaderships, the party ledger of the year round,
// and the complaints (by 受理日期) and talks (by 日期) of that calendar year. round 0 reads
// every listed record of every round and year (for export). It reads on a rawConn, as
// EachTownship does.
func (s *Store) Ledger(ctx context.Context, round int) (data.Ledger, error) {
	var l data.Ledger
	err := s.readRaw(ctx, func(q rowSource) error {
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
// hold one township's records at a time (a few: the next ones are read on a second core,
// see readPair). It stops at fn's first error.
func (s *Store) EachTownship(ctx context.Context, round int, fn func(data.Ledger) error) error {
	return s.eachTownship(ctx, round, false, nil, fn)
}

// EachTownshipVetted is EachTownship that first, in the same read transaction, gives vetted
// (when not nil) every candidate of the round, township by township in listing order, and
// keeps none: what the one rule of check across townships needs (data.LedgerCheck.Vetted).
func (s *Store) EachTownshipVetted(ctx context.Context, round int, vetted func(data.Candidate), fn func(data.Ledger) error) error {
	return s.eachTownship(ctx, round, false, vetted, fn)
}

// EachTownshipInOrder is EachTownship in the official order of the townships
// (data.TownshipsInOrder of every village, merged ones too), the order in which a report
// draws them: townships without villages come last, in listing order.
func (s *Store) EachTownshipInOrder(ctx context.Context, round int, fn func(data.Ledger) error) error {
	return s.eachTownship(ctx, round, true, nil, fn)
}

func (s *Store) eachTownship(ctx context.Context, round int, ordered bool, vetted func(data.Candidate), fn func(data.Ledger) error) error {
	same := func(l data.Ledger) data.Ledger { return l }
	return eachTownshipRead(s, ctx, round, ordered, false, vetted, nil, same, func(_ string, l *data.Ledger) error { return fn(*l) })
}

// eachTownshipRead is eachTownship that first asks pick (when not nil), in the same read
// transaction, which of the townships, by name in the order given, are to be read, and
// gives each one's ledger to prepare on the goroutine that read it (either core; prepare
// must be safe to run on both at once): fn gets each township's name in order, with what
// prepare gave when read, nil when not picked. figures: the members are read for the
// figures alone (memberFiguresKind).
func eachTownshipRead[T any](s *Store, ctx context.Context, round int, ordered, figures bool, vetted func(data.Candidate),
	pick func(q rowSource, names []string) ([]bool, error), prepare func(data.Ledger) T, fn func(name string, v *T) error) error {
	return s.readRaw(ctx, func(q rowSource) error {
		ts, err := listFrom(ctx, q, townshipKind, townshipKind.live)
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
			cs, err := listFrom(ctx, q, candidateKind, where, args...)
			if err != nil {
				return err
			}
			for _, c := range cs {
				vetted(c)
			}
		}
		names := make([]string, len(ts))
		for i, t := range ts {
			names[i] = t.Name
		}
		if ordered {
			vs, err := listFrom(ctx, q, villageKind, villageKind.live)
			if err != nil {
				return err
			}
			rank := map[string]int{}
			for i, t := range data.TownshipsInOrder(vs) {
				rank[t] = i + 1
			}
			slices.SortStableFunc(names, func(a, b string) int {
				ra, rb := rank[a], rank[b]
				switch {
				case ra == 0 && rb == 0:
					return 0
				case ra == 0:
					return 1
				case rb == 0:
					return -1
				}
				return ra - rb
			})
		}
		read := names
		var picked []bool
		if pick != nil {
			if picked, err = pick(q, names); err != nil {
				return err
			}
			read = nil
			for i, n := range names {
				if picked[i] {
					read = append(read, n)
				}
			}
		}
		next, stop := readPair(s, q, len(read), func(q rowSource, i int) (T, error) {
			members := memberKind
			if figures {
				members = memberFiguresKind
			}
			l, err := ledgerOf(ctx, q, round, read[i], members)
			if err != nil {
				var zero T
				return zero, err
			}
			return prepare(l), nil
		})
		defer stop()
		j := 0
		for i, n := range names {
			if picked != nil && !picked[i] {
				if err := fn(n, nil); err != nil {
					return err
				}
				continue
			}
			l, err := next(j)
			j++
			if err != nil {
				return err
			}
			if err := fn(n, &l); err != nil {
				return err
			}
		}
		return nil
	})
}

// ledgerIn is Ledger in a transaction (of the store, or of a copy being restored); a
// township's only when town is not "".
func ledgerIn(ctx context.Context, q rowSource, round int, town string) (data.Ledger, error) {
	return ledgerOf(ctx, q, round, town, memberKind)
}

// ledgerOf is ledgerIn with the members read as members reads them (memberKind, or
// memberFiguresKind for the figures alone).
func ledgerOf(ctx context.Context, q rowSource, round int, town string, members *kindSpec[data.Member]) (data.Ledger, error) {
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
		if l.Townships, err = listFrom(ctx, q, townshipKind, w, a...); err != nil {
			return err
		}
		w, a = in(villageKind.live)
		if l.Villages, err = listFrom(ctx, q, villageKind, w, a...); err != nil {
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
		if l.Elections, err = listFrom(ctx, q, electionKind, w, a...); err != nil {
			return err
		}
		w, a = in(memberWhere, roundArgs...)
		if l.Members, err = listFrom(ctx, q, members, w, a...); err != nil {
			return err
		}
		w, a = in(leaderWhere, roundArgs...)
		if l.Leaderships, err = listFrom(ctx, q, leadershipKind, w, a...); err != nil {
			return err
		}
		w, a = in(partyWhere, roundArgs...)
		if l.PartyOrgs, err = listFrom(ctx, q, partyOrgKind, w, a...); err != nil {
			return err
		}
		w, a = in(complaintWhere, complaintArgs...)
		if l.Complaints, err = listFrom(ctx, q, complaintKind, w, a...); err != nil {
			return err
		}
		w, a = in(talkWhere, talkArgs...)
		if l.Talks, err = listFrom(ctx, q, talkKind, w, a...); err != nil {
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
