package exchange

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"liangwei/data"
)

const villageCSV = "乡镇,村名,类型,户数,人口,区划代码,状态\r\n" +
	"城关镇,堃家庄村,村,310,1024,371426100001,正常\r\n" +
	"城关镇,昇平社区,社区,\"1,200\",3600,,正常\r\n" +
	"城关镇,喆家洼村,村,88,300,,已撤并\r\n"

func TestCSVEncodings(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(villageCSV))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(strings.ReplaceAll(strings.ReplaceAll(villageCSV, ",", "\t"), "1\t200", "1,200")))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		raw  []byte
	}{
		{"utf-8", []byte(villageCSV)},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, villageCSV...)},
		{"gbk", gbk},
		{"utf-16 tabs", utf16},
	}
	want := []data.Village{
		{Township: "城关镇", Name: "堃家庄村", Kind: data.KindVillage, Households: 310, Population: 1024, Code: "371426100001", Status: data.VillageActive},
		{Township: "城关镇", Name: "昇平社区", Kind: data.KindCommunity, Households: 1200, Population: 3600, Status: data.VillageActive},
		{Township: "城关镇", Name: "喆家洼村", Kind: data.KindVillage, Households: 88, Population: 300, Status: data.VillageMerged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			path := writeFile(t, filepath.Join(t.TempDir(), "城关镇-村庄.csv"), c.raw)
			p, res, err := Import(ctx, st, path, "", today)
			if err != nil {
				t.Fatalf("Import: %v %v", err, p.Issues)
			}
			if res.Inserted != 3 || p.Rows["村庄"] != 3 {
				t.Errorf("result %+v, rows %v", res, p.Rows)
			}
			got, err := st.Villages(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for i := range got {
				got[i].ID = 0
			}
			if !reflect.DeepEqual(got, sortedVillages(want)) {
				t.Errorf("villages:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func sortedVillages(vs []data.Village) []data.Village {
	b := data.Batch{Villages: append([]data.Village(nil), vs...)}
	sortBatch(&b)
	return b.Villages
}

func TestCSVSheetAndRows(t *testing.T) {
	elections := "乡镇,村名,届次,组织,状态,完成日期,一次选举成功,应参加人数,实参加人数\n" +
		"城关镇,张家庄村,2026,村委会,已完成,2026-04-01,是,800,812\n" + // row 2: turnout above register
		"\n" + // row 3: blank line, still a row in Excel
		"城关镇,张家庄村,2026,党组织,\"已\n完成\",,是,40,39\n" + // row 4: a line break inside a cell
		"城关镇,张家庄村,2026,党组织,完成了吗,,是,40,39\n" // row 5 (line 6): unknown status, duplicate key
	villages := "乡镇,村名\n城关镇,张家庄村\n"
	cases := []struct {
		name, file, sheet, body string
		want                    []string // issues, as strings
	}{
		{"sheet from name", "城关镇-换届.csv", "", elections, []string{
			"城关镇-换届.csv:换届:2:实参加人数: 实参加人数（812）不能多于应参加人数（800）",
			"城关镇-换届.csv:换届:4:状态: “已\n完成”不是有效的值，应为：未启动、进行中、已完成、未完成",
			"城关镇-换届.csv:换届:5:状态: “完成了吗”不是有效的值，应为：未启动、进行中、已完成、未完成",
			"城关镇-换届.csv:换届:5:组织: 与第4行重复（乡镇、村名、届次、组织相同：城关镇 张家庄村 2026 党组织）",
			"城关镇-换届.csv:换届:2:村名: 村庄“城关镇/张家庄村”不在村庄台账中：请先在“村庄”中新增该村，或先导入含该村的工作簿",
			"城关镇-换届.csv:换届:4:村名: 村庄“城关镇/张家庄村”不在村庄台账中：请先在“村庄”中新增该村，或先导入含该村的工作簿",
		}},
		{"sheet argument wins", "export.csv", "村庄", villages, nil},
		{"township name contains 乡镇", "某乡镇-村庄.csv", "", villages, nil},
		{"no sheet", "data.csv", "", villages, []string{"data.csv: 无法从文件名判断这是哪个工作表，请在文件名中写明（如“城关镇-换届.csv”）或用 --sheet 指定：乡镇、村庄、换届、两委成员、党组织、乡镇班子、信访举报、约谈、候选人、村务监督委员会、任职变动、离任审计、发展党员、表彰"}},
		{"unknown sheet", "data.csv", "Sheet1", villages, []string{"data.csv: “Sheet1”不是工作表名，应为：乡镇、村庄、换届、两委成员、党组织、乡镇班子、信访举报、约谈、候选人、村务监督委员会、任职变动、离任审计、发展党员、表彰"}},
		{"columns of another sheet", "城关镇-约谈.csv", "", villages, []string{"城关镇-约谈.csv:约谈:1:编号: 缺少“编号”列（第1行应为列标题）"}},
		{"only blank lines", "村庄.csv", "", "\n\n", []string{"村庄.csv: 文件是空的"}},
		{"binary", "村庄.csv", "", "PK\x03\x04\x00\x00", []string{"村庄.csv: 这不是文本格式的 CSV 文件（可能是改了扩展名的工作簿），请导入原文件"}},
		{"not gbk either", "村庄.csv", "", "\xff\xff\xff,\x81\n", []string{"村庄.csv: 文件编码无法识别（既不是 UTF-8 也不是 GBK），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, filepath.Join(t.TempDir(), c.file), []byte(c.body))
			p := Load(ctx, nil, path, c.sheet, today)
			var got []string
			for _, i := range p.Issues {
				if i.Level == data.LevelError {
					got = append(got, i.String())
				}
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("issues:\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestReadCSVRows(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []csvRecord
	}{
		{"simple", "a,b\n1,2\n", []csvRecord{{1, []string{"a", "b"}}, {2, []string{"1", "2"}}}},
		{"crlf and blank line", "a,b\r\n\r\n1,2\r\n", []csvRecord{{1, []string{"a", "b"}}, {3, []string{"1", "2"}}}},
		{"line break in cell", "a,b\n\"x\ny\",2\n3,4\n", []csvRecord{{1, []string{"a", "b"}}, {2, []string{"x\ny", "2"}}, {3, []string{"3", "4"}}}},
		{"ragged", "a,b,c\n1\n", []csvRecord{{1, []string{"a", "b", "c"}}, {2, []string{"1"}}}},
		{"lazy quote", "a,b\n1\"x,2\n", []csvRecord{{1, []string{"a", "b"}}, {2, []string{"1\"x", "2"}}}},
		{"tabs", "a\tb\n1\t2\n", []csvRecord{{1, []string{"a", "b"}}, {2, []string{"1", "2"}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := readCSV([]byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestSheetFromFileName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"城关镇-换届", "换届"},
		{"村庄", "村庄"},
		{"某乡镇-换届", "换届"},
		{"某乡镇-村庄2026", "村庄"},
		{"城关镇乡镇班子", "乡镇班子"},
		{"乡镇", "乡镇"},
		{"export", ""},
	}
	for _, c := range cases {
		if got := sheetFromFileName(c.in); got != c.want {
			t.Errorf("sheetFromFileName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestImportRejectsCSVWithErrors(t *testing.T) {
	st := openStore(t)
	path := writeFile(t, filepath.Join(t.TempDir(), "村庄.csv"), []byte("乡镇,村名,区划代码\n城关镇,甲村,123\n城关镇,乙村,\n"))
	p, _, err := Import(ctx, st, path, "", today)
	if !errors.Is(err, ErrRejected) {
		t.Fatalf("err = %v", err)
	}
	if i, ok := findIssue(p.Issues, "村庄", 2, "区划代码"); !ok || i.Message != "区划代码应为12位数字" {
		t.Errorf("issues: %v", p.Issues)
	}
	if vs, _ := st.Villages(ctx); len(vs) != 0 {
		t.Errorf("%d villages written", len(vs))
	}
}

// memberCSV is a 两委成员 sheet of 张家庄村 (goodTownship's village 0) whose names use
// characters outside GB2312 but inside GBK, as Excel on Chinese Windows saves them.
func memberCSV() string {
	var b strings.Builder
	b.WriteString("乡镇,村名,届次,姓名,身份证号,性别,出生日期,民族,学历,政治面貌,党组织职务,村委会职务,新任或连任,身份标签,联系电话\r\n")
	posts := [][2]string{{"书记", "主任"}, {"副书记", "—"}, {"委员", "委员"}, {"委员", "—"}, {"—", "副主任"}, {"—", "委员"}, {"委员", "-"}, {"无", "委员"}}
	for j, name := range []string{"王镕", "李堃", "张赟", "刘喆", "陈昇", "杨珺", "赵玥", "周彧"} {
		female := j%2 == 1
		id := makeID(time.Date(1970+j, 5, 9, 0, 0, 0, 0, time.UTC), 100+j, female)
		political := "中共党员"
		if posts[j][0] == "—" || posts[j][0] == "无" {
			political = "群众"
		}
		fmt.Fprintf(&b, "城关镇,%s,2026,%s,%s,,,汉族,高中,%s,%s,%s,连任,致富能手,1380534%04d\r\n", villageName(0), name, id, political, posts[j][0], posts[j][1], j)
	}
	return b.String()
}

func TestCSVMembersGBK(t *testing.T) {
	st := openStore(t)
	seed := writeXLSX(t, t.TempDir(), "村庄.xlsx", goodTownship(2).village)
	if _, _, err := Import(ctx, st, seed, "", today); err != nil {
		t.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(memberCSV()))
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(gbk) {
		t.Fatal("the GBK file is valid UTF-8: the test would not test GBK")
	}
	path := writeFile(t, filepath.Join(t.TempDir(), "城关镇两委成员.csv"), gbk)
	p, res, err := Import(ctx, st, path, "", today)
	if err != nil {
		t.Fatalf("Import: %v %v", err, p.Issues)
	}
	if res.Inserted != 8 || len(p.Issues) != 0 {
		t.Errorf("result %+v, issues %v", res, p.Issues)
	}
	ms, err := st.Members(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	women := 0
	for _, m := range ms {
		names = append(names, m.Name)
		if m.Gender == data.Female {
			women++
		}
		if m.Education != data.EduHigh || len(m.Tags) != 1 || m.Tags[0] != "致富能手" || m.Birth.Month() != time.May {
			t.Errorf("member %+v", m)
		}
	}
	slices.Sort(names)
	want := []string{"王镕", "李堃", "张赟", "刘喆", "陈昇", "杨珺", "赵玥", "周彧"}
	slices.Sort(want)
	if !reflect.DeepEqual(names, want) || women != 4 {
		t.Errorf("names %v (%d women), want %v (4)", names, women, want)
	}
}

// FuzzReadCSV checks that any bytes either fail with a Chinese message or give records with
// valid UTF-8 cells and strictly increasing row numbers starting at 1 or later.
func FuzzReadCSV(f *testing.F) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(villageCSV))
	gbkMembers, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(memberCSV()))
	for _, s := range [][]byte{
		[]byte(villageCSV),
		append([]byte{0xEF, 0xBB, 0xBF}, villageCSV...),
		gbk,
		[]byte(memberCSV()),
		gbkMembers,
		[]byte("姓名,身份证号\n\"王\n镕\",3.71426199001011E+17\n"),
		[]byte("a,b\n\"x\ny\",2\n\n3,4"),
		[]byte("\"unterminated\n"),
		[]byte("a\tb\n1\t2\n"),
		{0xFF, 0xFE, 'a', 0, ',', 0, 'b', 0},
		{0xEF, 0xBB, 0xBF, 0xFF},
		{},
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := readCSV(b)
		if err != nil {
			if !utf8.ValidString(err.Error()) || err.Error() == "" {
				t.Fatalf("bad error %q", err)
			}
			return
		}
		last := 0
		for _, r := range recs {
			if r.Row <= last {
				t.Fatalf("row %d after %d in %q", r.Row, last, b)
			}
			last = r.Row
			for _, c := range r.Cells {
				if !utf8.ValidString(c) || bytes.IndexByte([]byte(c), 0) >= 0 {
					t.Fatalf("bad cell %q", c)
				}
			}
		}
	})
}
