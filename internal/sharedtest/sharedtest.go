// Package sharedtest finds the project's shared folder (seeds, gold files
// and tools, kept beside the repository) for tests.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder: $DOSSIER_SHARED, or ../shared beside the
// module root. It skips the test when absent, and fails it when CI=true.
func Dir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("DOSSIER_SHARED"); d != "" {
		return d
	}
	wd, _ := os.Getwd()
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(d), "shared")
			if _, err := os.Stat(filepath.Join(s, "seeds")); err == nil {
				return s
			}
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("shared folder with seeds not found beside the repository (required when CI=true)")
	}
	t.Skip("shared folder not found beside the repository; set DOSSIER_SHARED")
	return ""
}
