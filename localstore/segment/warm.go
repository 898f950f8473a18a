package segment

import (
	"unsafe"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/localstore/cachefile"
)

// Warming a resource's search segments.
//
// A filter or search query reads every search segment through bbolt's
// memory map (~76 MB at a million orders). Right after the file is opened
// none of those pages are mapped into the process yet, so the first query
// paid ~20k page faults on top of its scan: 29–34 ms against ~20 ms for
// the queries after it. The first time a resource is listed without a
// filter (its list screen opening), a background goroutine maps that
// resource's segments in ahead of the search the user types next: one
// madvise(MADV_POPULATE_READ) per run of adjacent segment pages on Linux,
// which maps pages already in the page cache for a few milliseconds at a
// million orders, and reads them from disk otherwise. Only the listed
// resource is warmed, so a launch that shows the Overview maps none.

// Warm maps the segments of seg into the process now (inside the caller's
// read transaction), one populate call per run of adjacent segment pages.
func Warm(seg *bolt.Bucket) {
	var run []byte // adjacent segment values seen so far, as one span
	c := seg.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(v) == 0 {
			continue
		}
		if len(run) > 0 && adjacent(run, v) {
			run = spanTo(run, v)
			continue
		}
		cachefile.PopulateMapped(run)
		run = v
	}
	cachefile.PopulateMapped(run)
}

// adjacent reports whether v starts within a page of where run ends:
// bbolt stores a segment in its own leaf pages, so consecutive segments
// written together usually sit in consecutive pages.
func adjacent(run, v []byte) bool {
	end := uintptr(unsafe.Pointer(&run[len(run)-1])) + 1
	start := uintptr(unsafe.Pointer(&v[0]))
	return start >= end && start-end < cachefile.PageSize
}

// spanTo is run extended to the end of v, which follows it in the same
// map (the bytes between are bbolt's page headers).
func spanTo(run, v []byte) []byte {
	n := uintptr(unsafe.Pointer(&v[len(v)-1])) - uintptr(unsafe.Pointer(&run[0])) + 1
	return unsafe.Slice(&run[0], int(n))
}
