package cachefile

import (
	"math/bits"
	"runtime"

	bolt "go.etcd.io/bbolt"
)

// InitialMmapSize is the address space bbolt maps up front.
//
// bbolt grows its map by doubling as the file grows, and every remap made
// inside a write transaction copies each key and value of that
// transaction's in-memory nodes to the heap (node.dereference) and waits
// for every open read transaction. A first sync grows the file from nothing
// to ~100 MB, so it paid about a dozen such remaps. Mapping 256 MiB at once
// costs only address space (pages are touched lazily) on 64-bit systems.
// Windows is left at bbolt's default because there bbolt extends the file
// itself to the mapped size; 32-bit systems because their address space is
// scarce.
func InitialMmapSize() int {
	if runtime.GOOS == "windows" || bits.UintSize < 64 {
		return 0
	}
	return 256 << 20
}

// Growth steps of the file, see PaceGrowth.
const (
	minGrowStep = 32 << 10
	maxGrowStep = 16 << 20 // bbolt's default AllocSize
)

// PaceGrowth sets how much bbolt adds when the file must grow during tx:
// as much as the data already holds (doubling), between 32 KiB and 16 MiB.
//
// bbolt sizes growth from the mapped size: while the map is no bigger
// than AllocSize the file grows to the map's size, beyond it by AllocSize
// at a time. With the 256 MiB map of InitialMmapSize that would pad every
// small cache to 16 MiB (or, with a larger AllocSize, to 256 MiB). Pacing
// AllocSize by the data keeps bbolt's own doubling for small files. It is
// set inside the write transaction because bbolt reads it in Commit, under
// the same writer lock.
func PaceGrowth(tx *bolt.Tx) {
	tx.DB().AllocSize = min(max(int(tx.Size()), minGrowStep), maxGrowStep)
}
