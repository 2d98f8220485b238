//go:build race

package sqlite

// raceSlowdown is how much slower the fault tests' children run under the race detector,
// which instruments every memory access of SQLite's (transpiled) code: their kill delays
// are stretched by as much, so the kills land across the same work (killDelays).
const raceSlowdown = 10
