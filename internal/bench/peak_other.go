//go:build !(linux || freebsd || netbsd || openbsd || dragonfly || darwin || ios || windows)

package bench

import "os"

// peakRSS: no measure of peak memory is wired up on this system.
func peakRSS() (bytes uint64, ok bool) { return 0, false }

// childPeakRSS: no measure of a child's peak memory on this system.
func childPeakRSS(*os.ProcessState) (uint64, bool) { return 0, false }
