package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidateName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"shop-cn", true},
		{"华为云商店 主账号", true},
		{"CON", true},
		{"", false},
		{" padded", false},
		{"a/b", false},
		{`a\b`, false},
		{"tab\there", false},
		{"bad\xffutf8", false},
		{strings.Repeat("x", MaxNameLen), true},
		{strings.Repeat("x", MaxNameLen+1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateName(tt.name)
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.Error(t, err)
			}
		})
	}
}

func TestSafeName_UniqueAndUsableAsDirectory(t *testing.T) {
	// given names that collide when naively slugged or case-folded
	names := []string{"Shop", "shop", "商店A", "店铺A", "CON", "a.b", "a b", "a-b", "..", "x:y*?"}
	safePattern := regexp.MustCompile(`^[a-z0-9_-]+-[0-9a-f]{8}$`)
	dataDir := t.TempDir()
	seen := map[string]string{}
	for _, n := range names {
		// when each is made safe
		safe, err := SafeName(n)
		require.NoError(t, err, n)

		// then it is plain ASCII, stable, distinct even ignoring case, and creatable
		assert.Regexp(t, safePattern, safe)
		again, _ := SafeName(n)
		assert.Equal(t, safe, again)
		prev, dup := seen[strings.ToLower(safe)]
		assert.False(t, dup, "%q and %q share %q", n, prev, safe)
		seen[strings.ToLower(safe)] = n
		require.NoError(t, os.Mkdir(filepath.Join(dataDir, safe), 0o700))
	}
}

func TestSafeName_RejectsInvalid(t *testing.T) {
	_, err := SafeName("../etc")
	assert.Error(t, err)
}
