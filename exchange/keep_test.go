package exchange

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"liangwei/data"
)

// dropColumns returns rows without the columns at idx.
func dropColumns(rows [][]any, idx ...int) [][]any {
	out := make([][]any, len(rows))
	for i, row := range rows {
		for j, v := range row {
			if !slices.Contains(idx, j) {
				out[i] = append(out[i], v)
			}
		}
	}
	return out
}

// A workbook whose 换届 sheet has no 应参加人数 and 实参加人数 columns changes neither field:
// its rows are checked with the stored values (a completed election with no turnout would
// break the quorum rules), the preview names the absent columns, the dry run lists the one
// change it holds and writes nothing, and the import keeps the stored figures.
func TestImportWithoutColumnsKeepsStored(t *testing.T) {
	st := openStore(t)
	dir := t.TempDir()
	fx := goodTownship(12)
	if _, _, err := Import(ctx, st, writeXLSX(t, dir, "城关镇.xlsx", fx.sheets()...), "", today); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, st)
	auditBefore, _ := st.AuditLog(ctx, data.AuditFilter{})

	rows := dropColumns(fx.election.rows, 7, 8) // 应参加人数, 实参加人数
	rows[1][8] = 8                              // 张家庄村 党组织: 候选人数 6 → 8 (column 10 before the drop)
	path := writeXLSX(t, dir, "城关镇-换届.xlsx", sheetData{"换届", rows})

	p, plan, err := DryRun(ctx, st, path, "", today)
	if err != nil {
		t.Fatalf("DryRun: %v\n%v", err, p.Issues.Errors())
	}
	if got := p.Absent["换届"]; !slices.Equal(got, []string{"应参加人数", "实参加人数"}) {
		t.Errorf("Preview.Absent[换届] = %v, want 应参加人数 and 实参加人数", got)
	}
	if w, ok := findIssue(p.Issues, "换届", 1, "应参加人数"); !ok || !strings.Contains(w.Message, "保留原值") {
		t.Errorf("warning of the absent column = %+v, %v; want one saying the stored values are kept", w, ok)
	}
	if want := (data.ImportResult{Updated: 1, Unchanged: 23}); plan.ImportResult != want {
		t.Errorf("dry run = %+v, want %+v", plan.ImportResult, want)
	}
	if len(plan.Changes) != 1 || plan.Changes[0].String() != "城关镇/张家庄村/2026/党组织 候选人数：6 → 8" {
		t.Errorf("dry run changes = %v, want only 张家庄村's 候选人数", plan.Changes)
	}
	auditAfter, _ := st.AuditLog(ctx, data.AuditFilter{})
	if len(auditAfter) != len(auditBefore) {
		t.Errorf("dry run wrote %d audit rows", len(auditAfter)-len(auditBefore))
	}
	sameBatch(t, snapshot(t, st), before)

	_, res, err := Import(ctx, st, path, "", today)
	if err != nil || res != (data.ImportResult{Updated: 1, Unchanged: 23}) {
		t.Fatalf("Import = %+v, %v", res, err)
	}
	es, _ := st.Elections(ctx, 2026)
	for _, e := range es {
		if e.Village == "张家庄村" && e.Body == data.BodyParty && (e.Eligible != 40 || e.Participants != 38 || e.Candidates != 8) {
			t.Errorf("张家庄村 党组织 = 应参加 %d 实参加 %d 候选 %d, want 40, 38 kept and 8", e.Eligible, e.Participants, e.Candidates)
		}
		if e.Eligible == 0 {
			t.Errorf("%s %s: 应参加人数 zeroed by a file without the column", e.Village, e.Body)
		}
	}
}

// A dry run of a file with errors is refused like the import, and one that blanks stored
// values lists them.
func TestDryRunBlanks(t *testing.T) {
	st := openStore(t)
	dir := t.TempDir()
	fx := goodTownship(3)
	if _, _, err := Import(ctx, st, writeXLSX(t, dir, "城关镇.xlsx", fx.sheets()...), "", today); err != nil {
		t.Fatal(err)
	}
	fx.township.rows[1][3] = nil // 联系电话 left empty
	_, plan, err := DryRun(ctx, st, writeXLSX(t, dir, "b.xlsx", fx.sheets()...), "", today)
	if err != nil {
		t.Fatal(err)
	}
	if bl := plan.Blanked(); len(bl) != 1 || bl[0].String() != "城关镇 联系电话：0534-1234567 → （空）" {
		t.Errorf("Blanked = %v, want 城关镇's 联系电话", bl)
	}
	fx.village.rows[1][3] = -5
	if _, _, err := DryRun(ctx, st, writeXLSX(t, dir, "c.xlsx", fx.sheets()...), "", today); !errors.Is(err, ErrRejected) {
		t.Errorf("DryRun of a file with an error: err = %v, want ErrRejected", err)
	}
}
