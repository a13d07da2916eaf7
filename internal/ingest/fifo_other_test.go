//go:build !unix

package ingest

import "errors"

// mkfifo: named pipes cannot be made where the system has none.
func mkfifo(string) error { return errors.ErrUnsupported }
