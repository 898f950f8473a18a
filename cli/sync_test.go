package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunSync_NoAccountSyncsTheSandbox(t *testing.T) {
	// given a home with no configured account
	t.Setenv(config.HomeEnv, t.TempDir())
	cache := filepath.Join(t.TempDir(), "cache.db")
	var out, errOut bytes.Buffer

	// when sync runs once
	err := RunSync(context.Background(), []string{"--once", "--cache", cache}, &out, &errOut)

	// then it synced the in-process sandbox and printed a summary per resource
	require.NoError(t, err, errOut.String())
	text := out.String()
	assert.Contains(t, text, "No account is configured")
	assert.Contains(t, text, "Sandbox marketplace at http://127.0.0.1:")
	for _, r := range domain.AllResources {
		assert.Regexp(t, `\n  `+string(r)+` +\d+ +\d+ +\d+ +\S+\n`, text)
	}
	assert.Contains(t, text, "outbox: 0 sent")
	assert.Contains(t, text, "activity: ", "the activity log's line for the sync")
	assert.Contains(t, text, "tickets +")
	store, err := localstore.Open(cache, "sandbox-cn-main-0001", localstore.Options{})
	require.NoError(t, err)
	defer store.Close()
	_, n, err := localstore.List[domain.Order](store, localstore.Query{Limit: 1})
	require.NoError(t, err)
	assert.Positive(t, n, "orders landed in the cache")
}

func TestRunSync_BadInput(t *testing.T) {
	home := t.TempDir()
	t.Setenv(config.HomeEnv, home)
	paths, err := config.DefaultPaths()
	require.NoError(t, err)
	require.NoError(t, config.SaveAccounts(paths.AccountsFile(), []config.Account{{Name: "shop", Site: config.SiteChina}}))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown account", []string{"--once", "--account", "nope"}, "account not found"},
		{"unknown sandbox account", []string{"--once", "--sandbox", "--account", "nope"}, "sandbox has no account"},
		{"stray argument", []string{"--once", "extra"}, "unexpected argument"},
		{"unknown flag", []string{"--bogus"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := RunSync(context.Background(), tt.args, &out, &errOut)
			require.Error(t, err)
			assert.Contains(t, err.Error()+errOut.String(), tt.want)
		})
	}
}
