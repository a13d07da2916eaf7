//go:build !linux

package ingest_test

// peakMB: the benchmark reads the peak only where ru_maxrss is in KB.
func peakMB() (float64, bool) { return 0, false }
