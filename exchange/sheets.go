package exchange

import (
	"sort"
	"strings"
	"time"

	"liangwei/data"
)

// Sheets are the names of the workbook's sheets (SPEC §6), in workbook order: one per record
// kind, named as the kind.
var Sheets = func() []string {
	var ns []string
	for _, k := range data.RecordKinds() {
		ns = append(ns, k.Name)
	}
	return ns
}()

// column is one column of a sheet, as the kind's description gives it.
type column = data.Column

// width is the Excel column width: the description's, or one from the header where CJK
// characters count double.
func width(c column) float64 {
	if c.Width > 0 {
		return c.Width
	}
	w := 0.0
	for _, r := range c.Header {
		if r < 0x2E80 {
			w++
		} else {
			w += 2
		}
	}
	return w + 4
}

// sheet is one worksheet, derived from a record kind's description: its columns, a row
// parser for import and a row writer for export.
type sheet struct {
	Name    string
	Code    data.KindCode // the record kind of its rows
	Columns []column
	// Keys lists the key headers in the order the key is read and reported (the last one
	// is where a duplicate is placed).
	Keys []string
	// alias maps each header a workbook may use for a column, normalized (normHeader), to
	// the column's header: its own header and its aliases.
	alias map[string]string
	// parse reads one data row into the loader's batch.
	parse func(r *row)
	// count is how many records of the sheet's kind b holds; rows lists those of [lo, hi)
	// as export rows, in column order.
	// villages lists the village each record of the sheet's kind in b names, in batch
	// order; nil for kinds that name none (and for 村庄 itself).
	villages func(b *data.Batch) []data.VillageKey
	count    func(b *data.Batch) int
	rows     func(b *data.Batch, lo, hi int) [][]any
}

func (s *sheet) supported() bool { return s.parse != nil }

// column is the sheet's column headed h.
func (s *sheet) column(h string) (column, bool) {
	for _, c := range s.Columns {
		if c.Header == h {
			return c, true
		}
	}
	return column{}, false
}

// keyColumns lists the headers of the key columns, in key order.
func (s *sheet) keyColumns() []string { return s.Keys }

// sheetOf derives the sheet of kind k.
func sheetOf[R any](k *data.Kind[R]) *sheet {
	s := &sheet{Name: k.Name, Code: k.Code, Columns: k.Columns(), Keys: k.KeyHeaders(), alias: map[string]string{}}
	for _, c := range s.Columns {
		s.alias[normHeader(c.Header)] = c.Header
		for _, a := range c.Aliases {
			s.alias[normHeader(a)] = c.Header
		}
	}
	s.parse = func(r *row) {
		var rec R
		for i := range k.Fields {
			readField(r, &k.Fields[i], &rec)
		}
		if k.Normalize != nil {
			k.Normalize(&rec)
		}
		if !r.unique(k.KeyParts(&rec)...) {
			return
		}
		recs := k.Records(&r.l.batch)
		if *recs == nil && r.l.rowsHint > 0 {
			*recs = make([]R, 0, r.l.rowsHint)
			r.l.recRows[k.Name] = make([]int, 0, r.l.rowsHint)
		}
		if r.l.keeps(k.Code) {
			// The fields the sheet lacks are taken from the stored record first (keepStored):
			// the rules judge the record as it will be stored.
			i := len(*recs)
			r.l.later = append(r.l.later, func() { r.check(k.Validate(&(*k.Records(&r.l.batch))[i], r.l.today)) })
		} else {
			r.check(k.Validate(&rec, r.l.today))
		}
		*recs = append(*recs, rec)
		r.l.recRows[k.Name] = append(r.l.recRows[k.Name], r.num)
	}
	s.count = func(b *data.Batch) int { return len(*k.Records(b)) }
	if vf, tf := k.Field(data.VillageHeader), k.Field(data.TownshipHeader); vf != nil && tf != nil && k.Code != data.CodeVillage {
		s.villages = func(b *data.Batch) []data.VillageKey {
			recs := *k.Records(b)
			out := make([]data.VillageKey, len(recs))
			for i := range recs {
				out[i] = data.VillageKey{Township: tf.Text(&recs[i]), Village: vf.Text(&recs[i])}
			}
			return out
		}
	}
	s.rows = func(b *data.Batch, lo, hi int) [][]any {
		recs := *k.Records(b)
		recs = recs[min(lo, len(recs)):min(hi, len(recs))]
		out := make([][]any, len(recs))
		for i := range recs {
			cells := make([]any, len(k.Fields))
			for j := range k.Fields {
				cells[j] = k.Fields[j].Cell(&recs[i])
			}
			out[i] = cells
		}
		return out
	}
	return s
}

// readField reads the cell of field f into rec, placing any problem on the cell.
func readField[R any](r *row, f *data.Field[R], rec *R) {
	h := f.Header
	if f.Required && !r.required(h) {
		return
	}
	switch f.Type {
	case data.IDType:
		*f.Addr(rec).(*string) = idNumber(r, h)
		return
	case data.DateType:
		// A date cell is a serial of the workbook's own date system.
		d, err := data.ParseDateIn(r.text(h), r.l.date1904)
		if err != nil {
			r.cellError(h, err)
		}
		*f.Addr(rec).(*time.Time) = d
		return
	}
	if err := f.SetText(rec, r.text(h)); err != nil {
		r.cellError(h, err)
	}
}

// specs holds every sheet by name, derived from the kinds' descriptions.
var specs = func() map[string]*sheet {
	m := map[string]*sheet{}
	for _, s := range []*sheet{
		sheetOf(data.TownshipDesc), sheetOf(data.VillageDesc), sheetOf(data.ElectionDesc), sheetOf(data.MemberDesc),
		sheetOf(data.PartyOrgDesc), sheetOf(data.LeadershipDesc), sheetOf(data.ComplaintDesc), sheetOf(data.TalkDesc),
		sheetOf(data.CandidateDesc), sheetOf(data.SupervisorDesc), sheetOf(data.ChangeDesc), sheetOf(data.AuditDesc),
		sheetOf(data.DevelopmentDesc), sheetOf(data.CommendationDesc),
	} {
		m[s.Name] = s
	}
	return m
}()

// supportedSheets lists the sheets that import and export, in workbook order.
func supportedSheets() []*sheet {
	var out []*sheet
	for _, n := range Sheets {
		if s := specs[n]; s != nil && s.supported() {
			out = append(out, s)
		}
	}
	return out
}

// supportedNames joins the names of the supported sheets for messages.
func supportedNames() string {
	var ns []string
	for _, s := range supportedSheets() {
		ns = append(ns, s.Name)
	}
	return strings.Join(ns, "、")
}

// sheetFromFileName finds the sheet a CSV file holds from its name ("城关镇-换届.csv"). When
// several sheet names occur, the one ending last wins ("某乡镇-换届" is 换届, "乡镇班子" is
// not 乡镇), since clerks put the sheet after the township.
func sheetFromFileName(name string) string {
	type hit struct {
		name     string
		end, len int
	}
	var hits []hit
	for _, s := range Sheets {
		if i := strings.LastIndex(name, s); i >= 0 {
			hits = append(hits, hit{s, i + len(s), len(s)})
		}
	}
	if len(hits) == 0 {
		return ""
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].end != hits[j].end {
			return hits[i].end > hits[j].end
		}
		return hits[i].len > hits[j].len
	})
	return hits[0].name
}
