package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"testing"
)

// slowTokens is encoding/xml configured as scanSheet's slow path.
func slowTokens(b []byte) rawTokens {
	d := xml.NewDecoder(&runLimiter{r: bytes.NewReader(b)})
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d
}

// sameTokens checks that every token fastTokens gives for b is the one encoding/xml gives,
// up to the end or until the fast path gives up; at the end, encoding/xml must end too. It
// returns whether the fast path vouched for the whole part.
func sameTokens(t *testing.T, b []byte) bool {
	t.Helper()
	ft := newFastTokens(b)
	slow := slowTokens(b)
	for i := 0; ; i++ {
		got, err := ft.RawToken()
		if err == errSlowPath {
			return false
		}
		want, werr := slow.RawToken()
		if err == io.EOF {
			if werr != io.EOF {
				t.Fatalf("token %d: fast path ended, encoding/xml gives %#v, %v", i, want, werr)
			}
			return true
		}
		if werr != nil {
			t.Fatalf("token %d: fast path gives %#v, encoding/xml fails: %v", i, got, werr)
		}
		if !reflect.DeepEqual(normTok(got), normTok(want)) {
			t.Fatalf("token %d: fast path %#v, encoding/xml %#v", i, got, want)
		}
	}
}

// normTok makes tokens comparable: nil and empty attribute lists and texts are alike.
func normTok(tok xml.Token) any {
	switch t := tok.(type) {
	case xml.StartElement:
		if len(t.Attr) == 0 {
			t.Attr = nil
		}
		return t
	case xml.CharData:
		return string(t)
	}
	return tok
}

// scanBoth runs scanSheet's loop over b through both tokenizers; when the fast one vouches
// for b, the sheet scans must be the same, errors included.
func scanBoth(t *testing.T, b []byte) {
	t.Helper()
	got, gerr := scanTokens(newFastTokens(b), "两委成员", nil, true)
	if errors.Is(gerr, errSlowPath) {
		return
	}
	want, werr := scanTokens(slowTokens(b), "两委成员", nil, true)
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gerr, werr) {
		t.Fatalf("fast scan %+v, %v; encoding/xml's %+v, %v", got, gerr, want, werr)
	}
}

var tokSeeds = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet xmlns="http://x" xmlns:r="http://r"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>乡镇</t></is></c><c r="B1" s="1"><v>2026</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><f>SUM(A1)</f></c><c r="C2" t="str"><f>A1</f><v>x</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>`,
	`<worksheet><sheetData><row><c><v>a &amp; b &lt;&gt; &quot;&apos; &#38; &#x41;</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="3" spans = '1:2' ><c r='A3' t="inlineStr"><is><r><t>a</t></r><r><rPr/><t xml:space="preserve"> b </t></r></is></c></row></sheetData></worksheet>`,
	`<a><b></a></b>`,
	`<a></a><b/>`,
	`<a x="1" x="2"/>`,
	`<a>text</a>trailing`,
	`<a x=1/>`,
	`<a><!-- c --></a>`,
	`<a><![CDATA[x]]></a>`,
	"<a>\r\n</a>",
	`<a>&unknown;</a>`,
	`<a>&#0;</a>`,
	`<a:b:c/>`,
	`<a b="<"/>`,
	`<?xml version="1.1"?><a/>`,
	"\ufeff<a/>",
	`<a>]]></a>`,
	`<a`,
	`</a>`,
	`<a></b>`,
	`<a x="&#xD;"/>`,
	`<a>&#1114111;&#x10FFFF;&#65534;</a>`,
}

// FuzzFastTokens: whatever the bytes, the fast tokenizer gives encoding/xml's tokens or
// gives up, and a sheet it vouches for scans as encoding/xml's does.
func FuzzFastTokens(f *testing.F) {
	for _, s := range tokSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		sameTokens(t, b)
		scanBoth(t, b)
	})
}

// TestFastTokensSeeds runs the seeds, and checks the fast path takes the parts real
// workbooks are made of.
func TestFastTokensSeeds(t *testing.T) {
	for _, s := range tokSeeds {
		sameTokens(t, []byte(s))
		scanBoth(t, []byte(s))
	}
	for _, s := range tokSeeds[:3] {
		if !sameTokens(t, []byte(s)) {
			t.Errorf("fast path gave up on %q", s)
		}
	}
}

// TestFastTokensWorkbooks: every worksheet of the generated workbooks (the ledger export,
// and the test corpus) is taken by the fast path, and scans exactly as by encoding/xml.
func TestFastTokensWorkbooks(t *testing.T) {
	paths, _ := filepath.Glob("testdata/corpus/*.xlsx")
	fx := goodLedger(12)
	paths = append(paths, writeXLSX(t, t.TempDir(), "城关镇.xlsx", fx.sheets()...))
	fast := 0
	for _, p := range paths {
		zr, err := zip.OpenReader(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if filepath.Dir(f.Name) != "xl/worksheets" {
				continue
			}
			b, ok := readSmallPart(f)
			if !ok {
				t.Fatalf("%s %s: not read", p, f.Name)
			}
			if sameTokens(t, b) {
				fast++
			} else {
				t.Logf("%s %s: slow path", filepath.Base(p), f.Name)
			}
			scanBoth(t, b)
		}
		zr.Close()
	}
	if fast == 0 {
		t.Error("no worksheet took the fast path")
	}
}
