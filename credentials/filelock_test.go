package credentials

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writerEnv makes the re-executed test binary a writer of the file named in it.
const writerEnv = "MERCHANT_CONSOLE_VAULT_WRITER"

func TestVault_TwoProcessesWritingLoseNothing(t *testing.T) {
	if path := os.Getenv(writerEnv); path != "" {
		writeMany(t, path, os.Getenv(writerEnv+"_ID"))
		return
	}
	// given a credentials file and two other processes with its passphrase
	path := newVault(t)
	require.NoError(t, Unlock(path, samplePass))
	require.NoError(t, saveInFile(path, "first", sampleAK, sampleSK))

	// when both add accounts at the same time
	var wg sync.WaitGroup
	outs := make([][]byte, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestVault_TwoProcessesWritingLoseNothing$")
			cmd.Env = append(os.Environ(), writerEnv+"="+path, writerEnv+"_ID="+strconv.Itoa(i), EnvPassphrase+"="+samplePass)
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()

	// then every account either wrote is in the file
	for i := range 2 {
		require.NoError(t, errs[i], string(outs[i]))
	}
	for i := range 2 {
		for j := range perWriter {
			_, err := fromFile(path, fmt.Sprintf("w%d-%d", i, j))
			assert.NoError(t, err)
		}
	}
	_, err := fromFile(path, "first")
	assert.NoError(t, err)
}

const perWriter = 25

func writeMany(t *testing.T, path, id string) {
	require.Equal(t, filepath.Clean(path), path)
	for j := range perWriter {
		require.NoError(t, saveInFile(path, fmt.Sprintf("w%s-%d", id, j), sampleAK, sampleSK))
	}
}
