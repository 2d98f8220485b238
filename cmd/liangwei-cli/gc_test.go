package main

import (
	"runtime/debug"
	"testing"
)

// TestGCFor: the commands that go through a whole workbook or round collect at gcPercent
// under their limit, and put the collector back; the others and an environment's GOGC
// leave it alone.
func TestGCFor(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(before)
	for _, cmd := range []string{"import", "stats", "report"} {
		restore := gcFor(cmd)
		if p := debug.SetGCPercent(gcPercent); p != gcPercent {
			t.Errorf("%s: GC percent %d, want %d", cmd, p, gcPercent)
		}
		if l := debug.SetMemoryLimit(-1); l != gcLimits[cmd] {
			t.Errorf("%s: memory limit %d, want %d", cmd, l, gcLimits[cmd])
		}
		restore()
		if p := debug.SetGCPercent(before); p != before || debug.SetMemoryLimit(-1) != limit {
			t.Errorf("%s: the collector not put back (GC percent %d, want %d)", cmd, p, before)
		}
	}
	// A report's drawing collects at Go's default pace, until the command's end.
	restore := gcFor("report")
	gcDraw()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("drawing: GC percent %d, want 100", p)
	}
	restore()
	if p := debug.SetGCPercent(before); p != before {
		t.Errorf("after drawing: the collector not put back (GC percent %d, want %d)", p, before)
	}
	gcFor("init")()
	if p := debug.SetGCPercent(before); p != before {
		t.Errorf("init changed the GC percent to %d", p)
	}
	t.Setenv("GOGC", "50")
	gcFor("import")
	gcDraw()
	if p := debug.SetGCPercent(before); p != before {
		t.Errorf("with GOGC set, import or drawing changed the GC percent to %d", p)
	}
}
