package writebuf

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestArena_KeepClaimsOnlyWhatWasWrittenInPlace(t *testing.T) {
	// given an arena with one record already encoded in place
	var a Arena
	first := a.Keep(append(a.Free(16), "first"...))
	before := len(a.buf)

	// when an encoder outgrows the free space it was given
	big := a.Keep(append(a.Free(16), bytes.Repeat([]byte("x"), arenaChunk+1)...))

	// then that one is its own allocation, the arena is unchanged, and later
	// writes do not touch what was claimed
	assert.Equal(t, before, len(a.buf))
	assert.Len(t, big, arenaChunk+1)
	second := a.Keep(append(a.Free(16), "second"...))
	assert.Equal(t, "first", string(first))
	assert.Equal(t, "second", string(second))
	assert.Equal(t, len(first), cap(first), "a claimed slice cannot be appended into the arena")
}

func TestArena_ResetReusesChunks(t *testing.T) {
	// given an arena that filled two chunks
	var a Arena
	a.Alloc(arenaChunk)
	a.Alloc(arenaChunk)
	chunks := len(a.chunks)

	// when it is reset and filled again
	a.Reset()
	a.Alloc(arenaChunk)
	a.Alloc(arenaChunk)

	// then no new chunk was needed
	assert.Equal(t, 2, chunks)
	assert.Len(t, a.chunks, 2)
}
