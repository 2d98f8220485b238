package exchange

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

func TestImportGoodWorkbook(t *testing.T) {
	st := openStore(t)
	fx := goodTownship(50)
	path := writeXLSX(t, t.TempDir(), "城关镇.xlsx", fx.sheets()...)

	p, res, err := Import(ctx, st, path, "", today)
	if err != nil {
		t.Fatalf("Import: %v\n%v", err, p.Issues)
	}
	if len(p.Issues) != 0 {
		t.Errorf("issues on a good file: %v", p.Issues)
	}
	wantRows := map[string]int{"乡镇": 1, "村庄": 50, "换届": 100}
	for s, n := range wantRows {
		if got := p.Rows[s]; got != n {
			t.Errorf("Rows[%s] = %d, want %d", s, got, n)
		}
	}
	if got, want := res, (data.ImportResult{Inserted: 151}); got != want {
		t.Errorf("first import = %+v, want %+v", got, want)
	}

	es, err := st.Elections(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	vs, _ := st.Villages(ctx)
	ts, _ := st.Townships(ctx)
	s := data.ComputeStats(data.Ledger{Townships: ts, Villages: vs, Elections: es}, 2026, today)
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"villages", s.Villages, fx.villages},
		{"party completed", s.PartyOrg.Completed, fx.partyDone},
		{"committee completed", s.Committee.Completed, fx.committeeDone},
		{"party one-time", s.PartyOrg.OneTime, fx.partyOneTime},
		{"committee one-time", s.Committee.OneTime, fx.commOneTime},
		{"party completed (hand count)", s.PartyOrg.Completed, 48},
		{"committee completed (hand count)", s.Committee.Completed, 45},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if got, want := s.Committee.Rate, 90.0; got != want {
		t.Errorf("committee rate = %v, want %v", got, want)
	}
	if ts[0].County != "平原县" || ts[0].Phone != "0534-1234567" {
		t.Errorf("township = %+v", ts[0])
	}

	// The same file again changes nothing.
	before := snapshot(t, st)
	_, res, err = Import(ctx, st, path, "", today)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res, (data.ImportResult{Unchanged: 151}); got != want {
		t.Errorf("second import = %+v, want %+v", got, want)
	}
	sameBatch(t, snapshot(t, st), before)
}

// reorder returns the rows with the columns in the order given by idx, plus an extra
// column the importer must ignore.
func reorder(rows [][]any, idx []int) [][]any {
	out := make([][]any, len(rows))
	for r, row := range rows {
		var nr []any
		for _, i := range idx {
			if i < len(row) {
				nr = append(nr, row[i])
			} else {
				nr = append(nr, nil)
			}
		}
		if r == 0 {
			nr = append(nr, "备注")
		} else {
			nr = append(nr, "核对无误")
		}
		out[r] = nr
	}
	return out
}

func TestShuffledAndExtraColumns(t *testing.T) {
	fx := goodTownship(12)
	dir := t.TempDir()
	plain := writeXLSX(t, dir, "plain.xlsx", fx.sheets()...)
	fx.village.rows = reorder(fx.village.rows, []int{6, 5, 4, 3, 2, 1, 0})
	fx.election.rows = reorder(fx.election.rows, []int{12, 3, 1, 11, 0, 5, 2, 10, 4, 9, 6, 8, 7})
	shuffled := writeXLSX(t, dir, "shuffled.xlsx", fx.sheets()...)

	want := Load(ctx, nil, plain, "", today)
	got := Load(ctx, nil, shuffled, "", today)
	// An extra column is read past, and named as ignored so the clerk knows.
	wantIssues := "[shuffled.xlsx:村庄:1:H列: 列标题“备注”不是“村庄”表的列，该列已忽略 shuffled.xlsx:换届:1:N列: 列标题“备注”不是“换届”表的列，该列已忽略]"
	if fmt.Sprint(got.Issues) != wantIssues || got.Issues.HasErrors() || len(want.Issues) != 0 {
		t.Fatalf("issues: shuffled %v, plain %v", got.Issues, want.Issues)
	}
	sortBatch(&got.Batch)
	sortBatch(&want.Batch)
	if !equalBatch(got.Batch, want.Batch) {
		t.Errorf("shuffled columns read differently:\n got %+v\nwant %+v", got.Batch.Elections[:2], want.Batch.Elections[:2])
	}
	if got.Batch.Len() != 1+12+24 {
		t.Errorf("records = %d, want %d", got.Batch.Len(), 1+12+24)
	}
}

func equalBatch(a, b data.Batch) bool {
	if len(a.Townships) != len(b.Townships) || len(a.Villages) != len(b.Villages) || len(a.Elections) != len(b.Elections) {
		return false
	}
	for i := range a.Townships {
		if a.Townships[i] != b.Townships[i] {
			return false
		}
	}
	for i := range a.Villages {
		if a.Villages[i] != b.Villages[i] {
			return false
		}
	}
	for i := range a.Elections {
		if a.Elections[i] != b.Elections[i] {
			return false
		}
	}
	return true
}

// TestCellSpellings checks Excel date cells and the text date spellings, and numbers Excel
// writes as "12" or "12.0".
func TestCellSpellings(t *testing.T) {
	want := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name       string
		date, seat any
		oneTime    any
	}{
		{"excel date cell", want, 5, "是"},
		{"iso", "2026-03-15", "5", "Y"},
		{"slashes", "2026/3/15", 5.0, "√"},
		{"chinese", "2026年3月15日", "5.0", "1"},
		{"compact", "20260315", "5", "是"},
		{"compact as number", 20260315, "5", "是"},
		{"serial as text", "46096", "5", "是"},
	}
	rows := [][]any{electionHeader}
	for i, c := range cases {
		rows = append(rows, []any{"城关镇", villageName(i), "2026年", "村委会", "已完成", c.date, c.oneTime, 800, 700.0, c.seat, 7, "5"})
	}
	vrows := [][]any{villageHeader}
	for i := range cases {
		vrows = append(vrows, []any{"城关镇", villageName(i)})
	}
	path := writeXLSX(t, t.TempDir(), "dates.xlsx", sheetData{"村庄", vrows}, sheetData{"换届", rows})
	p := Load(ctx, nil, path, "", today)
	if len(p.Issues) != 0 {
		t.Fatalf("issues: %v", p.Issues)
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := p.Batch.Elections[i]
			if !e.CompletedOn.Equal(want) {
				t.Errorf("date = %v, want %v", e.CompletedOn, want)
			}
			if e.Seats != 5 || e.Elected != 5 || e.Participants != 700 || e.Round != 2026 || !e.OneTime {
				t.Errorf("election = %+v", e)
			}
		})
	}
}

func TestBadFiles(t *testing.T) {
	type loc struct {
		sheet  string
		row    int
		column string
		msg    string // part of the message
	}
	good := goodTownship(10)
	cases := []struct {
		name string
		// make writes the file into dir and returns its path.
		make func(t *testing.T, dir string) string
		want []loc
	}{
		{"turnout above register", func(t *testing.T, dir string) string {
			fx := goodTownship(10)
			fx.election.rows[8][7], fx.election.rows[8][8] = 800, 812 // 换届 row 9
			return writeXLSX(t, dir, "城关镇.xlsx", fx.sheets()...)
		}, []loc{{"换届", 9, "实参加人数", "实参加人数（812）不能多于应参加人数（800）"}}},
		{"unknown status", func(t *testing.T, dir string) string {
			fx := goodTownship(10)
			fx.election.rows[3][4] = "搞定了"
			return writeXLSX(t, dir, "城关镇.xlsx", fx.sheets()...)
		}, []loc{{"换届", 4, "状态", "搞定了"}}},
		{"bad date", func(t *testing.T, dir string) string {
			fx := goodTownship(10)
			fx.election.rows[5][5] = "2026-02-30"
			return writeXLSX(t, dir, "城关镇.xlsx", fx.sheets()...)
		}, []loc{{"换届", 6, "完成日期", "不是存在的日期"}}},
		{"void committee election", func(t *testing.T, dir string) string {
			fx := goodTownship(10)
			fx.election.rows[2][7], fx.election.rows[2][8] = 600, 300 // a 村委会 row, exactly half
			return writeXLSX(t, dir, "城关镇.xlsx", fx.sheets()...)
		}, []loc{{"换届", 3, "实参加人数", "选举无效"}}},
		{"unknown village", func(t *testing.T, dir string) string {
			fx := goodTownship(10)
			fx.election.rows[7][1] = "不存在村"
			return writeXLSX(t, dir, "城关镇.xlsx", fx.sheets()...)
		}, []loc{{"换届", 8, "村名", "不存在村"}}},
		{"duplicate keys", func(t *testing.T, dir string) string {
			fx := goodTownship(10)
			fx.village.rows = append(fx.village.rows, fx.village.rows[3])
			fx.election.rows = append(fx.election.rows, fx.election.rows[1])
			return writeXLSX(t, dir, "城关镇.xlsx", fx.sheets()...)
		}, []loc{{"村庄", 12, "村名", "与第4行重复"}, {"换届", 22, "组织", "与第2行重复"}}},
		{"missing key column", func(t *testing.T, dir string) string {
			fx := goodTownship(10)
			fx.election.rows = reorder(fx.election.rows, []int{0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12})
			return writeXLSX(t, dir, "城关镇.xlsx", fx.sheets()...)
		}, []loc{{"换届", 1, "组织", "缺少“组织”列"}}},
		{"truncated xlsx", func(t *testing.T, dir string) string {
			path := writeXLSX(t, dir, "城关镇.xlsx", good.sheets()...)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			return writeFile(t, path, b[:len(b)/2])
		}, []loc{{"", 0, "", "已损坏"}}},
		{"empty file", func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "城关镇.xlsx"), nil)
		}, []loc{{"", 0, "", "文件是空的"}}},
		{"not a workbook", func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "城关镇.xlsx"), []byte("乡镇,村名\n城关镇,张家庄村\n"))
		}, []loc{{"", 0, "", "不是有效的 .xlsx"}}},
		{"old xls", func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "城关镇.xls"), []byte{0xD0, 0xCF, 0x11, 0xE0})
		}, []loc{{"", 0, "", "另存为 .xlsx"}}},
		{"unsupported extension", func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "城关镇.txt"), []byte("x"))
		}, []loc{{"", 0, "", "不支持的文件类型"}}},
		{"oversized", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "城关镇.xlsx")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := f.Truncate(MaxFileSize + 1); err != nil { // sparse: costs no disk
				t.Fatal(err)
			}
			return path
		}, []loc{{"", 0, "", "文件太大"}}},
		{"no known sheet", func(t *testing.T, dir string) string {
			return writeXLSX(t, dir, "城关镇.xlsx", sheetData{"Sheet1", good.village.rows})
		}, []loc{{"", 0, "", "没有可导入的工作表"}, {"Sheet1", 0, "", "已忽略"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			// Some data first, so "unchanged" means something.
			seed := writeXLSX(t, t.TempDir(), "seed.xlsx", goodTownship(3).sheets()...)
			if _, _, err := Import(ctx, st, seed, "", today); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, st)
			path := c.make(t, t.TempDir())

			p, res, err := Import(ctx, st, path, "", today)
			if !errors.Is(err, ErrRejected) {
				t.Fatalf("err = %v, want ErrRejected", err)
			}
			if res != (data.ImportResult{}) {
				t.Errorf("result = %+v, want zero", res)
			}
			for _, w := range c.want {
				i, ok := findIssue(p.Issues, w.sheet, w.row, w.column)
				if !ok {
					t.Errorf("no issue at %s:%d:%s; got:\n%v", w.sheet, w.row, w.column, p.Issues)
					continue
				}
				if !strings.Contains(i.Message, w.msg) {
					t.Errorf("issue %q does not contain %q", i, w.msg)
				}
				if i.File != filepath.Base(path) {
					t.Errorf("issue file = %q, want %q", i.File, filepath.Base(path))
				}
			}
			if got := len(p.Issues.Errors()); got != len(c.want) && c.name != "no known sheet" {
				t.Errorf("%d errors, want %d: %v", got, len(c.want), p.Issues)
			}
			sameBatch(t, snapshot(t, st), before)
		})
	}
}

func TestWarningsDoNotBlock(t *testing.T) {
	st := openStore(t)
	fx := goodTownship(4)
	fx.election.rows[1][10] = 5 // 党组织 of the first village: 5 candidates for 5 seats
	fx.election.rows[4][10] = 5 // 村委会 of the second village: 5 candidates for 5 seats
	fx.election.rows = append(fx.election.rows, []any{"城关镇", villageName(0), 2021, "党组织", "已完成", "2021-05-01", "是", 40, 39, 5, 6, 5})
	notes := sheetData{"备注", [][]any{{"乡镇", "村名", "说明"}, {"城关镇", villageName(0), "王昇联系"}}}
	path := writeXLSX(t, t.TempDir(), "城关镇.xlsx", append(fx.sheets(), notes)...)

	p, res, err := Import(ctx, st, path, "", today)
	if err != nil {
		t.Fatalf("Import: %v %v", err, p.Issues)
	}
	if res.Inserted != 1+4+9 {
		t.Errorf("inserted = %d, want %d", res.Inserted, 1+4+9)
	}
	for _, w := range []struct {
		sheet  string
		row    int
		column string
	}{{"换届", 2, "候选人数"}, {"换届", 5, "候选人数"}, {"备注", 0, ""}} {
		i, ok := findIssue(p.Issues, w.sheet, w.row, w.column)
		if !ok || i.Level != data.LevelWarning {
			t.Errorf("no warning at %s:%d:%s in %v", w.sheet, w.row, w.column, p.Issues)
		}
	}
	if got := len(p.Issues); got != 3 {
		t.Errorf("%d issues, want 3: %v", got, p.Issues)
	}
}

func TestElectionVillageFromStore(t *testing.T) {
	st := openStore(t)
	fx := goodTownship(5)
	dir := t.TempDir()
	villages := writeXLSX(t, dir, "村庄.xlsx", fx.village)
	elections := writeXLSX(t, dir, "换届.xlsx", fx.election)

	// Elections alone are refused while their villages are unknown …
	p, _, err := Import(ctx, st, elections, "", today)
	if !errors.Is(err, ErrRejected) || len(p.Issues.Errors()) != 10 {
		t.Fatalf("err = %v, %d errors, want ErrRejected and 10", err, len(p.Issues.Errors()))
	}
	// … and accepted once the villages are in the database.
	if _, _, err := Import(ctx, st, villages, "", today); err != nil {
		t.Fatal(err)
	}
	if p, res, err := Import(ctx, st, elections, "", today); err != nil || res.Inserted != 10 {
		t.Fatalf("err = %v, result %+v, issues %v", err, res, p.Issues)
	}
}

func TestErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("乡镇,村名,类型,户数\n")
	for i := 0; i < 600; i++ {
		fmt.Fprintf(&b, "城关镇,第%03d村,村,-1\n", i)
	}
	path := writeFile(t, filepath.Join(t.TempDir(), "村庄.csv"), []byte(b.String()))
	p := Load(ctx, nil, path, "", today)
	errs := p.Issues.Errors()
	if len(errs) != maxIssues+1 {
		t.Fatalf("%d errors, want %d", len(errs), maxIssues+1)
	}
	if got, want := errs[maxIssues].String(), "村庄.csv: …还有100个错误"; got != want {
		t.Errorf("last = %q, want %q", got, want)
	}
	if i := errs[0]; i.Row != 2 || i.Column != "户数" {
		t.Errorf("first = %v", i)
	}
}

func TestIssueString(t *testing.T) {
	cases := []struct {
		in   Issue
		want string
	}{
		{Issue{File: "城关镇.xlsx", Sheet: "换届", Row: 9, Column: "实参加人数", Message: "实参加人数（812）不能多于应参加人数（800）"},
			"城关镇.xlsx:换届:9:实参加人数: 实参加人数（812）不能多于应参加人数（800）"},
		{Issue{File: "坏文件.xlsx", Message: "文件已损坏"}, "坏文件.xlsx: 文件已损坏"},
		{Issue{File: "a.xlsx", Sheet: "换届", Row: 1, Column: "组织", Message: "缺少"}, "a.xlsx:换届:1:组织: 缺少"},
		{Issue{File: "a.xlsx", Sheet: "两委成员", Message: "忽略"}, "a.xlsx:两委成员: 忽略"},
		{Issue{Message: "只有信息"}, "只有信息"},
	}
	for _, c := range cases {
		if got := c.in.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}

func TestIssuesFilters(t *testing.T) {
	is := Issues{{Level: data.LevelWarning, Message: "w"}, {Level: data.LevelError, Message: "e"}}
	if !is.HasErrors() || len(is.Errors()) != 1 || is.Errors()[0].Message != "e" || len(is.Warnings()) != 1 {
		t.Errorf("filters wrong: %v / %v", is.Errors(), is.Warnings())
	}
	if is.Warnings().HasErrors() {
		t.Error("warnings have errors")
	}
}
