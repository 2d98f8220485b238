package sqlite

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"liangwei/data"
)

// Two programs (two Stores) writing to one file at once: every write lands, nothing is
// corrupted.
func TestTwoStoresWriteConcurrently(t *testing.T) {
	a := openTest(t)
	b, err := Open(a.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const perWriter = 40
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w, s := range []*Store{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWriter; i++ {
				v := village(fmt.Sprintf("写入%d镇", w+1), fmt.Sprintf("%d号村", i+1))
				if err := s.SaveVillage(ctx, &v); err != nil {
					errs <- err
					return
				}
				e := completed(v.Township, v.Name, data.BodyParty)
				if err := s.SaveElection(ctx, &e, today); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Add(1)
	go func() { // a whole import through the second program meanwhile
		defer wg.Done()
		if _, err := b.Import(ctx, genBatch(300), "全市.xlsx"); err != nil {
			errs <- err
		}
	}()
	wg.Add(1)
	go func() { // and a backup through the first
		defer wg.Done()
		if _, err := a.BackupNow(ctx); err != nil {
			errs <- err
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	for _, s := range []*Store{a, b} {
		vs, err := s.Villages(ctx)
		if err != nil {
			t.Fatal(err)
		}
		es, err := s.Elections(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if want := 300 + 4*perWriter; len(vs) != want || len(es) != 2*300+4*perWriter {
			t.Errorf("%d villages and %d elections, want %d and %d", len(vs), len(es), want, 2*300+4*perWriter)
		}
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Error(err)
		}
	}
}

// When the other program keeps the write lock longer than the busy timeout, the change is
// refused with a message a clerk understands, and works once the other program is done.
func TestBusyDatabaseGivesAClearError(t *testing.T) {
	a := openTest(t)
	b, err := open(a.Path(), 50)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	hold, err := a.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	tw := data.Township{Name: "城关镇"}
	err = b.SaveTownship(ctx, &tw)
	if !errors.Is(err, data.ErrBusy) || !strings.Contains(err.Error(), "台账正在被另一个程序使用") {
		t.Errorf("SaveTownship while another program writes = %v, want data.ErrBusy with a clear message", err)
	}
	if _, err := b.Import(ctx, genBatch(5), "a.xlsx"); !errors.Is(err, data.ErrBusy) {
		t.Errorf("Import while another program writes = %v, want data.ErrBusy", err)
	}
	if _, err := b.Townships(ctx); err != nil {
		t.Errorf("reading while another program writes: %v", err)
	}
	if err := hold.Rollback(); err != nil {
		t.Fatal(err)
	}
	tw.ID = 0
	if err := b.SaveTownship(ctx, &tw); err != nil {
		t.Errorf("SaveTownship after the other program finished: %v", err)
	}
}
