//go:build windows

package credentials

import (
	"os"

	"golang.org/x/sys/windows"
)

// lockFile holds an exclusive lock on f until the returned function runs,
// so the window and a command line writing the credentials file at the
// same time cannot drop each other's change.
func lockFile(f *os.File) (func(), error) {
	h := windows.Handle(f.Fd())
	ol := new(windows.Overlapped)
	if err := windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, ol); err != nil {
		return nil, err
	}
	return func() { _ = windows.UnlockFileEx(h, 0, 1, 0, ol) }, nil
}
