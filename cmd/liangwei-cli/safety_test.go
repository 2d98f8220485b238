package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/data/sqlite"
)

func TestLockRefusesImportUntilUnlockedWithReason(t *testing.T) {
	db, dir := importedHexi(t)
	wb := filepath.Join(dir, "河西镇更正.xlsx")
	writeWorkbook(t, wb, []string{"换届"}, sheets{"换届": {electionHeader,
		{"河西镇", hexiVillage(48), 2026, "党组织", "已完成", "2026-04-10", "是", 100, 95, 5, 6, 5, ""}}})
	locked := (&data.LockedError{Round: 2026}).Error()

	out := mustRun(t, "--db", db, "lock", "--round", "2026", "--note", "已报县委组织部")
	if !strings.Contains(out, "已锁定 2026年届次") {
		t.Errorf("lock printed %q", out)
	}
	if out := mustRun(t, "--db", db, "locks"); !strings.Contains(out, "2026年") || !strings.Contains(out, "已报县委组织部") {
		t.Errorf("locks printed %q, want 2026 with its note", out)
	}
	if out := mustRun(t, "--db", db, "lock", "--round", "2026"); !strings.Contains(out, "未作改动") {
		t.Errorf("locking a locked round printed %q, want 未作改动", out)
	}

	before := statsText(t, db)
	// Every write touching the locked round: exit 1 with the lock's message, nothing written.
	for _, args := range [][]string{
		{"import", wb},
		{"demo"}, // the demo's round is 2026 on the tests' clock
	} {
		code, _, errOut := runCLI(t, append([]string{"--db", db}, args...)...)
		if code != 1 || !strings.Contains(errOut, locked) {
			t.Errorf("%v on a locked round: exit %d, stderr %q; want 1 and %q", args, code, errOut, locked)
		}
		if got := statsText(t, db); got != before {
			t.Errorf("%v on a locked round changed the figures:\n%s\nwant\n%s", args, got, before)
		}
	}

	// Unlocking needs a reason: usage error, still locked.
	for _, args := range [][]string{
		{"unlock", "--round", "2026"},
		{"unlock", "--round", "2026", "--reason", "   "},
	} {
		code, _, errOut := runCLI(t, append([]string{"--db", db}, args...)...)
		if code != 2 || !strings.Contains(errOut, "--reason") {
			t.Errorf("%v: exit %d, stderr %q; want 2 asking for --reason", args, code, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "--db", db, "import", wb); code != 1 || !strings.Contains(errOut, locked) {
		t.Errorf("import after a refused unlock: exit %d, stderr %q; want still locked", code, errOut)
	}

	reason := "县委组织部要求更正河西48村党组织换届"
	out = mustRun(t, "--db", db, "unlock", "--round", "2026", "--reason", reason)
	if !strings.Contains(out, "已解锁 2026年届次") || !strings.Contains(out, reason) {
		t.Errorf("unlock printed %q", out)
	}
	if out := mustRun(t, "--db", db, "locks"); !strings.Contains(out, "没有已锁定") {
		t.Errorf("locks after unlock printed %q", out)
	}
	if out := mustRun(t, "--db", db, "import", wb); !strings.Contains(out, "更新 1") {
		t.Errorf("import after unlock printed %q, want 更新 1", out)
	}
	if got := statsJSON(t, db); got.PartyOrg.Completed != 48 {
		t.Errorf("after the unlocked import 党组织 completed = %d, want 48", got.PartyOrg.Completed)
	}

	// The audit log shows the lock with its note and the unlock with its reason.
	out = mustRun(t, "--db", db, "audit", "--kind", "届次")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("audit --kind 届次 printed %d lines, want the header, unlock and lock:\n%s", len(lines), out)
	}
	for i, want := range []struct{ action, text string }{{"解锁", reason}, {"锁定", "已报县委组织部"}} {
		if l := lines[i+1]; !strings.Contains(l, want.action) || !strings.Contains(l, want.text) {
			t.Errorf("audit line %d = %q, want %s with %q", i+1, l, want.action, want.text)
		}
	}
}

// auditRows runs audit --json with extra filters and decodes it.
func auditRows(t *testing.T, db string, extra ...string) []auditJSON {
	t.Helper()
	out := mustRun(t, append([]string{"--db", db, "audit", "--json"}, extra...)...)
	var rows []auditJSON
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("audit --json printed invalid JSON: %v\n%s", err, out)
	}
	return rows
}

func TestAuditFilters(t *testing.T) {
	db, dir := importedHexi(t)
	changeHexi(t, db, dir)
	mustRun(t, "--db", db, "lock", "--round", "2026")
	mustRun(t, "--db", db, "unlock", "--round", "2026", "--reason", "更正")

	all := auditRows(t, db)
	// 148 created records, 2 file rows, 1 update, lock and unlock.
	if len(all) < 148+2+1+2 {
		t.Fatalf("audit --json has %d entries, want at least 153", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].ID >= all[i-1].ID {
			t.Fatalf("audit is not newest first: id %d after %d", all[i].ID, all[i-1].ID)
		}
	}

	// The audit clock is the real one (the store's), so the date filters use today's date.
	day := func(d int) string { return time.Now().AddDate(0, 0, d).Format("2006-01-02") }
	tests := []struct {
		name  string
		args  []string
		count func(n int) bool
		each  func(e auditJSON) bool
	}{
		{"kind election", []string{"--kind", "换届"}, func(n int) bool { return n == 97+1 },
			func(e auditJSON) bool { return e.Kind == "election" }},
		{"kind in English", []string{"--kind", "village"}, func(n int) bool { return n == 50 },
			func(e auditJSON) bool { return e.Kind == "village" }},
		{"kind round", []string{"--kind", "届次"}, func(n int) bool { return n == 2 },
			func(e auditJSON) bool { return e.Kind == "round" }},
		{"village", []string{"--village", hexiVillage(48)}, func(n int) bool { return n >= 3 },
			func(e auditJSON) bool { return strings.Contains(e.Record, hexiVillage(48)) }},
		{"village and kind", []string{"--village", hexiVillage(48), "--kind", "换届"}, func(n int) bool { return n == 2 }, // created, updated
			func(e auditJSON) bool { return e.Kind == "election" && strings.Contains(e.Record, hexiVillage(48)) }},
		{"limit", []string{"--limit", "2"}, func(n int) bool { return n == 2 },
			func(e auditJSON) bool { return e.ID == all[0].ID || e.ID == all[1].ID }},
		{"since and until around today", []string{"--since", day(-1), "--until", day(1)}, func(n int) bool { return n == len(all) },
			func(auditJSON) bool { return true }},
		{"since tomorrow", []string{"--since", day(2)}, func(n int) bool { return n == 0 }, nil},
		{"until yesterday", []string{"--until", day(-2)}, func(n int) bool { return n == 0 }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := auditRows(t, db, tt.args...)
			if !tt.count(len(got)) {
				t.Errorf("%v gave %d entries", tt.args, len(got))
			}
			for _, e := range got {
				if tt.each != nil && !tt.each(e) {
					t.Errorf("%v gave %+v", tt.args, e)
				}
			}
		})
	}

	// The table: the update shows what changed, a cut table says so.
	out := mustRun(t, "--db", db, "audit", "--village", hexiVillage(48), "--kind", "换届", "--limit", "1")
	if !strings.Contains(out, "修改") || !strings.Contains(out, "状态：进行中 → 已完成") || !strings.Contains(out, "来源：河西镇更正.xlsx") {
		t.Errorf("audit table of the update:\n%s", out)
	}
	if !strings.Contains(out, "仅显示最新 1 条") {
		t.Errorf("a cut audit table does not say so:\n%s", out)
	}
	if out := mustRun(t, "--db", db, "audit", "--since", day(2)); !strings.Contains(out, "没有符合条件的操作记录") {
		t.Errorf("an empty audit printed %q", out)
	}
}

func TestTrashAndRestore(t *testing.T) {
	db, _ := importedHexi(t)
	before := statsText(t, db)

	// Delete an election and a village through the store, as the desktop program does.
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	es, err := st.Elections(t.Context(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	var eid int64
	for _, e := range es {
		if e.Village == hexiVillage(1) && e.Body == data.BodyCommittee {
			eid = e.ID
		}
	}
	vs, err := st.Villages(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var vid int64
	for _, v := range vs {
		if v.Name == hexiVillage(2) {
			vid = v.ID
		}
	}
	if eid == 0 || vid == 0 {
		t.Fatalf("fixture lacks 河西01村's 村委会 election (%d) or 河西02村 (%d)", eid, vid)
	}
	if err := st.DeleteElection(t.Context(), eid); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteVillage(t.Context(), vid); err != nil {
		t.Fatal(err)
	}
	st.Close()

	deleted := statsText(t, db)
	if deleted == before {
		t.Fatal("deleting did not change the figures; the test proves nothing")
	}
	out := mustRun(t, "--db", db, "trash")
	for _, want := range []string{"换届", strconv.FormatInt(eid, 10), hexiVillage(1), "村庄", hexiVillage(2), "共 2 条"} {
		if !strings.Contains(out, want) {
			t.Errorf("trash printed\n%s\nlacking %q", out, want)
		}
	}

	// Bad arguments are usage errors; an ID not in the bin is a user error.
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"trash", "restore"}, 2},
		{[]string{"trash", "restore", "换届"}, 2},
		{[]string{"trash", "restore", "换届", "abc"}, 2},
		{[]string{"trash", "restore", "bogus", "1"}, 2},
		{[]string{"trash", "empty"}, 2},
		{[]string{"trash", "restore", "换届", "999999"}, 1},
		{[]string{"trash", "restore", "村庄", strconv.FormatInt(eid, 10)}, 1},
	} {
		if code, _, errOut := runCLI(t, append([]string{"--db", db}, tt.args...)...); code != tt.code || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want %d", tt.args, code, errOut, tt.code)
		}
	}
	if got := statsText(t, db); got != deleted {
		t.Error("a refused trash restore changed the figures")
	}

	// A locked round refuses the restore of its election.
	mustRun(t, "--db", db, "lock", "--round", "2026")
	locked := (&data.LockedError{Round: 2026}).Error()
	if code, _, errOut := runCLI(t, "--db", db, "trash", "restore", "换届", strconv.FormatInt(eid, 10)); code != 1 || !strings.Contains(errOut, locked) {
		t.Errorf("restore into a locked round: exit %d, stderr %q; want 1 and %q", code, errOut, locked)
	}
	mustRun(t, "--db", db, "unlock", "--round", "2026", "--reason", "恢复误删记录")

	out = mustRun(t, "--db", db, "trash", "restore", "换届", strconv.FormatInt(eid, 10))
	if !strings.Contains(out, "已从回收站恢复换届") || !strings.Contains(out, hexiVillage(1)) {
		t.Errorf("trash restore printed %q", out)
	}
	mustRun(t, "--db", db, "undelete", "village", strconv.FormatInt(vid, 10))
	if got := statsText(t, db); got != before {
		t.Errorf("after restoring both, stats =\n%s\nwant\n%s", got, before)
	}
	if out := mustRun(t, "--db", db, "trash"); !strings.Contains(out, "回收站是空的") {
		t.Errorf("trash after restoring everything printed %q", out)
	}
	if out := mustRun(t, "--db", db, "audit", "--village", hexiVillage(2), "--limit", "2"); !strings.Contains(out, "恢复") || !strings.Contains(out, "删除") {
		t.Errorf("the audit log lacks the delete and restore of 河西02村:\n%s", out)
	}
}

func TestSafetyUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"lock without round", []string{"lock"}, "lock 需要 --round"},
		{"lock bad round", []string{"lock", "--round", "abc"}, "--round"},
		{"unlock without reason", []string{"unlock", "--round", "2026"}, "unlock 需要 --reason"},
		{"unlock blank reason", []string{"unlock", "--round", "2026", "--reason", " "}, "unlock 需要 --reason"},
		{"unlock without round", []string{"unlock", "--reason", "x"}, "unlock 需要 --round"},
		{"unlock unquoted reason", []string{"unlock", "--round", "2026", "--reason", "更正", "数据"}, "多余的“数据”"},
		{"audit bad since", []string{"audit", "--since", "昨天"}, "--since"},
		{"audit bad until", []string{"audit", "--until", "2026-02-30"}, "--until"},
		{"audit until before since", []string{"audit", "--since", "2026-05-01", "--until", "2026-04-01"}, "早于"},
		{"audit bad kind", []string{"audit", "--kind", "bogus"}, "未知的记录类别“bogus”"},
		{"audit negative limit", []string{"audit", "--limit", "-1"}, "--limit"},
		{"audit stray argument", []string{"audit", "x"}, "多余的“x”"},
		{"trash restore settings", []string{"trash", "restore", "设置", "1"}, "未知的记录类别“设置”"},
		{"undelete without id", []string{"undelete", "换届"}, "恢复需要类别和编号"},
		{"backup two files", []string{"backup", "a.db", "b.db"}, "backup 最多一个文件名"},
		{"backups with argument", []string{"backups", "x"}, "backups 不需要参数"},
		{"restore without file", []string{"restore"}, "restore 需要一个备份文件"},
		{"locks with argument", []string{"locks", "2026"}, "locks 不需要参数"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, append([]string{"--db", db}, tt.args...)...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stdout %q)", code, out)
			}
			if !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "用法：liangwei-cli") {
				t.Errorf("stderr %q lacks %q and the usage", errOut, tt.want)
			}
		})
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a usage error created the database (stat: %v)", err)
	}
}

// TestAuditLineIsTheSharedVocabulary: each cell of the audit table is data's formatter's, the
// same the window's 操作日志 shows (ui's TestAuditRowsSpeakTheSharedVocabulary holds the window
// to it), so the two cannot drift again.
func TestAuditLineIsTheSharedVocabulary(t *testing.T) {
	at := time.Date(2026, 3, 15, 2, 4, 5, 0, time.UTC)
	for _, tt := range []struct {
		name string
		e    data.AuditEntry
		want []string // 操作, 类别, 记录, 内容
	}{
		{"setting by the 设置 screen's label", data.AuditEntry{Action: "update", Kind: "settings", Record: "township", OldValue: `"旧镇"`, NewValue: `"城关镇"`},
			[]string{"修改", "设置", "乡镇（填报单位）", "旧镇 → 城关镇"}},
		{"older CLI name of the folder", data.AuditEntry{Action: "update", Kind: "settings", Record: "数据文件夹", NewValue: `"D:\\报表"`},
			[]string{"修改", "设置", "报表文件夹", "（空） → D:\\报表"}},
		{"booleans as 是/否", data.AuditEntry{Action: "update", Kind: "election", Record: "河西镇/河西01村/2026/村委会",
			OldValue: `{"一次选举成功":false}`, NewValue: `{"一次选举成功":true}`, Source: "a.xlsx"},
			[]string{"修改", "换届", "河西镇/河西01村/2026/村委会", "一次选举成功：否 → 是；来源：a.xlsx"}},
		{"restoring a backup", data.AuditEntry{Action: "restore-backup", Kind: "file", Record: "x.db"},
			[]string{"还原备份", "文件", "x.db", ""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.e.At, tt.e.OSUser = at, "clerk"
			got := auditLine(tt.e)
			e := tt.e
			if want := []string{e.TimeText(), "clerk", e.ActionText(), e.KindText(), e.RecordText(), e.Detail()}; strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("auditLine = %q, want data's %q", got, want)
			}
			if strings.Join(got[2:], "|") != strings.Join(tt.want, "|") {
				t.Errorf("auditLine = %q, want %q", got[2:], tt.want)
			}
		})
	}
}

// TestAuditTableOfSettings saves settings as the 设置 screen does and reads them back from the
// audit table: by the screen's labels, not the keys nor the CLI's old names.
func TestAuditTableOfSettings(t *testing.T) {
	db, _ := importedHexi(t)
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	err = st.SaveSettings(t.Context(), data.Settings{Township: "河西镇", County: "历城区", Round: 2026, DataFolder: t.TempDir()})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "--db", db, "audit", "--kind", "设置")
	for _, want := range []string{"乡镇（填报单位）", "县区", "当前届次", "报表文件夹", "（空） → 河西镇"} {
		if !strings.Contains(out, want) {
			t.Errorf("audit of the settings lacks %q:\n%s", want, out)
		}
	}
	for _, old := range []string{"填报单位  ", "数据文件夹", "data_folder", "township"} {
		if strings.Contains(out, old) {
			t.Errorf("audit of the settings shows %q:\n%s", old, out)
		}
	}
}

func TestParseKindReadsTheRegistry(t *testing.T) {
	for _, k := range data.Kinds {
		for _, typed := range append([]string{string(k.Code), k.Name, " " + k.Name + " "}, k.Aliases...) {
			got, err := parseKind(typed, false)
			if err != nil || got != string(k.Code) {
				t.Errorf("parseKind(%q) = %q, %v; want %s", typed, got, err, k.Code)
			}
			got, err = parseKind(typed, true)
			if k.Record && (err != nil || got != string(k.Code)) {
				t.Errorf("parseKind(%q, trash) = %q, %v; want %s", typed, got, err, k.Code)
			}
			if !k.Record && err == nil {
				t.Errorf("parseKind(%q, trash) = %q; want refused: the recycle bin holds no %s", typed, got, k.Name)
			}
		}
	}
	_, err := parseKind("bogus", true)
	if err == nil || !strings.Contains(err.Error(), "两委成员（member）") || strings.Contains(err.Error(), "设置") {
		t.Errorf("parseKind(bogus, trash) = %v, want the record kinds listed", err)
	}
}

func TestWriteTableAlignsChinese(t *testing.T) {
	var b strings.Builder
	writeTable(&b, []string{"类别", "编号", "记录"}, [][]string{{"两委成员", "7", "河西镇/河西01村"}, {"village", "12345", "x"}})
	want := "类别      编号   记录\n" +
		"两委成员  7      河西镇/河西01村\n" +
		"village   12345  x\n"
	if got := b.String(); got != want {
		t.Errorf("table =\n%s\nwant\n%s", got, want)
	}
	for _, tt := range []struct {
		s    string
		want int
	}{{"abc", 3}, {"河西", 4}, {"（续）", 6}, {"2026年", 6}, {"", 0}} {
		if got := displayWidth(tt.s); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestHelpListsSafetyCommands(t *testing.T) {
	out := mustRun(t, "help")
	for _, want := range []string{"audit [--since 日期]", "trash restore 类别 编号", "undelete 类别 编号", "lock --round 届次",
		"unlock --round 届次 --reason 原因", "locks", "backup [文件]", "backups", "restore 文件"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	for _, cmd := range []string{"audit", "trash", "undelete", "lock", "unlock", "locks", "backup", "backups", "restore"} {
		if code, out, _ := runCLI(t, cmd, "-h"); code != 0 || !strings.Contains(out, "用法：liangwei-cli [--db 数据库文件] "+cmd) {
			t.Errorf("%s -h: exit %d, stdout %q", cmd, code, out)
		}
	}
}
