package data

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	reDashed  = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	reChinese = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$`)
	reCompact = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	reSerial  = regexp.MustCompile(`^\d{1,5}(\.\d+)?$`)
)

// excelEpoch is day 0 of Excel's 1900 date system, shifted for its phantom 29 February 1900.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelEpoch1904 is day 0 of the 1904 date system (Excel for Mac before 2011, some WPS
// settings; the workbook says so in workbookPr date1904): serials are 1462 days smaller.
var excelEpoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)

// reClock is a time of day after a date ("10:30", "10:30:00", "上午10:30", "10时30分").
var reClock = regexp.MustCompile(`^(上午|下午)?\s*\d{1,2}[:：时](\d{1,2}([:：分](\d{1,2}(\.\d+)?秒?)?)?)?Z?$`)

// cutClock splits a date from the time of day after it: at a space or a T, or after 日.
func cutClock(s string) (date, clock string, ok bool) {
	if i := strings.IndexAny(s, " T"); i > 0 {
		return s[:i], strings.TrimSpace(s[i+1:]), true
	}
	if i := strings.Index(s, "日"); i > 0 && i+len("日") < len(s) {
		return s[:i+len("日")], strings.TrimSpace(s[i+len("日"):]), true
	}
	return "", "", false
}

// ParseDate reads the date spellings of SPEC §6: 2026-03-15, 2026/3/15, 2026.3.15,
// 2026年3月15日, 20260315, any of them followed by a time of day, and an Excel date serial
// (46096, or 46096.4375 with a time) as a workbook cell holds it in the 1900 date system. An
// empty string gives the zero time and no error. Times are UTC midnight.
func ParseDate(s string) (time.Time, error) { return ParseDateIn(s, false) }

// ParseDateIn is ParseDate for a workbook whose date system is 1904 when date1904 is set:
// only serials read differently.
func ParseDateIn(s string, date1904 bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	// A date with a time part ("2026-03-15 00:00:00", "2026/3/15 9:30", "2026-03-15T08:00:00",
	// "2026年3月15日10时") keeps only its date.
	if d, clock, ok := cutClock(s); ok && reClock.MatchString(clock) {
		s = d
	}
	var m []string
	switch {
	case reDashed.MatchString(s):
		m = reDashed.FindStringSubmatch(s)
	case reChinese.MatchString(s):
		m = reChinese.FindStringSubmatch(s)
	case reCompact.MatchString(s):
		m = reCompact.FindStringSubmatch(s)
	case reSerial.MatchString(s):
		f, err := strconv.ParseFloat(s, 64)
		if date1904 {
			if err != nil || f < 1 || f > 109574-1462 { // 1904-01-02 to 2199-12-31
				return time.Time{}, badDate(s)
			}
			return excelEpoch1904.AddDate(0, 0, int(math.Floor(f))), nil
		}
		if err != nil || f < 61 || f > 109574 { // 61 is 1900-03-01, after Excel's phantom leap day; 109574 is 2199-12-31
			return time.Time{}, badDate(s)
		}
		return excelEpoch.AddDate(0, 0, int(math.Floor(f))), nil
	default:
		return time.Time{}, badDate(s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if y < 1900 || t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return time.Time{}, fmt.Errorf("“%s”不是存在的日期", s)
	}
	return t, nil
}

func badDate(s string) error {
	return fmt.Errorf("“%s”不是可识别的日期，请写成 2026-03-15、2026/3/15、2026年3月15日 或 20260315", s)
}

// FormatDate writes a date as 2026-03-15, or "" for the zero time.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// ParseYesNo reads 是/否, Y/N, √/×, 1/0 (and their usual variants). ok is false for an
// empty cell, so callers can tell "not given" from "否".
func ParseYesNo(s string) (v bool, ok bool, err error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "":
		return false, false, nil
	case "是", "Y", "YES", "√", "✓", "✔", "1", "TRUE", "对":
		return true, true, nil
	case "否", "N", "NO", "×", "✗", "✘", "X", "0", "FALSE":
		return false, true, nil
	}
	return false, false, fmt.Errorf("“%s”不是是/否，请填 是/否、Y/N、√/× 或 1/0", strings.TrimSpace(s))
}

// FormatYesNo writes 是 or 否.
func FormatYesNo(v bool) string {
	if v {
		return "是"
	}
	return "否"
}

// MaxCount is the largest count accepted (people, households, members, seats): far above
// any village or city, and small enough that no sum over a city's records can overflow.
const MaxCount = 10_000_000

// MaxAmount is the largest amount accepted (集体经济收入 in 万元, 场所面积 in m²).
const MaxAmount = 1_000_000

// ParseCount reads a non-negative whole number up to MaxCount; an empty cell is 0. Excel
// sometimes stores whole numbers as "12.0", which is accepted.
func ParseCount(s string) (int, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", ""))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
			return 0, fmt.Errorf("“%s”不是整数", s)
		}
		switch {
		case f < 0:
			n = -1
		case f > MaxCount:
			n = MaxCount + 1
		default:
			n = int(f)
		}
	}
	switch {
	case n < 0:
		return 0, fmt.Errorf("“%s”不能为负数", s)
	case n > MaxCount:
		return 0, fmt.Errorf("“%s”超过上限 %d，请检查是否多写了位数", s, MaxCount)
	}
	return n, nil
}

// ParseRound reads an election round (a year such as 2026, or “2026年”).
func ParseRound(s string) (int, error) {
	t := strings.TrimSuffix(strings.TrimSpace(s), "年")
	n, err := ParseCount(t)
	if err != nil || n < MinRound || n > MaxRound {
		return 0, fmt.Errorf("“%s”不是有效的届次年份（%d—%d）", strings.TrimSpace(s), MinRound, MaxRound)
	}
	return n, nil
}

// dateOnly drops the clock from t, keeping its calendar day in its own location.
func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Rate is num/den as a percentage rounded half-up to 2 decimals; 0 when den is 0.
func Rate(num, den int) float64 {
	if den <= 0 {
		return 0
	}
	bp := (int64(num)*20000 + int64(den)) / (2 * int64(den)) // hundredths of a percent, half-up
	return float64(bp) / 100
}

// Average is sum/n rounded half-up to 1 decimal; 0 when n is 0.
func Average(sum, n int) float64 {
	if n <= 0 {
		return 0
	}
	tenths := (int64(sum)*20 + int64(n)) / (2 * int64(n))
	return float64(tenths) / 10
}
