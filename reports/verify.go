package reports

import (
	"context"
	"fmt"
	"strings"

	"liangwei/data"
)

// LedgerReader is what Verify reads of a store: the round's ledger. data.Store satisfies it.
type LedgerReader interface {
	Ledger(ctx context.Context, round int) (data.Ledger, error)
}

// Verdict is the outcome of verifying a PDF against a database.
type Verdict struct {
	Seal Seal             // what the PDF says
	Now  data.Fingerprint // the same scope's fingerprint in the database
	// Diffs are the townships whose data differ, with the sheets; empty when 一致.
	Diffs []data.PrintDiff
}

// Match reports whether the PDF shows the data in the database.
func (v Verdict) Match() bool { return len(v.Diffs) == 0 && v.Now.Sum == v.Seal.Print.Sum }

// Title names the report the PDF is: 换届完成情况汇总表（2026年，城关镇，填报日期 2026-11-25）.
func (v Verdict) Title() string {
	title := v.Seal.Kind
	if k, ok := KindNamed(v.Seal.Kind); ok {
		title = k.Title
	}
	s := fmt.Sprintf("%s（%d年，%s", title, v.Seal.Round, v.Seal.ScopeText())
	if !v.Seal.Date.IsZero() {
		s += "，填报日期 " + data.FormatDate(v.Seal.Date)
	}
	return s + "）"
}

// Verifications are the verdict as the store keeps it, one per township of the PDF.
func (v Verdict) Verifications(file string) []data.Verification {
	diff := map[string]string{}
	for _, d := range v.Diffs {
		diff[d.Township] = d.String()
	}
	out := make([]data.Verification, 0, len(v.Seal.Print.Townships))
	for _, t := range v.Seal.Print.Townships {
		x := data.Verification{Township: t.Township, File: file, Kind: v.Seal.Kind, Round: v.Seal.Round, Result: data.VerifyMatch}
		if d, ok := diff[t.Township]; ok {
			x.Result, x.Detail = data.VerifyMismatch, d
		}
		out = append(out, x)
	}
	return out
}

// Verify reads the seal of the PDF raw and recomputes its fingerprint from the round's
// ledger in st. A PDF that is not a report of this program, is damaged, or names a township
// the database does not have is an error (in Chinese); a difference in the data is not, it
// is the verdict's Diffs.
func Verify(ctx context.Context, st LedgerReader, raw []byte) (Verdict, error) {
	s, err := ReadSeal(raw)
	if err != nil {
		return Verdict{}, err
	}
	l, err := st.Ledger(ctx, s.Round)
	if err != nil {
		return Verdict{}, fmt.Errorf("读取%d年台账失败：%w", s.Round, err)
	}
	have := map[string]bool{}
	for _, t := range l.Townships {
		have[t.Name] = true
	}
	var missing []string
	for _, n := range s.Print.Names() {
		if !have[n] {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return Verdict{}, fmt.Errorf("PDF所涉及的乡镇“%s”在本数据库中没有，无法核验：请先导入该乡镇报送的工作簿，或打开汇总了它的数据库", strings.Join(missing, "、"))
	}
	now := data.TakePrint(l, s.Print.Names())
	return Verdict{Seal: s, Now: now, Diffs: data.ComparePrints(s.Print, now)}, nil
}
