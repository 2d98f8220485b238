package sqlite

import (
	"testing"

	"liangwei/data"
)

// BenchmarkImportCityWithLock is BenchmarkImportCity with another round locked, so that
// every record of the batch goes through the lock check.
func BenchmarkImportCityWithLock(b *testing.B) {
	batch := genCity(5000, 10)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := openTest(b)
		if err := s.Lock(ctx, 2021, ""); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := s.Import(ctx, batch, "全市.xlsx")
		if err != nil || res.Inserted != batch.Len() {
			b.Fatalf("Import = %+v, %v", res, err)
		}
	}
}

// cityStore is a store holding a city: 5,000 villages, 10,000 elections, 50,000 members.
func cityStore(b *testing.B) *Store {
	s := openTest(b)
	if _, err := s.Import(ctx, genCity(5000, 10), "全市.xlsx"); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkBackupNowCity(b *testing.B) {
	s := cityStore(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.BackupNow(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRestoreBackupCity(b *testing.B) {
	s := cityStore(b)
	bk, err := s.BackupNow(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(bk.Size)/1e6, "MB")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.RestoreBackup(ctx, bk.Path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrashAndAuditLog(b *testing.B) {
	s := cityStore(b) // 55,000+ audit rows
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Trash(ctx); err != nil {
			b.Fatal(err)
		}
		if a, err := s.AuditLog(ctx, dataFilterVillage); err != nil || len(a) == 0 {
			b.Fatalf("AuditLog = %d, %v", len(a), err)
		}
	}
}

var dataFilterVillage = data.AuditFilter{Village: "17号村", Limit: 500}
