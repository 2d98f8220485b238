package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// A data fingerprint (issue 18) says which data a report or a workbook was made from, so that
// a county can tell whether a signed PDF shows the data a township sent. It is SHA-256 over
// the records' audit values (AuditValue: every field in order, values normalised as stored,
// no IDs, no timestamps), taken per township and per record kind:
//
//   - a record's digest is SHA-256 of its audit value;
//   - a sheet's sum is SHA-256 of "liangwei-sheet/1", the kind's code and the sorted digests
//     of the township's records of that kind, so the order records were stored in does not
//     count;
//   - a township's sum is SHA-256 of its name and, for every record kind in workbook order,
//     the kind's code, record count and sheet sum;
//   - a fingerprint's sum is SHA-256 of its townships' names and sums, sorted by name.
//
// What is fingerprinted is whatever ledger is given: a report's is the round's ledger as
// Store.Ledger reads it (all townships and villages, the round's elections, members and
// other records of the round, the party ledger of the year, complaints and talks dated in
// that year), a workbook's every record it holds. A township's sum depends on its own
// records only, so it is the same in a county database that holds other townships too.

// SheetPrint is one record kind's part of a township's fingerprint.
type SheetPrint struct {
	Kind  KindCode
	Count int    // the township's records of the kind
	Sum   string // lower-case hex SHA-256; a report's metadata keeps its first 16 digits
}

// TownshipPrint is one township's fingerprint.
type TownshipPrint struct {
	Township string
	Sum      string       // lower-case hex SHA-256
	Sheets   []SheetPrint // every record kind, in workbook order
}

// Fingerprint is the fingerprint of a set of townships' records.
type Fingerprint struct {
	Sum       string          // lower-case hex SHA-256 over the townships
	Townships []TownshipPrint // sorted by name
}

// Short is the fingerprint as printed: its first 64 bits, XXXX-XXXX-XXXX-XXXX.
func (f Fingerprint) Short() string { return ShortPrint(f.Sum) }

// Township is the print of the named township, and whether f has it.
func (f Fingerprint) Township(name string) (TownshipPrint, bool) {
	for _, t := range f.Townships {
		if t.Township == name {
			return t, true
		}
	}
	return TownshipPrint{}, false
}

// Names lists the fingerprint's townships.
func (f Fingerprint) Names() []string {
	out := make([]string, len(f.Townships))
	for i, t := range f.Townships {
		out[i] = t.Township
	}
	return out
}

// ShortPrint is a hex sum as printed: its first 16 digits, upper case, in groups of four.
func ShortPrint(sum string) string {
	if len(sum) < 16 {
		return strings.ToUpper(sum)
	}
	s := strings.ToUpper(sum[:16])
	return s[0:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:16]
}

// Sheet is the township's print of kind, a zero count and the empty sum when it has none.
func (t TownshipPrint) Sheet(kind KindCode) SheetPrint {
	for _, s := range t.Sheets {
		if s.Kind == kind {
			return s
		}
	}
	return SheetPrint{Kind: kind, Sum: emptySheetSum(kind)}
}

// printAcc gathers record digests per township and kind.
type printAcc struct {
	only    map[string]bool // nil: every township named
	digests map[string][][][32]byte
	kinds   int // len(Descriptions)
	// The last township added and its digests (nil: not taken): records come township by
	// township.
	lastName string
	last     [][][32]byte
	lastSet  bool
	hint     int // the capacity of a township's first digest of a kind; 0: none
}

func (a *printAcc) add(township string, kind int, digest *[32]byte) {
	if !a.lastSet || township != a.lastName {
		a.lastName, a.lastSet, a.last = township, true, nil
		if a.only != nil && !a.only[township] {
			return
		}
		a.last = a.digests[township]
		if a.last == nil {
			a.last = make([][][32]byte, a.kinds)
			a.digests[township] = a.last
		}
	}
	if a.last == nil {
		return // a township not taken
	}
	if a.last[kind] == nil && a.hint > 0 {
		a.last[kind] = make([][32]byte, 0, a.hint)
	}
	a.last[kind] = append(a.last[kind], *digest)
}

// addAll adds the records of every kind in l.
func (a *printAcc) addAll(l *Ledger) {
	for i, k := range Descriptions {
		a.lastSet, a.hint = false, 0
		if len(l.Townships) == 1 {
			a.hint = k.Count(l) // a township's ledger: the kind's records are most likely all its
		}
		k.EachDigest(l, func(township string, d *[32]byte) { a.add(township, i, d) })
	}
}

// TakePrint is the fingerprint of the named townships' records in l; nil townships takes
// every township l's records name. A named township without records is still in the
// fingerprint, with every sheet empty.
func TakePrint(l Ledger, townships []string) Fingerprint {
	a := &printAcc{digests: map[string][][][32]byte{}, kinds: len(Descriptions)}
	if townships != nil {
		a.only = map[string]bool{}
		for _, t := range townships {
			a.only[t] = true
		}
	}
	a.addAll(&l)
	names := townships
	if names == nil {
		for t := range a.digests {
			names = append(names, t)
		}
	}
	ts := make([]TownshipPrint, 0, len(names))
	for _, name := range names {
		ts = append(ts, townshipPrint(name, a.digests[name]))
	}
	return JoinPrints(ts)
}

// JoinPrints is the fingerprint of the townships whose prints are ts (TakePrint of each
// township, as a report made township by township takes them): sorted by name, a name
// given twice counted once.
func JoinPrints(ts []TownshipPrint) Fingerprint {
	ts = append([]TownshipPrint(nil), ts...)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Township < ts[j].Township })
	var f Fingerprint
	all := sha256.New()
	all.Write([]byte("liangwei-print/1\n"))
	for i, t := range ts {
		if i > 0 && t.Township == ts[i-1].Township {
			continue
		}
		f.Townships = append(f.Townships, t)
		fmt.Fprintf(all, "%s\x00%s\n", t.Township, t.Sum)
	}
	f.Sum = hex.EncodeToString(all.Sum(nil))
	return f
}

// townshipPrint sums one township's digests, ds[i] those of Descriptions[i] (nil: none).
func townshipPrint(name string, ds [][][32]byte) TownshipPrint {
	sheets := make([]SheetPrint, len(Descriptions))
	for i, k := range Descriptions {
		var d [][32]byte
		if ds != nil {
			d = ds[i]
		}
		code := k.Info().Code
		sheets[i] = SheetPrint{Kind: code, Count: len(d), Sum: sheetSum(code, d)}
	}
	return joinSheets(name, sheets)
}

// joinSheets is the print of a township whose sheets, in Descriptions' order, are sheets
// (an entry without Kind: no records of that kind). A kind with no records adds nothing to
// the sum, so that a version of the program that knows more kinds prints the same
// fingerprint for the same records.
func joinSheets(name string, sheets []SheetPrint) TownshipPrint {
	t := TownshipPrint{Township: name}
	h := sha256.New()
	fmt.Fprintf(h, "liangwei-township/1\n%s\n", name)
	for i, k := range Descriptions {
		s := sheets[i]
		if s.Kind == "" {
			code := k.Info().Code
			s = SheetPrint{Kind: code, Sum: emptySheetSum(code)}
		}
		t.Sheets = append(t.Sheets, s)
		if s.Count > 0 {
			fmt.Fprintf(h, "%s %d %s\n", s.Kind, s.Count, s.Sum)
		}
	}
	t.Sum = hex.EncodeToString(h.Sum(nil))
	return t
}

// PrintSum takes TakePrint(l, nil) in parts, for an export that writes a sheet at a time:
// each Add gives some records, and every township's records of one kind must come in one
// Add. It keeps each township's sheet sums, not the records.
type PrintSum struct {
	sheets map[string][]SheetPrint // per township, in Descriptions' order
}

// Add takes the records of l.
func (p *PrintSum) Add(l Ledger) {
	a := &printAcc{digests: map[string][][][32]byte{}, kinds: len(Descriptions)}
	a.addAll(&l)
	if p.sheets == nil {
		p.sheets = map[string][]SheetPrint{}
	}
	for name, ds := range a.digests {
		sheets := p.sheets[name]
		if sheets == nil {
			sheets = make([]SheetPrint, len(Descriptions))
			p.sheets[name] = sheets
		}
		for i, d := range ds {
			if len(d) > 0 {
				code := Descriptions[i].Info().Code
				sheets[i] = SheetPrint{Kind: code, Count: len(d), Sum: sheetSum(code, d)}
			}
		}
	}
}

// Print is the fingerprint of every record added.
func (p *PrintSum) Print() Fingerprint {
	ts := make([]TownshipPrint, 0, len(p.sheets))
	for name, sheets := range p.sheets {
		ts = append(ts, joinSheets(name, sheets))
	}
	return JoinPrints(ts)
}

// sheetSum sums the digests of one kind's records, sorted.
func sheetSum(code KindCode, d [][32]byte) string {
	slices.SortFunc(d, compareDigests)
	h := sha256.New()
	h.Write([]byte("liangwei-sheet/1\n" + string(code) + "\n"))
	for _, x := range d {
		h.Write(x[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// compareDigests orders digests as bytes.Compare does, by their first eight bytes first.
func compareDigests(x, y [32]byte) int {
	if a, b := binary.BigEndian.Uint64(x[:8]), binary.BigEndian.Uint64(y[:8]); a != b {
		if a < b {
			return -1
		}
		return 1
	}
	return bytes.Compare(x[8:], y[8:])
}

func emptySheetSum(code KindCode) string { return sheetSum(code, nil) }

// PrintTownships lists the townships l's records name, sorted: whose records a workbook
// holds.
func PrintTownships(l Ledger) []string { return TakePrint(l, nil).Names() }

// SheetDiff is one kind whose records of a township differ from what a fingerprint says.
type SheetDiff struct {
	Kind     KindCode
	Was, Now int // the record counts then and now
}

// String says it as the verify command does: 换届（报表时 96 条，现有 95 条）.
func (d SheetDiff) String() string {
	name := KindName(string(d.Kind))
	if d.Was == d.Now {
		return fmt.Sprintf("%s（%d 条，内容有改动）", name, d.Now)
	}
	return fmt.Sprintf("%s（原 %d 条，现有 %d 条）", name, d.Was, d.Now)
}

// PrintDiff is one township whose records differ from what a fingerprint says.
type PrintDiff struct {
	Township string
	// Sheets are the kinds that differ; empty when the fingerprint only had the township's
	// sum (then only that the township differs is known).
	Sheets []SheetDiff
}

// String names the township and the sheets: 城关镇：换届（…）、两委成员（…）.
func (d PrintDiff) String() string {
	if len(d.Sheets) == 0 {
		return d.Township + "：数据有改动"
	}
	parts := make([]string, len(d.Sheets))
	for i, s := range d.Sheets {
		parts[i] = s.String()
	}
	return d.Township + "：" + strings.Join(parts, "、")
}

// ComparePrints lists the townships of was whose sum differs in now, with the sheets that
// differ. A sheet sum of was may be shortened (a report keeps 16 digits of each); it is
// compared as a prefix. A township of was that now lacks is listed with no sheets.
func ComparePrints(was, now Fingerprint) []PrintDiff {
	var out []PrintDiff
	for _, w := range was.Townships {
		n, ok := now.Township(w.Township)
		if ok && n.Sum == w.Sum {
			continue
		}
		d := PrintDiff{Township: w.Township}
		if ok {
			for _, k := range Descriptions {
				code := k.Info().Code
				ws, ns := w.Sheet(code), n.Sheet(code)
				if len(ws.Sum) < 8 || !strings.HasPrefix(ns.Sum, ws.Sum) || ws.Count != ns.Count {
					d.Sheets = append(d.Sheets, SheetDiff{Kind: code, Was: ws.Count, Now: ns.Count})
				}
			}
		}
		out = append(out, d)
	}
	return out
}

// FilePrint is what a workbook says of one township's records and what its rows give
// (issue 18): an export writes each township's sum into the workbook's properties, an
// import recomputes it from the rows it read.
type FilePrint struct {
	Township string
	Declared string // the sum the workbook carries; "" when it carries none
	Actual   string // the sum of the rows read
	// Records counts the township's rows in the file besides its 乡镇 row: a file that only
	// lists townships (a county's roster of them) is no township's submission.
	Records int
}

// State is how the workbook stands for the township: 与导出时一致, 已修改 (changed after
// export, by hand or by another program) or 无指纹 (not a workbook this program exported).
func (p FilePrint) State() string {
	switch {
	case p.Declared == "":
		return PrintNone
	case p.Declared == p.Actual:
		return PrintIntact
	}
	return PrintModified
}

// The states of a workbook's fingerprint.
const (
	PrintIntact   = "一致"
	PrintModified = "已修改"
	PrintNone     = "无指纹"
)

// FilePrints compares the sums a workbook declares per township with those of its rows l;
// a township of either is listed, sorted by name.
func FilePrints(l Ledger, declared map[string]string) []FilePrint {
	f := TakePrint(l, nil)
	seen := map[string]bool{}
	var out []FilePrint
	for _, t := range f.Townships {
		seen[t.Township] = true
		n := 0
		for _, s := range t.Sheets {
			if s.Kind != CodeTownship {
				n += s.Count
			}
		}
		out = append(out, FilePrint{Township: t.Township, Declared: declared[t.Township], Actual: t.Sum, Records: n})
	}
	for t, sum := range declared {
		if !seen[t] {
			out = append(out, FilePrint{Township: t, Declared: sum})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Township < out[j].Township })
	return out
}
