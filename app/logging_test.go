package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLogRedactsSecretsAndRotates(t *testing.T) {
	// given a log directory with an oversized log from an earlier run
	dir := t.TempDir()
	big := bytes.Repeat([]byte("x"), maxLogSize)
	require.NoError(t, os.WriteFile(filepath.Join(dir, logName), big, 0o600))

	// when the log opens and someone logs a signed header and an SK
	var copyOut bytes.Buffer
	sink, err := openLog(dir, &copyOut)
	require.NoError(t, err)
	sink.logger.Info("request", "auth", "SDK-HMAC-SHA256 Access=AKIDEXAMPLE1234567890, Signature=abcdef0123456789")
	sink.logger.Info("env", "line", "HUAWEICLOUD_SDK_SK=Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5")
	require.NoError(t, sink.Close())

	// then the old log moved aside and the new one holds no secret
	_, err = os.Stat(filepath.Join(dir, logName+".1"))
	assert.NoError(t, err, "rotated")
	data, err := os.ReadFile(filepath.Join(dir, logName))
	require.NoError(t, err)
	for _, secret := range []string{"abcdef0123456789", "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5", "AKIDEXAMPLE1234567890"} {
		assert.NotContains(t, string(data), secret)
		assert.NotContains(t, copyOut.String(), secret)
	}
	assert.True(t, strings.Contains(string(data), "msg=request"), "the line itself is kept")
}
