//go:build linux

package ingest_test

import "syscall"

// peakMB is the process's peak resident size (ru_maxrss, in KB on Linux).
func peakMB() (float64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return float64(ru.Maxrss) / 1024, true
}
