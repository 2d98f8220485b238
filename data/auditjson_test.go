package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// refAuditValue is AuditValue as it was written before AppendAudit (through each field's
// boxed value and encoding/json): the reference the fast writer is held to, byte for byte.
func refAuditValue[R any](k *Kind[R], r *R) string {
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for i := range k.Fields {
		f := &k.Fields[i]
		v := f.get(r)
		if f.Optional && FormatValue(v) == "" {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		h, _ := json.Marshal(f.Header)
		b.Write(h)
		b.WriteByte(':')
		switch v := v.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case float64:
			n, _ := json.Marshal(v)
			b.Write(n)
		default:
			s, _ := json.Marshal(FormatValue(v))
			b.Write(s)
		}
	}
	b.WriteByte('}')
	return b.String()
}

// refTakePrint is TakePrint as it was written before (every audit value a string, hashed
// and sorted as strings), with refAuditValue's values: the reference of the fingerprint.
func refTakePrint(values map[string]map[KindCode][]string) Fingerprint {
	var ts []TownshipPrint
	for name, kinds := range values {
		var sheets []SheetPrint
		for _, k := range Descriptions {
			code := k.Info().Code
			var ds []string
			for _, v := range kinds[code] {
				d := sha256.Sum256([]byte(v))
				ds = append(ds, string(d[:]))
			}
			sort.Strings(ds)
			h := sha256.New()
			h.Write([]byte("liangwei-sheet/1\n" + string(code) + "\n"))
			for _, d := range ds {
				h.Write([]byte(d))
			}
			sheets = append(sheets, SheetPrint{Kind: code, Count: len(ds), Sum: hex.EncodeToString(h.Sum(nil))})
		}
		h := sha256.New()
		fmt.Fprintf(h, "liangwei-township/1\n%s\n", name)
		for _, s := range sheets {
			if s.Count > 0 {
				fmt.Fprintf(h, "%s %d %s\n", s.Kind, s.Count, s.Sum)
			}
		}
		ts = append(ts, TownshipPrint{Township: name, Sum: hex.EncodeToString(h.Sum(nil)), Sheets: sheets})
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Township < ts[j].Township })
	all := sha256.New()
	all.Write([]byte("liangwei-print/1\n"))
	for _, t := range ts {
		fmt.Fprintf(all, "%s\x00%s\n", t.Township, t.Sum)
	}
	return Fingerprint{Sum: hex.EncodeToString(all.Sum(nil)), Townships: ts}
}

// hostile are strings encoding/json escapes or that a fast path could get wrong.
var hostile = []string{"", " ", "城关镇", "王家庄村（一组）", "a\"b", `a\b`, "<b>&", "\u2028", "x\u2029y",
	"\x00", "\x1f\t\n\r\b\f", "\x7f", "\xff\xfe", "\xe2\x80", "\xe2\x80\xa8", "\xe2\x80\xa9\xe2", "€", "🙂",
	"𠮷野家", "\ufffd", "\xed\xa0\x80", "退役军人、致富能手", "a,b;c", "、", "  两 端 ", "\u3000", "—", "是", "否",
	"2026-03-01", "0", "-1", "1e21", "null", "{}", "已完成", "书记", "村委会", "\"", "\\u0000"}

// auditGen makes hostile field values.
type auditGen struct{ r *rand.Rand }

func (g auditGen) str() string {
	switch g.r.Intn(4) {
	case 0:
		b := make([]byte, g.r.Intn(12))
		g.r.Read(b)
		return string(b)
	case 1:
		return hostile[g.r.Intn(len(hostile))] + hostile[g.r.Intn(len(hostile))]
	}
	return hostile[g.r.Intn(len(hostile))]
}

func (g auditGen) int() int {
	return []int{0, 1, -1, 2026, 255, 256, math.MaxInt64, math.MinInt64, g.r.Int(), -g.r.Intn(1000)}[g.r.Intn(10)]
}

func (g auditGen) float() float64 {
	return []float64{0, math.Copysign(0, -1), 0.1, 120.5, 1e-6, 9.99e-7, 1e-7, 1e20, 1e21, 123456789.125, -3.5,
		math.MaxFloat64, math.SmallestNonzeroFloat64, math.NaN(), math.Inf(1), g.r.Float64() * 1e6, g.r.NormFloat64()}[g.r.Intn(17)]
}

func (g auditGen) time() time.Time {
	east := time.FixedZone("CST", 8*3600)
	return []time.Time{{}, time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(-5, 6, 7, 0, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 1, time.UTC),
		time.Date(2026, 11, 25, 23, 30, 0, 0, east), time.Date(1949, 10, 1, 0, 0, 0, 0, time.Local),
		time.Unix(g.r.Int63n(1<<40)-1<<39, 0).UTC()}[g.r.Intn(10)]
}

func (g auditGen) tags() []string {
	var out []string
	for range g.r.Intn(4) {
		out = append(out, []string{"退役军人", "致富能手", "", "a、b", "x y", "退役军人", g.str()}[g.r.Intn(7)])
	}
	if out == nil && g.r.Intn(2) == 0 {
		out = []string{}
	}
	return out
}

// fill sets every field of r to a hostile value (an enum sometimes to one of its own).
func fill[R any](k *Kind[R], r *R, g auditGen) {
	for i := range k.Fields {
		f := &k.Fields[i]
		switch p := f.Addr(r).(type) {
		case *string:
			*p = g.str()
		case *int:
			*p = g.int()
		case *float64:
			*p = g.float()
		case *bool:
			*p = g.r.Intn(2) == 0
		case *time.Time:
			*p = g.time()
		case *[]string:
			*p = g.tags()
		default:
			s := g.str()
			if len(f.Values) > 0 && g.r.Intn(2) == 0 {
				s = f.Values[g.r.Intn(len(f.Values))]
			}
			reflect.ValueOf(p).Elem().SetString(s)
		}
	}
}

// checkAudits holds n hostile records of k to the reference and adds them to l and to
// values (per township, for refTakePrint).
func checkAudits[R any](t *testing.T, k *Kind[R], g auditGen, n int, l *Ledger, values map[string]map[KindCode][]string) {
	t.Helper()
	towns := []string{"城关镇", "东城街道", "a\"b", "\xff", ""}
	tf := k.townshipField()
	var buf []byte
	for range n {
		var r R
		fill(k, &r, g)
		*tf.addr(&r).(*string) = towns[g.r.Intn(len(towns))]
		want := refAuditValue(k, &r)
		if got := k.AuditValue(&r); got != want {
			t.Fatalf("%s: AuditValue =\n%q\nwant\n%q", k.Name, got, want)
		}
		buf = k.AppendAudit(buf[:len(buf)/2], &r) // appends after what b holds
		if got := string(buf[len(buf)-len(want):]); got != want {
			t.Fatalf("%s: AppendAudit = %q, want %q", k.Name, got, want)
		}
		*k.Records(l) = append(*k.Records(l), r)
		town := *tf.addr(&r).(*string)
		if values[town] == nil {
			values[town] = map[KindCode][]string{}
		}
		values[town][k.Code] = append(values[town][k.Code], want)
	}
}

// auditAll checks every kind; it fails when a kind of Descriptions is not listed.
func auditAll(t *testing.T, g auditGen, n int) (Ledger, map[string]map[KindCode][]string) {
	var l Ledger
	values := map[string]map[KindCode][]string{}
	checkAudits(t, TownshipDesc, g, n, &l, values)
	checkAudits(t, VillageDesc, g, n, &l, values)
	checkAudits(t, ElectionDesc, g, n, &l, values)
	checkAudits(t, MemberDesc, g, n, &l, values)
	checkAudits(t, PartyOrgDesc, g, n, &l, values)
	checkAudits(t, LeadershipDesc, g, n, &l, values)
	checkAudits(t, ComplaintDesc, g, n, &l, values)
	checkAudits(t, TalkDesc, g, n, &l, values)
	checkAudits(t, CandidateDesc, g, n, &l, values)
	checkAudits(t, SupervisorDesc, g, n, &l, values)
	checkAudits(t, ChangeDesc, g, n, &l, values)
	checkAudits(t, AuditDesc, g, n, &l, values)
	checkAudits(t, DevelopmentDesc, g, n, &l, values)
	checkAudits(t, CommendationDesc, g, n, &l, values)
	if len(Descriptions) != 14 {
		t.Fatalf("%d kinds described; list the new ones above", len(Descriptions))
	}
	return l, values
}

// TestAppendAuditSame: the audit values and the fingerprint of hostile records are byte for
// byte those of the writer they replaced.
func TestAppendAuditSame(t *testing.T) {
	g := auditGen{rand.New(rand.NewSource(19))}
	for round := range 20 {
		l, values := auditAll(t, g, 1+round*10)
		got, want := TakePrint(l, nil), refTakePrint(values)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: TakePrint = %+v\nwant %+v", round, got, want)
		}
		var p PrintSum
		for _, k := range Descriptions {
			var one Ledger
			k.Copy(&one, &l)
			p.Add(one)
		}
		if p.Print().Sum != want.Sum {
			t.Fatalf("round %d: PrintSum differs from the reference", round)
		}
	}
}

// FuzzAppendAudit holds every kind's audit value of records made of the fuzzer's values to
// the reference.
func FuzzAppendAudit(f *testing.F) {
	for i, s := range hostile {
		f.Add(s, hostile[len(hostile)-1-i], int64(i))
	}
	f.Fuzz(func(t *testing.T, a, b string, seed int64) {
		save := hostile
		hostile = []string{a, b, a + b}
		defer func() { hostile = save }()
		auditAll(t, auditGen{rand.New(rand.NewSource(seed))}, 3)
	})
}
