package data

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// idWeights are the GB 11643-1999 weights of the first 17 digits of a 身份证号.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheck maps the weighted sum mod 11 to the check character.
const idCheck = "10X98765432"

// NormalizeID trims an ID number, turns full-width digits and letters into ASCII and a
// lower-case x into X, so "3716…123x" and "3716…123X" are the same key.
func NormalizeID(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	clean := true // the usual case: ASCII digits and X only, nothing to rewrite
	for i := 0; i < len(s) && clean; i++ {
		clean = s[i] >= '0' && s[i] <= '9' || s[i] == 'X'
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = '0' + (r - '０')
		case r == 'ｘ' || r == 'Ｘ' || r == 'x':
			r = 'X'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ParseIDNumber checks an 18-character 身份证号 (GB 11643: 17 digits and a check digit or X,
// lower-case x accepted) and returns the birth date and gender it encodes: the 17th digit
// odd is 男. The birth date must exist, be no earlier than 1900 and not in the future.
func ParseIDNumber(s string) (birth time.Time, g Gender, err error) {
	return parseIDNumber(s, time.Now())
}

func parseIDNumber(s string, now time.Time) (time.Time, Gender, error) {
	id := NormalizeID(s)
	if id == "" {
		return time.Time{}, "", errors.New("身份证号不能为空")
	}
	if n := utf8.RuneCountInString(id); n != 18 || len(id) != 18 {
		return time.Time{}, "", fmt.Errorf("身份证号应为18位（现有%d位）", n)
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := id[i]
		if c < '0' || c > '9' {
			return time.Time{}, "", errors.New("身份证号前17位应为数字")
		}
		sum += int(c-'0') * idWeights[i]
	}
	last := id[17]
	if (last < '0' || last > '9') && last != 'X' {
		return time.Time{}, "", errors.New("身份证号第18位应为数字或X")
	}
	if want := idCheck[sum%11]; last != want {
		return time.Time{}, "", fmt.Errorf("身份证号校验位错误（第18位应为%c），请核对号码", want)
	}
	y := atoi(id[6:10])
	m := atoi(id[10:12])
	d := atoi(id[12:14])
	birth := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1900 || birth.Year() != y || int(birth.Month()) != m || birth.Day() != d {
		return time.Time{}, "", fmt.Errorf("身份证号中的出生日期 %s 不存在", id[6:14])
	}
	if birth.After(dateOnly(now)) {
		return time.Time{}, "", fmt.Errorf("身份证号中的出生日期 %s 晚于今天", FormatDate(birth))
	}
	g := Female
	if (id[16]-'0')%2 == 1 {
		g = Male
	}
	return birth, g, nil
}

// atoi reads a string of ASCII digits already checked.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// MaskID hides the middle of an ID number for printing: the first 4 and the last 4
// characters stay ("3716**********123X"). A string of 8 characters or fewer is masked whole.
func MaskID(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:4]) + strings.Repeat("*", len(r)-8) + string(r[len(r)-4:])
}

// AgeOn is the age in full years on 1 January of the round year; 0 for an unknown birth.
func AgeOn(birth time.Time, round int) int {
	if birth.IsZero() {
		return 0
	}
	age := round - birth.Year()
	if birth.Month() != time.January || birth.Day() != 1 {
		age-- // the birthday of round's year is still to come on 1 January
	}
	return age
}
