package reports

import (
	"context"
	"errors"
	"fmt"
	"io"

	"liangwei/data"
)

// A report of every township of a province is drawn from its townships read one at a time
// (Kind.Each), so that its memory is one township's whatever the scale: the reports listing
// villages or members (the detail, the roster, the 四有 table) draw each township's rows as
// it arrives, keeping its finished pages in a temporary file (pageStore); the others keep
// only the records they list (gathered) or sums (the summary). The report still reads no
// database itself: its caller hands it the Townships to read.

// Townships reads the round a report is drawn from one township at a time: it calls fn with
// the ledger of each township (what the round's Ledger(round).ForTownship(name) holds), in
// the official order of the townships (data.TownshipsInOrder) when inOrder, the order in
// which a report draws them, else by name, the order of a whole ledger's records. It stops at
// fn's first error and returns it.
type Townships func(inOrder bool, fn func(data.Ledger) error) error

// TownshipReader is a store read one township at a time (sqlite.Store).
type TownshipReader interface {
	EachTownship(ctx context.Context, round int, fn func(data.Ledger) error) error
	EachTownshipInOrder(ctx context.Context, round int, fn func(data.Ledger) error) error
}

// StoreTownships reads round of st as Townships.
func StoreTownships(ctx context.Context, st TownshipReader, round int) Townships {
	return func(inOrder bool, fn func(data.Ledger) error) error {
		if inOrder {
			return st.EachTownshipInOrder(ctx, round, fn)
		}
		return st.EachTownship(ctx, round, fn)
	}
}

// errStopped stops the reading of a report whose drawing failed.
var errStopped = errors.New("reports: drawing stopped")

// readError is the message of a failed read of the round.
func readError(round int, err error) error {
	return fmt.Errorf("读取%d年台账失败：%v", round, err)
}

// eachPart reads the townships of src in the official order and draws them: the part of each
// (build, on the reading goroutine: the next township is read and built while the last one
// is drawn) is given to draw on the caller's. It returns the seal of report kind over the
// townships read, nil when there were none. A panic in draw stops the reading before it goes
// on.
func eachPart[P any](src Townships, kind string, o Options, build func(data.Ledger) P, draw func(P)) (*Seal, error) {
	var prints []data.TownshipPrint
	parts := make(chan P, 1)
	stop := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		defer close(parts)
		errc <- src(true, func(l data.Ledger) error {
			prints = append(prints, townshipPrints(l)...)
			p := build(l)
			select {
			case parts <- p:
				return nil
			case <-stop:
				return errStopped
			}
		})
	}()
	defer func() {
		if stop != nil { // draw panicked: stop the reading, and wait for it
			close(stop) // the reader, waiting to hand over a part, sees it and returns
			<-errc
		}
	}()
	for p := range parts {
		draw(p)
	}
	err := <-errc
	stop = nil
	if err != nil {
		return nil, readError(o.Round, err)
	}
	return sealOf(kind, o, prints), nil
}

// townshipPrints are the prints of the townships of l, for the seal of a report read one
// township at a time.
func townshipPrints(l data.Ledger) []data.TownshipPrint {
	names := make([]string, 0, len(l.Townships))
	for _, t := range l.Townships {
		names = append(names, t.Name)
	}
	return data.TakePrint(l, names).Townships
}

// sealOf is the seal of report kind over the townships printed (NewSeal of their whole
// ledger), nil for none.
func sealOf(kind string, o Options, prints []data.TownshipPrint) *Seal {
	if len(prints) == 0 {
		return nil
	}
	return &Seal{Kind: kind, Round: o.Round, Date: o.Date, Print: data.JoinPrints(prints)}
}

// collect reads the townships of src by name and gives each one's ledger to add; it returns
// the seal of report kind over them, nil when there were none.
func collect(src Townships, kind string, o Options, add func(data.Ledger)) (*Seal, error) {
	var prints []data.TownshipPrint
	err := src(false, func(l data.Ledger) error {
		prints = append(prints, townshipPrints(l)...)
		add(l)
		return nil
	})
	if err != nil {
		return nil, readError(o.Round, err)
	}
	return sealOf(kind, o, prints), nil
}

// gathered is the Each of a report that lists few records of each township: the records
// keep copies from each township's ledger are gathered, in the order of a whole ledger, and
// the report is written from them as Write writes it from the whole ledger.
func gathered(k Kind, keep func(dst *data.Ledger, part data.Ledger)) func(io.Writer, Townships, Options, Meta) (string, error) {
	return func(w io.Writer, src Townships, o Options, m Meta) (string, error) {
		var l data.Ledger
		seal, err := collect(src, k.Name, o, func(part data.Ledger) {
			l.Townships = append(l.Townships, part.Townships...)
			keep(&l, part)
		})
		if err != nil {
			return "", err
		}
		if m.Seal == nil {
			m.Seal = seal
		}
		return k.Write(w, l, o, m)
	}
}
