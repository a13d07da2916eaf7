//go:build !unix

package ingest

import "io/fs"

// idOf: where the system gives no inode (Windows), folders are not
// identified and symlink loops are not detected.
func idOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }
