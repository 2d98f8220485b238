package ui

import (
	"strconv"
	"time"

	"liangwei/data"
)

// The record screens name their columns and form fields by the record's Go field (as in
// func(t *data.Talk) any { return &t.No }); the header, the type, the drop-down values and
// the hint come from the kind's description in data, which alone spells them.

// fieldCol is the table column of a kind's field: its title (data.Column.Title), its value as text,
// numbers right-aligned and sorted as numbers.
func fieldCol[R any](k *data.Kind[R], at func(*R) any, width float32) column[R] {
	f := k.FieldAt(at)
	c := column[R]{title: f.Title(), width: width, textAt: f.Text}
	if f.Number() {
		c.numeric = true
		c.numAt = func(r *R) float64 {
			switch v := f.Get(r).(type) {
			case int:
				return float64(v)
			case float64:
				return v
			}
			return 0
		}
	}
	return c
}

// shown is c with its cell text given by text instead (a masked 身份证号, 是 or blank).
func (c column[R]) shown(text func(R) string) column[R] {
	c.text, c.textAt = text, nil
	return c
}

// fieldForm binds an edit form's inputs to the fields of a record kind: each input is made
// for its field's type and labelled with its header, and read puts the inputs back into a
// record.
type fieldForm[R any] struct {
	f      *editForm
	k      *data.Kind[R]
	rec    *R // the values the inputs start with
	fields []*data.Field[R]
	// when holds, for a field read only while another field's value allows (场所面积 while
	// 有场所 is ticked), that condition on the record read so far.
	when map[*data.Field[R]]func(*R) bool
}

func newFieldForm[R any](f *editForm, k *data.Kind[R], rec *R) *fieldForm[R] {
	return &fieldForm[R]{f: f, k: k, rec: rec}
}

// name is the form's name of a field: its header, which data.Problem.Field carries too.
func (b *fieldForm[R]) name(at func(*R) any) string { return b.k.FieldAt(at).Header }

// add adds the input of a field, made for its type: an entry for text and numbers (a 0
// shown empty), a date entry with its calendar, a drop-down of the enum's values, a check
// box for yes/no. It returns the field's name.
func (b *fieldForm[R]) add(at func(*R) any) string {
	fd := b.bind(at)
	h := fd.Header
	switch fd.Type {
	case data.EnumType:
		b.f.addSelect(h, fd.Values, fd.Text(b.rec))
		if fd.Text(b.rec) == "" && hasNone(fd.Values) {
			b.f.byName[h].sel.SetSelected(data.NoneText)
		}
	case data.DateType:
		b.f.addDate(h, fd.Get(b.rec).(time.Time))
	case data.YesNoType:
		b.f.addCheck(h, fd.Get(b.rec).(bool))
	case data.CountType, data.AmountType:
		b.f.addEntry(h, blankZero(fd.Text(b.rec)), "0")
		if fd.Hint != "" {
			b.f.byName[h].entry.SetPlaceHolder(fd.Hint)
		}
	case data.RoundType, data.YearType:
		hint := fd.Hint
		if hint == "" {
			hint = "如 2026"
		}
		b.f.addEntry(h, blankZero(fd.Text(b.rec)), hint)
	default:
		e := b.f.addEntry(h, fd.Text(b.rec), fd.Hint)
		if fd.Long {
			u2bLongText(e)
		}
	}
	return h
}

// addIf adds a field like add that read takes only when on holds for the record read so far
// (fields are read in the order they were added); otherwise it keeps its zero value.
func (b *fieldForm[R]) addIf(at func(*R) any, on func(*R) bool) string {
	h := b.add(at)
	if b.when == nil {
		b.when = map[*data.Field[R]]func(*R) bool{}
	}
	b.when[b.fields[len(b.fields)-1]] = on
	return h
}

// choose adds a field as a drop-down of options that the screen knows (the townships, the
// villages of a township).
func (b *fieldForm[R]) choose(at func(*R) any, options []string) string {
	fd := b.bind(at)
	b.f.addSelect(fd.Header, options, fd.Text(b.rec))
	return fd.Header
}

// suggest adds a field the clerk types into or picks from suggestions.
func (b *fieldForm[R]) suggest(at func(*R) any, options []string) string {
	fd := b.bind(at)
	b.f.addSelectEntry(fd.Header, options, fd.Text(b.rec))
	if fd.Hint != "" {
		b.f.byName[fd.Header].selEntry.SetPlaceHolder(fd.Hint)
	}
	return fd.Header
}

func (b *fieldForm[R]) bind(at func(*R) any) *data.Field[R] {
	fd := b.k.FieldAt(at)
	b.fields = append(b.fields, fd)
	return fd
}

// read puts every bound input into rec, noting on its field a value that cannot be read.
// Long text is joined into one line: a ledger cell, a workbook cell and a PDF row hold one.
func (b *fieldForm[R]) read(rec *R) {
	f := b.f
	for _, fd := range b.fields {
		if on := b.when[fd]; on != nil && !on(rec) {
			continue
		}
		h := fd.Header
		var err error
		switch {
		case fd.Type == data.YesNoType:
			err = fd.Set(rec, f.checked(h))
		case fd.Long:
			err = fd.SetText(rec, u2bOneLine(f.text(h)))
		default:
			err = fd.SetText(rec, f.text(h))
		}
		if err != nil {
			f.noteParse(h, err)
		}
	}
}

func hasNone(values []string) bool {
	for _, v := range values {
		if v == data.NoneText {
			return true
		}
	}
	return false
}

// blankZero shows a number of 0 as an empty input.
func blankZero(s string) string {
	if s == strconv.Itoa(0) {
		return ""
	}
	return s
}
