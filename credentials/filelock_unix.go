//go:build unix

package credentials

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockFile holds an exclusive advisory lock on f until the returned
// function runs, so the window and a command line writing the credentials
// file at the same time cannot drop each other's change.
func lockFile(f *os.File) (func(), error) {
	fd := int(f.Fd())
	if err := unix.Flock(fd, unix.LOCK_EX); err != nil {
		return nil, err
	}
	return func() { _ = unix.Flock(fd, unix.LOCK_UN) }, nil
}
