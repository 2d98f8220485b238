package ui

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// tableRows are the rows of a ledger table with what its search and filters need, worked
// out once per load by prepare. prepare reads only the table's columns and filters (fixed
// when the table is made), never a widget, so a screen calls it in its load, off the UI
// goroutine, and the UI goroutine only puts the result in (show): a province's 480,000
// members open without the window stopping.
type tableRows[T any] struct {
	all []T
	// hay holds the lower-cased cell texts of every row, each cell followed by a 0 byte;
	// row i's are hay[start(i):ends[i]]. One array rather than a string per row: a search
	// is one pass of bytes.Index over it, and it costs no allocation per row.
	hay  []byte
	ends []int
	// For each filter whose options come from the data (fixed nil; nil for the others):
	// the options in pinyin order, each value's number (from 1) and each row's number (0:
	// no value), so a choice compares numbers instead of calling value on every row.
	opts  [][]string
	ids   []map[string]uint32
	rowID [][]uint32
}

// start is where row i's texts begin in hay.
func (d *tableRows[T]) start(i int) int {
	if i == 0 {
		return 0
	}
	return d.ends[i-1]
}

// prepare works out the search texts and filter values of rows. It may run on any goroutine.
func (lt *ledgerTable[T]) prepare(rows []T) *tableRows[T] {
	d := &tableRows[T]{all: rows, ends: make([]int, len(rows))}
	for i := range rows {
		for c := range lt.cols {
			d.hay = appendLower(d.hay, lt.cols[c].cell(&rows[i]))
			d.hay = append(d.hay, 0)
		}
		d.ends[i] = len(d.hay)
		if i == 255 && len(rows) > 1024 {
			// Room for the rest at the first rows' size, so the array is not copied as it grows.
			d.hay = slices.Grow(d.hay, len(d.hay)/256*(len(rows)-256)*9/8)
		}
	}
	d.opts = make([][]string, len(lt.filters))
	d.ids = make([]map[string]uint32, len(lt.filters))
	d.rowID = make([][]uint32, len(lt.filters))
	for fi, f := range lt.filters {
		if f.fixed != nil {
			continue
		}
		first := map[string]uint32{} // the values by first appearance
		var seen []string
		byRow := make([]uint32, len(rows))
		for i := range rows {
			v := f.value(rows[i])
			if v == "" {
				continue
			}
			id, ok := first[v]
			if !ok {
				seen = append(seen, v)
				id = uint32(len(seen))
				first[v] = id
			}
			byRow[i] = id
		}
		sortChinese(seen) // numbered again in pinyin order
		renum := make([]uint32, len(seen)+1)
		for j, v := range seen {
			renum[first[v]] = uint32(j + 1)
			first[v] = uint32(j + 1)
		}
		for i, id := range byRow {
			byRow[i] = renum[id]
		}
		d.opts[fi], d.ids[fi], d.rowID[fi] = seen, first, byRow
	}
	return d
}

// appendLower appends strings.ToLower(s) to dst without making the string: ASCII and the
// CJK block (no letter case) are copied, any other rune goes through unicode.ToLower.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x3000 && r < 0xA000 {
			dst = append(dst, s[i:i+n]...)
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}

// rowFilter is a filter drop-down's choice while filtering: rows whose number is want
// (filters of data options), or whose value is choice (the others).
type rowFilter[T any] struct {
	rowID  []uint32
	want   uint32
	value  func(T) string
	choice string
}

// filter appends to view the rows that pass every filter and contain q (lower-cased) in a
// cell, in the rows' order.
func (d *tableRows[T]) filter(view []int, q string, fs []rowFilter[T]) []int {
	needle := []byte(q)
	if len(fs) == 0 && q != "" && !strings.ContainsRune(q, 0) {
		// One pass over every row's texts; a match cannot run from one row into the
		// next, since each row ends in a 0 byte.
		for at := 0; at < len(d.hay); {
			k := bytes.Index(d.hay[at:], needle)
			if k < 0 {
				break
			}
			i, _ := slices.BinarySearch(d.ends, at+k+1) // the row holding the match
			view = append(view, i)
			at = d.ends[i]
		}
		return view
	}
rows:
	for i := range d.all {
		for _, f := range fs {
			if f.rowID != nil {
				if f.rowID[i] != f.want {
					continue rows
				}
			} else if f.value(d.all[i]) != f.choice {
				continue rows
			}
		}
		if q != "" && !bytes.Contains(d.hay[d.start(i):d.ends[i]], needle) {
			continue
		}
		view = append(view, i)
	}
	return view
}

// colOrder is the order of every row by one column: rank numbers the rows' distinct
// values in ascending order, and perm lists the rows by rank, in the rows' order among
// equal values.
type colOrder struct {
	rank []uint32
	perm []int32
}

// order works out the order of all rows by column col (text by pinyin, the zh collation;
// numeric as numbers). Equal texts are collated once, so a column of few distinct values
// (乡镇, 性别) costs one pass over the rows.
func (lt *ledgerTable[T]) order(rows []T, col int) *colOrder {
	c := &lt.cols[col]
	n := len(rows)
	o := &colOrder{rank: make([]uint32, n)}
	var distinct int
	if c.numeric {
		keys := make([]float64, n)
		idx := make([]int32, n)
		for i := range rows {
			keys[i], idx[i] = c.sortNum(&rows[i]), int32(i)
		}
		slices.SortFunc(idx, func(a, b int32) int {
			return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(a, b))
		})
		for j, i := range idx {
			if j > 0 && cmp.Compare(keys[i], keys[idx[j-1]]) != 0 {
				distinct++
			}
			o.rank[i] = uint32(distinct)
		}
		o.perm = idx
		return o
	}
	slot := map[string]uint32{}
	var texts []string
	for i := range rows {
		t := c.cell(&rows[i])
		s, ok := slot[t]
		if !ok {
			s = uint32(len(texts))
			texts = append(texts, t)
			slot[t] = s
		}
		o.rank[i] = s
	}
	coll := collate.New(language.Chinese)
	var buf collate.Buffer
	keys := make([][]byte, len(texts))
	for s, t := range texts {
		keys[s] = coll.KeyFromString(&buf, t)
	}
	bySlot := make([]uint32, len(texts))
	sorted := make([]int32, len(texts))
	for s := range sorted {
		sorted[s] = int32(s)
	}
	slices.SortFunc(sorted, func(a, b int32) int { return bytes.Compare(keys[a], keys[b]) })
	for j, s := range sorted {
		if j > 0 && !bytes.Equal(keys[s], keys[sorted[j-1]]) {
			distinct++
		}
		bySlot[s] = uint32(distinct)
	}
	for i, s := range o.rank {
		o.rank[i] = bySlot[s]
	}
	// perm by counting the rows of each rank, which keeps the rows' order within one.
	at := make([]int32, distinct+2)
	for _, r := range o.rank {
		at[r+1]++
	}
	for r := 1; r < len(at); r++ {
		at[r] += at[r-1]
	}
	o.perm = make([]int32, n)
	for i, r := range o.rank {
		o.perm[at[r]] = int32(i)
		at[r]++
	}
	return o
}

// sort orders view (rows in ascending order) by o, descending when desc, keeping the rows'
// order among equal values.
func (o *colOrder) sort(view []int, desc bool) {
	n := len(o.perm)
	if len(view) < n/16 {
		slices.SortFunc(view, func(a, b int) int {
			c := cmp.Compare(o.rank[a], o.rank[b])
			if desc {
				c = -c
			}
			return cmp.Or(c, cmp.Compare(a, b))
		})
		return
	}
	// A large view: walk the whole order, keeping the rows of view.
	var in []uint64
	if len(view) < n {
		in = make([]uint64, (n+63)/64)
		for _, i := range view {
			in[i/64] |= 1 << (i % 64)
		}
	}
	keep := func(i int32) bool { return in == nil || in[i/64]&(1<<(i%64)) != 0 }
	out := view[:0]
	if !desc {
		for _, i := range o.perm {
			if keep(i) {
				out = append(out, int(i))
			}
		}
		return
	}
	// Descending: the runs of equal rank from the last, each run in the rows' order.
	for end := n; end > 0; {
		begin := end - 1
		for begin > 0 && o.rank[o.perm[begin-1]] == o.rank[o.perm[end-1]] {
			begin--
		}
		for _, i := range o.perm[begin:end] {
			if keep(i) {
				out = append(out, int(i))
			}
		}
		end = begin
	}
}
