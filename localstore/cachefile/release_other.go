//go:build !linux

package cachefile

import bolt "go.etcd.io/bbolt"

// ReleaseMapped is Linux-only (see release_linux.go); elsewhere a long scan's
// mapped pages stay resident until the kernel needs them.
func ReleaseMapped(*bolt.Tx, string) {}

// PopulateMapped maps the file pages under b into the process by touching
// one byte a page (Linux asks the kernel for all of them at once).
func PopulateMapped(b []byte) { TouchPages(b) }
