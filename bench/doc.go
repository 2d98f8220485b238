// Package bench holds the city-scale benchmarks of SPEC §9 (go test -bench . ./bench/):
// the yearbook's city of 62 township workbooks and 5,252 villages is generated once per
// process (demo.City) into a temporary folder, then merged, read, counted, drawn and
// exported as the program and liangwei-cli do. It has no code of its own; see BENCHMARKS.md
// for the numbers and scripts/bench.sh for the whole measurement.
package bench
