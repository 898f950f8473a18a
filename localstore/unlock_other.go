//go:build !unix

package localstore

import "os"

// releaseFile closes f after bbolt panicked inside Open; on Windows the
// lock goes with the handle.
func releaseFile(f *os.File) { _ = f.Close() }
