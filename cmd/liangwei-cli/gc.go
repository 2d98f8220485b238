package main

import (
	"os"
	"runtime/debug"
)

// An import allocates about ten times its live heap: every cell of a workbook becomes a
// string, a record, an audit value and the arguments of an INSERT, most of them garbage
// within the file. With Go's default GOGC of 100 the collector ran about forty times for the
// city's workbook, a sixth of the import's CPU, half of it on the idle second core. The
// import collects four times less often (importGCPercent), under a soft memory limit
// (importMemoryLimit) that keeps the heap, and so the peak RSS, where it was: SPEC §9's
// 200 MB. Past the limit the collector runs as often as it must, as before.
const (
	importGCPercent   = 400
	importMemoryLimit = 150 << 20
)

// importGC sets the collector for an import and returns what puts it back. GOGC or
// GOMEMLIMIT in the environment leave it as they say.
func importGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := debug.SetMemoryLimit(importMemoryLimit)
	percent := debug.SetGCPercent(importGCPercent)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
