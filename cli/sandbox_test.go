package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/marketapi"
)

// lockedBuffer is written by the command and read by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestRunSandbox_PrintsKeysAndAnswersSignedRequests(t *testing.T) {
	// given the command running with a small world
	ctx, cancel := context.WithCancel(context.Background())
	var out lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- RunSandbox(ctx, []string{"--seed", "3", "--orders", "50", "--speed", "60"}, &out, io.Discard)
	}()
	re := regexp.MustCompile(`AK=(\S+)\s+SK=(\S+)`)
	urlRe := regexp.MustCompile(`serving at (http://\S+)`)
	require.Eventually(t, func() bool { return re.MatchString(out.String()) && urlRe.MatchString(out.String()) }, 10*time.Second, 20*time.Millisecond)
	m, base := re.FindStringSubmatch(out.String()), urlRe.FindStringSubmatch(out.String())[1]
	assert.Contains(t, out.String(), "merchant-console api GET")
	// when a signed whoami is sent with the printed keys
	req, err := http.NewRequest(http.MethodGet, base+marketapi.WhoAmIPath, nil)
	require.NoError(t, err)
	require.NoError(t, apig.Signer{AK: m[1], SK: m[2]}.Sign(req, nil, time.Now()))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	// then it answers, and the command stops when cancelled
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	cancel()
	require.NoError(t, <-done)
}

func TestRunSandbox_RejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--error-rate", "2"}, {"--speed", "0"}, {"extra"}} {
		err := RunSandbox(context.Background(), args, io.Discard, io.Discard)
		assert.Error(t, err, args)
	}
}
