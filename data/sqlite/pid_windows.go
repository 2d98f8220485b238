//go:build windows

package sqlite

import "os"

// pidAlive tells whether a process with this id runs: FindProcess opens it on Windows.
func pidAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
