package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// twoTownships is fixture() with a second township beside it.
func twoTownships() Ledger {
	l := fixture()
	l.Townships = append(l.Townships, Township{Name: "东城街道", County: "青山县"})
	l.Villages = append(l.Villages, Village{Township: "东城街道", Name: "一社区", Kind: KindCommunity, Status: VillageActive})
	l.Elections = append(l.Elections, Election{Township: "东城街道", Village: "一社区", Round: 2026, Body: BodyParty, Status: StatusNotStarted})
	return l
}

func TestFingerprintShape(t *testing.T) {
	f := TakePrint(twoTownships(), nil)
	if got, want := f.Names(), []string{"东城街道", "城关镇"}; !slices.Equal(got, want) {
		t.Fatalf("townships = %v, want %v", got, want)
	}
	if !regexp.MustCompile(`^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$`).MatchString(f.Short()) {
		t.Errorf("Short() = %q", f.Short())
	}
	tp, _ := f.Township("城关镇")
	if len(tp.Sheets) != len(RecordKinds()) || tp.Sheet(CodeVillage).Count != 8 || tp.Sheet(CodeElection).Count != len(fixture().Elections) {
		t.Errorf("sheets of 城关镇 = %+v", tp.Sheets)
	}
}

// TestFingerprintOrderAndNeighbours: the order records are held in does not count, and a
// township's print is the same whatever other townships the ledger holds.
func TestFingerprintOrderAndNeighbours(t *testing.T) {
	alone := TakePrint(fixture(), []string{"城关镇"})
	l := twoTownships()
	slices.Reverse(l.Villages)
	slices.Reverse(l.Elections)
	both := TakePrint(l, nil)
	tp, _ := both.Township("城关镇")
	if tp.Sum != alone.Townships[0].Sum {
		t.Errorf("城关镇's sum changed with its neighbour or the order")
	}
	if got := TakePrint(l, []string{"城关镇"}); got.Sum != alone.Sum {
		t.Errorf("scope 城关镇: %s, alone %s", got.Sum, alone.Sum)
	}
	if both.Sum == alone.Sum {
		t.Errorf("two townships print as one")
	}
	if got := TakePrint(l.ForTownship("城关镇"), []string{"城关镇"}); got.Sum != alone.Sum {
		t.Errorf("ForTownship changes the print")
	}
}

func TestComparePrintsNamesTownshipAndSheet(t *testing.T) {
	was := TakePrint(twoTownships(), nil)
	l := twoTownships()
	l.Elections[0].Participants++
	l.Villages = l.Villages[1:]
	now := TakePrint(l, nil)
	diffs := ComparePrints(was, now)
	if len(diffs) != 1 || diffs[0].Township != "城关镇" {
		t.Fatalf("diffs = %v", diffs)
	}
	got := diffs[0].String()
	for _, want := range []string{"城关镇：", "村庄（原 8 条，现有 7 条）", "换届（14 条，内容有改动）"} {
		if !strings.Contains(got, want) {
			t.Errorf("diff %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "两委成员") {
		t.Errorf("diff %q names an unchanged sheet", got)
	}
	// Sheet sums shortened as a report keeps them still name the sheets.
	short := was
	short.Townships = slices.Clone(was.Townships)
	for i := range short.Townships {
		tp := &short.Townships[i]
		tp.Sheets = slices.Clone(tp.Sheets)
		for j := range tp.Sheets {
			tp.Sheets[j].Sum = tp.Sheets[j].Sum[:16]
		}
	}
	if d := ComparePrints(short, now); len(d) != 1 || len(d[0].Sheets) != 2 {
		t.Errorf("short diffs = %v", d)
	}
	if d := ComparePrints(short, was); len(d) != 0 {
		t.Errorf("same data, short sums: %v", d)
	}
}

func TestFilePrints(t *testing.T) {
	l := twoTownships()
	f := TakePrint(l, nil)
	declared := map[string]string{}
	for _, tp := range f.Townships {
		declared[tp.Township] = tp.Sum
	}
	l.Villages[0].Population++ // 城关镇 edited after export
	got := FilePrints(l, declared)
	if len(got) != 2 || got[0].State() != PrintIntact || got[1].State() != PrintModified {
		t.Errorf("FilePrints = %+v", got)
	}
	if s := (FilePrint{Township: "x", Actual: "y"}).State(); s != PrintNone {
		t.Errorf("no declared sum: %s", s)
	}
}

// TestAppendJSONStringAsEncodingJSON: the fast path writes what encoding/json writes.
func TestAppendJSONStringAsEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "城关镇", "a\"b", `c\d`, "<x>&", "tab\there", "line\u2028sep", "bad\xffutf8", "王家庄村（一组）", "镕堃赟喆"} {
		got := appendJSONString(nil, s)
		want, _ := json.Marshal(s)
		if string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

// TestFingerprintCoversEveryKind: every record kind is in the fingerprint (it loops over
// Descriptions), and a kind with no records leaves a township's sum as it was: a version of the
// program that knows more kinds prints the same fingerprint for the same records.
func TestFingerprintCoversEveryKind(t *testing.T) {
	l := Ledger{Townships: []Township{{Name: "城关镇"}}}
	p := TakePrint(l, nil).Townships[0]
	if len(p.Sheets) != len(RecordKinds()) {
		t.Errorf("%d sheets printed, %d record kinds", len(p.Sheets), len(RecordKinds()))
	}
	h := sha256.New()
	fmt.Fprintf(h, "liangwei-township/1\n%s\n", "城关镇")
	fmt.Fprintf(h, "%s %d %s\n", CodeTownship, 1, p.Sheet(CodeTownship).Sum)
	if want := hex.EncodeToString(h.Sum(nil)); p.Sum != want {
		t.Errorf("township sum %s, want %s (the empty kinds must add nothing)", p.Sum, want)
	}
	for _, k := range RecordKinds() {
		if k.Code != CodeTownship && p.Sheet(k.Code).Count != 0 {
			t.Errorf("%s counted", k.Code)
		}
	}
}
