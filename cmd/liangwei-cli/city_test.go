package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"liangwei/demo"
)

// TestCityMerge generates a city of 6 townships as workbooks (demo --scale city), merges
// them with one import, and checks the progress lines, the figures against those stated by
// construction, and that importing the files again changes nothing.
func TestCityMerge(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "全市")
	db := filepath.Join(t.TempDir(), "city.db")
	out := mustRun(t, "demo", "--scale", "city", "--townships", "6", "--out", dir)
	today := time.Date(fixedNow.Year(), fixedNow.Month(), fixedNow.Day(), 0, 0, 0, 0, time.UTC)
	city := demo.CityOf(today, demo.Scale{Townships: 6, Villages: 508})
	var files []string
	for i, b := range city.Townships {
		name := b.Townships[0].Name + ".xlsx"
		if want := fmt.Sprintf("[%d/6] %s\n", i+1, name); !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
		files = append(files, filepath.Join(dir, name))
	}
	if !strings.Contains(out, "村（社区）508 个") {
		t.Errorf("demo output does not state the villages:\n%s", out)
	}

	out = mustRun(t, append([]string{"--db", db, "import"}, files...)...)
	total := 0
	for i, b := range city.Townships {
		want := fmt.Sprintf("[%d/6] %s.xlsx：新增 %d，更新 0，未变 0\n", i+1, b.Townships[0].Name, b.Len())
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
		total += b.Len()
	}
	if want := fmt.Sprintf("共 6 个文件，导入 6 个：新增 %d，更新 0，未变 0\n", total); !strings.HasSuffix(out, want) {
		t.Errorf("import output does not end with %q:\n%s", want, out)
	}
	if got := statsJSON(t, db); !reflect.DeepEqual(got, city.Expected) {
		t.Errorf("stats of the merged city:\n got %+v\nwant %+v", got, city.Expected)
	}

	// Importing every file again, or any one of them, changes nothing.
	out = mustRun(t, append([]string{"--db", db, "import"}, files...)...)
	if want := fmt.Sprintf("共 6 个文件，导入 6 个：新增 0，更新 0，未变 %d\n", total); !strings.HasSuffix(out, want) {
		t.Errorf("re-import output does not end with %q:\n%s", want, out)
	}
	out = mustRun(t, "--db", db, "import", files[3])
	if want := fmt.Sprintf("%s：新增 0，更新 0，未变 %d\n  数据指纹与导出时一致：%s\n", filepath.Base(files[3]), city.Townships[3].Len(), city.Townships[3].Townships[0].Name); out != want {
		t.Errorf("re-import of one file = %q, want %q", out, want)
	}
	if got := statsJSON(t, db); !reflect.DeepEqual(got, city.Expected) {
		t.Errorf("stats after re-import:\n got %+v\nwant %+v", got, city.Expected)
	}
}

// TestCityMergeRejectsOneFile merges three township files of which the second is damaged:
// it is refused whole, the others are imported, and the exit status is 1.
func TestCityMergeRejectsOneFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "全市")
	db := filepath.Join(t.TempDir(), "city.db")
	mustRun(t, "demo", "--scale", "city", "--townships", "3", "--out", dir)
	names, err := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if err != nil || len(names) != 3 {
		t.Fatalf("workbooks %v, %v", names, err)
	}
	if err := os.WriteFile(names[1], []byte("这不是工作簿"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, append([]string{"--db", db, "import"}, names...)...)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^\[1/3\] .+\.xlsx：新增 [1-9]\d*，更新 0，未变 0$`),
		regexp.MustCompile(`(?m)^\[3/3\] .+\.xlsx：新增 [1-9]\d*，更新 0，未变 0$`),
		regexp.MustCompile(`(?m)^共 3 个文件，导入 2 个：`),
	} {
		if !want.MatchString(out) {
			t.Errorf("stdout lacks %s:\n%s", want, out)
		}
	}
	if bad := fmt.Sprintf("[2/3] %s", filepath.Base(names[1])); !strings.Contains(errOut, bad) || strings.Contains(out, bad) {
		t.Errorf("the damaged file should be reported on stderr only:\nstdout:\n%s\nstderr:\n%s", out, errOut)
	}
	if s := statsJSON(t, db); s.Townships != 2 {
		t.Errorf("townships after the merge = %d, want 2", s.Townships)
	}
}

// TestDemoCityUsage checks the demo command's usage errors.
func TestDemoCityUsage(t *testing.T) {
	for _, args := range [][]string{
		{"demo", "--scale", "city"},
		{"demo", "--scale", "county", "--out", t.TempDir()},
		{"demo", "--out", t.TempDir()},
		{"demo", "--scale", "city", "--townships", "0", "--out", t.TempDir()},
		{"demo", "--scale", "city", "--townships", "5001", "--out", t.TempDir()},
	} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
