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

// ParseDate reads the date spellings of SPEC §6: 2026-03-15, 2026/3/15, 2026年3月15日,
// 20260315, and an Excel date serial (46096) as a workbook cell holds it. An empty string
// gives the zero time and no error. Times are UTC midnight.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	// A date cell formatted with a time part ("2026-03-15 00:00:00") keeps only its date.
	if i := strings.IndexAny(s, " T"); i > 0 && strings.Contains(s[i:], ":") {
		s = s[:i]
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

// ParseCount reads a non-negative whole number; an empty cell is 0. Excel sometimes stores
// whole numbers as "12.0", which is accepted.
func ParseCount(s string) (int, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", ""))
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 {
			return 0, fmt.Errorf("“%s”不能为负数", s)
		}
		return n, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && f >= 0 && f < 1e9 {
		return int(f), nil
	}
	return 0, fmt.Errorf("“%s”不是整数", s)
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
