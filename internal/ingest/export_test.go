package ingest

// SetMaxCountedLines sets the bound of the run's line counts for a test
// and returns what puts it back.
func SetMaxCountedLines(n int) func() {
	old := maxCountedLines
	maxCountedLines = n
	return func() { maxCountedLines = old }
}
