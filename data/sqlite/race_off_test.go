//go:build !race

package sqlite

// raceSlowdown: see race_on_test.go.
const raceSlowdown = 1
