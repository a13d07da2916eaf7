//go:build !unix

package ingest

import "io/fs"

// idOf: where the system gives no inode (Windows), a folder is its
// resolved path (see pathID).
func idOf(path string, _ fs.FileInfo) (fileID, bool) { return pathID(path) }
