//go:build !(linux || freebsd || netbsd || openbsd || dragonfly || darwin || ios || windows)

package bench

// peakRSS: no measure of peak memory is wired up on this system.
func peakRSS() (bytes uint64, ok bool) { return 0, false }
