package cli

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/gateway/produce"
	"github.com/koogallery/merchant-console/marketapi"
)

func TestGatewayKeysAddListRemove(t *testing.T) {
	// given an empty data directory
	dir := filepath.Join(t.TempDir(), "gw")
	var out lockedBuffer
	// when an agent is added
	require.NoError(t, RunGateway(context.Background(), []string{"keys", "add", "alice", "--data", dir}, &out, io.Discard))
	// then its AK/SK are printed once and stored 0600
	m := regexp.MustCompile(`AK=(\w+)\n\s+SK=(\w+)`).FindStringSubmatch(out.String())
	require.Len(t, m, 3, out.String())
	info, err := os.Stat(filepath.Join(dir, "agents.json"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	// and list shows the name and AK, never the SK
	var list lockedBuffer
	require.NoError(t, RunGateway(context.Background(), []string{"keys", "list", "--data", dir}, &list, io.Discard))
	assert.Contains(t, list.String(), "alice")
	assert.Contains(t, list.String(), m[1])
	assert.NotContains(t, list.String(), m[2])
	// and a second agent of the same name is refused, remove works once
	assert.Error(t, RunGateway(context.Background(), []string{"keys", "add", "alice", "--data", dir}, io.Discard, io.Discard))
	require.NoError(t, RunGateway(context.Background(), []string{"keys", "remove", "--data", dir, "alice"}, io.Discard, io.Discard))
	assert.Error(t, RunGateway(context.Background(), []string{"keys", "remove", "alice", "--data", dir}, io.Discard, io.Discard))
}

func TestGatewayRefusesBadFlags(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]string{
		"no upstream":               {"--data", dir},
		"no data":                   {"--upstream", "http://127.0.0.1:1/p"},
		"plain http off loopback":   {"--listen", "0.0.0.0:8443", "--upstream", "http://127.0.0.1:1/p", "--data", dir},
		"an upstream in plain http": {"--listen", "127.0.0.1:0", "--upstream", "http://example.com/p", "--data", dir},
		"a stray argument":          {"--upstream", "http://127.0.0.1:1/p", "--data", dir, "extra"},
		"keys without a subcommand": {"keys", "--data", dir},
	}
	t.Setenv(produce.EnvKey, "k")
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Error(t, RunGateway(context.Background(), args, io.Discard, io.Discard))
		})
	}
	t.Run("no production key", func(t *testing.T) {
		t.Setenv(produce.EnvKey, "")
		err := RunGateway(context.Background(), []string{"--listen", "127.0.0.1:0", "--upstream", "http://127.0.0.1:1/p", "--data", dir}, io.Discard, io.Discard)
		assert.ErrorContains(t, err, produce.EnvKey)
	})
}

func TestRunGatewayServesConsolesWithAnAgentsKey(t *testing.T) {
	// given the command running, and an agent's key
	dir := t.TempDir()
	t.Setenv(produce.EnvKey, "k")
	var keys lockedBuffer
	require.NoError(t, RunGateway(context.Background(), []string{"keys", "add", "bob", "--data", dir}, &keys, io.Discard))
	m := regexp.MustCompile(`AK=(\w+)\n\s+SK=(\w+)`).FindStringSubmatch(keys.String())
	require.Len(t, m, 3)
	ctx, cancel := context.WithCancel(context.Background())
	var out lockedBuffer
	done := make(chan error, 1)
	go func() {
		done <- RunGateway(ctx, []string{"--listen", "127.0.0.1:0", "--upstream", "http://127.0.0.1:1/p", "--data", dir}, &out, io.Discard)
	}()
	var base string
	require.Eventually(t, func() bool {
		mm := regexp.MustCompile(`at (http://[^/]+)/produce`).FindStringSubmatch(out.String())
		if mm != nil {
			base = mm[1]
		}
		return mm != nil
	}, 5*time.Second, 10*time.Millisecond)
	// when a console asks whoami, signed with the agent's key
	req, err := http.NewRequest(http.MethodGet, base+marketapi.WhoAmIPath, nil)
	require.NoError(t, err)
	require.NoError(t, apig.Signer{AK: m[1], SK: m[2]}.Sign(req, nil, time.Now()))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// then it says which resources the gateway serves
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.True(t, strings.Contains(string(body), `"serves":["orders","alerts"]`), string(body))
	// and the command stops cleanly with its context
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("gateway did not stop")
	}
}
