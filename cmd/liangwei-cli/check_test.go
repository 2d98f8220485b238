package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestFindingSpool: findings added township by township come out part by part, each part in
// the order added, whether a part stayed in memory or moved to a temporary file; close
// removes the files.
func TestFindingSpool(t *testing.T) {
	sp := &findingSpool{mem: 150}
	var want [3][]string
	for town := 0; town < 5; town++ {
		for part := 2; part >= 0; part-- {
			n := 1
			if part == 1 {
				n = 4 // part 1 outgrows memory; parts 0 and 2 do not
			}
			for i := 0; i < n; i++ {
				line := fmt.Sprintf("乡镇%d 第%d部分 %d", town, part, i)
				sp.add(part, line)
				want[part] = append(want[part], line)
			}
		}
	}
	if sp.parts[1].file == nil || sp.parts[0].file != nil {
		t.Fatalf("files: part 1 %v, part 0 %v", sp.parts[1].file, sp.parts[0].file)
	}
	name := sp.parts[1].file.Name()
	var out bytes.Buffer
	if err := sp.writeTo(&out); err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range want {
		all = append(all, p...)
	}
	if got := strings.Join(all, "\n") + "\n"; out.String() != got {
		t.Errorf("spooled:\n%s\nwant:\n%s", out.String(), got)
	}
	sp.close()
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("temporary file %s left: %v", name, err)
	}
}
