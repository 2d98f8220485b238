package data

import (
	"fmt"
	"sort"
	"time"
)

// Working days (工作日) follow the State Council's yearly holiday calendar: a day off (放假)
// that falls Monday to Friday is not a working day, and a Saturday or Sunday declared a
// working day (调休上班) is one. Years outside holidayYears are counted Monday to Friday.
//
// holidayYears lists, for each year, only the days the calendar moves away from Monday to
// Friday: the weekdays off and the weekend working days, taken from the State Council
// General Office's notices (国务院办公厅关于XXXX年部分节假日安排的通知) and their later
// amendments. Days a notice gives in the year before (2019's 元旦 began 2018-12-30, with
// 2018-12-29 worked) belong to that year, which is outside the table. Each year's weekdays
// off minus its weekend working days equal its statutory holidays (legalDays; test
// TestHolidayTable).
var holidayYears = map[int]holidayYear{
	// 国务院办公厅关于2019年部分节假日安排的通知 (国办发明电〔2018〕15号, 2018-12-04),
	// http://www.gov.cn/zhengce/content/2018-12/06/content_5346276.htm; 劳动节 as changed by
	// 国务院办公厅关于调整2019年劳动节假期安排的通知 (国办发明电〔2019〕3号, 2019-03-22),
	// http://www.gov.cn/zhengce/content/2019-03/22/content_5375877.htm: 5月1日至4日放假调休,
	// 4月28日(星期日)、5月5日(星期日)上班.
	2019: {legalDays: 11, off: []string{
		"2019-01-01",                                                         // 元旦 (2018-12-30 to 2019-01-01)
		"2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08", // 春节 02-04 to 02-10
		"2019-04-05",                             // 清明节
		"2019-05-01", "2019-05-02", "2019-05-03", // 劳动节 05-01 to 05-04
		"2019-06-07",                                                         // 端午节
		"2019-09-13",                                                         // 中秋节
		"2019-10-01", "2019-10-02", "2019-10-03", "2019-10-04", "2019-10-07", // 国庆节 10-01 to 10-07
	}, work: []string{
		"2019-02-02", "2019-02-03", // 春节
		"2019-04-28", "2019-05-05", // 劳动节
		"2019-09-29", "2019-10-12", // 国庆节
	}},

	// 国务院办公厅关于2020年部分节假日安排的通知 (国办发明电〔2019〕16号, 2019-11-21),
	// http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm; 春节 as extended by
	// 国务院办公厅关于延长2020年春节假期的通知 (国办发明电〔2020〕1号, 2020-01-26),
	// http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm: 延长2020年春节假期至
	// 2月2日, 2月3日起正常上班 — so 01-31 is off and 02-01, first a working Saturday, is not.
	// That adds 2 days to the statutory 11.
	2020: {legalDays: 13, off: []string{
		"2020-01-01",                                                                       // 元旦
		"2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29", "2020-01-30", "2020-01-31", // 春节 01-24 to 02-02
		"2020-04-06",                             // 清明节 04-04 to 04-06
		"2020-05-01", "2020-05-04", "2020-05-05", // 劳动节 05-01 to 05-05
		"2020-06-25", "2020-06-26", // 端午节 06-25 to 06-27
		"2020-10-01", "2020-10-02", "2020-10-05", "2020-10-06", "2020-10-07", "2020-10-08", // 国庆节、中秋节 10-01 to 10-08
	}, work: []string{
		"2020-01-19",               // 春节 (02-01 no longer, see above)
		"2020-04-26", "2020-05-09", // 劳动节
		"2020-06-28",               // 端午节
		"2020-09-27", "2020-10-10", // 国庆节、中秋节
	}},

	// 国务院办公厅关于2021年部分节假日安排的通知 (国办发明电〔2020〕27号, 2020-11-25),
	// http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm.
	2021: {legalDays: 11, off: []string{
		"2021-01-01",                                                         // 元旦 01-01 to 01-03
		"2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16", "2021-02-17", // 春节 02-11 to 02-17
		"2021-04-05",                             // 清明节 04-03 to 04-05
		"2021-05-03", "2021-05-04", "2021-05-05", // 劳动节 05-01 to 05-05
		"2021-06-14",               // 端午节 06-12 to 06-14
		"2021-09-20", "2021-09-21", // 中秋节 09-19 to 09-21
		"2021-10-01", "2021-10-04", "2021-10-05", "2021-10-06", "2021-10-07", // 国庆节 10-01 to 10-07
	}, work: []string{
		"2021-02-07", "2021-02-20", // 春节
		"2021-04-25", "2021-05-08", // 劳动节
		"2021-09-18",               // 中秋节
		"2021-09-26", "2021-10-09", // 国庆节
	}},

	// 国务院办公厅关于2022年部分节假日安排的通知 (国办发明电〔2021〕11号, 2021-10-25),
	// https://www.gov.cn/gongbao/content/2021/content_5651728.htm.
	2022: {legalDays: 11, off: []string{
		"2022-01-03",                                                         // 元旦 01-01 to 01-03
		"2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04", // 春节 01-31 to 02-06
		"2022-04-04", "2022-04-05", // 清明节 04-03 to 04-05
		"2022-05-02", "2022-05-03", "2022-05-04", // 劳动节 04-30 to 05-04
		"2022-06-03",                                                         // 端午节 06-03 to 06-05
		"2022-09-12",                                                         // 中秋节 09-10 to 09-12
		"2022-10-03", "2022-10-04", "2022-10-05", "2022-10-06", "2022-10-07", // 国庆节 10-01 to 10-07
	}, work: []string{
		"2022-01-29", "2022-01-30", // 春节
		"2022-04-02",               // 清明节
		"2022-04-24", "2022-05-07", // 劳动节
		"2022-10-08", "2022-10-09", // 国庆节
	}},

	// 国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号, 2022-12-08),
	// http://www.gov.cn/gongbao/content/2023/content_5736714.htm.
	2023: {legalDays: 11, off: []string{
		"2023-01-02",                                                         // 元旦 2022-12-31 to 2023-01-02
		"2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26", "2023-01-27", // 春节 01-21 to 01-27
		"2023-04-05",                             // 清明节
		"2023-05-01", "2023-05-02", "2023-05-03", // 劳动节 04-29 to 05-03
		"2023-06-22", "2023-06-23", // 端午节 06-22 to 06-24
		"2023-09-29", "2023-10-02", "2023-10-03", "2023-10-04", "2023-10-05", "2023-10-06", // 中秋节、国庆节 09-29 to 10-06
	}, work: []string{
		"2023-01-28", "2023-01-29", // 春节
		"2023-04-23", "2023-05-06", // 劳动节
		"2023-06-25",               // 端午节
		"2023-10-07", "2023-10-08", // 中秋节、国庆节
	}},

	// 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25),
	// https://www.gov.cn/zhengce/content/202310/content_6911527.htm.
	2024: {legalDays: 11, off: []string{
		"2024-01-01",                                                         // 元旦
		"2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-16", // 春节 02-10 to 02-17
		"2024-04-04", "2024-04-05", // 清明节 04-04 to 04-06
		"2024-05-01", "2024-05-02", "2024-05-03", // 劳动节 05-01 to 05-05
		"2024-06-10",               // 端午节
		"2024-09-16", "2024-09-17", // 中秋节 09-15 to 09-17
		"2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-07", // 国庆节 10-01 to 10-07
	}, work: []string{
		"2024-02-04", "2024-02-18", // 春节
		"2024-04-07",               // 清明节
		"2024-04-28", "2024-05-11", // 劳动节
		"2024-09-14",               // 中秋节
		"2024-09-29", "2024-10-12", // 国庆节
	}},

	// 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12),
	// https://www.gov.cn/zhengce/content/202411/content_6986382.htm. From 2025 the 全国年节及
	// 纪念日放假办法 (as amended 2024-11) gives 13 days: 农历除夕 and 5月2日 added.
	2025: {legalDays: 13, off: []string{
		"2025-01-01",                                                                       // 元旦
		"2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03", "2025-02-04", // 春节 01-28 to 02-04
		"2025-04-04",                             // 清明节 04-04 to 04-06
		"2025-05-01", "2025-05-02", "2025-05-05", // 劳动节 05-01 to 05-05
		"2025-06-02",                                                                       // 端午节 05-31 to 06-02
		"2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08", // 国庆节、中秋节 10-01 to 10-08
	}, work: []string{
		"2025-01-26", "2025-02-08", // 春节
		"2025-04-27",               // 劳动节
		"2025-09-28", "2025-10-11", // 国庆节、中秋节
	}},

	// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04),
	// https://www.gov.cn/zhengce/content/202511/content_7047090.htm.
	2026: {legalDays: 13, off: []string{
		"2026-01-01", "2026-01-02", // 元旦 01-01 to 01-03
		"2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23", // 春节 02-15 to 02-23
		"2026-04-06",                             // 清明节 04-04 to 04-06
		"2026-05-01", "2026-05-04", "2026-05-05", // 劳动节 05-01 to 05-05
		"2026-06-19",                                                         // 端午节 06-19 to 06-21
		"2026-09-25",                                                         // 中秋节 09-25 to 09-27
		"2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", // 国庆节 10-01 to 10-07
	}, work: []string{
		"2026-01-04",               // 元旦
		"2026-02-14", "2026-02-28", // 春节
		"2026-05-09",               // 劳动节
		"2026-09-20", "2026-10-10", // 国庆节
	}},
}

// holidayYear is one year of the calendar: off are the days off that fall Monday to Friday,
// work the Saturdays and Sundays that are working days, both as YYYY-MM-DD in order;
// legalDays is how many working days the year's holidays take (len(off) − len(work)).
type holidayYear struct {
	legalDays int
	off, work []string
}

// holidayOff and holidayWork are every year's off and work days as yyyymmdd keys, sorted.
var holidayOff, holidayWork = holidayKeys()

func holidayKeys() (off, work []int) {
	for _, y := range holidayYears {
		off = append(off, dayKeys(y.off)...)
		work = append(work, dayKeys(y.work)...)
	}
	sort.Ints(off)
	sort.Ints(work)
	return off, work
}

func dayKeys(dates []string) []int {
	keys := make([]int, len(dates))
	for i, s := range dates {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			panic(fmt.Sprintf("data: holiday calendar: %v", err))
		}
		keys[i] = dayKey(t)
	}
	return keys
}

// dayKey is t's date as the integer yyyymmdd, which sorts as the dates do.
func dayKey(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// listed reports whether key is in the sorted keys.
func listed(keys []int, key int) bool {
	i := sort.SearchInts(keys, key)
	return i < len(keys) && keys[i] == key
}

// listedIn counts the sorted keys after from up to and including to.
func listedIn(keys []int, from, to int) int {
	return sort.SearchInts(keys, to+1) - sort.SearchInts(keys, from+1)
}

// Workday reports whether t is a working day: Monday to Friday unless the State Council's
// calendar gives it off, or a Saturday or Sunday it makes a working day (调休上班).
func Workday(t time.Time) bool {
	switch t.Weekday() {
	case time.Saturday, time.Sunday:
		return listed(holidayWork, dayKey(t))
	}
	return !listed(holidayOff, dayKey(t))
}

// AddWorkdays is the n-th working day after t (n ≥ 0; t itself when n is 0).
func AddWorkdays(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if Workday(t) {
			n--
		}
	}
	return t
}

// WorkdaysAfter counts the working days after from up to and including to; 0 when to is not
// after from. It counts Monday to Friday, then takes off the listed weekdays off and adds the
// listed weekend working days in between (every listed day off is a weekday and every
// listed working day a weekend day).
func WorkdaysAfter(from, to time.Time) int {
	from, to = dateOnly(from), dateOnly(to)
	if !to.After(from) {
		return 0
	}
	days := int(to.Sub(from).Hours()/24 + 0.5)
	n := days / 7 * 5 // whole weeks
	for t := from.AddDate(0, 0, days/7*7); t.Before(to); {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	f, l := dayKey(from), dayKey(to)
	return n - listedIn(holidayOff, f, l) + listedIn(holidayWork, f, l)
}
