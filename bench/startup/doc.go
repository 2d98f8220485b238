// Package startup benchmarks the desktop program's start on the yearbook's city (SPEC §9:
// program start to usable window < 2 s) with Fyne's headless test app: opening the store
// and building every screen of ui.New at 1366×768. It is apart from package bench so a
// change in ui being made elsewhere cannot stop the other benchmarks from building.
package startup
