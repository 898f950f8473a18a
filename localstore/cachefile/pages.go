package cachefile

import "sync/atomic"

// PageSize is the page size that populating and touching round to.
const PageSize = 4096

// releases counts the ReleaseMapped calls of the process.
var releases atomic.Uint64

// Releases is how many times this process has dropped a cache file's
// mapped pages (ReleaseMapped): a warm-up done before the latest release
// must be done again.
func Releases() uint64 { return releases.Load() }

// touchSink keeps TouchPages' reads from being optimised away.
var touchSink atomic.Uint32

// TouchPages reads one byte of every page of b, faulting it in.
func TouchPages(b []byte) {
	var sum byte
	for i := 0; i < len(b); i += PageSize {
		sum += b[i]
	}
	if len(b) > 0 {
		sum += b[len(b)-1]
	}
	touchSink.Add(uint32(sum))
}
