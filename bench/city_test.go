package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/data/sqlite"
	"liangwei/demo"
	"liangwei/exchange"
	"liangwei/reports"
)

var ctx = context.Background()

// today fixes the round (2026) and the reference date of the rules and figures.
var today = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

// The city, generated once per process: its workbooks in dir and, built on first use, a
// database holding all of them merged.
var (
	cityOnce  sync.Once
	city      demo.CityData
	dir       string
	paths     []string
	cityErr   error
	dbOnce    sync.Once
	dbPath    string
	dbErr     error
	meta      = reports.Meta{Unit: "某市委组织部", Leader: "王志刚", Reviewer: "李红梅", Preparer: "张晓雯", Phone: "0537-5212345", Date: today}
	tempDirMu sync.Mutex
)

func TestMain(m *testing.M) {
	code := m.Run()
	tempDirMu.Lock()
	if dir != "" {
		os.RemoveAll(dir)
	}
	tempDirMu.Unlock()
	os.Exit(code)
}

// workbooks generates the city and writes its 62 workbooks, once.
func workbooks(b *testing.B) []string {
	b.Helper()
	cityOnce.Do(func() {
		tempDirMu.Lock()
		dir, cityErr = os.MkdirTemp("", "liangwei-bench-")
		tempDirMu.Unlock()
		if cityErr != nil {
			return
		}
		city = demo.City(today)
		paths, cityErr = city.WriteWorkbooks(ctx, filepath.Join(dir, "city"), nil)
	})
	if cityErr != nil {
		b.Fatal(cityErr)
	}
	return paths
}

// importAll merges every workbook into st as `liangwei-cli import` does: each file loaded,
// checked against the store and imported in its own transaction.
func importAll(st data.Store, paths []string) (data.ImportResult, error) {
	var total data.ImportResult
	for _, p := range paths {
		_, res, err := exchange.Import(ctx, st, p, "", today)
		if err != nil {
			return total, fmt.Errorf("%s: %v", filepath.Base(p), err)
		}
		total.Inserted += res.Inserted
		total.Updated += res.Updated
		total.Unchanged += res.Unchanged
	}
	return total, nil
}

// cityStore opens the database of the merged city (importing it on first use) and checks
// its figures against the generator's.
func cityStore(b *testing.B) *sqlite.Store {
	b.Helper()
	ps := workbooks(b)
	dbOnce.Do(func() {
		dbPath = filepath.Join(dir, "city.db")
		st, err := sqlite.Open(dbPath)
		if err != nil {
			dbErr = err
			return
		}
		defer st.Close()
		if _, dbErr = importAll(st, ps); dbErr != nil {
			return
		}
		l, err := st.Ledger(ctx, city.Round)
		if err != nil {
			dbErr = err
			return
		}
		if got := data.ComputeStats(l, city.Round, today); !reflect.DeepEqual(got, city.Expected) {
			dbErr = fmt.Errorf("merged city's figures differ:\n got %+v\nwant %+v", got, city.Expected)
		}
	})
	if dbErr != nil {
		b.Fatal(dbErr)
	}
	st, err := sqlite.Open(dbPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// peakSampler follows the Go runtime's total mapped memory (heap, stacks, runtime
// structures) every few milliseconds, for the memory bar of SPEC §9 (< 200 MB).
type peakSampler struct {
	stop chan struct{}
	done chan uint64
}

func samplePeak() *peakSampler {
	s := &peakSampler{stop: make(chan struct{}), done: make(chan uint64)}
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
		var peak uint64
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak {
				peak = v
			}
			select {
			case <-s.stop:
				s.done <- peak
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// peakMB stops the sampler and returns the peak in MB.
func (s *peakSampler) peakMB() float64 {
	close(s.stop)
	return float64(<-s.done) / (1 << 20)
}

// BenchmarkCityImport merges the 62 township workbooks into a new database (SPEC §9: < 5 s).
// peak-MB is the Go runtime's peak mapped memory during the run.
func BenchmarkCityImport(b *testing.B) {
	ps := workbooks(b)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	peak := samplePeak()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		st, err := sqlite.Open(filepath.Join(b.TempDir(), fmt.Sprintf("import%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := importAll(st, ps)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if want := city.Merged().Len(); res.Inserted != want {
			b.Fatalf("inserted %d, want %d", res.Inserted, want)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(peak.peakMB(), "peak-MB")
}

// BenchmarkCityReimport imports every workbook again into the merged city: nothing changes.
func BenchmarkCityReimport(b *testing.B) {
	st := cityStore(b)
	ps := workbooks(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := importAll(st, ps)
		if err != nil {
			b.Fatal(err)
		}
		if res.Inserted != 0 || res.Updated != 0 {
			b.Fatalf("re-import changed data: %+v", res)
		}
	}
}

// BenchmarkCityLoad reads and checks every workbook without a store: the file part of the import.
func BenchmarkCityLoad(b *testing.B) {
	ps := workbooks(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range ps {
			if pv := exchange.Load(ctx, nil, p, "", today); pv.Issues.HasErrors() {
				b.Fatal(pv.Issues.Errors()[0])
			}
		}
	}
}

// BenchmarkCityLedger reads the round's whole ledger from the merged city's database, what
// every figure, report and screen starts from.
func BenchmarkCityLedger(b *testing.B) {
	st := cityStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		l, err := st.Ledger(ctx, city.Round)
		if err != nil {
			b.Fatal(err)
		}
		if len(l.Members) != len(city.Merged().Members) {
			b.Fatalf("%d members", len(l.Members))
		}
	}
}

// BenchmarkCityStats is `liangwei-cli stats` without the process: read the ledger, compute.
func BenchmarkCityStats(b *testing.B) {
	st := cityStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		l, err := st.Ledger(ctx, city.Round)
		if err != nil {
			b.Fatal(err)
		}
		if s := data.ComputeStats(l, city.Round, today); s.Villages != demo.CityVillages {
			b.Fatalf("%d villages", s.Villages)
		}
	}
}

// pdfBench measures reading the ledger, building a report and drawing it (SPEC §9: the
// summary < 1 s, the detail < 3 s); pages-KB is the size of the PDF.
func pdfBench(b *testing.B, draw func(w io.Writer, l data.Ledger) error) {
	st := cityStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	var size int
	for b.Loop() {
		l, err := st.Ledger(ctx, city.Round)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := draw(&buf, l); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "pdf-KB")
}

// BenchmarkCitySummaryPDF draws the 换届完成情况汇总表 of the 62 townships.
func BenchmarkCitySummaryPDF(b *testing.B) {
	pdfBench(b, func(w io.Writer, l data.Ledger) error {
		return reports.WriteSummary(w, data.BuildSummary(l, city.Round, today), meta)
	})
}

// BenchmarkCityDetailPDF draws the landscape 换届情况明细表 of the 5,252 villages.
func BenchmarkCityDetailPDF(b *testing.B) {
	pdfBench(b, func(w io.Writer, l data.Ledger) error {
		return reports.WriteDetail(w, data.BuildDetail(l, city.Round), meta)
	})
}

// BenchmarkCityMembersPDF draws the 两委成员花名册 of the city's 47,989 members.
func BenchmarkCityMembersPDF(b *testing.B) {
	pdfBench(b, func(w io.Writer, l data.Ledger) error {
		return reports.WriteMembers(w, data.BuildMembers(l, city.Round), meta)
	})
}

// BenchmarkCityPartyPDF draws the 四有 table of the 5,252 party organizations.
func BenchmarkCityPartyPDF(b *testing.B) {
	pdfBench(b, func(w io.Writer, l data.Ledger) error {
		return reports.WriteParty(w, data.BuildParty(l, city.Round), meta)
	})
}

// BenchmarkCityExport writes the merged city's workbook (every sheet, every record).
func BenchmarkCityExport(b *testing.B) {
	st := cityStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := exchange.Export(ctx, st, &buf); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/(1<<20), "xlsx-MB")
}

// BenchmarkCityOpen opens the merged city's database as every command and the program do
// first (migrations checked, settings and rounds read): the store's part of start-up.
func BenchmarkCityOpen(b *testing.B) {
	cityStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		st, err := sqlite.Open(dbPath)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.Settings(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := st.Rounds(ctx); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
