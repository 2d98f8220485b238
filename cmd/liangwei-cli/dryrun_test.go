package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// withoutColumn returns rows without the column at col.
func withoutColumn(rows [][]any, col int) [][]any {
	out := make([][]any, len(rows))
	for i, row := range rows {
		out[i] = slices.Delete(slices.Clone(row), col, col+1)
	}
	return out
}

// A 换届 sheet without 应参加人数 and with one record changed: --dry-run lists the absent
// column, the counts and the changes, warns of the value it would blank, and writes
// nothing; the import then keeps every stored 应参加人数.
func TestImportDryRunWithoutColumn(t *testing.T) {
	db, dir := importedHexi(t)
	rows := withoutColumn(hexiWorkbook()["换届"], 7) // 应参加人数
	rows[1][7] = 96                                // 河西01村 党组织: 实参加人数 95 → 96
	rows[1][9] = nil                               // …and 候选人数 6 left blank
	path := filepath.Join(dir, "河西镇-换届.xlsx")
	writeWorkbook(t, path, []string{"换届"}, sheets{"换届": rows})

	statsBefore := mustRun(t, "--db", db, "stats", "--json")
	auditBefore := mustRun(t, "--db", db, "audit", "--limit", "0")
	code, out, errOut := runCLI(t, "--db", db, "import", "--dry-run", path)
	if code != 0 {
		t.Fatalf("import --dry-run: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	for _, want := range []string{
		"河西镇-换届.xlsx（预演，未写入）：将新增 0，更新 1，未变 96",
		"换届：文件中没有“应参加人数”列，已有记录的这些项保留原值",
		"河西镇/河西01村/2026/党组织 实参加人数：95 → 96",
		"河西镇/河西01村/2026/党组织 候选人数：6 → 0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if want := "警告 河西镇-换届.xlsx：河西镇/河西01村/2026/党组织 候选人数：6 → 0（已有的值将被清空）"; !strings.Contains(errOut, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut)
	}
	if strings.Contains(errOut, "实参加人数：95") {
		t.Errorf("a changed figure that is not blanked is warned of:\n%s", errOut)
	}
	if after := mustRun(t, "--db", db, "stats", "--json"); after != statsBefore {
		t.Errorf("dry run changed the figures:\nbefore %s\nafter %s", statsBefore, after)
	}
	if after := mustRun(t, "--db", db, "audit", "--limit", "0"); after != auditBefore {
		t.Errorf("dry run wrote to the audit log:\nbefore %s\nafter %s", auditBefore, after)
	}

	out = mustRun(t, "--db", db, "import", path)
	for _, want := range []string{"河西镇-换届.xlsx：新增 0，更新 1，未变 96", "换届：文件中没有“应参加人数”列"} {
		if !strings.Contains(out, want) {
			t.Errorf("import printed %q, want %q", out, want)
		}
	}
	got := statsJSON(t, db)
	want := wantHexiParty
	want.Voted++
	want.Turnout = 94.28 // 4431/4700
	if got.PartyOrg != want || got.Committee != wantHexiCommittee {
		t.Errorf("after the import: party %+v committee %+v; want 应参加 kept (party %+v)", got.PartyOrg, got.Committee, want)
	}
}
