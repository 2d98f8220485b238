package main

import (
	"os"
	"runtime/debug"
)

// The commands that go through a whole workbook or a whole round allocate many times what
// they keep alive. An import turns every cell of a workbook into a string, a record, an
// audit value and the arguments of an INSERT, most of them garbage within the file: with
// Go's default GOGC of 100 the collector ran about forty times for the city's workbook, a
// sixth of the import's CPU. stats, check, report and verify read a province township by
// township and keep one township alive: the collector took a fifth to a quarter of their CPU
// (BENCHMARKS.md, issue 19). They collect four times less often (gcPercent), under a soft
// memory limit that keeps the heap, and so the peak RSS, under SPEC §9's 200 MB; past the
// limit the collector runs as often as it must, as before.
const gcPercent = 400

// gcLimits are the soft memory limits of the commands collected at gcPercent. The reports'
// limit is lower: SQLite's page cache and the PDF's buffers come on top of their heap.
var gcLimits = map[string]int64{
	"import": 150 << 20,
	"stats":  128 << 20,
	"check":  128 << 20,
	"report": 128 << 20,
	"verify": 128 << 20,
}

// gcFor sets the collector for command cmd and returns what puts it back. GOGC or GOMEMLIMIT
// in the environment leave it as they say.
func gcFor(cmd string) (restore func()) {
	lim, ok := gcLimits[cmd]
	if !ok || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := debug.SetMemoryLimit(lim)
	percent := debug.SetGCPercent(gcPercent)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// gcDraw is called when a report's records are all read and only its drawing is left (the
// summary of every township, or the report of one): the drawing keeps the font's parse and
// the report's values alive, some 10 MB, and makes its garbage page by page, so at
// gcPercent the heap could grow to five times that before the next collection. The
// summary's peak RSS at 3× the city went from 56–69 MB to 51–53 MB, and from 47–59 MB to
// 45–47 MB for the city, at Go's default pace, which costs its drawing no measurable time
// (BENCHMARKS.md, issue 19). gcFor's restore puts it back; GOGC or GOMEMLIMIT in the
// environment leave it as they say.
func gcDraw() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(100)
}
