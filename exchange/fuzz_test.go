package exchange

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"liangwei/data"
)

// cellSep separates the cells of a fuzzed row.
const cellSep = "\t"

// fuzzRow turns a fixture row into the text cells a sheet reader gets.
func fuzzRow(r []any) string {
	cells := make([]string, len(r))
	for i, v := range r {
		switch v := v.(type) {
		case nil:
		case time.Time:
			cells[i] = v.Format("2006-01-02")
		default:
			cells[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(cells, cellSep)
}

// FuzzWorkbookRow feeds one data row of any sheet through its header and row parser, the
// path every workbook and CSV row takes: whatever the cells, no panic; every issue is of
// that file, sheet and row (or the file), on one of the sheet's columns, with a message; a
// row without errors gives exactly one record; a row with errors is not half kept as a
// valid record that the checks after it would miss.
func FuzzWorkbookRow(f *testing.F) {
	sheets := supportedSheets()
	fx := goodLedger(3)
	for _, s := range fx.sheets() {
		for k, sh := range sheets {
			if sh.Name != s.name {
				continue
			}
			for _, r := range s.rows[1:min(len(s.rows), 3)] {
				f.Add(uint8(k), fuzzRow(r))
			}
		}
	}
	for k := range sheets {
		f.Add(uint8(k), "")
		f.Add(uint8(k), strings.Repeat("\t", 30))
		f.Add(uint8(k), "=SUM(A1)\t#DIV/0!\t1E+308\t-0\t2026-02-30\t\x00\t\ufffd\t"+strings.Repeat("长", MaxCellChars+1))
	}
	f.Fuzz(func(t *testing.T, k uint8, line string) {
		sh := sheets[int(k)%len(sheets)]
		l := newLoader(nil, "城关镇.xlsx", today)
		header := make([]string, len(sh.Columns))
		headers := map[string]bool{}
		for i, c := range sh.Columns {
			header[i] = c.Header
			headers[c.Header] = true
		}
		sr := l.begin(sh.Name, sh, header)
		cells := strings.Split(line, cellSep)
		empty := strings.TrimSpace(strings.Join(cells, "")) == ""
		sr.row(2, cells)
		sr.end()
		l.checkVillages(ctx)
		l.checkMembers(ctx)
		p := l.preview()
		for _, i := range p.Issues {
			if i.File != "城关镇.xlsx" || i.Message == "" || !utf8.ValidString(i.Message) {
				t.Fatalf("issue %+v", i)
			}
			if i.Row != 0 && (i.Sheet != sh.Name || i.Row != 2) {
				t.Fatalf("issue %q not on %s row 2", i, sh.Name)
			}
			if i.Column != "" && !headers[i.Column] && !strings.HasSuffix(i.Column, "列") {
				t.Fatalf("issue %q on a column %s does not have", i, sh.Name)
			}
		}
		n := p.Batch.Len()
		switch {
		case empty && n != 0:
			t.Fatalf("empty row gave %d records", n)
		case !empty && !p.Issues.HasErrors() && n != 1:
			t.Fatalf("row without errors gave %d records, issues %v", n, p.Issues)
		case n > 1:
			t.Fatalf("one row gave %d records", n)
		}
		if !p.Issues.HasErrors() && n == 1 {
			if ps := recordProblems(p.Batch); ps.HasErrors() {
				t.Fatalf("row accepted but its record is invalid: %v", ps)
			}
		}
	})
}

// recordProblems validates the records of a batch.
func recordProblems(b data.Batch) data.Problems {
	var ps data.Problems
	for _, v := range b.Townships {
		ps = append(ps, v.Validate()...)
	}
	for _, v := range b.Villages {
		ps = append(ps, v.Validate()...)
	}
	for _, v := range b.Elections {
		ps = append(ps, v.Validate(today)...)
	}
	for _, v := range b.Members {
		ps = append(ps, v.Validate()...)
	}
	for _, v := range b.Leaderships {
		ps = append(ps, v.Validate()...)
	}
	for _, v := range b.PartyOrgs {
		ps = append(ps, v.Validate()...)
	}
	for _, v := range b.Complaints {
		ps = append(ps, v.Validate(today)...)
	}
	for _, v := range b.Talks {
		ps = append(ps, v.Validate()...)
	}
	return ps
}
