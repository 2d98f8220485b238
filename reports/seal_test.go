package reports

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"liangwei/data"
)

// sealedSummary is the summary of ledger48 drawn by its Kind, sealed.
func sealedSummary(t *testing.T, l data.Ledger) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Summary.Write(&buf, l, Options{Round: 2026, Township: "城关镇", Date: reportDate}, testMeta); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSealReadsBack(t *testing.T) {
	l := ledger48()
	raw := sealedSummary(t, l)
	s, err := ReadSeal(raw)
	if err != nil {
		t.Fatal(err)
	}
	want := data.TakePrint(l, []string{"城关镇"})
	if s.Kind != "summary" || s.Round != 2026 || !s.Date.Equal(reportDate) || s.Print.Sum != want.Sum {
		t.Fatalf("seal = %+v, want the print %s", s, want.Sum)
	}
	if d := data.ComparePrints(s.Print, want); len(d) != 0 {
		t.Errorf("same data differs: %v", d)
	}
	l.Elections[5].Participants--
	d := data.ComparePrints(s.Print, data.TakePrint(l, []string{"城关镇"}))
	if len(d) != 1 || !strings.Contains(d[0].String(), "城关镇：换届") {
		t.Errorf("changed data: %v", d)
	}
	if !bytes.Equal(raw, sealedSummary(t, ledger48())) {
		t.Errorf("two renders of the same data differ")
	}
}

// TestSealFooterText: every page shows the fingerprint, the last one the block beside the QR
// code; a report of several parts keeps the seal in its metadata.
func TestSealFooterText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	defer func(n int) { partPages = n }(partPages)
	partPages = 1
	l := ledger48()
	var buf bytes.Buffer
	if _, err := Detail.Write(&buf, l, Options{Round: 2026, Township: "城关镇", Date: reportDate}, testMeta); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	short := data.TakePrint(l, []string{"城关镇"}).Short()
	text := pdfTextOf(t, raw)
	pages := strings.Split(text, "\f")
	n := 0
	for _, p := range pages {
		if strings.TrimSpace(p) == "" {
			continue
		}
		n++
		if !strings.Contains(p, "数据指纹："+short) {
			t.Errorf("page %d lacks the fingerprint %s:\n%s", n, short, p)
		}
	}
	if n < 2 {
		t.Fatalf("want a report of several pages, got %d", n)
	}
	if !strings.Contains(text, "liangwei-cli verify") {
		t.Errorf("no explanation of the fingerprint")
	}
	if s, err := ReadSeal(raw); err != nil || s.Print.Sum != data.TakePrint(l, []string{"城关镇"}).Sum {
		t.Errorf("seal of a report in parts: %+v, %v", s, err)
	}
	if zbar, err := exec.LookPath("zbarimg"); err == nil {
		checkQR(t, zbar, raw, data.TakePrint(l, []string{"城关镇"}).Sum)
	}
}

// checkQR renders the last page and decodes its QR code.
func checkQR(t *testing.T, zbar string, raw []byte, sum string) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "r.pdf")
	if err := os.WriteFile(pdf, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "150", "-l", "99", pdf, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "p*.png"))
	out, _ := exec.Command(zbar, append([]string{"-q", "--raw"}, pngs...)...).Output()
	if !strings.Contains(string(out), "LWTZ1 DETAIL 2026 20261125 1 "+strings.ToUpper(sum)) {
		t.Errorf("QR code reads %q, want the sum %s", out, sum)
	}
}

func TestReadSealRefuses(t *testing.T) {
	raw := sealedSummary(t, ledger48())
	var other bytes.Buffer
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.SetFont("Helvetica", "", 12)
	p.Cell(40, 10, "another program")
	if err := p.Output(&other); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		raw  []byte
		want error
	}{
		{"not a PDF", []byte("PK\x03\x04 a workbook"), ErrNotPDF},
		{"cut short", raw[:len(raw)*2/3], ErrDamagedPDF},
		{"cut at the end", raw[:len(raw)-40], ErrDamagedPDF},
		{"another program", other.Bytes(), ErrNoSeal},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := ReadSeal(c.raw); !errors.Is(err, c.want) {
				t.Errorf("err = %v, want %v", err, c.want)
			}
		})
	}
	// Keywords altered by hand: still ours, but not a seal that reads.
	bad := bytes.Replace(raw, []byte("/Keywords ("), []byte("/Keywords (x"), 1)
	if _, err := ReadSeal(bad); err == nil {
		t.Errorf("altered keywords read")
	}
}

// pdfTextOf is the text pdftotext extracts, pages separated by form feeds.
func pdfTextOf(t *testing.T, raw []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(f, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestSealedSummaryGolden pins the sealed summary (footer, QR code, metadata) byte for byte;
// after an intended change look at the new file and run `go test ./reports -update`.
func TestSealedSummaryGolden(t *testing.T) {
	checkGolden(t, "summary_sealed.pdf", sealedSummary(t, ledger48()))
}
