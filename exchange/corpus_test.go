package exchange

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"liangwei/data"
)

// The corpus (testdata/corpus) holds files that our own writer did not make: workbooks
// written by openpyxl (inline strings, formulas without computed values, a 1904 workbook),
// the same saved by LibreOffice, a county's form with a title, a 填报单位 line, a two-level
// header, a 合计 row and a signature line, and CSV files in GBK, UTF-16 and UTF-8 with BOM.
// make_corpus.py writes them; each file's expected outcome is asserted here.

// corpusDirs are the folders checked: the committed copies, and, when python3 with openpyxl
// and LibreOffice are installed, the files made again by them now, so the corpus keeps
// matching what those programs write today.
func corpusDirs(t *testing.T) []string {
	dirs := []string{filepath.Join("testdata", "corpus")}
	if testing.Short() {
		return dirs
	}
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import openpyxl").Run() != nil {
		t.Log("python3-openpyxl not installed: the committed corpus only")
		return dirs
	}
	dir := t.TempDir()
	if out, err := exec.Command(py, filepath.Join("testdata", "corpus", "make_corpus.py"), dir).CombinedOutput(); err != nil {
		t.Fatalf("make_corpus.py: %v\n%s", err, out)
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		// Without LibreOffice the committed LibreOffice copies stand in.
		for _, name := range []string{"libreoffice-换届统计表.xlsx", "libreoffice-mac1904-约谈.xlsx"} {
			b, err := os.ReadFile(filepath.Join("testdata", "corpus", name))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, name), b)
		}
		return append(dirs, dir)
	}
	lo := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(lo, "profile"),
		"--convert-to", "xlsx", "--outdir", lo, filepath.Join(dir, "official-换届统计表.xlsx"), filepath.Join(dir, "mac1904-约谈.xlsx"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for from, to := range map[string]string{"official-换届统计表.xlsx": "libreoffice-换届统计表.xlsx", "mac1904-约谈.xlsx": "libreoffice-mac1904-约谈.xlsx"} {
		if err := os.Rename(filepath.Join(lo, from), filepath.Join(dir, to)); err != nil {
			t.Fatal(err)
		}
	}
	return append(dirs, dir)
}

func TestCorpus(t *testing.T) {
	for i, dir := range corpusDirs(t) {
		name := "committed"
		if i > 0 {
			name = "made now"
		}
		t.Run(name, func(t *testing.T) { checkCorpus(t, dir) })
	}
}

// importOK imports a corpus file, failing on any error, and returns its warnings.
func importOK(t *testing.T, st Importer, path string) Issues {
	t.Helper()
	p, _, err := Import(ctx, st, path, "", today)
	if err != nil {
		t.Fatalf("%s: %v\n%v", filepath.Base(path), err, p.Issues)
	}
	return p.Issues
}

// hasIssue reports whether is holds an issue whose text starts with prefix.
func hasIssue(is Issues, prefix string) bool {
	for _, i := range is {
		if strings.HasPrefix(i.String(), prefix) {
			return true
		}
	}
	return false
}

func wantIssues(t *testing.T, is Issues, prefixes ...string) {
	t.Helper()
	for _, p := range prefixes {
		if !hasIssue(is, p) {
			t.Errorf("no issue %q in:\n%v", p, is)
		}
	}
}

func checkCorpus(t *testing.T, dir string) {
	file := func(name string) string { return filepath.Join(dir, name) }
	eligible := []int{900, 760, 3100, 600, 410} // 东关村 … 王家庄村, as make_corpus.py writes them
	participants := []int{812, 700, 2650, 540, 390}
	sum := func(xs []int) int {
		n := 0
		for _, x := range xs {
			n += x
		}
		return n
	}

	t.Run("openpyxl ledger, then the county form (openpyxl and LibreOffice)", func(t *testing.T) {
		for _, form := range []string{"official-换届统计表.xlsx", "libreoffice-换届统计表.xlsx"} {
			st := openStore(t)
			ws := importOK(t, st, file("openpyxl-台账.xlsx"))
			wantIssues(t, ws, "openpyxl-台账.xlsx:村庄:1:H列: 列标题“备注”不是“村庄”表的列，该列已忽略")
			b := snapshot(t, st)
			if len(b.Townships) != 1 || len(b.Villages) != 5 || len(b.Elections) != 5 {
				t.Fatalf("ledger: %d townships, %d villages, %d elections", len(b.Townships), len(b.Villages), len(b.Elections))
			}
			el, pa := 0, 0
			days := map[string]bool{}
			for _, e := range b.Elections {
				el, pa = el+e.Eligible, pa+e.Participants
				days[data.FormatDate(e.CompletedOn)] = true
			}
			if el != sum(eligible) || pa != sum(participants) {
				t.Errorf("ledger: 应参加 %d 实参加 %d, want %d %d", el, pa, sum(eligible), sum(participants))
			}
			for _, d := range []string{"2026-03-15", "2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19"} {
				if !days[d] {
					t.Errorf("ledger: no election completed on %s (got %v)", d, days)
				}
			}

			ws = importOK(t, st, file(form))
			wantIssues(t, ws,
				form+":换届:1: 表头在第3行，此行（“城关镇村“两委”换届情况统计表（2026年）”）不是数据，已跳过",
				form+":换届:2: 表头在第3行",
				form+":换届:10: 此行是合计行，数据到此为止")
			if ws.HasErrors() {
				t.Fatalf("%s: %v", form, ws)
			}
			b = snapshot(t, st)
			if len(b.Elections) != 5 {
				t.Fatalf("%s: %d elections, want the same 5", form, len(b.Elections))
			}
			el, pa = 0, 0
			for _, e := range b.Elections {
				el, pa = el+e.Eligible, pa+e.Participants
				if got := data.FormatDate(e.CompletedOn); got != "2026-04-02" || !e.OneTime {
					t.Errorf("%s: %s completed %s one-time %v", form, e.Village, got, e.OneTime)
				}
			}
			if el != sum(eligible) || pa != sum(participants) {
				t.Errorf("%s: 应参加 %d 实参加 %d, want %d %d (the 合计 row must not be a record)", form, el, pa, sum(eligible), sum(participants))
			}
		}
	})

	t.Run("1904 date system (openpyxl and LibreOffice)", func(t *testing.T) {
		for _, name := range []string{"mac1904-约谈.xlsx", "libreoffice-mac1904-约谈.xlsx"} {
			st := openStore(t)
			importOK(t, st, file("openpyxl-台账.xlsx"))
			importOK(t, st, file(name))
			talks, err := st.Talks(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, k := range talks {
				got = append(got, data.FormatDate(k.Date))
			}
			if strings.Join(got, " ") != "2026-03-15 2026-03-16 2026-12-31" {
				t.Errorf("%s: talk dates %v, want 2026-03-15 2026-03-16 2026-12-31", name, got)
			}
		}
	})

	t.Run("ID numbers stored as numbers are refused", func(t *testing.T) {
		st := openStore(t)
		importOK(t, st, file("openpyxl-台账.xlsx"))
		before := snapshot(t, st)
		p, _, err := Import(ctx, st, file("openpyxl-成员身份证为数字.xlsx"), "", today)
		if !errors.Is(err, ErrRejected) {
			t.Fatalf("err = %v, want ErrRejected", err)
		}
		wantIssues(t, p.Issues.Errors(),
			"openpyxl-成员身份证为数字.xlsx:两委成员:3:身份证号: 身份证号",
			"openpyxl-成员身份证为数字.xlsx:两委成员:4:身份证号: 身份证号被 Excel 当成数字保存")
		for _, i := range p.Issues.Errors() {
			if !strings.Contains(i.Message, "“文本”格式") {
				t.Errorf("%v does not say how to fix it", i)
			}
		}
		if len(p.Issues.Errors()) != 2 {
			t.Errorf("errors: %v", p.Issues.Errors())
		}
		sameBatch(t, snapshot(t, st), before)
	})

	t.Run("CSV in GBK, UTF-16 and UTF-8 with BOM, invisible characters in keys", func(t *testing.T) {
		st := openStore(t)
		for _, name := range []string{"城关镇-村庄-gbk.csv", "城关镇-村庄-utf16.csv", "城关镇-村庄-utf8bom.csv"} {
			ws := importOK(t, st, file(name))
			if name != "城关镇-村庄-utf8bom.csv" {
				wantIssues(t, ws, name+":村庄:1: 表头在第3行", name+":村庄:3:A列: 列标题“序号”不是“村庄”表的列，该列已忽略", name+":村庄:9: 此行是合计行")
			} else {
				wantIssues(t, ws, name+":村庄:1:A列: 列标题“序号”不是“村庄”表的列，该列已忽略")
			}
			b := snapshot(t, st)
			if len(b.Townships) != 1 || len(b.Villages) != 5 {
				t.Fatalf("after %s: %d townships %v, %d villages: a look-alike made a new one", name, len(b.Townships), b.Townships, len(b.Villages))
			}
			hh, pop := 0, 0
			for _, v := range b.Villages {
				hh, pop = hh+v.Households, pop+v.Population
				if v.Township != "城关镇" {
					t.Errorf("township %q", v.Township)
				}
			}
			if hh != 2460 || pop != 7650 {
				t.Errorf("after %s: 户数 %d 人口 %d, want 2460 7650", name, hh, pop)
			}
		}
		p, _, err := Import(ctx, st, file("城关镇-村庄-控制字符.csv"), "", today)
		if !errors.Is(err, ErrRejected) || len(p.Issues.Errors()) != 1 {
			t.Fatalf("control character: err %v, %v", err, p.Issues)
		}
		wantIssues(t, p.Issues, "城关镇-村庄-控制字符.csv:村庄:3:村名: 含有不可见的控制字符（U+0007）")
	})
}
