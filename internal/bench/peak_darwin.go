//go:build darwin || ios

package bench

import (
	"os"
	"syscall"
)

// peakRSS is the process's peak resident memory in bytes; Darwin reports
// ru_maxrss in bytes, not kilobytes as Linux does.
func peakRSS() (bytes uint64, ok bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return uint64(ru.Maxrss), true
}

// childPeakRSS is the peak resident memory of a process that ended.
func childPeakRSS(ps *os.ProcessState) (uint64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0, false
	}
	return uint64(ru.Maxrss), true
}
