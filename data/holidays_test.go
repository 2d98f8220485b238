package data

import (
	"testing"
	"time"
)

// TestHolidayTable checks the calendar's own shape: every year 2019–2026 is there, each
// listed day off is a weekday and each working day a Saturday or Sunday, dates are sorted,
// inside their year and listed once, and the weekdays off less the weekend working days
// are the year's statutory holidays: 11 days under the 全国年节及纪念日放假办法 until 2024
// (2020: 13, the 春节 extension added 01-31 and 02-01), 13 from 2025 (除夕 and 5月2日 added).
func TestHolidayTable(t *testing.T) {
	statutory := map[int]int{2019: 11, 2020: 13, 2021: 11, 2022: 11, 2023: 11, 2024: 11, 2025: 13, 2026: 13}
	if len(holidayYears) != len(statutory) {
		t.Errorf("the table has %d years, want %d (2019–2026)", len(holidayYears), len(statutory))
	}
	for year, want := range statutory {
		y, ok := holidayYears[year]
		if !ok {
			t.Errorf("%d: missing", year)
			continue
		}
		if y.legalDays != want {
			t.Errorf("%d: legalDays %d, want %d", year, y.legalDays, want)
		}
		if got := len(y.off) - len(y.work); got != want {
			t.Errorf("%d: %d weekdays off less %d weekend working days = %d, want %d", year, len(y.off), len(y.work), got, want)
		}
		seen := map[string]bool{}
		for _, list := range []struct {
			name    string
			dates   []string
			weekend bool
		}{{"off", y.off, false}, {"work", y.work, true}} {
			var prev time.Time
			for _, s := range list.dates {
				day, err := time.Parse(time.DateOnly, s)
				if err != nil {
					t.Errorf("%d %s: %v", year, list.name, err)
					continue
				}
				if day.Year() != year {
					t.Errorf("%d %s: %s is outside the year", year, list.name, s)
				}
				if wd := day.Weekday(); (wd == time.Saturday || wd == time.Sunday) != list.weekend {
					t.Errorf("%d %s: %s is a %s", year, list.name, s, wd)
				}
				if !prev.IsZero() && !day.After(prev) {
					t.Errorf("%d %s: %s not after %s", year, list.name, s, prev.Format(time.DateOnly))
				}
				prev = day
				if seen[s] {
					t.Errorf("%d: %s listed twice", year, s)
				}
				seen[s] = true
			}
		}
	}
	if n := len(holidayOff) + len(holidayWork); n == 0 {
		t.Error("no keys built from the table")
	}
}

// TestWorkdayNotices checks days named by each year's notice.
func TestWorkdayNotices(t *testing.T) {
	for _, c := range []struct {
		date string
		want bool
		why  string
	}{
		{"2019-01-01", false, "元旦, Tuesday"},
		{"2019-02-02", true, "春节 调休, Saturday"},
		{"2019-02-08", false, "春节, Friday"},
		{"2019-04-28", true, "劳动节 as changed 2019-03-22, Sunday"},
		{"2019-05-03", false, "劳动节 as changed, Friday"},
		{"2019-05-05", true, "劳动节 as changed, Sunday"},
		{"2019-10-12", true, "国庆节 调休, Saturday"},
		{"2020-01-19", true, "春节 调休, Sunday"},
		{"2020-01-31", false, "春节 extended, Friday"},
		{"2020-02-01", false, "春节 extended: no longer a working Saturday"},
		{"2020-02-03", true, "first day back after the extension"},
		{"2020-06-28", true, "端午节 调休, Sunday"},
		{"2020-10-08", false, "国庆节、中秋节, Thursday"},
		{"2021-02-20", true, "春节 调休, Saturday"},
		{"2021-09-18", true, "中秋节 调休, Saturday"},
		{"2021-09-21", false, "中秋节, Tuesday"},
		{"2021-10-07", false, "国庆节, Thursday"},
		{"2021-10-08", true, "an ordinary Friday"},
		{"2021-10-09", true, "国庆节 调休, Saturday"},
		{"2022-01-03", false, "元旦, Monday"},
		{"2022-04-02", true, "清明节 调休, Saturday"},
		{"2022-09-12", false, "中秋节, Monday"},
		{"2022-10-09", true, "国庆节 调休, Sunday"},
		{"2023-01-02", false, "元旦, Monday"},
		{"2023-06-25", true, "端午节 调休, Sunday"},
		{"2023-09-29", false, "中秋节, Friday"},
		{"2023-10-08", true, "国庆节 调休, Sunday"},
		{"2024-02-18", true, "春节 调休, Sunday"},
		{"2024-04-07", true, "清明节 调休, Sunday"},
		{"2024-06-10", false, "端午节, Monday"},
		{"2024-09-14", true, "中秋节 调休, Saturday"},
		{"2025-01-28", false, "除夕, Tuesday"},
		{"2025-05-02", false, "劳动节, Friday"},
		{"2025-06-02", false, "端午节, Monday"},
		{"2025-10-08", false, "国庆节、中秋节, Wednesday"},
		{"2025-10-11", true, "国庆节 调休, Saturday"},
		{"2026-01-02", false, "元旦, Friday"},
		{"2026-01-04", true, "元旦 调休, Sunday"},
		{"2026-02-14", true, "春节 调休, Saturday"},
		{"2026-02-23", false, "春节, Monday"},
		{"2026-02-28", true, "春节 调休, Saturday"},
		{"2026-05-09", true, "劳动节 调休, Saturday"},
		{"2026-06-19", false, "端午节, Friday"},
		{"2026-09-20", true, "国庆节 调休, Sunday"},
		{"2026-09-25", false, "中秋节, Friday"},
		{"2026-10-01", false, "国庆节, Thursday"},
		{"2026-10-02", false, "国庆节, Friday"},
		{"2026-10-03", false, "国庆节, Saturday"},
		{"2026-10-04", false, "国庆节, Sunday"},
		{"2026-10-05", false, "国庆节, Monday"},
		{"2026-10-06", false, "国庆节, Tuesday"},
		{"2026-10-07", false, "国庆节, Wednesday"},
		{"2026-10-08", true, "first day back"},
		{"2026-10-10", true, "国庆节 调休, Saturday"},
		{"2026-10-11", false, "an ordinary Sunday"},
		// Outside the table: Monday to Friday.
		{"2018-12-29", false, "2018 is outside the table (the 2019 notice made it a working Saturday)"},
		{"2018-12-31", true, "2018 is outside the table (the 2019 notice gave this Monday off)"},
		{"2027-01-01", true, "2027 is outside the table"},
	} {
		if got := Workday(d(c.date)); got != c.want {
			t.Errorf("Workday(%s) = %v, want %v (%s)", c.date, got, c.want, c.why)
		}
	}
	// Years outside the table count Monday to Friday, every day of them.
	for _, year := range []int{2018, 2027} {
		for day := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() == year; day = day.AddDate(0, 0, 1) {
			wd := day.Weekday()
			if want := wd != time.Saturday && wd != time.Sunday; Workday(day) != want {
				t.Errorf("Workday(%s) = %v, want %v", day.Format(time.DateOnly), !want, want)
			}
		}
	}
}

// TestDeadlineAcrossHolidays: a 拉票贿选 complaint's 5 working days run past the holidays and
// take the 调休 weekend days.
func TestDeadlineAcrossHolidays(t *testing.T) {
	for _, c := range []struct {
		received, want, why string
	}{
		// Tuesday before 国庆 2026: 09-30, then 10-08, 10-09, 10-10 (Saturday, 调休), 10-12.
		// Monday to Friday alone would have given 10-06, a holiday.
		{"2026-09-29", "2026-10-12", "across 国庆节"},
		{"2026-09-30", "2026-10-13", "across 国庆节"},
		// Friday 09-18: Sunday 09-20 is a working day, so 09-20…09-24.
		{"2026-09-18", "2026-09-24", "a 调休 Sunday counts"},
		// Thursday 09-24: 09-25 中秋节, then 09-28, 09-29, 09-30, 10-08, 10-09.
		{"2026-09-24", "2026-10-09", "across 中秋节 and 国庆节"},
		{"2026-02-12", "2026-02-26", "across 春节 with 02-14 worked"},
		{"2021-09-30", "2021-10-13", "across 国庆 2021 (10-09 worked)"},
	} {
		if got := FormatDate(DefaultDeadline(d(c.received), CatBribery)); got != c.want {
			t.Errorf("DefaultDeadline(%s, 拉票贿选) = %s, want %s (%s)", c.received, got, c.want, c.why)
		}
	}

	// Not yet 超期 over the holiday; one working day late on 10-13.
	c := Complaint{Received: d("2026-09-29"), Category: CatBribery, Result: ResPending}
	for _, x := range []struct {
		ref  string
		want int
	}{{"2026-10-06", 0}, {"2026-10-09", 0}, {"2026-10-12", 0}, {"2026-10-13", 1}, {"2026-10-16", 4}} {
		if got := c.OverdueDays(d(x.ref)); got != x.want {
			t.Errorf("OverdueDays(%s) = %d, want %d", x.ref, got, x.want)
		}
	}
}

func TestWorkdaysAfterHolidays(t *testing.T) {
	for _, c := range []struct {
		from, to string
		want     int
	}{
		{"2026-09-30", "2026-10-07", 0},   // all 国庆节
		{"2026-09-30", "2026-10-12", 4},   // 10-08, 10-09, 10-10 (Saturday, 调休), 10-12
		{"2026-09-18", "2026-09-30", 8},   // 09-20 (Sunday, 调休) to 09-30 but 中秋节 09-25
		{"2025-12-31", "2026-12-31", 248}, // 261 weekdays in 2026, less 13 statutory days
		{"2024-12-31", "2025-12-31", 248}, // 261 weekdays in 2025, less 13
		{"2019-12-31", "2020-12-31", 249}, // 262 weekdays in 2020, less 11 and the 2 of the 春节 extension
		{"2023-12-31", "2024-12-31", 251}, // 262 weekdays in 2024, less 11
	} {
		if got := WorkdaysAfter(d(c.from), d(c.to)); got != c.want {
			t.Errorf("WorkdaysAfter(%s, %s) = %d, want %d", c.from, c.to, got, c.want)
		}
	}
	// WorkdaysAfter (weeks at a time, then the listed days) agrees with counting Workday day
	// by day, for spans starting anywhere from late 2018 to early 2027.
	start := time.Date(2018, 12, 1, 0, 0, 0, 0, time.UTC)
	for from := start; from.Year() < 2027 || from.Month() < 3; from = from.AddDate(0, 0, 3) {
		n := 0
		for k, to := 1, from.AddDate(0, 0, 1); k <= 45; k, to = k+1, to.AddDate(0, 0, 1) {
			if Workday(to) {
				n++
			}
			if got := WorkdaysAfter(from, to); got != n {
				t.Fatalf("WorkdaysAfter(%s, %s) = %d, counted %d", from.Format(time.DateOnly), to.Format(time.DateOnly), got, n)
			}
		}
	}
}
