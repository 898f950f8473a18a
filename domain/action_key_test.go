package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewActionKey_IsFreshEveryTime(t *testing.T) {
	a, err := NewActionKey()
	require.NoError(t, err)
	b, err := NewActionKey()
	require.NoError(t, err)
	assert.Regexp(t, `^[0-9a-f]{32}$`, a, "128 bits in hex")
	assert.NotEqual(t, a, b, "two actions never share a key")
}
