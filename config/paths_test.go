package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func envMap(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestPathsFor_PerOS(t *testing.T) {
	home := filepath.FromSlash("/home/u")
	j := filepath.Join
	tests := []struct {
		name string
		goos string
		env  map[string]string
		want Paths
	}{
		{"linux defaults", "linux", nil, Paths{
			Config: j(home, ".config", appDir), Data: j(home, ".local", "share", appDir), Logs: j(home, ".local", "state", appDir, "logs")}},
		{"linux XDG", "linux", map[string]string{"XDG_CONFIG_HOME": "/x/c", "XDG_DATA_HOME": "/x/d", "XDG_STATE_HOME": "/x/s"}, Paths{
			Config: j("/x/c", appDir), Data: j("/x/d", appDir), Logs: j("/x/s", appDir, "logs")}},
		{"linux relative XDG ignored", "linux", map[string]string{"XDG_CONFIG_HOME": "rel"}, Paths{
			Config: j(home, ".config", appDir), Data: j(home, ".local", "share", appDir), Logs: j(home, ".local", "state", appDir, "logs")}},
		{"macOS", "darwin", nil, Paths{
			Config: j(home, "Library", "Application Support", appDir),
			Data:   j(home, "Library", "Application Support", appDir, "data"),
			Logs:   j(home, "Library", "Logs", appDir)}},
		{"windows", "windows", map[string]string{"APPDATA": "/w/Roaming", "LOCALAPPDATA": "/w/Local"}, Paths{
			Config: j("/w/Roaming", appDir), Data: j("/w/Local", appDir, "data"), Logs: j("/w/Local", appDir, "logs")}},
		{"override wins everywhere", "windows", map[string]string{HomeEnv: "/mc", "APPDATA": "/w"}, Paths{
			Config: j("/mc", "config"), Data: j("/mc", "data"), Logs: j("/mc", "logs")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// given an OS and environment; when the paths are computed
			got, err := pathsFor(tt.goos, envMap(tt.env), home)

			// then they follow that OS's convention
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestPathsFor_RelativeOverrideRejected(t *testing.T) {
	_, err := pathsFor("linux", envMap(map[string]string{HomeEnv: "relative/dir"}), "/home/u")
	assert.ErrorContains(t, err, HomeEnv)
}

func TestDefaultPaths_EnsureCreatesPrivateDirs(t *testing.T) {
	// given the override pointing into a temporary directory
	root := t.TempDir()
	t.Setenv(HomeEnv, root)

	// when the default paths are computed and created
	p, err := DefaultPaths()
	require.NoError(t, err)
	require.NoError(t, p.Ensure())

	// then all three live under the override, owner-only
	for _, dir := range []string{p.Config, p.Data, p.Logs} {
		assert.Equal(t, root, filepath.Dir(dir))
		info, err := os.Stat(dir)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o700), info.Mode().Perm())
	}
	assert.Equal(t, filepath.Join(root, "config", "accounts.json"), p.AccountsFile())
}
