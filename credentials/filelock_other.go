//go:build !unix && !windows

package credentials

import "os"

// lockFile is a no-op where the OS offers no file lock: writers in one
// process are still serialised by the vaults mutex.
func lockFile(*os.File) (func(), error) { return func() {}, nil }
