package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"liangwei/data"
	"liangwei/exchange"
)

func uibAudit(u *UI) *auditScreen {
	u.goTo("操作日志")
	s := u.screens["操作日志"].(*auditScreen)
	s.wait()
	return s
}

// uibAuditRows is the table's rows as text, one line per entry, cells joined by " | ".
func uibAuditRows(s *auditScreen) []string {
	out := make([]string, s.table.rowCount())
	for i := range out {
		cells := make([]string, len(s.table.cols))
		for c := range cells {
			cells[c] = s.table.cellText(i, c)
		}
		out[i] = strings.Join(cells, " | ")
	}
	return out
}

// auditFixture imports the small township and then edits 东村 by hand: 户数 320 → 330.
func auditFixture(t *testing.T) (*UI, *auditScreen) {
	t.Helper()
	u, st := uibSetup(t)
	ctx := context.Background()
	if _, err := st.Import(ctx, uibSmallBatch(), "测试镇.xlsx"); err != nil {
		t.Fatal(err)
	}
	vs, err := st.Villages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Name == "东村" {
			v.Households = 330
			if err := st.SaveVillage(ctx, &v); err != nil {
				t.Fatal(err)
			}
		}
	}
	return u, uibAudit(u)
}

func TestAuditListsSaveAndFilters(t *testing.T) {
	u, s := auditFixture(t)
	rows := uibAuditRows(s)
	if len(rows) == 0 {
		t.Fatal("操作日志 is empty after an import and a save")
	}
	// Newest first: the hand edit, with only the changed field on both sides.
	if got, want := rows[0], "| 修改 | 村庄 | 测试镇/东村 | 户数：0 | 户数：330 | "; !strings.Contains(got, want) {
		t.Errorf("first row = %q, want it to contain %q", got, want)
	}
	if got := s.table.cellText(0, 0); !strings.HasPrefix(got, time.Now().Format("2006-01-02")) {
		t.Errorf("时间 = %q, want today's local date first", got)
	}
	uibShot(t, u, "auditlog")

	today := time.Now()
	day := func(d int) string { return today.AddDate(0, 0, d).Format("2006/1/2") }
	for _, c := range []struct {
		name          string
		kind, village string
		from, to      string
		wantNone      bool
		each          string // every row contains it
		some          string // at least one row contains it
		wantErr       bool
	}{
		{name: "all", kind: auditAllKinds, some: "| 导入 | 文件 | 测试镇.xlsx |"},
		{name: "kind 换届", kind: "换届", each: "| 换届 |", some: "测试镇/西村/2026/村委会"},
		{name: "kind 村庄", kind: "村庄", each: "| 村庄 |", some: "| 修改 |"},
		{name: "village 西村", kind: auditAllKinds, village: "西村", each: "西村"},
		{name: "today", kind: auditAllKinds, from: today.Format("2006年1月2日"), to: today.Format("20060102"), some: "| 修改 |"},
		{name: "from tomorrow", kind: auditAllKinds, from: day(1), wantNone: true},
		{name: "until yesterday", kind: auditAllKinds, to: day(-1), wantNone: true},
		{name: "bad date", kind: auditAllKinds, from: "2026-13-45", wantErr: true},
		{name: "to before from", kind: auditAllKinds, from: day(0), to: day(-1), wantErr: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			s.village.SetText(c.village)
			s.from.SetText(c.from)
			s.to.SetText(c.to)
			s.lastErr = nil
			s.kindSel.SetSelected(c.kind)
			s.refresh()
			s.wait()
			if c.wantErr {
				if s.lastErr == nil || !strings.Contains(s.status.Text, "2026-03-15") {
					t.Errorf("err %v, status %q: want the date refused with the accepted spellings", s.lastErr, s.status.Text)
				}
				return
			}
			if s.lastErr != nil {
				t.Fatalf("load: %v", s.lastErr)
			}
			rows := uibAuditRows(s)
			if c.wantNone {
				if len(rows) != 0 {
					t.Errorf("%d rows, want none:\n%s", len(rows), strings.Join(rows, "\n"))
				}
				return
			}
			if len(rows) == 0 {
				t.Fatal("no rows")
			}
			found := c.some == ""
			for _, r := range rows {
				if c.each != "" && !strings.Contains(r, c.each) {
					t.Errorf("row %q lacks %q", r, c.each)
				}
				found = found || strings.Contains(r, c.some)
			}
			if !found {
				t.Errorf("no row contains %q:\n%s", c.some, strings.Join(rows, "\n"))
			}
		})
	}
}

func TestAuditExportWritesTheRowsShown(t *testing.T) {
	_, s := auditFixture(t)
	s.kindSel.SetSelected("村庄")
	s.wait()
	shown := uibAuditRows(s)
	path := filepath.Join(t.TempDir(), "操作日志.xlsx")
	s.export(path)
	s.wait()
	if s.lastErr != nil {
		t.Fatalf("export: %v", s.lastErr)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("操作日志")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(rows[0], ","), strings.Join(exchange.AuditHeader, ","); got != want {
		t.Errorf("header = %s, want %s", got, want)
	}
	if got, want := len(rows)-1, len(shown); got != want {
		t.Fatalf("workbook has %d entries, screen shows %d", got, want)
	}
	for i, r := range rows[1:] {
		if got, want := r[0]+" "+r[2]+" "+r[3]+" "+r[4], s.table.cellText(i, 0)+" "+s.table.cellText(i, 2)+" "+s.table.cellText(i, 3)+" "+s.table.cellText(i, 4); got != want {
			t.Errorf("row %d = %q, want %q", i+1, got, want)
		}
	}
	// The hand edit carries the whole old and new values.
	if got := rows[1]; len(got) < 7 || !strings.Contains(got[5], "村名：东村") || !strings.Contains(got[6], "户数：330") {
		t.Errorf("exported edit = %q, want full values with 村名：东村 and 户数：330", got)
	}
	if !strings.Contains(s.status.Text, path) {
		t.Errorf("status = %q, want it to name the file", s.status.Text)
	}
}

// TestAuditRowsSpeakTheSharedVocabulary: every text of a row is data's formatter's, the
// same the CLI's audit command and the exported workbook print, so the three cannot drift.
func TestAuditRowsSpeakTheSharedVocabulary(t *testing.T) {
	at := time.Date(2026, 3, 15, 2, 4, 5, 0, time.UTC)
	es := []data.AuditEntry{
		{At: at, OSUser: "clerk", Action: "update", Kind: "settings", Record: "township", OldValue: `"旧镇"`, NewValue: `"城关镇"`},
		{At: at, OSUser: "clerk", Action: "update", Kind: "settings", Record: "数据文件夹", NewValue: `"D:\\报表"`},
		{At: at, OSUser: "clerk", Action: "update", Kind: "election", Record: "测试镇/东村/2026/村委会",
			OldValue: `{"一次选举成功":false,"状态":"进行中"}`, NewValue: `{"一次选举成功":true,"状态":"进行中"}`, Source: "a.xlsx"},
		{At: at, OSUser: "clerk", Action: "restore-backup", Kind: "file", Record: "x.db", NewValue: `{"文件":"x.db"}`},
		{At: at, OSUser: "clerk", Action: "merge", Kind: "gadget", Record: "?"},
	}
	s := newAuditScreen(&UI{})
	s.table.setData(auditRows(es))
	for i, e := range es {
		o, n := e.ChangeTexts()
		want := []string{e.TimeText(), "clerk", e.ActionText(), e.KindText(), e.RecordText(), o, n, e.Source}
		for c, w := range want {
			if got := s.table.cellText(i, c); got != w {
				t.Errorf("row %d %s = %q, want %q", i, s.table.cols[c].title, got, w)
			}
		}
	}
	// And the words themselves: the 设置 screen's labels, 是/否, the registry's kinds.
	for _, c := range []struct {
		row, col int
		want     string
	}{
		{0, 4, "乡镇（填报单位）"}, {1, 4, "报表文件夹"}, {2, 5, "一次选举成功：否"}, {2, 6, "一次选举成功：是"},
		{3, 2, "还原备份"}, {3, 3, "文件"}, {4, 2, "merge"}, {4, 3, "gadget"},
	} {
		if got := s.table.cellText(c.row, c.col); got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, s.table.cols[c.col].title, got, c.want)
		}
	}
	s.table.onSelect(auditRows(es[:1])[0])
	if got, want := s.status.Text, es[0].Text(); got != want {
		t.Errorf("selected entry shows %q, want %q", got, want)
	}
}

// TestAuditKindFilterIsTheRegistry: the 类别 filter offers every kind of data.Kinds, in order.
func TestAuditKindFilterIsTheRegistry(t *testing.T) {
	s := newAuditScreen(&UI{})
	want := []string{auditAllKinds}
	for _, k := range data.Kinds {
		want = append(want, k.Name)
	}
	if got := s.kindSel.Options; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("类别 offers %v, want %v", got, want)
	}
	for _, k := range data.Kinds {
		s.kindSel.Selected = k.Name
		f, err := s.readFilter()
		if err != nil || f.Kind != string(k.Code) {
			t.Errorf("类别 %s filters %q (%v), want %q", k.Name, f.Kind, err, k.Code)
		}
	}
}

// BenchmarkAuditTableCity loads the screen's most entries (auditLimit) of a city import —
// election rows with their whole values, a third of them changes — then searches and sorts.
func BenchmarkAuditTableCity(b *testing.B) {
	test.NewTempApp(b)
	es := make([]data.AuditEntry, auditLimit)
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for i := range es {
		v := fmt.Sprintf(`{"乡镇":"第%02d镇","村名":"村%04d","届次":2026,"组织":"村委会","状态":"已完成","完成日期":"2026-03-10","一次选举成功":"是","应参加人数":1000,"实参加人数":%d,"应选职数":5,"候选人数":7,"当选人数":5,"未完成原因":""}`, i%62, i, 800+i%200)
		e := data.AuditEntry{ID: int64(i + 1), At: at.Add(time.Duration(i) * time.Second), OSUser: "clerk", Action: "create", Kind: "election",
			Record: fmt.Sprintf("第%02d镇/村%04d/2026/村委会", i%62, i), NewValue: v, Source: fmt.Sprintf("第%02d镇.xlsx", i%62)}
		if i%3 == 0 {
			e.Action, e.OldValue = "update", strings.Replace(v, `"实参加人数":`, `"实参加人数":1`, 1)
		}
		es[i] = e
	}
	// Reading the values runs off the UI goroutine; showing, searching and sorting on it.
	b.Run("values", func(b *testing.B) {
		for b.Loop() {
			auditRows(es)
		}
	})
	rows := auditRows(es)
	b.Run("table", func(b *testing.B) {
		s := newAuditScreen(&UI{})
		w := test.NewTempWindow(b, container.NewStack(s.table.body))
		w.Resize(fyne.NewSize(1200, 700))
		for b.Loop() {
			s.table.search.SetText("")
			s.table.setData(rows)
			s.table.search.SetText("第07镇")
			s.table.sortBy(4)
		}
	})
}
