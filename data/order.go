package data

import (
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// VillageOrder is the official order of townships and villages, the order the county's
// own lists follow: by 区划代码 where the villages have one, else by the pinyin of the name
// (collation, not code points: 东关村 before 三里铺村). A township goes by its 9-digit
// code (the first nine digits of its villages' codes, the smallest when they differ);
// townships and villages without a code follow those with one, by pinyin.
//
// Reports and ledgers sort with it; names it does not know (a village deleted since, a
// complaint's township without villages) go after the known ones, by pinyin.
type VillageOrder struct {
	township map[string]int
	village  map[VillageKey]int
}

// NewVillageOrder ranks the townships and villages of vs (merged ones too, so their
// history keeps its place).
func NewVillageOrder(vs []Village) VillageOrder {
	o := VillageOrder{township: map[string]int{}, village: make(map[VillageKey]int, len(vs))}
	for i, t := range TownshipsInOrder(vs) {
		o.township[t] = i
	}
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.Name
	}
	vkeys := pinyinKeys(names)
	idx := make([]int, len(vs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		va, vb := vs[a], vs[b]
		if ta, tb := o.township[va.Township], o.township[vb.Township]; ta != tb {
			return ta - tb
		}
		return compareCoded(va.Code, vb.Code, vkeys[va.Name], vkeys[vb.Name])
	})
	for rank, i := range idx {
		k := vs[i].Key()
		if _, seen := o.village[k]; !seen {
			o.village[k] = rank
		}
	}
	return o
}

// TownshipsInOrder are the townships of vs in the official order (see VillageOrder).
func TownshipsInOrder(vs []Village) []string {
	tcode := TownshipCodes{}
	tcode.Add(vs)
	return tcode.InOrder()
}

// TownshipCodes are what the official order ranks townships by: each township's 9-digit
// code (the smallest of its villages'), "" when none of its villages has one. Kept for
// every village added, they rank the townships of a province without its villages.
type TownshipCodes map[string]string

// merge takes the codes of o, of other villages, as Add would have taken them after its own.
func (tcode TownshipCodes) merge(o TownshipCodes) {
	for t, c := range o {
		if e, ok := tcode[t]; !ok || (c != "" && c < e) {
			tcode[t] = c
		}
	}
}

// Add takes the villages vs.
func (tcode TownshipCodes) Add(vs []Village) {
	for _, v := range vs {
		if len(v.Code) >= 9 {
			if c, ok := tcode[v.Township]; !ok || v.Code[:9] < c {
				tcode[v.Township] = v.Code[:9]
			}
		} else if _, ok := tcode[v.Township]; !ok {
			tcode[v.Township] = ""
		}
	}
}

// InOrder are the townships of every village added in the official order.
func (tcode TownshipCodes) InOrder() []string {
	ts := make([]string, 0, len(tcode))
	for t := range tcode {
		ts = append(ts, t)
	}
	keys := pinyinKeys(ts)
	slices.SortFunc(ts, func(a, b string) int { return compareCoded(tcode[a], tcode[b], keys[a], keys[b]) })
	return ts
}

// compareCoded puts coded before uncoded, codes in order, then pinyin keys.
func compareCoded(ca, cb, ka, kb string) int {
	switch {
	case ca != "" && cb == "":
		return -1
	case ca == "" && cb != "":
		return 1
	case ca != cb:
		return strings.Compare(ca, cb)
	}
	return strings.Compare(ka, kb)
}

// CompareTownships orders two township names: known ones by rank, then the others by pinyin.
func (o VillageOrder) CompareTownships(a, b string) int {
	if a == b {
		return 0
	}
	ra, oka := o.township[a]
	rb, okb := o.township[b]
	switch {
	case oka && okb:
		return ra - rb
	case oka:
		return -1
	case okb:
		return 1
	}
	return ComparePinyin(a, b)
}

// Compare orders two villages, each given by township and name: townships first, then the
// villages within one.
func (o VillageOrder) Compare(townshipA, villageA, townshipB, villageB string) int {
	if c := o.CompareTownships(townshipA, townshipB); c != 0 {
		return c
	}
	if villageA == villageB {
		return 0
	}
	ra, oka := o.village[VillageKey{townshipA, villageA}]
	rb, okb := o.village[VillageKey{townshipB, villageB}]
	switch {
	case oka && okb:
		return ra - rb
	case oka:
		return -1
	case okb:
		return 1
	}
	return ComparePinyin(villageA, villageB)
}

// SortVillages sorts vs in place in the official order of VillageOrder.
func SortVillages(vs []Village) {
	o := NewVillageOrder(vs)
	slices.SortStableFunc(vs, func(a, b Village) int { return o.Compare(a.Township, a.Name, b.Township, b.Name) })
}

// SortTownshipNames sorts township names in the official order of o.
func (o VillageOrder) SortTownshipNames(names []string) {
	slices.SortStableFunc(names, o.CompareTownships)
}

// collators are reused: a collate.Collator is not safe for concurrent use.
var collators = sync.Pool{New: func() any { return collate.New(language.Chinese) }}

// ComparePinyin compares two names as a Chinese reader sorts them, by pinyin.
func ComparePinyin(a, b string) int {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	return c.CompareString(a, b)
}

// pinyinKeys are the collation keys of names, as strings comparable with strings.Compare.
func pinyinKeys(names []string) map[string]string {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	var buf collate.Buffer
	keys := make(map[string]string, len(names))
	for _, n := range names {
		if _, ok := keys[n]; !ok {
			keys[n] = string(c.KeyFromString(&buf, n))
			buf.Reset()
		}
	}
	return keys
}
