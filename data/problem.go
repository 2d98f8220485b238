package data

import "strings"

// Level tells an error (the record is refused) from a warning (saved and listed).
type Level int

// Problem levels.
const (
	LevelError Level = iota
	LevelWarning
)

// String gives the level in Chinese.
func (l Level) String() string {
	if l == LevelWarning {
		return "警告"
	}
	return "错误"
}

// Problem is one rule a record breaks. Field is the Chinese column header of SPEC §3, so the
// form can show it next to the field and the importer can name the column.
type Problem struct {
	Field   string
	Level   Level
	Message string
}

// Problems is the list Validate returns; empty means the record is fine.
type Problems []Problem

func (ps *Problems) errorf(field, msg string) {
	*ps = append(*ps, Problem{Field: field, Level: LevelError, Message: msg})
}

func (ps *Problems) warnf(field, msg string) {
	*ps = append(*ps, Problem{Field: field, Level: LevelWarning, Message: msg})
}

// HasErrors reports whether any problem blocks saving.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Level == LevelError {
			return true
		}
	}
	return false
}

// Errors returns only the blocking problems.
func (ps Problems) Errors() Problems { return ps.filter(LevelError) }

// Warnings returns only the non-blocking problems.
func (ps Problems) Warnings() Problems { return ps.filter(LevelWarning) }

// For returns the problems of one field.
func (ps Problems) For(field string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Field == field {
			out = append(out, p)
		}
	}
	return out
}

func (ps Problems) filter(l Level) Problems {
	var out Problems
	for _, p := range ps {
		if p.Level == l {
			out = append(out, p)
		}
	}
	return out
}

// Error joins the problems as “字段: 信息” lines, so Problems can travel as an error.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Field + ": " + p.Message
	}
	return strings.Join(lines, "\n")
}

// Finding is a problem of one record among many (a cross-record rule): Index is the
// record's position in the slice checked, or -1 for a problem of a whole village (Key, Round).
type Finding struct {
	Index int
	Key   VillageKey
	Round int
	Problem
}
