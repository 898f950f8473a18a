//go:build unix

package cachefile

import (
	"os"
	"syscall"
)

// ReleaseFile drops bbolt's flock and closes f after bbolt panicked inside
// Open. Closing alone is not enough: the mmap bbolt left behind keeps the
// open file description, and with it the lock, alive.
func ReleaseFile(f *os.File) {
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	_ = f.Close()
}
