package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"liangwei/data"
)

var (
	ctx   = context.Background()
	today = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
)

// openTest opens a fresh store in a temp folder (a subfolder, so Open must create it) and
// checks its integrity when the test ends.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "db", "liangwei.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Errorf("IntegrityCheck: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func village(township, name string) data.Village {
	return data.Village{Township: township, Name: name, Kind: data.KindVillage, Households: 320, Population: 1180, Status: data.VillageActive}
}

// completed is a valid finished election of round 2026.
func completed(township, name string, body data.Body) data.Election {
	return data.Election{
		Township: township, Village: name, Round: 2026, Body: body, Status: data.StatusCompleted,
		CompletedOn: day("2026-03-15"), OneTime: true, Eligible: 100, Participants: 92, Seats: 5, Candidates: 7, Elected: 5,
	}
}

// genBatch builds a city-scale batch: nv villages over townships of 80, two elections each
// (so 2*nv elections), all valid.
func genBatch(nv int) data.Batch {
	var b data.Batch
	for i := 0; i < nv; i++ {
		tn := fmt.Sprintf("第%d镇", i/80+1)
		if i%80 == 0 {
			b.Townships = append(b.Townships, data.Township{Name: tn, County: "东城区", Contact: "王珺", Phone: "0531-1234567"})
		}
		vn := fmt.Sprintf("%d号村", i%80+1)
		v := village(tn, vn)
		v.Code = fmt.Sprintf("3701%08d", i)
		b.Villages = append(b.Villages, v)
		for _, body := range data.Bodies {
			e := completed(tn, vn, body)
			e.Eligible = 100 + i%50
			e.Participants = e.Eligible * 92 / 100 // a 党员大会 needs more than 4/5 present
			if i%17 == 0 {
				e.Status, e.CompletedOn, e.Reason = data.StatusFailed, time.Time{}, "候选人资格争议"
			}
			b.Elections = append(b.Elections, e)
		}
	}
	return b
}

func mustAudit(t *testing.T, s *Store) []data.AuditEntry {
	t.Helper()
	a, err := s.AuditLog(ctx, data.AuditFilter{})
	if err != nil {
		t.Fatalf("Audit: %v", err)
	}
	return a
}
