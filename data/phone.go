package data

import (
	"strconv"
	"strings"
)

// PhoneProblem says what is wrong with a 联系电话, or "" when it is empty or reads as
// phone numbers: a mobile number of 11 digits (1 and 3–9 first; spaces or hyphens between
// the groups allowed, as in 138 0531 0000), or a fixed line with its area code (0 and 2–3
// more digits, then 7–8 digits: 0537-5212345, (0537)5212345, 053 75212345 is not), each
// optionally followed by an extension (转123, -123). Several numbers may be given,
// separated by 、 / , ， ; or ；. Full-width digits and brackets are read as the ASCII ones,
// as the importer cleans cells.
func PhoneProblem(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、/,，;；", r) })
	if len(parts) == 0 {
		return "联系电话应为11位手机号，或带区号的固定电话（如 0537-5212345）"
	}
	for _, p := range parts {
		if msg := onePhoneProblem(strings.TrimSpace(p)); msg != "" {
			if len(parts) > 1 {
				return "“" + strings.TrimSpace(p) + "”：" + msg
			}
			return msg
		}
	}
	return ""
}

func onePhoneProblem(p string) string {
	p = halfWidthPhone(p)
	// An extension: 转123, -123 after a full number, ext123.
	for _, sep := range []string{"转", "ext", "EXT", "分机"} {
		if i := strings.Index(p, sep); i > 0 {
			ext := strings.TrimSpace(p[i+len(sep):])
			if ext == "" || len(ext) > 6 || !isDigits(ext, len(ext)) {
				return "分机号只能是1到6位数字"
			}
			p = strings.TrimSpace(p[:i])
			break
		}
	}
	// Area code in brackets: (0537)5212345.
	if strings.HasPrefix(p, "(") {
		if i := strings.Index(p, ")"); i > 0 {
			p = p[1:i] + "-" + p[i+1:]
		}
	}
	digits := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, p)
	if digits == "" || !isDigits(digits, len(digits)) {
		return "联系电话只能包含数字、空格、短横线和括号（如 13805310000 或 0537-5212345）"
	}
	switch {
	case digits[0] == '1':
		if len(digits) != 11 {
			return "手机号应为11位数字（现有" + strconv.Itoa(len(digits)) + "位）"
		}
		if digits[1] < '3' {
			return "手机号第二位应为3到9"
		}
		return ""
	case digits[0] == '0':
		// A hyphen or space, when present, marks where the area code ends.
		area, local := "", ""
		if i := strings.IndexAny(p, "- "); i > 0 {
			area = strings.Map(func(r rune) rune {
				if r == ' ' || r == '-' {
					return -1
				}
				return r
			}, p[:i])
			local = digits[len(area):]
			if len(area) < 3 || len(area) > 4 {
				return "区号应为3到4位（如 010、0537）"
			}
		} else {
			// Without a separator: 3-digit area codes (010, 020–029) are those whose second
			// digit is 1 or 2.
			n := 4
			if len(digits) > 1 && (digits[1] == '1' || digits[1] == '2') {
				n = 3
			}
			if len(digits) <= n {
				return "固定电话应带区号和7到8位号码（如 0537-5212345）"
			}
			area, local = digits[:n], digits[n:]
		}
		if len(local) < 7 || len(local) > 8 {
			return "固定电话号码应为7到8位（区号" + area + "之后现有" + strconv.Itoa(len(local)) + "位）"
		}
		return ""
	case strings.HasPrefix(digits, "400") || strings.HasPrefix(digits, "800"):
		if len(digits) != 10 {
			return "400/800电话应为10位数字"
		}
		return ""
	default:
		if len(digits) == 7 || len(digits) == 8 {
			return "固定电话请加区号（如 0537-5212345）"
		}
		return "联系电话应为11位手机号，或带区号的固定电话（如 0537-5212345）"
	}
}

// halfWidthPhone turns full-width digits, brackets, hyphens and spaces into ASCII.
func halfWidthPhone(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '（':
			return '('
		case r == '）':
			return ')'
		case r == '－' || r == '—' || r == '–':
			return '-'
		case r == '　':
			return ' '
		}
		return r
	}, s)
}

// checkPhone adds a phone's problem, if any, on field.
func checkPhone(ps *Problems, field, s string) {
	if len([]rune(s)) > 30 {
		return // checkLen has said it is too long
	}
	if msg := PhoneProblem(s); msg != "" {
		ps.errorf(field, msg)
	}
}
