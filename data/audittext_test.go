package data

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestActionName(t *testing.T) {
	for _, c := range []struct{ action, want string }{
		{"create", "新增"}, {"update", "修改"}, {"delete", "删除"}, {"restore", "恢复"}, {"import", "导入"},
		{"lock", "锁定"}, {"unlock", "解锁"}, {"backup", "备份"}, {"restore-backup", "还原备份"},
		{"merge", "merge"}, // a newer program's action is shown as stored
	} {
		t.Run(c.action, func(t *testing.T) {
			if got := ActionName(c.action); got != c.want {
				t.Errorf("ActionName(%q) = %q, want %q", c.action, got, c.want)
			}
		})
	}
}

func TestRecordText(t *testing.T) {
	for _, c := range []struct {
		name string
		e    AuditEntry
		want string
	}{
		{"old township key", AuditEntry{Kind: "settings", Record: "township"}, "乡镇（填报单位）"},
		{"store's township name", AuditEntry{Kind: "settings", Record: "乡镇"}, "乡镇（填报单位）"},
		{"old CLI township name", AuditEntry{Kind: "settings", Record: "填报单位"}, "乡镇（填报单位）"},
		{"old folder key", AuditEntry{Kind: "settings", Record: "data_folder"}, "报表文件夹"},
		{"old CLI folder name", AuditEntry{Kind: "settings", Record: "数据文件夹"}, "报表文件夹"},
		{"round key", AuditEntry{Kind: "settings", Record: "round"}, "当前届次"},
		{"a label as recorded", AuditEntry{Kind: "settings", Record: "负责人"}, "负责人"},
		{"unknown setting", AuditEntry{Kind: "settings", Record: "theme"}, "theme"},
		{"other kind keeps its record", AuditEntry{Kind: "village", Record: "phone"}, "phone"},
		{"a round's record", AuditEntry{Kind: "round", Record: "2026"}, "2026"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.e.RecordText(); got != c.want {
				t.Errorf("RecordText = %q, want %q", got, c.want)
			}
		})
	}
}

func TestSettingNamesAreUnique(t *testing.T) {
	seen := map[string]string{}
	for _, s := range SettingNames {
		for _, n := range append([]string{s.Key, s.Name}, s.Aliases...) {
			if k, dup := seen[n]; dup && k != s.Key {
				t.Errorf("%q names both %s and %s", n, k, s.Key)
			}
			seen[n] = s.Key
		}
	}
}

func TestEntryNames(t *testing.T) {
	at := time.Date(2026, 3, 15, 2, 4, 5, 0, time.UTC)
	e := AuditEntry{At: at, Action: "import", Kind: "file", Record: "a.xlsx"}
	if got, want := e.TimeText(), at.In(time.Local).Format("2006-01-02 15:04:05"); got != want {
		t.Errorf("TimeText = %q, want %q", got, want)
	}
	if got := (AuditEntry{}).TimeText(); got != "" {
		t.Errorf("zero TimeText = %q, want empty", got)
	}
	if got := e.ActionText() + " " + e.KindText(); got != "导入 文件" {
		t.Errorf("ActionText KindText = %q, want 导入 文件", got)
	}
	if got := (AuditEntry{Kind: "gadget"}).KindText(); got != "gadget" {
		t.Errorf("unknown KindText = %q, want the code", got)
	}
}

func TestAuditFields(t *testing.T) {
	for _, c := range []struct {
		name, v string
		want    []AuditField
	}{
		{"empty", "", nil},
		{"blank", "  ", nil},
		{"object in order", `{"乡镇":"测试镇","户数":320,"人口":1.5e3}`, []AuditField{{"乡镇", "测试镇"}, {"户数", "320"}, {"人口", "1.5e3"}}},
		{"booleans and null", `{"自动":true,"一次选举成功":false,"文件":null}`, []AuditField{{"自动", "是"}, {"一次选举成功", "否"}, {"文件", ""}}},
		{"escaped string", `{"原因":"说\"明\"\n第二行"}`, []AuditField{{"原因", "说\"明\"\n第二行"}}},
		{"nested value", `{"大小":[1, 2],"x":{"a": 1}}`, []AuditField{{"大小", "[1,2]"}, {"x", `{"a":1}`}}},
		{"plain string", `"0537-5212345"`, []AuditField{{"", "0537-5212345"}}},
		{"plain number", `2026`, []AuditField{{"", "2026"}}},
		{"plain boolean", `true`, []AuditField{{"", "是"}}},
		{"array", `[1,2]`, []AuditField{{"", "[1,2]"}}},
		{"not JSON", `已上报`, []AuditField{{"", "已上报"}}},
		{"broken object", `{"a":`, []AuditField{{"", `{"a":`}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := AuditFields(c.v); !reflect.DeepEqual(got, c.want) {
				t.Errorf("AuditFields(%q) = %q, want %q", c.v, got, c.want)
			}
		})
	}
}

func TestAuditValueText(t *testing.T) {
	for _, c := range []struct{ name, v, want string }{
		{"empty", "", ""},
		{"object without empty fields", `{"乡镇":"测试镇","村名":"东村","区划代码":"","备注":null}`, "乡镇：测试镇；村名：东村"},
		{"boolean", `{"一次选举成功":true}`, "一次选举成功：是"},
		{"plain", `"已上报"`, "已上报"},
		{"not JSON", `已上报`, "已上报"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := AuditValueText(c.v); got != c.want {
				t.Errorf("AuditValueText(%q) = %q, want %q", c.v, got, c.want)
			}
		})
	}
}

func TestAuditDiff(t *testing.T) {
	for _, c := range []struct {
		name, old, new string
		want           []AuditChange
	}{
		{"changed fields in the new order", `{"乡镇":"河西镇","状态":"进行中","实参加人数":0,"完成日期":""}`,
			`{"乡镇":"河西镇","完成日期":"2026-04-10","状态":"已完成","实参加人数":0}`,
			[]AuditChange{{"完成日期", "", "2026-04-10"}, {"状态", "进行中", "已完成"}}},
		{"field gone", `{"a":"1","b":"2","c":""}`, `{"a":"1"}`, []AuditChange{{"b", "2", ""}}},
		{"boolean flipped", `{"一次选举成功":true}`, `{"一次选举成功":false}`, []AuditChange{{"一次选举成功", "是", "否"}}},
		{"plain values", `"a"`, `"b"`, []AuditChange{{"", "a", "b"}}},
		{"created", "", `{"a":"1"}`, []AuditChange{{"a", "", "1"}}},
		{"no change", `{"a":1}`, `{"a":1}`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := AuditDiff(c.old, c.new); !reflect.DeepEqual(got, c.want) {
				t.Errorf("AuditDiff = %q, want %q", got, c.want)
			}
		})
	}
}

func TestChangeTexts(t *testing.T) {
	for _, c := range []struct {
		name             string
		old, new         string
		wantOld, wantNew string
	}{
		{"update shows differing fields", `{"乡镇":"测试镇","户数":320,"人口":1100}`, `{"乡镇":"测试镇","户数":330,"人口":1100}`, "户数：320", "户数：330"},
		{"create shows the new value", "", `{"乡镇":"测试镇","村名":"东村","区划代码":""}`, "", "乡镇：测试镇；村名：东村"},
		{"delete shows the old value", `{"乡镇":"测试镇"}`, "", "乡镇：测试镇", ""},
		{"emptied field", `{"原因":"待定"}`, `{"原因":""}`, "原因：待定", "原因：（空）"},
		{"no change", `{"a":1}`, `{"a":1}`, "（无变化）", "（无变化）"},
		{"not objects", `"x"`, `[1,2]`, "x", "[1,2]"},
		{"setting", `"旧镇"`, `"新镇"`, "旧镇", "新镇"},
	} {
		t.Run(c.name, func(t *testing.T) {
			gotOld, gotNew := AuditEntry{OldValue: c.old, NewValue: c.new}.ChangeTexts()
			if gotOld != c.wantOld || gotNew != c.wantNew {
				t.Errorf("ChangeTexts = %q, %q; want %q, %q", gotOld, gotNew, c.wantOld, c.wantNew)
			}
		})
	}
}

func TestDetail(t *testing.T) {
	for _, c := range []struct {
		name string
		e    AuditEntry
		want string
	}{
		{"update lists changed fields in order",
			AuditEntry{Action: "update", OldValue: `{"乡镇":"河西镇","状态":"进行中","实参加人数":0,"完成日期":""}`,
				NewValue: `{"乡镇":"河西镇","状态":"已完成","实参加人数":95,"完成日期":"2026-04-10"}`},
			"状态：进行中 → 已完成；实参加人数：0 → 95；完成日期：（空） → 2026-04-10"},
		{"update of a plain value", AuditEntry{Action: "update", Kind: "settings", Record: "phone", NewValue: `"0537-5212345"`},
			"（空） → 0537-5212345"},
		{"update with a field gone", AuditEntry{Action: "update", OldValue: `{"a":"1","b":"2"}`, NewValue: `{"a":"1"}`},
			"b：2 → （空）"},
		{"update of a boolean", AuditEntry{Action: "update", OldValue: `{"一次选举成功":false}`, NewValue: `{"一次选举成功":true}`},
			"一次选举成功：否 → 是"},
		{"unlock shows its reason", AuditEntry{Action: "unlock", NewValue: `{"届次":2026,"原因":"更正数据，重新上报"}`},
			"届次：2026；原因：更正数据，重新上报"},
		{"lock with a plain string", AuditEntry{Action: "lock", NewValue: `"已上报"`}, "已上报"},
		{"import counts, source is the record", AuditEntry{Action: "import", Kind: "file", Record: "a.xlsx", Source: "a.xlsx",
			NewValue: `{"新增":3,"更新":0,"未变":1}`}, "新增：3；更新：0；未变：1"},
		{"created from a file", AuditEntry{Action: "create", Source: "a.xlsx", NewValue: `{"乡镇":"河西镇"}`}, "来源：a.xlsx"},
		{"updated from a file", AuditEntry{Action: "update", Source: "a.xlsx", OldValue: `{"a":"1"}`, NewValue: `{"a":"2"}`}, "a：1 → 2；来源：a.xlsx"},
		{"delete by hand", AuditEntry{Action: "delete", OldValue: `{"乡镇":"河西镇"}`}, ""},
		{"booleans and nulls", AuditEntry{Action: "backup", NewValue: `{"自动":true,"文件":null,"大小":[1,2]}`},
			"自动：是；大小：[1,2]"},
		{"old value only", AuditEntry{Action: "restore-backup", OldValue: `{"文件":"x.db"}`}, "文件：x.db"},
		{"not JSON", AuditEntry{Action: "lock", NewValue: `已上报`}, "已上报"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.e.Detail(); got != c.want {
				t.Errorf("Detail = %q, want %q", got, c.want)
			}
		})
	}
}

func TestEntryText(t *testing.T) {
	at := time.Date(2026, 3, 15, 2, 4, 5, 0, time.UTC)
	e := AuditEntry{At: at, OSUser: "clerk", Action: "update", Kind: "settings", Record: "township",
		OldValue: `"旧镇"`, NewValue: `"城关镇"`, Source: "设置"}
	want := at.In(time.Local).Format("2006-01-02 15:04:05") + " clerk 修改 设置 乡镇（填报单位）\n原值：旧镇\n新值：城关镇\n来源：设置"
	if got := e.Text(); got != want {
		t.Errorf("Text =\n%s\nwant\n%s", got, want)
	}
	if got := (AuditEntry{Action: "create", Kind: "village", Record: "x/东村"}).Text(); !strings.HasSuffix(got, "新增 村庄 x/东村") || strings.Contains(got, "\n") {
		t.Errorf("Text of a bare entry = %q", got)
	}
}

// FuzzAuditFields: any stored text reads without a panic, and an object of strings reads
// back to its strings, key by key (the last of a repeated key is what a decoder keeps).
func FuzzAuditFields(f *testing.F) {
	for _, s := range []string{"", `{"a":1}`, `"x"`, `[1,2]`, `{"a":`, `{"a":{"b":[true,null]}}`, "已上报", `{"a":"\u4e61\n","a":"b"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs := AuditFields(s)
		var m map[string]string
		if json.Unmarshal([]byte(s), &m) == nil && m != nil {
			last := map[string]string{}
			for _, f := range fs {
				last[f.Header] = f.Value
			}
			if !reflect.DeepEqual(last, m) {
				t.Errorf("AuditFields(%q) = %q, want the fields of %q", s, fs, m)
			}
		}
		_ = AuditValueText(s)
		_ = AuditEntry{OldValue: s, NewValue: s, Action: "update"}.Detail()
	})
}
