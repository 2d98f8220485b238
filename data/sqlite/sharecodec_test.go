package sqlite

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/demo"
)

// TestKeptBytesExact: the township shares of the city's stats and summary, and values with
// every kind the figures hold (nil and empty maps and slices, pointers, times, arrays,
// negative and float values), are read back exactly from their kept bytes, which are a
// fraction of their JSON; values that cannot be given back (NaN, unexported fields, a
// function) are refused, and damaged bytes are an error, never a value.
func TestKeptBytesExact(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	city := demo.CityOf(today, demo.Scale{Townships: 3, Villages: 200})
	l := city.Merged()
	stats, summary := data.NewStatsSum(city.Round, today), data.NewSummarySum(city.Round, today)
	sp, mp := stats.PartOf(l), summary.PartOf(l)
	if sp.S.Members.Party == 0 || len(mp.Rows) == 0 || len(mp.Codes) == 0 {
		t.Fatalf("the city's shares are empty: %+v", sp.S.Members)
	}
	check := func(name string, v any) {
		t.Helper()
		b, err := appendKept(nil, reflect.ValueOf(v))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := reflect.New(reflect.TypeOf(v))
		if rest, err := readKeptValue(b, p.Elem()); err != nil || len(rest) != 0 {
			t.Fatalf("%s: read back: %v, %d bytes left", name, err, len(rest))
		}
		if !reflect.DeepEqual(p.Elem().Interface(), v) {
			t.Fatalf("%s read back as\n%+v\nwant\n%+v", name, p.Elem().Interface(), v)
		}
		// Every shorter prefix is damaged bytes: an error, never a value.
		for n := range len(b) {
			if rest, err := readKeptValue(b[:n], reflect.New(reflect.TypeOf(v)).Elem()); err == nil {
				t.Fatalf("%s: %d of %d bytes read without an error (%d left)", name, n, len(b), len(rest))
			}
		}
	}
	check("stats share", sp)
	check("summary share", mp)
	type every struct {
		B      bool
		I      int
		I8     int8
		U      uint16
		F32    float32
		F      float64
		S      string
		Nil    []string
		Empty  []string
		NilMap map[data.Body]int
		Map    map[data.Body][]int
		Ptr    *data.KeyRates
		NilPtr *int
		Arr    [2]data.HeadPart
		When   time.Time
	}
	check("every kind", every{B: true, I: -7, I8: -128, U: 65535, F32: 1.5, F: 100.0 / 3, S: "两委台账",
		Empty: []string{}, Map: map[data.Body][]int{data.BodyParty: {1, -2}, data.BodyCommittee: nil},
		Ptr: &data.KeyRates{Round: 2021, AvgAge: 0.1 + 0.2}, Arr: [2]data.HeadPart{{AgeSum: 99}, {Aged: -1}},
		When: today})

	kept, ok := exactKept(sp)
	if !ok {
		t.Fatal("the stats share is not kept")
	}
	var back data.StatsPart
	if err := readKept(kept, &back); err != nil || !reflect.DeepEqual(back, sp) {
		t.Fatalf("stats share read back: %v", err)
	}
	if js := mustJSON(t, sp); len(kept)*2 > len(js) {
		t.Errorf("the stats share keeps %d bytes, its JSON %d: not half", len(kept), len(js))
	}
	if err := readKept(append(kept, 0), &back); err == nil {
		t.Error("bytes beyond the share read without an error")
	}
	type hidden struct{ a int }
	if _, ok := exactKept(math.NaN()); ok {
		t.Error("NaN kept")
	}
	if _, ok := exactKept(hidden{1}); ok {
		t.Error("an unexported field kept")
	}
	if _, ok := exactKept(struct{ F func() }{}); ok {
		t.Error("a function kept")
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
