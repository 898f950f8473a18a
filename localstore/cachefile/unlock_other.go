//go:build !unix

package cachefile

import "os"

// ReleaseFile closes f after bbolt panicked inside Open; on Windows the
// lock goes with the handle.
func ReleaseFile(f *os.File) { _ = f.Close() }
