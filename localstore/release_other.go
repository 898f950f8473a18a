//go:build !linux

package localstore

import bolt "go.etcd.io/bbolt"

// releaseMapped is Linux-only (see release_linux.go); elsewhere a long scan's
// mapped pages stay resident until the kernel needs them.
func releaseMapped(*bolt.Tx, string) {}

// populateMapped maps the file pages under b into the process by touching
// one byte a page (Linux asks the kernel for all of them at once).
func populateMapped(b []byte) { touchPages(b) }
