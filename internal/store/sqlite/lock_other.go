//go:build !unix

package sqlite

import "os"

// Without flock, writers are not kept apart beyond SQLite's own locking.
func tryLock(*os.File) (bool, error) { return true, nil }

func unlock(*os.File) {}
