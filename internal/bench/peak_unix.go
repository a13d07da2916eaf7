//go:build linux || freebsd || netbsd || openbsd || dragonfly

package bench

import (
	"os"
	"syscall"
)

// peakRSS is the process's peak resident memory in bytes; these systems
// report ru_maxrss in kilobytes.
func peakRSS() (bytes uint64, ok bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return uint64(ru.Maxrss) * 1024, true
}

// childPeakRSS is the peak resident memory of a process that ended.
func childPeakRSS(ps *os.ProcessState) (uint64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0, false
	}
	return uint64(ru.Maxrss) * 1024, true
}
