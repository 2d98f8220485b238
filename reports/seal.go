package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"liangwei/data"
)

// A report's seal (issue 18): the data fingerprint of the records it draws on and its scope,
// printed in the footer of every page, drawn as a QR code after the report's last line and
// kept in the PDF's Keywords, so that verify can read them back and recompute them from a
// database. sealdraw.go draws it, pdfinfo.go reads it back.

// Seal is what a report says of the data it was drawn from.
type Seal struct {
	Kind  string    // the report's CLI name: summary, detail, …
	Round int       // 届次
	Date  time.Time // 填报日期; zero when not given
	// Print is the fingerprint of the townships in the report's scope: every township of
	// the round's ledger, or the one the report is for.
	Print data.Fingerprint
}

// NewSeal is the seal of report kind drawn from l (the round's ledger, narrowed to o's
// township when it has one) with o.
func NewSeal(kind string, l data.Ledger, o Options) Seal {
	var towns []string
	if o.Township != "" {
		towns = []string{o.Township}
	} else {
		towns = make([]string, 0, len(l.Townships))
		for _, t := range l.Townships {
			towns = append(towns, t.Name)
		}
	}
	return Seal{Kind: kind, Round: o.Round, Date: o.Date, Print: data.TakePrint(l, towns)}
}

// sealed is k whose Write seals the report it draws, unless the caller's Meta already
// carries a seal or the report covers no township.
func sealed(k Kind) Kind {
	write := k.Write
	name := k.Name
	k.Write = func(w io.Writer, l data.Ledger, o Options, m Meta) (string, error) {
		if m.Seal == nil {
			// A report of no township (an empty database) has nothing to verify.
			if s := NewSeal(name, l, o); len(s.Print.Townships) > 0 {
				m.Seal = &s
			}
		}
		return write(w, l, o, m)
	}
	return k
}

// sealPrefix starts the Keywords of a sealed report; the JSON of sealJSON follows.
const sealPrefix = "两委台账数据指纹 "

// sealJSON is the seal as the PDF's Keywords hold it. A sheet is "count:first 16 digits of
// its sum"; sheets without records are left out.
type sealJSON struct {
	V         int        `json:"v"`
	Kind      string     `json:"kind"`
	Round     int        `json:"round"`
	Date      string     `json:"date,omitempty"`
	Sum       string     `json:"sum"`
	Townships []sealTown `json:"townships"`
}

type sealTown struct {
	Name   string            `json:"name"`
	Sum    string            `json:"sum"`
	Sheets map[string]string `json:"sheets,omitempty"`
}

// keywords is the seal as the PDF's Keywords.
func (s Seal) keywords() string {
	j := sealJSON{V: 1, Kind: s.Kind, Round: s.Round, Sum: s.Print.Sum}
	if !s.Date.IsZero() {
		j.Date = data.FormatDate(s.Date)
	}
	for _, t := range s.Print.Townships {
		st := sealTown{Name: t.Township, Sum: t.Sum}
		for _, sh := range t.Sheets {
			if sh.Count == 0 {
				continue
			}
			if st.Sheets == nil {
				st.Sheets = map[string]string{}
			}
			st.Sheets[string(sh.Kind)] = strconv.Itoa(sh.Count) + ":" + sh.Sum[:16]
		}
		j.Townships = append(j.Townships, st)
	}
	b, _ := json.Marshal(j) // strings, ints and maps of strings: no error
	return sealPrefix + string(b)
}

// subject is the seal as the PDF's Subject, for a person reading the document properties.
func (s Seal) subject() string {
	return fmt.Sprintf("数据指纹 %s（%d年，%s）", s.Print.Short(), s.Round, s.ScopeText())
}

// ScopeText names the townships: 城关镇, or 62 个乡镇 when there are more than three.
func (s Seal) ScopeText() string {
	names := s.Print.Names()
	if len(names) > 3 {
		return fmt.Sprintf("%d 个乡镇", len(names))
	}
	return strings.Join(names, "、")
}

// qrText is what the QR code holds: LWTZ1, the report, the round, the date, the number of
// townships and the whole fingerprint, e.g. "LWTZ1 SUMMARY 2026 20261125 1 89210FC9…". Only
// upper-case letters, digits and spaces, so the code uses the QR alphanumeric mode and stays
// small enough (37×37 modules) to sit in the corner of the last page.
func (s Seal) qrText() string {
	date := "0"
	if !s.Date.IsZero() {
		date = s.Date.Format("20060102")
	}
	return fmt.Sprintf("LWTZ1 %s %d %s %d %s", strings.ToUpper(s.Kind), s.Round, date, len(s.Print.Townships), strings.ToUpper(s.Print.Sum))
}

// ErrNoSeal is returned by ReadSeal for a PDF without a seal: made by another program, or
// by a version before fingerprints.
var ErrNoSeal = fmt.Errorf("这份PDF没有两委台账的数据指纹（不是两委台账生成的报表，或由旧版本生成），无法核验")

// parseKeywords reads a seal from a PDF's Keywords.
func parseKeywords(kw string) (Seal, error) {
	rest, ok := strings.CutPrefix(kw, sealPrefix)
	if !ok {
		return Seal{}, ErrNoSeal
	}
	var j sealJSON
	bad := fmt.Errorf("PDF中的数据指纹已损坏或被改动，无法核验")
	if err := json.Unmarshal([]byte(rest), &j); err != nil || j.V != 1 || j.Round <= 0 || !isHex(j.Sum, 64) || len(j.Townships) == 0 {
		return Seal{}, bad
	}
	if _, ok := KindNamed(j.Kind); !ok {
		return Seal{}, bad
	}
	s := Seal{Kind: j.Kind, Round: j.Round, Print: data.Fingerprint{Sum: j.Sum}}
	if j.Date != "" {
		d, err := data.ParseDate(j.Date)
		if err != nil {
			return Seal{}, bad
		}
		s.Date = d
	}
	for _, t := range j.Townships {
		if t.Name == "" || !isHex(t.Sum, 64) {
			return Seal{}, bad
		}
		tp := data.TownshipPrint{Township: t.Name, Sum: t.Sum}
		codes := make([]string, 0, len(t.Sheets))
		for c := range t.Sheets {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			n, sum, ok := strings.Cut(t.Sheets[c], ":")
			count, err := strconv.Atoi(n)
			if !ok || err != nil || count < 0 || !isHex(sum, 16) {
				return Seal{}, bad
			}
			tp.Sheets = append(tp.Sheets, data.SheetPrint{Kind: data.KindCode(c), Count: count, Sum: sum})
		}
		s.Print.Townships = append(s.Print.Townships, tp)
	}
	return s, nil
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
