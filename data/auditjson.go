package data

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The audit value of a record (AuditValue) is JSON as encoding/json writes it: the audit
// log stores it and the data fingerprint (issue 18) hashes it, so its bytes must never
// change. It is written by hand, without reflection or boxing, because a fingerprint writes
// one per record (700,000 at ten times a city); anything the fast paths below do not vouch
// for is handed to encoding/json. TestAppendAuditSame and FuzzAppendAudit hold it to the
// reflection-based writer it replaced.

// AuditValue is the record as the audit log stores it: a JSON object of header → value in
// field order, numbers as numbers and everything else as its Text. Two records with the same
// AuditValue are the same to the clerk.
func (k *Kind[R]) AuditValue(r *R) string { return string(k.AppendAudit(nil, r)) }

// AppendAudit appends r's AuditValue to b.
func (k *Kind[R]) AppendAudit(b []byte, r *R) []byte {
	b = append(b, '{')
	first := true
	for i := range k.Fields {
		f := &k.Fields[i]
		start := len(b)
		if !first {
			b = append(b, ',')
		}
		b = append(b, f.head...)
		value := len(b)
		b = f.json(b, r)
		// An optional field left empty is left out: a field added to a kind later changes
		// neither the log's values nor the fingerprints of the records that do not use it.
		// A value whose Text is "" is written "" (numbers never are).
		if f.Optional && string(b[value:]) == `""` {
			b = b[:start]
			continue
		}
		first = false
	}
	return append(b, '}')
}

// auditHead is a field's header as AppendAudit writes it, "乡镇": (Field.head).
func auditHead(header string) string { return string(appendJSONString(nil, header)) + ":" }

// appendJSONString appends s as encoding/json writes it. Most values need no escaping and
// are written as they are.
func appendJSONString(b []byte, s string) []byte {
	if plainJSON(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	q, _ := json.Marshal(s)
	return append(b, q...)
}

// plainJSON reports whether encoding/json writes s unchanged between quotes: valid UTF-8
// without control characters, quotes, backslashes, the HTML characters <, > and & it escapes,
// or U+2028 and U+2029.
func plainJSON(s string) bool {
	var high byte // any byte ≥ 0x80 sets its top bit
	for i := 0; i < len(s); i++ {
		c := s[i]
		high |= c
		if !jsonSpecial[c] {
			continue
		}
		if c != 0xE2 {
			return false
		}
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
			return false // U+2028 or U+2029, in UTF-8
		}
	}
	return high < 0x80 || utf8.ValidString(s)
}

// jsonSpecial marks the bytes plainJSON looks at: those encoding/json escapes (control
// characters, quotes, backslashes, <, > and &) and 0xE2, the first byte of U+2028 and U+2029.
var jsonSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	for _, c := range []byte{'"', '\\', '<', '>', '&', 0xE2} {
		t[c] = true
	}
	return t
}()

// appendJSONFloat appends f as encoding/json writes a float64: the shortest decimal that
// reads back as f, without an exponent between 1e-6 and 1e21 (the rest, and the NaN and
// infinities it refuses and so writes nothing for, are encoding/json's own).
func appendJSONFloat(b []byte, f float64) []byte {
	if abs := math.Abs(f); abs == 0 || abs >= 1e-6 && abs < 1e21 {
		return strconv.AppendFloat(b, f, 'f', -1, 64)
	}
	n, _ := json.Marshal(f)
	return append(b, n...)
}

// appendJSONDate appends a date's Text (FormatDate) as a JSON string.
func appendJSONDate(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, `""`...)
	}
	y, m, d := t.Date()
	if y < 1 || y > 9999 {
		return appendJSONString(b, FormatDate(t))
	}
	return append(b, '"',
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-',
		byte('0'+d/10), byte('0'+d%10), '"')
}

// appendJSONTags appends tags as TagsF's Text writes them: read back as a cell would be
// (ParseTags) and joined. Tags that are not empty, hold no separator and are not repeated
// read back as they are and are joined directly.
func appendJSONTags(b []byte, tags []string) []byte {
	if len(tags) == 0 {
		return append(b, `""`...)
	}
	for i, t := range tags {
		if t == "" || strings.IndexFunc(t, tagSeparator) >= 0 {
			return appendJSONString(b, FormatTags(ParseTags(FormatTags(tags))))
		}
		for _, u := range tags[:i] {
			if u == t {
				return appendJSONString(b, FormatTags(ParseTags(FormatTags(tags))))
			}
		}
	}
	if len(tags) == 1 {
		return appendJSONString(b, tags[0])
	}
	return appendJSONString(b, FormatTags(tags))
}
