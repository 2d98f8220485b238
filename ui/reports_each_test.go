package ui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/data/sqlite"
	"liangwei/demo"
	"liangwei/reports"
)

// wholeRefused is a store that refuses to read a whole round: a report of every township
// must read it one township at a time.
type wholeRefused struct{ *sqlite.Store }

func (wholeRefused) Ledger(context.Context, int) (data.Ledger, error) {
	return data.Ledger{}, errors.New("the whole round was read")
}

// TestReportsAllTownshipsByTownship: the 报表 screen draws every report of all townships
// from the round read one township at a time (Kind.Each, as the CLI), and it is the report
// of the whole round: byte for byte, the detail and the roster (whose count under the title
// is drawn last) in text.
func TestReportsAllTownshipsByTownship(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "liangwei.db")
	st, err := sqlite.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	city, err := demo.EachTownship(today, demo.Scale{Townships: 3, Villages: 90}, func(b data.Batch) error {
		if b.Townships[0].Name == demo.Township {
			return nil // the demo's own, below
		}
		_, err := st.Import(ctx, b, "test")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, st, today); err != nil {
		t.Fatal(err)
	}
	set, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set.DataFolder = filepath.Join(dir, "报表")
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	whole, err := st.Ledger(ctx, city.Round)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Townships) != 3 {
		t.Fatalf("%d townships: not a test", len(whole.Townships))
	}
	meta := reports.Meta{Unit: set.Township, Leader: set.Leader, Reviewer: set.Reviewer, Preparer: set.Preparer, Phone: set.Phone, Date: today}
	for _, k := range reports.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			path, err := repGenerate(ctx, wholeRefused{st}, dbPath, repRequest{kind: k.Title, round: city.Round, date: today})
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			o := reports.Options{Round: city.Round, Date: today}
			if k.Name == reports.Summary.Name {
				if o.Previous, err = data.LoadPreviousRates(ctx, st, city.Round, ""); err != nil || o.Previous == nil {
					t.Fatalf("previous rates %v, %v: not a test", o.Previous, err)
				}
			}
			var want bytes.Buffer
			if _, err := k.Write(&want, whole, o, meta); err != nil {
				t.Fatal(err)
			}
			if k.Name == reports.Detail.Name || k.Name == reports.Members.Name {
				wantPath := filepath.Join(t.TempDir(), "want.pdf")
				if err := os.WriteFile(wantPath, want.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				if a, b := uibPDFText(t, path), uibPDFText(t, wantPath); a != b {
					t.Errorf("text:\n%s\nwant:\n%s", a, b)
				}
				return
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("the screen's PDF (%d bytes) differs from the whole round's (%d bytes)", len(got), want.Len())
			}
		})
	}
}
