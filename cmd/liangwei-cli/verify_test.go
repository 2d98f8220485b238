package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"
)

// countyFixture makes a city of three townships as workbooks (demo --scale city) and returns
// the folder and the files, sorted by name.
func countyFixture(t *testing.T) (dir string, files []string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "县")
	mustRun(t, "demo", "--scale", "city", "--townships", "3", "--out", dir)
	files, _ = filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) != 3 {
		t.Fatalf("workbooks: %v", files)
	}
	return dir, files
}

// townshipPDF is the summary PDF a township makes from its own database, which holds only
// its workbook.
func townshipPDF(t *testing.T, workbook string) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "乡镇.db")
	mustRun(t, "--db", db, "import", workbook)
	pdf := filepath.Join(dir, "汇总表.pdf")
	mustRun(t, "--db", db, "report", "summary", "--out", pdf, "--date", "2026-11-25")
	return pdf
}

// TestVerifyInCountyDatabase: a township's summary PDF verifies as 一致 against a county
// database that merged its workbook with two others, and against one made by export →
// import of that; it says 不一致, naming the township and the sheet, once the township's
// data changed; the changed workbook is marked 已修改 on import.
func TestVerifyInCountyDatabase(t *testing.T) {
	_, files := countyFixture(t)
	town := strings.TrimSuffix(filepath.Base(files[0]), ".xlsx")
	pdf := townshipPDF(t, files[0])

	county := filepath.Join(t.TempDir(), "县.db")
	mustRun(t, append([]string{"--db", county, "import"}, files...)...)
	out := mustRun(t, "--db", county, "verify", pdf)
	for _, want := range []string{"换届完成情况汇总表（2026年，" + town + "，填报日期 2026-11-25）", "一致：PDF 所示数据与数据库中" + town + "的2026年台账一致"} {
		if !strings.Contains(out, want) {
			t.Errorf("verify output lacks %q:\n%s", want, out)
		}
	}

	// Export → import into an empty database keeps the fingerprint.
	exported := filepath.Join(t.TempDir(), "全县.xlsx")
	mustRun(t, "--db", county, "export", exported)
	copyDB := filepath.Join(t.TempDir(), "副本.db")
	out = mustRun(t, "--db", copyDB, "import", exported)
	if !strings.Contains(out, "数据指纹与导出时一致：") || strings.Contains(out, "已修改") {
		t.Errorf("import of the export:\n%s", out)
	}
	mustRun(t, "--db", copyDB, "verify", pdf)

	// The township's workbook edited by hand after export: 实参加人数 of its first election.
	edited := filepath.Join(t.TempDir(), filepath.Base(files[0]))
	x, err := excelize.OpenFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	col := headerColumn(t, x, "换届", "实参加人数")
	v, _ := x.GetCellValue("换届", col+"2")
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("实参加人数 %q: %v", v, err)
	}
	if err := x.SetCellValue("换届", col+"2", n-1); err != nil {
		t.Fatal(err)
	}
	if err := x.SaveAs(edited); err != nil {
		t.Fatal(err)
	}
	x.Close()
	out = mustRun(t, "--db", county, "import", edited)
	if !strings.Contains(out, "导出后已修改（数据指纹与文件所带的不一致）："+town) {
		t.Errorf("import of the edited workbook:\n%s", out)
	}
	code, out, errOut := runCLI(t, "--db", county, "verify", pdf)
	if code != 1 || !strings.Contains(out, "不一致") || !strings.Contains(out, town+"：换届（") || strings.Contains(out, "两委成员") {
		t.Errorf("verify after the change: exit %d\n%s%s", code, out, errOut)
	}

	// submissions shows the edited workbook and the verification.
	var sub struct {
		Received int
		Missing  []string
		Rows     []struct {
			Township string
			Latest   struct{ File, Print, Declared_print string }
			Verified *struct{ Result, File string }
		}
	}
	if err := json.Unmarshal([]byte(mustRun(t, "--db", county, "submissions", "--json")), &sub); err != nil {
		t.Fatal(err)
	}
	if sub.Received != 3 || len(sub.Missing) != 0 || sub.Rows[0].Township != town || sub.Rows[0].Verified == nil || sub.Rows[0].Verified.Result != "不一致" {
		t.Errorf("submissions = %+v", sub)
	}
	if out := mustRun(t, "--db", county, "submissions"); !strings.Contains(out, town+"  已修改") {
		t.Errorf("submissions text does not mark the edited workbook:\n%s", out)
	}
}

// headerColumn is the column letter of header in the sheet's first row.
func headerColumn(t *testing.T, x *excelize.File, sheet, header string) string {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	for i, h := range rows[0] {
		if h == header {
			c, _ := excelize.ColumnNumberToName(i + 1)
			return c
		}
	}
	t.Fatalf("no column %s in %s", header, sheet)
	return ""
}

// TestVerifyRefuses: a file that is no PDF, a damaged PDF, another program's PDF and one
// whose township the database lacks are each a Chinese message and exit 1, and nothing is
// recorded.
func TestVerifyRefuses(t *testing.T) {
	_, files := countyFixture(t)
	pdf := townshipPDF(t, files[0])
	raw, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var other bytes.Buffer
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.SetFont("Helvetica", "", 12)
	p.Cell(40, 10, "scanned elsewhere")
	if err := p.Output(&other); err != nil {
		t.Fatal(err)
	}
	county := filepath.Join(t.TempDir(), "县.db")
	mustRun(t, "--db", county, "import", files[1], files[2]) // not the PDF's township
	for _, c := range []struct{ name, file, want string }{
		{"not a PDF", files[1], "这不是PDF文件"},
		{"damaged", write("坏.pdf", raw[:len(raw)/2]), "PDF文件已损坏"},
		{"another program", write("别的.pdf", other.Bytes()), "没有两委台账的数据指纹"},
		{"township absent", pdf, "在本数据库中没有，无法核验"},
		{"missing file", filepath.Join(dir, "无.pdf"), "找不到文件"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "--db", county, "verify", c.file)
			if code != 1 || !strings.Contains(errOut, c.want) || out != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %q", code, out, errOut, c.want)
			}
		})
	}
	if out := mustRun(t, "--db", county, "submissions", "--json"); strings.Contains(out, `"verified":{`) {
		t.Errorf("a refused PDF was recorded:\n%s", out)
	}
	if code, _, _ := runCLI(t, "--db", county, "verify"); code != 2 {
		t.Errorf("verify without a file: exit %d, want 2", code)
	}
}

// TestSubmissionsAndReturn: submissions lists the townships received and those known from
// the 乡镇 sheet but not received; return marks one 退回 with its reason, logged.
func TestSubmissionsAndReturn(t *testing.T) {
	_, files := countyFixture(t)
	county := filepath.Join(t.TempDir(), "县.db")
	roster := filepath.Join(t.TempDir(), "乡镇名单.xlsx")
	writeWorkbook(t, roster, []string{"乡镇"}, sheets{"乡镇": {townshipHeader,
		{"城关镇", "青山县"}, {"柳河镇", "青山县"}, {"石桥镇", "青山县"}, {"白云乡", "青山县"}, {"黄山镇", "青山县"}}})
	mustRun(t, "--db", county, "import", roster)
	mustRun(t, "--db", county, "import", files[0], files[1])
	got := func(f string) string { return strings.TrimSuffix(filepath.Base(f), ".xlsx") }

	out := mustRun(t, "--db", county, "submissions")
	if !strings.Contains(out, "共 5 个乡镇，已收到 2 个，未收到 3 个") {
		t.Errorf("submissions:\n%s", out)
	}
	for _, f := range files[:2] {
		if !strings.Contains(out, got(f)+"  已报送  "+filepath.Base(f)) {
			t.Errorf("submissions lacks %s:\n%s", got(f), out)
		}
	}
	missing := out[strings.Index(out, "尚未收到："):]
	if !strings.Contains(missing, "白云乡") || !strings.Contains(missing, "黄山镇") || !strings.Contains(missing, got(files[2])) || strings.Contains(missing, got(files[0])) {
		t.Errorf("missing townships: %s", missing)
	}

	code, _, errOut := runCLI(t, "--db", county, "return", "--township", got(files[0]))
	if code != 2 || !strings.Contains(errOut, "--reason") {
		t.Errorf("return without a reason: exit %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", county, "return", "--township", "白云乡", "--reason", "x"); code != 1 || !strings.Contains(errOut, "还没有收到白云乡报送的文件") {
		t.Errorf("return of nothing: exit %d %s", code, errOut)
	}
	mustRun(t, "--db", county, "return", "--township", got(files[0]), "--reason", "两委成员缺主任，请补报")
	out = mustRun(t, "--db", county, "submissions")
	if !strings.Contains(out, got(files[0])+"  已退回（两委成员缺主任，请补报）") {
		t.Errorf("submissions after return:\n%s", out)
	}
	if log := mustRun(t, "--db", county, "audit", "--kind", "报送"); !strings.Contains(log, "退回") || !strings.Contains(log, "两委成员缺主任，请补报") {
		t.Errorf("audit lacks the return:\n%s", log)
	}
	// A new file from the township clears the 退回.
	mustRun(t, "--db", county, "import", files[0])
	if out := mustRun(t, "--db", county, "submissions"); !strings.Contains(out, got(files[0])+"  已报送") {
		t.Errorf("submissions after a new file:\n%s", out)
	}
}
