package exchange

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
	"liangwei/data/sqlite"
)

// today is the reference date of every test.
var today = time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)

var ctx = context.Background()

// sheetData is one sheet of a generated workbook: row 1 is the header.
type sheetData struct {
	name string
	rows [][]any
}

// writeXLSX writes a workbook with the sheets in order and returns its path.
func writeXLSX(t testing.TB, dir, name string, sheets ...sheetData) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		var err error
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.name)
		} else {
			_, err = f.NewSheet(s.name)
		}
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.name, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

var (
	townshipHeader = []any{"乡镇", "县区", "联系人", "联系电话"}
	villageHeader  = []any{"乡镇", "村名", "类型", "户数", "人口", "区划代码", "状态"}
	electionHeader = []any{"乡镇", "村名", "届次", "组织", "状态", "完成日期", "一次选举成功", "应参加人数", "实参加人数", "应选职数", "候选人数", "当选人数", "未完成原因"}
)

// fixture is a believable township of n villages with both elections of round 2026, and the
// figures counted by hand from the rules that generate it.
type fixture struct {
	township, village, election sheetData
	villages                    int
	partyDone, committeeDone    int
	partyOneTime, commOneTime   int
}

var surnames = []string{"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"}
var suffixes = []string{"家庄", "家洼", "家岭", "家营", "家屯"}

func villageName(i int) string { return surnames[i%10] + suffixes[i/10%5] + "村" }

// goodTownship builds the 城关镇 fixture with n ≤ 50 villages: every 25th village's party
// election is still in progress, every 10th village's committee election failed, every 7th
// completed election needed a second ballot.
func goodTownship(n int) fixture {
	fx := fixture{villages: n}
	fx.township = sheetData{"乡镇", [][]any{townshipHeader, {"城关镇", "平原县", "王珺", "0534-1234567"}}}
	fx.village = sheetData{"村庄", [][]any{villageHeader}}
	fx.election = sheetData{"换届", [][]any{electionHeader}}
	for i := 0; i < n; i++ {
		name := villageName(i)
		kind := "村"
		if i%12 == 11 {
			kind = "社区"
		}
		fx.village.rows = append(fx.village.rows, []any{"城关镇", name, kind, 200 + i, 700 + 3*i, fmt.Sprintf("3714261%05d", i+1), "正常"})

		one := "是"
		if i%7 == 3 {
			one = "否"
		}
		if i%25 == 24 {
			fx.election.rows = append(fx.election.rows, []any{"城关镇", name, 2026, "党组织", "进行中", nil, nil, 40 + i, nil, 5, nil, nil, nil})
		} else {
			fx.partyDone++
			if one == "是" {
				fx.partyOneTime++
			}
			fx.election.rows = append(fx.election.rows, []any{"城关镇", name, 2026, "党组织", "已完成", fmt.Sprintf("2026-03-%02d", 1+i%28), one, 40 + i, 38 + i, 5, 6, 5, nil})
		}
		if i%10 == 9 {
			fx.election.rows = append(fx.election.rows, []any{"城关镇", name, 2026, "村委会", "未完成", nil, nil, 600 + i, nil, 5, nil, nil, "候选人资格争议，待重新推选"})
		} else {
			fx.committeeDone++
			if one == "是" {
				fx.commOneTime++
			}
			fx.election.rows = append(fx.election.rows, []any{"城关镇", name, 2026, "村委会", "已完成", fmt.Sprintf("2026/4/%d", 1+i%28), one, 600 + i, 500 + i, 5, 7, 5, nil})
		}
	}
	return fx
}

func (fx fixture) sheets() []sheetData { return []sheetData{fx.township, fx.village, fx.election} }

// openStore opens a fresh database file in a temp folder.
func openStore(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "liangwei.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.IntegrityCheck(ctx); err != nil {
			t.Errorf("integrity: %v", err)
		}
		st.Close()
	})
	return st
}

// snapshot is everything the store holds, IDs cleared and in export order, for "unchanged" comparisons.
func snapshot(t testing.TB, st data.Store) data.Batch {
	t.Helper()
	var b data.Batch
	var err error
	if b.Townships, err = st.Townships(ctx); err != nil {
		t.Fatal(err)
	}
	if b.Villages, err = st.Villages(ctx); err != nil {
		t.Fatal(err)
	}
	if b.Elections, err = st.Elections(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if b.Members, err = st.Members(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if b.Leaderships, err = st.Leaderships(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if b.PartyOrgs, err = st.PartyOrgs(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if b.Complaints, err = st.Complaints(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if b.Talks, err = st.Talks(ctx, 0); err != nil {
		t.Fatal(err)
	}
	clearIDs(&b)
	sortBatch(&b) // the store's order within a village follows insertion
	return b
}

// clearIDs zeroes the database IDs, which differ between databases holding the same data.
func clearIDs(b *data.Batch) {
	for i := range b.Townships {
		b.Townships[i].ID = 0
	}
	for i := range b.Villages {
		b.Villages[i].ID = 0
	}
	for i := range b.Elections {
		b.Elections[i].ID = 0
	}
	for i := range b.Members {
		b.Members[i].ID = 0
	}
	for i := range b.Leaderships {
		b.Leaderships[i].ID = 0
	}
	for i := range b.PartyOrgs {
		b.PartyOrgs[i].ID = 0
	}
	for i := range b.Complaints {
		b.Complaints[i].ID = 0
	}
	for i := range b.Talks {
		b.Talks[i].ID = 0
	}
}

func counts(b data.Batch) []int {
	return []int{len(b.Townships), len(b.Villages), len(b.Elections), len(b.Members), len(b.Leaderships),
		len(b.PartyOrgs), len(b.Complaints), len(b.Talks)}
}

func sameBatch(t testing.TB, got, want data.Batch) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	t.Errorf("store changed:\n got %v records\nwant %v", counts(got), counts(want))
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := 0; i < gv.NumField(); i++ {
		g, w := gv.Field(i), wv.Field(i)
		for j := 0; j < min(g.Len(), w.Len()); j++ {
			if !reflect.DeepEqual(g.Index(j).Interface(), w.Index(j).Interface()) {
				t.Errorf("first difference in %s:\n got %+v\nwant %+v", gv.Type().Field(i).Name, g.Index(j), w.Index(j))
				break
			}
		}
	}
}

// cells reads every sheet of a workbook as text, for comparing workbooks.
func cells(t testing.TB, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		out[s] = rows
	}
	return out
}

func writeFile(t testing.TB, path string, b []byte) string {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// findIssue returns the first issue at the sheet, row and column, if any.
func findIssue(is Issues, sheet string, row int, column string) (Issue, bool) {
	for _, i := range is {
		if i.Sheet == sheet && i.Row == row && i.Column == column {
			return i, true
		}
	}
	return Issue{}, false
}
