package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoPartyWork: the demo's stats --json has the sections development and commendations,
// stats prints them, and both reports draw them.
func TestDemoPartyWork(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	mustRun(t, "--db", db, "demo")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "stats", "--json")), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"development", "commendations"} {
		if len(raw[k]) == 0 {
			t.Errorf("stats --json lacks %s", k)
		}
	}
	s := statsJSON(t, db)
	if d := s.Development; d.Total != 106 || d.Developed != 62 || d.Developed != d.PartyReported || d.Mismatched != 0 || d.Overdue != 1 {
		t.Errorf("development = %+v", d)
	}
	if c := s.Commendations; c.Total != 7 || c.ByCategory["先进基层党组织"] != 2 || c.ByLevel["市级"] != 2 {
		t.Errorf("commendations = %+v", c)
	}
	out := mustRun(t, "--db", db, "stats")
	for _, want := range []string{"发展党员：在册 106 人", "本年接收预备党员（发展党员数）62 名", "创先争优表彰：7 个（人）"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats lacks %q:\n%s", want, out)
		}
	}
	for kind, wants := range map[string][]string{
		"development":   {"城关镇发展党员工作情况统计表（2026年）", "时限提醒（共3条", "预备期已于"},
		"commendations": {"城关镇创先争优表彰情况表（2026年）", "优秀村党组织书记", "受表彰名单（共7个（人））"},
	} {
		pdf := filepath.Join(dir, kind+".pdf")
		mustRun(t, "--db", db, "report", kind, "--out", pdf)
		text := pdfText(t, pdf)
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s PDF lacks %q", kind, want)
			}
		}
	}
}
