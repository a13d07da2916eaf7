//go:build unix

package ingest

import (
	"io/fs"
	"syscall"
)

// idOf is the device and inode of a file: the same folder reached by two
// paths (a symlink loop) has one id.
func idOf(_ string, st fs.FileInfo) (fileID, bool) {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return fileID{dev: uint64(s.Dev), ino: uint64(s.Ino)}, true
	}
	return fileID{}, false
}
