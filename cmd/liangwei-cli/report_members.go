package main

import (
	"context"
	"time"

	"liangwei/data"
	"liangwei/data/sqlite"
	"liangwei/reports"
)

// membersSource reads the roster of round township by township, in the official order, for
// reports.WriteMembersEach: the next township is read (and its roster on date built) on
// another goroutine while the last one is drawn, and each township's print is taken as its
// records pass, for the seal.
func (c *cli) membersSource(st *sqlite.Store, round int, date time.Time) reports.MembersSource {
	return func(part func(data.MembersReport)) (data.MembersReport, *reports.Seal, error) {
		ctx, cancel := context.WithCancel(c.ctx())
		defer cancel() // a drawing that fails stops the reading
		sum := data.NewMembersSum(round)
		var prints []data.TownshipPrint
		parts := make(chan data.MembersReport, 1)
		errc := make(chan error, 1)
		go func() {
			defer close(parts)
			errc <- st.EachTownshipInOrder(ctx, round, func(l data.Ledger) error {
				names := make([]string, 0, len(l.Townships))
				for _, t := range l.Townships {
					names = append(names, t.Name)
				}
				prints = append(prints, data.TakePrint(l, names).Townships...)
				l.Members = data.RosterOn(l.Members, l.Changes, round, date) // as Members's Write does
				p := sum.Add(l)
				select {
				case parts <- p:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
		}()
		for p := range parts {
			part(p)
		}
		if err := <-errc; err != nil {
			return data.MembersReport{}, nil, err
		}
		if len(prints) == 0 {
			return sum.Totals(), nil, nil
		}
		return sum.Totals(), &reports.Seal{Kind: reports.Members.Name, Round: round, Date: date, Print: data.JoinPrints(prints)}, nil
	}
}
