//go:build !windows

package sqlite

import (
	"errors"
	"syscall"
)

// pidAlive tells whether a process with this id runs (EPERM: it runs as another user).
func pidAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
