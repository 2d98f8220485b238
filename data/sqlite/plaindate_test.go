package sqlite

import (
	"database/sql"
	"testing"
	"time"
)

// FuzzPlainDate: parseDate's fast path reads what time.Parse reads, and refuses nothing
// time.Parse reads (parseDate then asks time.Parse).
func FuzzPlainDate(f *testing.F) {
	for _, s := range []string{"2026-03-15", "2024-02-29", "2023-02-29", "2026-02-28", "2026-13-01", "2026-00-10",
		"2026-01-00", "0000-01-01", "9999-12-31", "1949-10-01", "2026-1-015", "2026/03/15", "２０２６-03-15", "+026-03-15", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, werr := time.Parse("2006-01-02", s)
		if got, ok := plainDate(s); ok && (werr != nil || got != want) {
			t.Errorf("plainDate(%q) = %v, time.Parse %v, %v", s, got, want, werr)
		}
		got, err := parseDate(sql.NullString{String: s, Valid: s != ""})
		if s != "" && ((err == nil) != (werr == nil) || err == nil && got != want) {
			t.Errorf("parseDate(%q) = %v, %v; time.Parse %v, %v", s, got, err, want, werr)
		}
	})
}
