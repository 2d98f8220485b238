package data

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FieldType is what a field holds, which says how it is read from a cell, written to one,
// shown, and entered in a form.
type FieldType int

// Field types.
const (
	TextType   FieldType = iota // free text
	CountType                   // a whole number ≥ 0; an empty cell is 0
	RoundType                   // 届次: a year, required
	YearType                    // 年度: a year, required
	DateType                    // a calendar day; zero when empty
	YesNoType                   // 是/否
	AmountType                  // a decimal ≥ 0 (场所面积, 集体经济收入)
	EnumType                    // one of Values, read by the kind's parser with its spellings
	TagsType                    // a list joined with 、
	IDType                      // 身份证号: text that Excel must keep as typed
)

// NoneText is how an enumerated field that may be empty on purpose (a post of none) is
// written and offered.
const NoneText = "—"

// Column is what a field says about itself, whatever the record type: what the workbook,
// the template, the audit log, the tables and the forms read.
type Column struct {
	Header  string   // the Chinese header (SPEC §3): column title, form label, audit field name
	Aliases []string // other headers clerks' workbooks use for it
	Type    FieldType
	// Values are the allowed values of an enum, in the order a drop-down offers them; NoneText
	// stands for the empty value where one is allowed.
	Values []string
	// Required marks a field whose empty cell the reader refuses before anything else (a
	// round, a year, 组织); other empty fields are the record's Validate to judge.
	Required bool
	Key      bool    // part of the record's natural key: a sheet without it is refused
	Width    float64 // the workbook column's width in characters; 0: from the header
	Digits   bool    // kept as text in the workbook, so long digit strings stay as typed
	Hint     string  // a form's placeholder, e.g. “如 城关谈〔2026〕1号”
	Short    string  // a table's narrower title, e.g. 应参加 for 应参加人数; "" for the header
	Long     bool    // long free text: a table shows it below, a form gives it room
	// Optional marks a column the official forms and older workbooks lack: a sheet without it
	// is read without a warning (the stored values are kept as for any absent column).
	Optional bool
}

// Number reports whether the field's value is a number (written as one to the workbook and
// the audit log).
func (c Column) Number() bool {
	switch c.Type {
	case CountType, RoundType, YearType, AmountType:
		return true
	}
	return false
}

// Field is one field of a record kind R: its Column and how to reach it in a record.
type Field[R any] struct {
	Column
	// get returns the value: string (text, enum, ID, tags joined), int, float64, bool or
	// time.Time, by Type.
	get func(*R) any
	// set stores a value of get's type; an enum's string is parsed with the kind's parser
	// (its error says what is allowed).
	set func(*R, any) error
	// addr is the field's address in a record (a *string, *int, *Gender …), by which FieldAt
	// finds the field of a Go struct field.
	addr func(*R) any
	// parse stores an enum's text, read by the kind's parser, without boxing it.
	parse func(*R, string) error
	// keep copies the field's value from src to dst as it is (an enum unparsed).
	keep func(dst, src *R)
	// str is get of a text or enum field, without boxing the string (nil for others).
	str func(*R) string
	// jsonKey is the header as AuditValue writes it, `"header":`.
	jsonKey string
}

// writeKey writes the field's `"header":`.
func (f *Field[R]) writeKey(b *strings.Builder) {
	if f.jsonKey == "" { // a Field not made by its constructors
		b.WriteString(jsonKey(f.Header))
		return
	}
	b.WriteString(f.jsonKey)
}

// jsonKey is `"h":`, h written as encoding/json writes it.
func jsonKey(h string) string {
	var b strings.Builder
	writeJSONString(&b, h)
	b.WriteByte(':')
	return b.String()
}

// Get returns the field's value in r: string, int, float64, bool or time.Time by Type.
func (f *Field[R]) Get(r *R) any { return f.get(r) }

// Set stores v in r; v has Get's type, except that an enum takes any spelling its parser
// accepts. The error is the parser's, in Chinese.
func (f *Field[R]) Set(r *R, v any) error { return f.set(r, v) }

// SetText reads s as the field's type reads text — a count, a 届次 or 年度, a date, 是/否,
// an amount, an enum's spellings, tags — and stores it in r; the error, in Chinese, says why
// s cannot be read. The workbook's cells and the forms' inputs are read through it. An empty
// s is the type's zero value (a required field's emptiness is its reader's to refuse).
func (f *Field[R]) SetText(r *R, s string) error {
	if f.Type == EnumType {
		return f.parse(r, s)
	}
	switch p := f.addr(r).(type) {
	case *string:
		*p = s
	case *[]string:
		*p = ParseTags(s)
	case *int:
		var n int
		var err error
		switch f.Type {
		case RoundType, YearType:
			if s != "" {
				n, err = ParseRound(s)
				if err != nil && f.Type == YearType {
					err = fmt.Errorf("“%s”不是有效的年度（%d—%d）", s, MinRound, MaxRound)
				}
			}
		default:
			n, err = ParseCount(s)
		}
		if err != nil {
			return err
		}
		*p = n
	case *time.Time:
		d, err := ParseDate(s)
		if err != nil {
			return err
		}
		*p = d
	case *bool:
		v, _, err := ParseYesNo(s)
		if err != nil {
			return err
		}
		*p = v
	case *float64:
		v, err := ParseAmount(s)
		if err != nil {
			return err
		}
		*p = v
	}
	return nil
}

// SetEnum stores an enum field's text in r, read by the kind's parser (which accepts the
// spellings of SPEC §6); the error says what is allowed. It is Set without boxing the text,
// for readers of many cells.
func (f *Field[R]) SetEnum(r *R, s string) error { return f.parse(r, s) }

// Keep sets the field of dst to its value in src: what an import keeps of a stored record
// when its file has no column for the field.
func (f *Field[R]) Keep(dst, src *R) { f.keep(dst, src) }

// Text is the field's value as shown in a table, the audit log and a workbook cell: dates as
// 2026-03-15, yes/no as 是/否, numbers in decimal, an empty date as "".
func (f *Field[R]) Text(r *R) string { return FormatValue(f.get(r)) }

// FormatValue shows a field value as Text does.
func FormatValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return FormatYesNo(x)
	case time.Time:
		return FormatDate(x)
	}
	return ""
}

// Cell is the value written to a workbook cell: numbers stay numbers (an amount of 0 is left
// blank), an enum's empty value is NoneText where that is a choice.
func (f *Field[R]) Cell(r *R) any {
	// Through the field's address, so that only the cell's own value is boxed: a workbook
	// export makes a million cells.
	switch p := f.addr(r).(type) {
	case *string:
		return *p
	case *int:
		return *p
	case *float64:
		if *p == 0 {
			return ""
		}
		return *p // excelize writes the shortest decimal that reads back as it
	case *time.Time:
		return FormatDate(*p)
	case *bool:
		return FormatYesNo(*p)
	}
	v := f.get(r) // an enum (a named string type) or tags
	if x, _ := v.(string); x == "" && f.Type == EnumType && f.noneAllowed() {
		return NoneText
	}
	return v
}

// Addr is the field's address in r: a *string, *int, *float64, *bool, *time.Time,
// *[]string, or a pointer to the enum's named string type. Readers that fill a million
// cells set the common types through it without boxing each value.
func (f *Field[R]) Addr(r *R) any { return f.addr(r) }

func (f *Field[R]) noneAllowed() bool {
	for _, v := range f.Values {
		if v == NoneText {
			return true
		}
	}
	return false
}

// Option settings of a field, chained on its constructor.

// Keyed marks the field as part of the natural key.
func (f Field[R]) Keyed() Field[R] { f.Key = true; return f }

// Must marks a field whose empty cell is refused on reading.
func (f Field[R]) Must() Field[R] { f.Required = true; return f }

// W sets the workbook column's width in characters.
func (f Field[R]) W(w float64) Field[R] { f.Width = w; return f }

// AsText keeps the workbook column as text (digit strings as typed).
func (f Field[R]) AsText() Field[R] { f.Digits = true; return f }

// Or adds other headers the reader accepts for the field.
func (f Field[R]) Or(aliases ...string) Field[R] {
	f.Aliases = append(append([]string(nil), f.Aliases...), aliases...)
	return f
}

// Hinted sets a form's placeholder.
func (f Field[R]) Hinted(h string) Field[R] { f.Hint = h; return f }

// Brief sets a table's narrower title.
func (f Field[R]) Brief(title string) Field[R] { f.Short = title; return f }

// Title is the field's title in a table: Short, or else the header.
func (c Column) Title() string {
	if c.Short != "" {
		return c.Short
	}
	return c.Header
}

// Opt marks a column whose absence is not warned of.
func (f Field[R]) Opt() Field[R] { f.Optional = true; return f }

// Wide marks long free text.
func (f Field[R]) Wide() Field[R] { f.Long = true; return f }

// Field constructors, one per value type: each takes the header and a function giving the
// field's address in a record.

// TextF is a free-text field.
func TextF[R any](header string, p func(*R) *string) Field[R] {
	return Field[R]{jsonKey: jsonKey(header), Column: Column{Header: header, Type: TextType},
		get:  func(r *R) any { return *p(r) },
		str:  func(r *R) string { return *p(r) },
		addr: func(r *R) any { return p(r) },
		keep: func(d, s *R) { *p(d) = *p(s) },
		set:  func(r *R, v any) error { *p(r) = v.(string); return nil }}
}

// IDF is a 身份证号 field: text the workbook keeps as typed.
func IDF[R any](header string, p func(*R) *string) Field[R] {
	f := TextF(header, p)
	f.Type, f.Digits = IDType, true
	return f
}

// intF is an int field of type t.
func intF[R any](header string, t FieldType, p func(*R) *int) Field[R] {
	return Field[R]{jsonKey: jsonKey(header), Column: Column{Header: header, Type: t},
		get:  func(r *R) any { return *p(r) },
		addr: func(r *R) any { return p(r) },
		keep: func(d, s *R) { *p(d) = *p(s) },
		set:  func(r *R, v any) error { *p(r) = v.(int); return nil }}
}

// CountF is a whole number ≥ 0.
func CountF[R any](header string, p func(*R) *int) Field[R] { return intF(header, CountType, p) }

// RoundF is a 届次 (a year), required.
func RoundF[R any](header string, p func(*R) *int) Field[R] {
	return intF(header, RoundType, p).Must()
}

// YearF is a 年度 (a year), required.
func YearF[R any](header string, p func(*R) *int) Field[R] { return intF(header, YearType, p).Must() }

// AmountF is a decimal ≥ 0.
func AmountF[R any](header string, p func(*R) *float64) Field[R] {
	return Field[R]{jsonKey: jsonKey(header), Column: Column{Header: header, Type: AmountType},
		get:  func(r *R) any { return *p(r) },
		addr: func(r *R) any { return p(r) },
		keep: func(d, s *R) { *p(d) = *p(s) },
		set:  func(r *R, v any) error { *p(r) = v.(float64); return nil }}
}

// DateF is a calendar day.
func DateF[R any](header string, p func(*R) *time.Time) Field[R] {
	return Field[R]{jsonKey: jsonKey(header), Column: Column{Header: header, Type: DateType},
		get:  func(r *R) any { return *p(r) },
		addr: func(r *R) any { return p(r) },
		keep: func(d, s *R) { *p(d) = *p(s) },
		set:  func(r *R, v any) error { *p(r) = v.(time.Time); return nil }}
}

// YesNoF is a 是/否 field.
func YesNoF[R any](header string, p func(*R) *bool) Field[R] {
	return Field[R]{jsonKey: jsonKey(header), Column: Column{Header: header, Type: YesNoType, Values: []string{"是", "否"}},
		get:  func(r *R) any { return *p(r) },
		addr: func(r *R) any { return p(r) },
		keep: func(d, s *R) { *p(d) = *p(s) },
		set:  func(r *R, v any) error { *p(r) = v.(bool); return nil }}
}

// TagsF is a list of tags joined with 、; repeated and empty tags are dropped, so that what
// is stored reads back the same.
func TagsF[R any](header string, p func(*R) *[]string) Field[R] {
	return Field[R]{jsonKey: jsonKey(header), Column: Column{Header: header, Type: TagsType},
		get:  func(r *R) any { return FormatTags(ParseTags(FormatTags(*p(r)))) },
		addr: func(r *R) any { return p(r) },
		keep: func(d, s *R) { *p(d) = append([]string(nil), *p(s)...) },
		set:  func(r *R, v any) error { *p(r) = ParseTags(v.(string)); return nil }}
}

// EnumF is one of values, read by parse (which accepts the spellings of SPEC §6). An empty
// value among values is offered as NoneText.
func EnumF[R any, E ~string](header string, p func(*R) *E, parse func(string) (E, error), values ...E) Field[R] {
	vs := make([]string, len(values))
	for i, v := range values {
		if vs[i] = string(v); v == "" {
			vs[i] = NoneText
		}
	}
	return Field[R]{jsonKey: jsonKey(header), Column: Column{Header: header, Type: EnumType, Values: vs},
		get:  func(r *R) any { return string(*p(r)) },
		str:  func(r *R) string { return string(*p(r)) },
		addr: func(r *R) any { return p(r) },
		keep: func(d, s *R) { *p(d) = *p(s) },
		set: func(r *R, v any) error {
			e, err := parse(v.(string))
			if err != nil {
				return err
			}
			*p(r) = e
			return nil
		},
		parse: func(r *R, s string) error {
			e, err := parse(s)
			if err != nil {
				return err
			}
			*p(r) = e
			return nil
		}}
}

// Kind describes a record kind R once: its names, its fields in workbook order, its key, its
// rules and where a Ledger keeps its records. The workbook sheet, the template's drop-downs,
// the audit log's values, the tables' columns and the forms' labels are derived from it.
type Kind[R any] struct {
	KindInfo
	Fields []Field[R]
	// Key lists the key headers in the order a key is read and reported (a duplicate is
	// placed on the last); nil means the Keyed fields in field order.
	Key []string
	// Validate checks the record's own fields; today is the reference date of date rules.
	Validate func(r *R, today time.Time) Problems
	// Normalize, when set, completes a record read from a file or a form (e.g. 性别 and
	// 出生日期 from the 身份证号) before its key is taken and it is validated.
	Normalize func(r *R)
	// Records is where a Ledger holds the kind's records.
	Records func(l *Ledger) *[]R
}

// Columns lists the fields' columns, in order.
func (k *Kind[R]) Columns() []Column {
	out := make([]Column, len(k.Fields))
	for i := range k.Fields {
		out[i] = k.Fields[i].Column
	}
	return out
}

// KeyHeaders lists the key headers in key order.
func (k *Kind[R]) KeyHeaders() []string {
	if k.Key != nil {
		return k.Key
	}
	var ks []string
	for _, f := range k.Fields {
		if f.Key {
			ks = append(ks, f.Header)
		}
	}
	return ks
}

// Field finds a field by header (or alias); nil when the kind has none.
func (k *Kind[R]) Field(header string) *Field[R] {
	for i := range k.Fields {
		if k.Fields[i].Header == header {
			return &k.Fields[i]
		}
	}
	for i := range k.Fields {
		for _, a := range k.Fields[i].Aliases {
			if a == header {
				return &k.Fields[i]
			}
		}
	}
	return nil
}

// FieldAt finds the field at the record's Go field that at gives the address of, as in
// FieldAt(func(t *Talk) any { return &t.No }): how code outside the description names a
// field without spelling its header. It panics when the description has no such field, a
// mistake every use shows at once.
func (k *Kind[R]) FieldAt(at func(*R) any) *Field[R] {
	var probe R
	target := at(&probe)
	for i := range k.Fields {
		if k.Fields[i].addr(&probe) == target {
			return &k.Fields[i]
		}
	}
	panic("data: " + k.Name + " has no field at that address")
}

// KeyParts are the record's key values as text in key order; "" for a part not given
// (a round of 0).
func (k *Kind[R]) KeyParts(r *R) []string {
	hs := k.KeyHeaders()
	out := make([]string, len(hs))
	for i, h := range hs {
		f := k.Field(h)
		switch p := f.addr(r).(type) {
		case *string:
			out[i] = *p
		case *int:
			if *p != 0 {
				out[i] = strconv.Itoa(*p)
			}
		default:
			out[i] = f.Text(r)
		}
	}
	return out
}

// AuditValue is the record as the audit log stores it: a JSON object of header → value in
// field order, numbers as numbers and everything else as its Text. Two records with the same
// AuditValue are the same to the clerk.
func (k *Kind[R]) AuditValue(r *R) string {
	var b strings.Builder
	b.Grow(32 * len(k.Fields)) // a header and a value; one allocation for most records
	b.WriteByte('{')
	first := true
	for i := range k.Fields {
		f := &k.Fields[i]
		if f.str != nil {
			// A text or enum field, the most of every record, without boxing its value.
			s := f.str(r)
			if f.Optional && s == "" {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			f.writeKey(&b)
			writeJSONString(&b, s)
			continue
		}
		v := f.get(r)
		// An optional field left empty is left out: a field added to a kind later changes
		// neither the log's values nor the fingerprints of the records that do not use it.
		if f.Optional && FormatValue(v) == "" {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		f.writeKey(&b)
		switch v := v.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case float64:
			n, _ := json.Marshal(v)
			b.Write(n)
		default:
			writeJSONString(&b, FormatValue(v))
		}
	}
	b.WriteByte('}')
	return b.String()
}

// writeJSONString writes s as encoding/json writes it. Most values need no escaping and are
// written as they are: the fingerprint of a city's ledger (issue 18) writes a million.
func writeJSONString(b *strings.Builder, s string) {
	if plainJSON(s) {
		b.WriteByte('"')
		b.WriteString(s)
		b.WriteByte('"')
		return
	}
	q, _ := json.Marshal(s)
	b.Write(q)
}

// plainJSON reports whether encoding/json writes s unchanged between quotes: valid UTF-8
// without control characters, quotes, backslashes, the HTML characters <, > and & it escapes,
// or U+2028 and U+2029.
func plainJSON(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&':
			return false
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			return false // U+2028 or U+2029, in UTF-8
		case c >= 0x80:
			ascii = false
		}
	}
	return ascii || utf8.ValidString(s)
}
