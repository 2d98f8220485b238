package exchange

import (
	"strconv"
	"strings"

	"liangwei/data"
)

// Issue is one problem found in an imported file, located as precisely as the problem allows:
// the file's base name, the sheet, the spreadsheet row (the header is row 1) and the column
// header. Parts that do not apply are empty (or 0 for Row).
type Issue struct {
	File    string
	Sheet   string
	Row     int
	Column  string
	Level   data.Level
	Message string
}

// String formats the issue as “文件:工作表:行:列: 信息”, leaving out the empty parts,
// e.g. “城关镇.xlsx:换届:9:实参加人数: 实参加人数（812）不能多于应参加人数（800）”.
func (i Issue) String() string {
	var parts []string
	if i.File != "" {
		parts = append(parts, i.File)
	}
	if i.Sheet != "" {
		parts = append(parts, i.Sheet)
	}
	if i.Row > 0 {
		parts = append(parts, strconv.Itoa(i.Row))
	}
	if i.Column != "" {
		parts = append(parts, i.Column)
	}
	if len(parts) == 0 {
		return i.Message
	}
	return strings.Join(parts, ":") + ": " + i.Message
}

// Issues is the list of problems of one file, in the order they were found.
type Issues []Issue

// HasErrors reports whether any issue blocks the import.
func (is Issues) HasErrors() bool {
	for _, i := range is {
		if i.Level == data.LevelError {
			return true
		}
	}
	return false
}

// Errors returns only the issues that block the import.
func (is Issues) Errors() Issues { return is.filter(data.LevelError) }

// Warnings returns only the issues that are listed but do not block.
func (is Issues) Warnings() Issues { return is.filter(data.LevelWarning) }

func (is Issues) filter(l data.Level) Issues {
	var out Issues
	for _, i := range is {
		if i.Level == l {
			out = append(out, i)
		}
	}
	return out
}

// maxIssues caps each level's list, so a file that is wrong on every row stays readable.
const maxIssues = 500

// collector gathers issues up to the cap and counts the ones left out.
type collector struct {
	file    string
	issues  Issues
	count   [2]int // issues kept per level
	dropped [2]int // issues left out per level
}

func (c *collector) add(i Issue) {
	i.File = c.file
	lv := 0
	if i.Level == data.LevelWarning {
		lv = 1
	}
	if c.count[lv] >= maxIssues {
		c.dropped[lv]++
		return
	}
	c.count[lv]++
	c.issues = append(c.issues, i)
}

func (c *collector) errorf(sheet string, row int, column, msg string) {
	c.add(Issue{Sheet: sheet, Row: row, Column: column, Level: data.LevelError, Message: msg})
}

func (c *collector) warnf(sheet string, row int, column, msg string) {
	c.add(Issue{Sheet: sheet, Row: row, Column: column, Level: data.LevelWarning, Message: msg})
}

// hasErrors reports whether any error was seen, kept or dropped.
func (c *collector) hasErrors() bool { return c.count[0]+c.dropped[0] > 0 }

// result returns the issues with a closing line for each level that was cut short.
func (c *collector) result() Issues {
	out := c.issues
	if n := c.dropped[0]; n > 0 {
		out = append(out, Issue{File: c.file, Level: data.LevelError, Message: "…还有" + strconv.Itoa(n) + "个错误"})
	}
	if n := c.dropped[1]; n > 0 {
		out = append(out, Issue{File: c.file, Level: data.LevelWarning, Message: "…还有" + strconv.Itoa(n) + "个警告"})
	}
	return out
}
