package exchange

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

// partyWorkSheets is a village with three people on the way to membership and two
// commendations, written as a clerk's workbook has them.
func partyWorkSheets() []sheetData {
	v := villageName(0)
	return []sheetData{
		{"村庄", [][]any{villageHeader, {"城关镇", v, "村", 300, 1200, "", "正常"}}},
		{"发展党员", [][]any{
			{"乡镇", "村名", "姓名", "身份证号", "性别", "出生日期", "民族", "学历", "申请入党日期", "确定积极分子日期", "确定发展对象日期",
				"接收预备党员日期", "转为正式党员日期", "培养联系人", "入党介绍人", "政审情况", "备注"},
			{"城关镇", v, "韩一", makeID(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), 1, false), nil, nil, "汉族", "本科", "2023/3/1",
				"2023年9月1日", "2024-10-08", "2025-01-10", "2026-01-10", "赵一", "赵一、钱二", "政审合格", nil},
			{"城关镇", v, "杨二", makeID(time.Date(1999, 2, 2, 0, 0, 0, 0, time.UTC), 2, true), "女", nil, "汉族", "大专", "2024-03-01",
				"2024-06-01", "2025-06-02", nil, nil, "赵一", "赵一、钱二", "政审合格", nil},
		}},
		{"表彰", [][]any{
			{"年度", "乡镇", "村名", "表彰类别", "对象", "身份证号", "表彰单位", "表彰日期", "文号"},
			{2026, "城关镇", v, "先进基层党组织", v + "党支部", nil, "中共青山市委", "2026-06-28", "青市发〔2026〕12号"},
			{"2026年", "城关镇", nil, "优秀乡镇(街道)党(工)委书记", "王志刚", makeID(time.Date(1975, 1, 1, 0, 0, 0, 0, time.UTC), 9, false), "市级", "2026-06-28", "青市发〔2026〕12号"},
		}},
	}
}

// TestPartyWorkWorkbook: both sheets import with the spellings clerks use, export and
// re-import to the same cells, and the template has both with their drop-downs.
func TestPartyWorkWorkbook(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t)
	p, res, err := Import(ctx, st, writeXLSX(t, dir, "党建.xlsx", partyWorkSheets()...), "", today)
	if err != nil || res.Inserted != 5 {
		t.Fatalf("import: %+v %v %v", res, err, p.Issues)
	}
	l, err := st.Ledger(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if d := l.Developments[0]; d.Stage() != data.StageFull || d.Education != data.EduBachelor || d.Gender != data.Male {
		t.Errorf("development read as %+v (stage %s)", d, d.Stage())
	}
	if c := l.Commendations; len(c) != 2 || c[0].Level != data.ByCity || c[1].Category != data.CommendTownSecretary || c[1].Village != "" {
		t.Errorf("commendations read as %+v", c)
	}
	exp1 := filepath.Join(dir, "export1.xlsx")
	exportTo(t, st, exp1)
	second := openStore(t)
	if p, _, err := Import(ctx, second, exp1, "", today); err != nil {
		t.Fatalf("re-import: %v %v", err, p.Issues)
	}
	exp2 := filepath.Join(dir, "export2.xlsx")
	exportTo(t, second, exp2)
	if !reflect.DeepEqual(cells(t, exp1), cells(t, exp2)) {
		t.Errorf("export → import → export differs")
	}

	path := filepath.Join(dir, "模板.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteTemplate(out); err != nil {
		t.Fatal(err)
	}
	out.Close()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, want := range map[string]map[string]string{
		"发展党员": {"E2:E5000": `"男,女"`, "H2:H5000": `"初中及以下,高中中专,大专,本科及以上"`},
		"表彰":   {"D2:D5000": `"先进基层党组织,优秀共产党员,优秀党务工作者,优秀乡镇（街道）党（工）委书记,优秀村党组织书记,其他"`, "G2:G5000": `"县级,市级,省级,全国"`},
	} {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, dv := range dvs {
			got[dv.Sqref] = dv.Formula1
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("template %s drop-downs = %v, want %v", sheet, got, want)
		}
	}
}

// TestDevelopmentTooEarlyRefused: a 发展对象 dated less than a year after 积极分子 refuses the
// file, the error on 确定发展对象日期 of its row.
func TestDevelopmentTooEarlyRefused(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t)
	sheets := partyWorkSheets()
	sheets[1].rows[2][10] = "2025-05-31" // 积极分子 2024-06-01: one day short of a year
	before := snapshot(t, st)
	p, _, err := Import(ctx, st, writeXLSX(t, dir, "早.xlsx", sheets...), "", today)
	if !errors.Is(err, ErrRejected) {
		t.Fatalf("import = %v", err)
	}
	if is, ok := findIssue(p.Issues, "发展党员", 3, "确定发展对象日期"); !ok || is.Level != data.LevelError {
		t.Errorf("issues = %v, want an error on 发展党员:3:确定发展对象日期", p.Issues)
	}
	sameBatch(t, snapshot(t, st), before)
}
