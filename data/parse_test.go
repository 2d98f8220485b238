package data

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	want := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"2026-03-15", "2026/3/15", "2026年3月15日", "20260315", " 2026-3-15 ", "2026.03.15", "2026年03月15日", "46096", "46096.0", "2026-03-15 00:00:00"} {
		t.Run(in, func(t *testing.T) {
			got, err := ParseDate(in)
			if err != nil || !got.Equal(want) {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
			}
		})
	}
	if got, err := ParseDate(""); err != nil || !got.IsZero() {
		t.Errorf("empty: got %v, %v", got, err)
	}
	// 29 February exists only in leap years.
	if _, err := ParseDate("2024-02-29"); err != nil {
		t.Errorf("2024-02-29: %v", err)
	}
	for _, bad := range []string{"2026-02-29", "2026-13-01", "2026/4/31", "15/03/2026", "明天", "2026-3", "20261315", "0", "60", "abc", "1800-01-01"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q): want an error", bad)
		}
	}
}

func TestExcelSerial(t *testing.T) {
	for _, c := range []struct {
		serial string
		want   string
	}{{"61", "1900-03-01"}, {"45292", "2024-01-01"}, {"46387", "2026-12-31"}} {
		got, err := ParseDate(c.serial)
		if err != nil || FormatDate(got) != c.want {
			t.Errorf("ParseDate(%s) = %s, %v; want %s", c.serial, FormatDate(got), err, c.want)
		}
	}
}

func TestParseYesNo(t *testing.T) {
	for _, c := range []struct {
		in     string
		v, ok  bool
		hasErr bool
	}{
		{"是", true, true, false}, {"否", false, true, false},
		{"Y", true, true, false}, {"n", false, true, false},
		{"√", true, true, false}, {"×", false, true, false},
		{"1", true, true, false}, {"0", false, true, false},
		{"", false, false, false}, {"也许", false, false, true},
	} {
		v, ok, err := ParseYesNo(c.in)
		if v != c.v || ok != c.ok || (err != nil) != c.hasErr {
			t.Errorf("ParseYesNo(%q) = %v, %v, %v", c.in, v, ok, err)
		}
	}
}

func TestParseCount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		bad  bool
	}{{"", 0, false}, {"12", 12, false}, {"12.0", 12, false}, {"1,200", 1200, false}, {" 7 ", 7, false},
		{"-1", 0, true}, {"1.5", 0, true}, {"十二", 0, true}} {
		got, err := ParseCount(c.in)
		if got != c.want || (err != nil) != c.bad {
			t.Errorf("ParseCount(%q) = %d, %v", c.in, got, err)
		}
	}
	if r, err := ParseRound("2026年"); r != 2026 || err != nil {
		t.Errorf("ParseRound: %d %v", r, err)
	}
	if _, err := ParseRound("26"); err == nil {
		t.Error("ParseRound(26): want error")
	}
}

func TestEnums(t *testing.T) {
	if b, err := ParseBody("村民委员会"); b != BodyCommittee || err != nil {
		t.Errorf("ParseBody: %v %v", b, err)
	}
	if _, err := ParseBody("妇联"); err == nil {
		t.Error("ParseBody(妇联): want error")
	}
	if s, err := ParseElectionStatus(""); s != StatusNotStarted || err != nil {
		t.Errorf("empty status: %v %v", s, err)
	}
	if _, err := ParseElectionStatus("已结束"); err == nil {
		t.Error("unknown status: want error")
	}
	if k, err := ParseVillageKind("社区"); k != KindCommunity || err != nil {
		t.Errorf("kind: %v %v", k, err)
	}
	if s, err := ParseVillageStatus("已撤并"); s != VillageMerged || err != nil {
		t.Errorf("village status: %v %v", s, err)
	}
}

func TestRate(t *testing.T) {
	for _, c := range []struct {
		num, den int
		want     float64
	}{{5216, 5252, 99.31}, {5188, 5252, 98.78}, {47, 48, 97.92}, {46, 48, 95.83}, {1, 8, 12.5}, {1, 3, 33.33}, {2, 3, 66.67}, {0, 0, 0}, {1, 200000, 0}, {1, 20000, 0.01}} {
		if got := Rate(c.num, c.den); got != c.want {
			t.Errorf("Rate(%d, %d) = %v, want %v", c.num, c.den, got, c.want)
		}
	}
	if got := Average(91, 2); got != 45.5 {
		t.Errorf("Average(91,2) = %v", got)
	}
	if got := Average(136, 3); got != 45.3 {
		t.Errorf("Average(136,3) = %v", got)
	}
	if got := Average(1, 20); got != 0.1 { // 0.05 rounds half up
		t.Errorf("Average(1,20) = %v", got)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-03-15", "2026/3/15", "2026年3月15日", "20260315", "46096", "", "2026-02-29", "9999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil && !d.IsZero() {
			// Whatever parses must format and parse back to itself.
			back, err := ParseDate(FormatDate(d))
			if err != nil || !back.Equal(d) {
				t.Fatalf("%q → %v → %q → %v, %v", s, d, FormatDate(d), back, err)
			}
		}
	})
}

func FuzzParseYesNo(f *testing.F) {
	for _, s := range []string{"是", "否", "Y", "N", "√", "×", "1", "0", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok, err := ParseYesNo(s)
		if err != nil && (v || ok) {
			t.Fatalf("%q: error with a value", s)
		}
	})
}

// Dates as workbooks and clerks write them: with a time part, with dots, with zero-padded
// Chinese parts, and serials of either date system.
func TestParseDateForms(t *testing.T) {
	want := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"2026.3.15", "2026-3-15", "2026年03月15日", "2026/3/15 9:30", "2026-03-15T08:00:00",
		"2026-03-15 10:30:15.5", "2026年3月15日 上午10:30", "2026年3月15日10时30分", "46096.4375", "46096.99999"} {
		got, err := ParseDate(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"2026-03-15 abc", "2026-03-15 99", "2026-03-15T", "2026年3月15日后"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q): want an error", bad)
		}
	}
	// The 1904 date system counts from 1904-01-01: the same day is 1462 smaller.
	for _, c := range []struct {
		in   string
		want string
	}{{"44634", "2026-03-15"}, {"44634.75", "2026-03-15"}, {"1", "1904-01-02"}, {"2026-03-15", "2026-03-15"}} {
		got, err := ParseDateIn(c.in, true)
		if err != nil || FormatDate(got) != c.want {
			t.Errorf("ParseDateIn(%q, 1904) = %s, %v; want %s", c.in, FormatDate(got), err, c.want)
		}
	}
	if got, _ := ParseDateIn("44634", false); FormatDate(got) != "2022-03-14" {
		t.Errorf("1900 system: %s", FormatDate(got))
	}
	if _, err := ParseDateIn("0", true); err == nil {
		t.Error("serial 0 in 1904: want an error")
	}
}

// Counts and amounts have upper bounds so that no sum overflows and a slip of the finger
// (a value pasted into the wrong column) is refused.
func TestBounds(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{{"10000000", MaxCount, true}, {"10000001", 0, false}, {"1e7", MaxCount, true}, {"1e8", 0, false},
		{"9223372036854775807", 0, false}, {"99999999999999999999", 0, false}, {"1e308", 0, false}, {"-1", 0, false}, {"-1.0", 0, false}} {
		got, err := ParseCount(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseCount(%q) = %d, %v", c.in, got, err)
		}
	}
	if v, err := ParseAmount("1000000"); err != nil || v != MaxAmount {
		t.Errorf("ParseAmount(1000000) = %v, %v", v, err)
	}
	for _, in := range []string{"1000000.01", "2e6万元", "1e300"} {
		if _, err := ParseAmount(in); err == nil {
			t.Errorf("ParseAmount(%q): want an error", in)
		}
	}
}
