package main

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"liangwei/reports"
)

// TestHelpListsEveryCommand compares `help` with the dispatch map: every command has a line
// of its own in the help, and every command the help names exists.
func TestHelpListsEveryCommand(t *testing.T) {
	out := mustRun(t, "help")
	listed := map[string]bool{}
	line := regexp.MustCompile(`(?m)^  ([a-z]+)(?: |$)`)
	for _, m := range line.FindAllStringSubmatch(out, -1) {
		listed[m[1]] = true
	}
	var names []string
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			if !listed[name] {
				t.Errorf("help has no line for %q", name)
			}
			// Its own usage line is where the help and `name -h` agree.
			if code, got, _ := runCLI(t, name, "-h"); code != 0 || !strings.Contains(got, "用法：liangwei-cli [--db 数据库文件] "+commands[name].usage) {
				t.Errorf("%s -h: exit %d, stdout %q", name, code, got)
			}
		})
	}
	for name := range listed {
		if _, ok := commands[name]; !ok {
			t.Errorf("help lists %q, which is no command", name)
		}
	}
}

// TestHelpNamesEveryReportAndDemoFlag checks the help for each report kind and for the flags
// of demo --scale city.
func TestHelpNamesEveryReportAndDemoFlag(t *testing.T) {
	out := mustRun(t, "help")
	var want []string
	for _, k := range reports.Kinds {
		want = append(want, k.Name+" ", k.Title)
	}
	want = append(want, "demo --scale city --out 文件夹 [--townships 个数]")
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("help lacks %q", w)
		}
	}
	for _, kind := range []string{"summary", "detail", "members", "party", "petitions", "talks", "candidates", "changes", "development", "commendations"} {
		if !strings.Contains(commands["report"].usage, kind) {
			t.Errorf("report usage %q lacks %s", commands["report"].usage, kind)
		}
	}
	if len(reports.Kinds) != 10 {
		t.Errorf("%d report kinds; update this test and the help", len(reports.Kinds))
	}
}
