package ui

import (
	"context"
	"strings"
	"testing"

	"liangwei/data"
)

// TestAuditShowsSettingsInChinese saves settings as the 设置 screen does and reads the rows
// of 操作日志: every setting by the label the 设置 screen gives it, never the stored key.
func TestAuditShowsSettingsInChinese(t *testing.T) {
	u, st := uibSetup(t)
	set := data.Settings{Township: "城关镇", County: "历城区", Leader: "王喆", Reviewer: "李昇", Preparer: "赵玥",
		Phone: "0531-88001234", Round: 2026, DataFolder: t.TempDir()}
	if err := st.SaveSettings(context.Background(), set); err != nil {
		t.Fatal(err)
	}
	s := uibAudit(u)
	s.kindSel.SetSelected("设置")
	s.wait()
	var got []string
	for i := 0; i < s.table.rowCount(); i++ {
		got = append(got, s.table.cellText(i, 4))
		if s.table.cellText(i, 3) != "设置" {
			t.Errorf("row %d kind = %q, want 设置", i, s.table.cellText(i, 3))
		}
	}
	joined := "," + strings.Join(got, ",") + ","
	for _, want := range []string{"乡镇（填报单位）", "县区", "负责人", "审核人", "填表人", "联系电话", "当前届次", "报表文件夹"} {
		if !strings.Contains(joined, ","+want+",") {
			t.Errorf("操作日志 records %v; %s missing", got, want)
		}
	}
	if len(got) != 8 {
		t.Errorf("%d settings rows, want 8: %v", len(got), got)
	}
}
