package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"liangwei/demo"
)

// signaturePage is the index of the page holding 负责人：, failing the test when none or
// several do.
func signaturePage(t *testing.T, pages []string) int {
	t.Helper()
	at := -1
	for i, p := range pages {
		if strings.Contains(p, "负责人：") {
			if at >= 0 {
				t.Fatalf("负责人： on pages %d and %d", at+1, i+1)
			}
			at = i
		}
	}
	if at < 0 {
		t.Fatal("no page holds the signature block")
	}
	return at
}

// TestSignatureKeptWithRows: whatever the number of rows, the signature block shares its
// page with table rows (the last ones), and every row is drawn once.
func TestSignatureKeptWithRows(t *testing.T) {
	row := regexp.MustCompile(`行\d{3}`)
	for n := 1; n <= 75; n++ {
		var buf bytes.Buffer
		err := render(&buf, Portrait, "测试", testMeta, func(d *doc) {
			d.title("信访举报受理情况台账")
			tb := d.beginTable([]Column{{Header: "序号", Width: 12, Align: "R"}, {Header: "编号", Width: 30}, {Header: "内容摘要"}})
			for i := 1; i <= n; i++ {
				tb.row([]string{fmt.Sprint(i), fmt.Sprintf("行%03d", i), "反映候选人请客吃饭拉票"}, colorWhite)
			}
			tb.end()
			d.signature()
		})
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, buf.Bytes())
		sig := signaturePage(t, pages)
		if !row.MatchString(pages[sig]) {
			t.Errorf("%d rows: the signature stands alone on page %d of %d:\n%s", n, sig+1, len(pages), pages[sig])
		}
		if !strings.Contains(pages[sig], fmt.Sprintf("行%03d", n)) {
			t.Errorf("%d rows: the last row is not on the signature's page %d", n, sig+1)
		}
		if got := len(row.FindAllString(strings.Join(pages, "\n"), -1)); got != n {
			t.Errorf("%d rows: %d drawn", n, got)
		}
	}
}

// TestReportsSignatureWithRows draws every report of the demo township and checks that the
// page with the signature block also holds rows of the report's ledger table (a line
// beginning with its 序号), not only figures: the demo's 信访举报台账 used to put it on page
// 2 with the totals by category alone.
func TestReportsSignatureWithRows(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	b := demo.Batch(today)
	rowLine := regexp.MustCompile(`(?m)^ ?\d+ \S`)
	for _, k := range Kinds {
		t.Run(k.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if _, err := k.Write(&buf, b, Options{Round: demo.Round(today), Date: today}, testMeta); err != nil {
				t.Fatal(err)
			}
			pages := pdfPages(t, buf.Bytes())
			sig := signaturePage(t, pages)
			body := strings.Split(pages[sig], "负责人：")[0]
			if !rowLine.MatchString(body) {
				t.Errorf("page %d of %d holds the signature without table rows:\n%s", sig+1, len(pages), pages[sig])
			}
		})
	}
}
