package exchange

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

func TestNormHeader(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"应参加人数（人）", "应参加人数"},
		{"应参加人数(人)", "应参加人数"},
		{"应参加\n人数 （人）", "应参加人数"},
		{"集体经济收入（万元）", "集体经济收入"},
		{"一次选举成功（%）", "一次选举成功"},
		{"＊村名", "村名"},
		{"村名【必填】", "村名"},
		{"村（社区）名称", "村名称"},
		{"乡镇（街道）", "乡镇"},
		{"\u200b乡\u3000镇\u00a0", "乡镇"},
		{"ＡＢＣ１２", "ABC12"},
	} {
		if got := normHeader(c.in); got != c.want {
			t.Errorf("normHeader(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The aliases the issue names (and the README lists) reach their columns, and no header of
// a sheet, once normalized, names two columns.
func TestHeaderAliases(t *testing.T) {
	for _, c := range []struct{ sheet, header, want string }{
		{"换届", "登记选民数", "应参加人数"}, {"换届", "应到会党员数（名）", "应参加人数"},
		{"换届", "参加投票人数", "实参加人数"}, {"换届", "参加投票选民数(人)", "实参加人数"}, {"换届", "实到会党员数", "实参加人数"},
		{"村庄", "村（社区）名称", "村名"}, {"换届", "村名称", "村名"}, {"两委成员", "乡镇（街道）", "乡镇"},
		{"两委成员", "公民身份号码", "身份证号"}, {"信访举报", "村（社区）名称", "村名"},
	} {
		if got := specs[c.sheet].canon(c.header); got != c.want {
			t.Errorf("%s: %q names %q, want %q", c.sheet, c.header, got, c.want)
		}
	}
	for _, sh := range supportedSheets() {
		seen := map[string]string{}
		for _, col := range sh.Columns {
			for _, h := range append([]string{col.Header}, col.Aliases...) {
				n := normHeader(h)
				if other, ok := seen[n]; ok && other != col.Header {
					t.Errorf("%s: %q names both %s and %s", sh.Name, h, other, col.Header)
				}
				seen[n] = col.Header
			}
		}
	}
}

// README lists every alias of every description.
func TestReadmeListsAliases(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, sh := range supportedSheets() {
		for _, c := range sh.Columns {
			for _, a := range c.Aliases {
				if !strings.Contains(readme, a) {
					t.Errorf("README does not list %s's alias %q of %s", sh.Name, a, c.Header)
				}
			}
		}
	}
}

// sheetFile writes one sheet with merged ranges.
func sheetFile(t *testing.T, name string, rows [][]any, merges ...string) string {
	t.Helper()
	path := writeXLSX(t, t.TempDir(), "城关镇.xlsx", sheetData{name, rows})
	if len(merges) == 0 {
		return path
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, m := range merges {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell(name, a, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFindHeader(t *testing.T) {
	villageHeader := []any{"乡镇", "村名", "类型", "户数（户）", "人口（人）"}
	rows := func(before [][]any, after ...[]any) [][]any {
		out := append([][]any{}, before...)
		out = append(out, villageHeader, []any{"城关镇", "东关村", "村", 320, 1180}, []any{"城关镇", "西关村", "村", 280, 990})
		return append(out, after...)
	}
	cases := []struct {
		name    string
		rows    [][]any
		merges  []string
		records int
		errs    []string // issue prefixes, errors
		warns   []string // issue prefixes, warnings
	}{
		{"title and unit lines", rows([][]any{{"城关镇村庄情况表"}, nil, {"填报单位：城关镇", nil, nil, "单位：户、人"}}), []string{"A1:E1"}, 2, nil,
			[]string{"城关镇.xlsx:村庄:1: 表头在第4行，此行（“城关镇村庄情况表”）不是数据，已跳过", "城关镇.xlsx:村庄:3: 表头在第4行，此行（“填报单位：城关镇 单位：户、人”）"}},
		{"合计 and footer", rows(nil, []any{"合计", nil, nil, 600, 2170}, nil, []any{"负责人：王强", nil, "填表人：李明"}, []any{"注：本表由乡镇填报"}), []string{"A4:C4"}, 2, nil,
			[]string{"城关镇.xlsx:村庄:4: 此行是合计行，数据到此为止，此行不作为记录导入，其下2行也不再读取"}},
		{"footer without 合计", rows(nil, []any{"填报日期：2026年4月5日"}), nil, 2, nil, []string{"城关镇.xlsx:村庄:4: 此行是落款"}},
		{"小计 inside the data", [][]any{villageHeader, {"城关镇", "东关村", "村", 1, 2}, {"城关镇小计", nil, nil, 1, 2}, {"新集镇", "李村", "村", 3, 4}}, []string{"A3:C3"}, 2, nil,
			[]string{"城关镇.xlsx:村庄:3: 此行是小计行，不作为记录导入"}},
		{"header below row 10", append(make([][]any, 10), rows(nil)...), nil, 0, []string{"城关镇.xlsx:村庄:1:乡镇: 缺少“乡镇”列（第1行应为列标题）"}, nil},
		{"no key columns: reported on the likeliest row", [][]any{{"标题"}, {"乡镇", "村庄", "户数"}, {"城关镇", "东关村", 3}}, nil, 0,
			[]string{"城关镇.xlsx:村庄:2:村名: 缺少“村名”列（第2行应为列标题）"}, nil},
		{"two columns for one field", [][]any{{"乡镇", "村名", "人口（户籍）", "人口（常住）"}, {"城关镇", "东关村", 3, 4}}, nil, 0,
			[]string{"城关镇.xlsx:村庄:1:人口: C列和D列都是“人口”列，无法确定用哪一列"}, nil},
		{"a wide header cell naming a column", [][]any{{"乡镇", "村名", nil, "户数"}, {"城关镇", "东关村", nil, 3}}, []string{"B1:C1"}, 1, nil, nil},
		{"merged cells over several columns in the data", rows(nil), []string{"C2:D2"}, 0, []string{"城关镇.xlsx:村庄:2:类型: 单元格 C2 合并了多列（C2:D2）"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Load(ctx, nil, sheetFile(t, "村庄", c.rows, c.merges...), "", today)
			if got := len(p.Batch.Villages); len(c.errs) == 0 && got != c.records {
				t.Errorf("villages = %d, want %d; issues %v", got, c.records, p.Issues)
			}
			if len(c.errs) == 0 && p.Issues.HasErrors() {
				t.Errorf("errors: %v", p.Issues.Errors())
			}
			wantIssues(t, p.Issues.Errors(), c.errs...)
			wantIssues(t, p.Issues.Warnings(), c.warns...)
		})
	}
}

func TestTwoLevelHeader(t *testing.T) {
	upper := []any{"乡镇", "村名", "年度", "党员情况", nil, nil, "集体经济"}
	lower := []any{nil, nil, nil, "党员数（名）", "女党员数（名）", "预备党员数", "集体经济收入（万元）"}
	data1 := []any{"城关镇", "东关村", 2026, 40, 12, 2, 12.5}
	merges := []string{"A2:A3", "B2:B3", "C2:C3", "D2:F2"}
	t.Run("read by the lower row", func(t *testing.T) {
		p := Load(ctx, nil, sheetFile(t, "党组织", [][]any{{"党组织情况表"}, upper, lower, data1}, append(merges, "A1:G1")...), "", today)
		// The village is unknown without a store; only that error is expected.
		for _, i := range p.Issues.Errors() {
			if !strings.Contains(i.Message, "不在村庄台账中") {
				t.Errorf("unexpected error %v", i)
			}
		}
		if len(p.Batch.PartyOrgs) != 1 {
			t.Fatalf("records: %v", p.Issues)
		}
		o := p.Batch.PartyOrgs[0]
		if o.Members != 40 || o.Women != 12 || o.Probationary != 2 || o.Income != 12.5 {
			t.Errorf("read %+v", o)
		}
	})
	t.Run("an empty cell under a group is refused", func(t *testing.T) {
		lw := append([]any{}, lower...)
		lw[4] = nil
		p := Load(ctx, nil, sheetFile(t, "党组织", [][]any{upper, lw, data1}, "A1:A2", "B1:B2", "C1:C2", "D1:F1"), "", today)
		wantIssues(t, p.Issues.Errors(), "城关镇.xlsx:党组织:2:E列: 两行表头中，分组“党员情况”（D1:F1）下的单元格 E2 是空的")
	})
	t.Run("two rows naming a column differently are refused", func(t *testing.T) {
		lw := append([]any{}, lower...)
		lw[0] = "单位"
		p := Load(ctx, nil, sheetFile(t, "党组织", [][]any{upper, lw, data1}, "B1:B2", "C1:C2", "D1:F1"), "", today)
		wantIssues(t, p.Issues.Errors(), "城关镇.xlsx:党组织:2:A列: 两行表头中，A1“乡镇”与其下的 A2“单位”不同")
	})
	t.Run("a group cell over two rows and columns is refused", func(t *testing.T) {
		p := Load(ctx, nil, sheetFile(t, "党组织", [][]any{upper, lower, data1}, "A1:A2", "B1:B2", "C1:C2", "D1:F2"), "", today)
		wantIssues(t, p.Issues.Errors(), "城关镇.xlsx:党组织:1: 表头的合并单元格 D1:F2 跨了多行多列")
	})
}

// Keys differing only by invisible characters are one key: no second 城关镇 or 东关村.
func TestInvisibleCharactersInKeys(t *testing.T) {
	st := openStore(t)
	path := writeXLSX(t, t.TempDir(), "城关镇.xlsx",
		sheetData{"村庄", [][]any{{"乡镇", "村名"}, {"城关镇", "东关村"}, {"城关镇\u200b", "西关村"}, {"\ufeff城关\u2060镇", "东关\u200d村"}}})
	p, _, _ := Import(ctx, st, path, "", today)
	wantIssues(t, p.Issues.Errors(), "城关镇.xlsx:村庄:4:村名: 与第2行重复")
	path = writeXLSX(t, t.TempDir(), "城关镇.xlsx",
		sheetData{"村庄", [][]any{{"乡镇\u200b", "村（社区）名称"}, {"城关镇", "东关村"}, {"城关镇\u200b", "西关\u00a0村"}, {"\u202a城关镇\u202c", "南关村\u2060"}}})
	importOK(t, st, path)
	b := snapshot(t, st)
	if len(b.Townships) != 1 || len(b.Villages) != 3 {
		t.Fatalf("townships %v villages %v", b.Townships, b.Villages)
	}
	for _, v := range b.Villages {
		if c, _ := data.CleanText(v.Name); c != v.Name || v.Township != "城关镇" {
			t.Errorf("stored %q/%q", v.Township, v.Name)
		}
	}
}

func TestPermissionDenied(t *testing.T) {
	err := &fs.PathError{Op: "open", Path: "城关镇.xlsx", Err: syscall.EACCES}
	if got := openMessage(err); !strings.Contains(got, "没有读取权限") {
		t.Errorf("openMessage(EACCES) = %q", got)
	}
	if !errors.Is(err, os.ErrPermission) {
		t.Fatal("EACCES is not ErrPermission here")
	}
	if os.Geteuid() == 0 {
		t.Skip("root reads any file: the end-to-end check needs another user")
	}
	path := writeXLSX(t, t.TempDir(), "城关镇.xlsx", goodTownship(2).sheets()...)
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	p := Load(ctx, nil, path, "", today)
	wantIssues(t, p.Issues, "城关镇.xlsx: 无法打开文件：没有读取权限")
}

// FuzzFindHeader feeds any rows through the header search and the end-of-data check: no
// panic, every issue located within the rows given, and records only from rows between the
// header and the 合计 or footer, never a 小计 row.
func FuzzFindHeader(f *testing.F) {
	f.Add("城关镇村庄情况表\n单位：户、人\n乡镇\t村名\t户数（户）\n城关镇\t东关村\t3\n合计\t\t3\n负责人：王强")
	f.Add("乡镇\t村（社区）名称\n城关镇\t东关村\n城关镇小计\n新集镇\t李村\n注：无")
	f.Add("\n\n\n\n\n\n\n\n\n\n\n乡镇\t村名")
	f.Fuzz(func(t *testing.T, text string) {
		l := newLoader(nil, "城关镇-村庄.csv", today)
		sr := l.open("村庄", specs["村庄"], nil)
		lines := strings.Split(text, "\n")
		if len(lines) > 40 {
			lines = lines[:40]
		}
		for i, line := range lines {
			sr.feed(i+1, strings.Split(line, "\t"))
		}
		sr.finish()
		for _, i := range l.preview().Issues {
			if i.Message == "" || i.Row > len(lines) || i.Row < 0 {
				t.Fatalf("issue %q", i)
			}
		}
		for _, r := range l.recRows["村庄"] {
			if r <= sr.hdrRow || (sr.endRow > 0 && r >= sr.endRow) || sr.leftOut[r] {
				t.Fatalf("record from row %d (header %d, end %d)", r, sr.hdrRow, sr.endRow)
			}
		}
	})
}
