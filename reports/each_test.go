package reports

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"liangwei/data"
	"liangwei/data/sqlite"
	"liangwei/demo"
)

// eachStore is a store of a few generated townships and the demo township (城关镇, with
// every kind of record: candidates, changes, audits, party work…), as a province's database
// holds them.
func eachStore(t *testing.T) (*sqlite.Store, int) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "each.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	city, err := demo.EachTownship(reportDate, demo.Scale{Townships: 5, Villages: 200}, func(b data.Batch) error {
		if b.Townships[0].Name == demo.Township {
			return nil // the demo's own, below
		}
		_, err := st.Import(ctx, b, "test")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, st, reportDate); err != nil {
		t.Fatal(err)
	}
	return st, city.Round
}

// TestEachSameAsWrite: every report of several townships read one township at a time
// (Kind.Each, what the CLI and the 报表 screen draw) is the report of the whole round's
// ledger (Kind.Write): byte for byte, but for the detail and the roster, whose count under
// the title is drawn last: those page for page in text. The reports drawn as the townships
// are read (the detail, the roster, the 四有 table) in parts of 3 pages too.
func TestEachSameAsWrite(t *testing.T) {
	st, round := eachStore(t)
	ctx := context.Background()
	l, err := st.Ledger(ctx, round)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Townships) != 5 || len(l.Candidates) == 0 || len(l.Changes) == 0 || len(l.Developments) == 0 ||
		len(l.Commendations) == 0 || len(l.Complaints) == 0 || len(l.Talks) == 0 || len(l.Members) == 0 {
		t.Fatalf("the store lacks some records (%d townships): not a test", len(l.Townships))
	}
	o := Options{Round: round, Date: reportDate}
	src := StoreTownships(ctx, st, round)
	for _, k := range Kinds {
		t.Run(k.Name, func(t *testing.T) {
			var whole, each bytes.Buffer
			wantWhat, err := k.Write(&whole, l, o, testMeta)
			if err != nil {
				t.Fatal(err)
			}
			what, err := k.Each(&each, src, o, testMeta)
			if err != nil {
				t.Fatal(err)
			}
			if what != wantWhat {
				t.Errorf("Each: %q, Write: %q", what, wantWhat)
			}
			// The detail and the roster draw the count under their title last.
			deferred := k.Name == detailKind || k.Name == membersKind
			same := func(min int) {
				t.Helper()
				if deferred {
					samePages(t, each.Bytes(), whole.Bytes(), min)
				} else if !bytes.Equal(each.Bytes(), whole.Bytes()) {
					t.Errorf("Each's PDF (%d bytes) differs from Write's (%d bytes)", each.Len(), whole.Len())
				}
			}
			same(1)
			if !deferred && k.Name != partyKind {
				return
			}
			withPartPages(t, 3, func() {
				whole.Reset()
				each.Reset()
				if _, err := k.Write(&whole, l, o, testMeta); err != nil {
					t.Fatal(err)
				}
				if _, err := k.Each(&each, src, o, testMeta); err != nil {
					t.Fatal(err)
				}
			})
			same(4)
		})
	}
}

// samePages fails unless a and b have the same text page by page, over at least min pages.
func samePages(t *testing.T, a, b []byte, min int) {
	t.Helper()
	got, want := pdfPages(t, a), pdfPages(t, b)
	if len(want) < min {
		t.Fatalf("%d pages: not a test (want at least %d)", len(want), min)
	}
	if len(got) != len(want) {
		t.Fatalf("%d pages, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("page %d:\n%s\nwant:\n%s", i+1, got[i], want[i])
		}
	}
}

// TestEachReadFails: a read that fails half way fails the report with the read's error, and
// a drawing that fails stops the reading.
func TestEachReadFails(t *testing.T) {
	st, round := eachStore(t)
	o := Options{Round: round, Date: reportDate}
	boom := errors.New("磁盘读取错误")
	for _, k := range Kinds {
		t.Run(k.Name, func(t *testing.T) {
			n := 0
			src := func(inOrder bool, fn func(data.Ledger) error) error {
				return StoreTownships(context.Background(), st, round)(inOrder, func(l data.Ledger) error {
					if n++; n == 3 {
						return boom
					}
					return fn(l)
				})
			}
			var buf bytes.Buffer
			_, err := k.Each(&buf, src, o, testMeta)
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("读取%d年台账失败", round)) || !strings.Contains(err.Error(), boom.Error()) {
				t.Errorf("error %v, want the read's", err)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written by a failed report", buf.Len())
			}
		})
	}
	// A drawing that panics (fpdf does, on some malformed input) stops the reading: the
	// source is not asked for the townships after the one or two read ahead.
	read := 0
	src := func(inOrder bool, fn func(data.Ledger) error) error {
		return StoreTownships(context.Background(), st, round)(inOrder, func(l data.Ledger) error {
			read++
			return fn(l)
		})
	}
	func() {
		defer func() {
			if r := recover(); r != "画不出来" {
				t.Errorf("recovered %v, want the drawing's panic", r)
			}
		}()
		eachPart(src, detailKind, o, func(l data.Ledger) int { return 0 }, func(int) { panic("画不出来") })
	}()
	if read > 3 {
		t.Errorf("%d of 5 townships read after the drawing of the first failed", read)
	}
}
