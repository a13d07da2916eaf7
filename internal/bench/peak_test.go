package bench

import (
	"runtime"
	"testing"
)

// TestPeakRSS: on the systems with a measure, the peak is at least what
// the Go runtime holds from the system and at most a sane bound (a unit
// error of 1024 in either direction breaks one of the two).
func TestPeakRSS(t *testing.T) {
	b, ok := peakRSS()
	switch runtime.GOOS {
	case "linux", "darwin", "windows", "freebsd":
	default:
		if ok {
			t.Logf("peak %d bytes", b)
		}
		return
	}
	if !ok {
		t.Fatalf("no peak memory on %s", runtime.GOOS)
	}
	held := make([]byte, 64<<20)
	for i := range held {
		held[i] = byte(i)
	}
	b, _ = peakRSS()
	runtime.KeepAlive(held)
	if b < 64<<20 || b > 64<<30 {
		t.Errorf("peak resident memory %d bytes: want between 64 MiB (just touched) and 64 GiB", b)
	}
}
