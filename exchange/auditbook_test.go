package exchange

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

func TestWriteAuditWorkbook(t *testing.T) {
	at := time.Date(2026, 3, 15, 2, 4, 5, 0, time.UTC)
	es := []data.AuditEntry{
		{At: at, OSUser: "clerk", Action: "update", Kind: "village", Record: "测试镇/东村",
			OldValue: `{"乡镇":"测试镇","村名":"东村","户数":320}`, NewValue: `{"乡镇":"测试镇","村名":"东村","户数":330}`},
		{At: at, OSUser: "clerk", Action: "update", Kind: "settings", Record: "township", OldValue: `"旧镇"`, NewValue: `"城关镇"`},
		{At: at, OSUser: "clerk", Action: "create", Kind: "election", Record: "测试镇/东村/2026/村委会",
			NewValue: `{"一次选举成功":true,"未完成原因":""}`, Source: "测试镇.xlsx"},
		{At: at, OSUser: "clerk", Action: "restore-backup", Kind: "file", Record: "x.db"},
	}
	var buf bytes.Buffer
	if err := WriteAuditWorkbook(&buf, es); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "操作日志" {
		t.Fatalf("sheets = %v, want only 操作日志", got)
	}
	rows, err := f.GetRows("操作日志")
	if err != nil {
		t.Fatal(err)
	}
	local := at.In(time.Local).Format("2006-01-02 15:04:05")
	want := [][]string{
		AuditHeader,
		{local, "clerk", "修改", "村庄", "测试镇/东村", "乡镇：测试镇；村名：东村；户数：320", "乡镇：测试镇；村名：东村；户数：330"},
		{local, "clerk", "修改", "设置", "乡镇（填报单位）", "旧镇", "城关镇"},
		{local, "clerk", "新增", "换届", "测试镇/东村/2026/村委会", "", "一次选举成功：是", "测试镇.xlsx"},
		{local, "clerk", "还原备份", "文件", "x.db"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		if got, w := strings.Join(rows[i], "|"), strings.Join(want[i], "|"); got != w {
			t.Errorf("row %d = %s\nwant   %s", i+1, got, w)
		}
	}
}
