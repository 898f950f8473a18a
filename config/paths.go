// Package config knows where the console keeps its files on each operating
// system, which marketplace sites exist, and the list of configured seller
// accounts. It never stores secrets: AK/SK live in package credentials.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// HomeEnv overrides every location: when set, config, data and logs all live
// under it. Tests and the sandbox demo use it to stay out of the user's home.
const HomeEnv = "MERCHANT_CONSOLE_HOME"

// appDir is the directory name used inside the OS locations.
const appDir = "merchant-console"

// Paths are the console's directories.
type Paths struct {
	Config string // accounts.json and settings
	Data   string // local caches (bbolt files); must survive, holds the outbox
	Logs   string // log files
}

// DefaultPaths returns the locations for this OS and environment.
func DefaultPaths() (Paths, error) {
	home, err := os.UserHomeDir()
	if err != nil && os.Getenv(HomeEnv) == "" {
		return Paths{}, fmt.Errorf("config: locate home directory: %w", err)
	}
	return pathsFor(runtime.GOOS, os.Getenv, home)
}

// pathsFor computes the locations for goos from env and the home directory;
// it is separate from DefaultPaths so every OS's rules can be tested anywhere.
func pathsFor(goos string, env func(string) string, home string) (Paths, error) {
	if root := env(HomeEnv); root != "" {
		if !filepath.IsAbs(root) {
			return Paths{}, fmt.Errorf("config: %s=%q must be an absolute path", HomeEnv, root)
		}
		return Paths{Config: filepath.Join(root, "config"), Data: filepath.Join(root, "data"), Logs: filepath.Join(root, "logs")}, nil
	}
	if home == "" {
		return Paths{}, errors.New("config: no home directory")
	}
	switch goos {
	case "windows":
		roaming := envOr(env, "APPDATA", filepath.Join(home, "AppData", "Roaming"))
		local := envOr(env, "LOCALAPPDATA", filepath.Join(home, "AppData", "Local"))
		return Paths{
			Config: filepath.Join(roaming, appDir),
			Data:   filepath.Join(local, appDir, "data"),
			Logs:   filepath.Join(local, appDir, "logs"),
		}, nil
	case "darwin":
		support := filepath.Join(home, "Library", "Application Support", appDir)
		return Paths{
			Config: support,
			Data:   filepath.Join(support, "data"),
			Logs:   filepath.Join(home, "Library", "Logs", appDir),
		}, nil
	default: // Linux and the BSDs: XDG base directories.
		return Paths{
			Config: filepath.Join(xdg(env, "XDG_CONFIG_HOME", home, ".config"), appDir),
			Data:   filepath.Join(xdg(env, "XDG_DATA_HOME", home, ".local/share"), appDir),
			Logs:   filepath.Join(xdg(env, "XDG_STATE_HOME", home, ".local/state"), appDir, "logs"),
		}, nil
	}
}

// envOr returns env(key), or def when it is unset.
func envOr(env func(string) string, key, def string) string {
	if v := env(key); v != "" {
		return v
	}
	return def
}

// xdg applies the XDG rule: a relative value is invalid and is ignored.
func xdg(env func(string) string, key, home, def string) string {
	if v := env(key); filepath.IsAbs(v) {
		return v
	}
	return filepath.Join(home, filepath.FromSlash(def))
}

// Ensure creates the directories, readable by the owner only.
func (p Paths) Ensure() error {
	for _, dir := range []string{p.Config, p.Data, p.Logs} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("config: create %s: %w", dir, err)
		}
	}
	return nil
}

// AccountsFile is the path of the account list.
func (p Paths) AccountsFile() string { return filepath.Join(p.Config, "accounts.json") }

// AccountDataDir is the directory for one account's cache files; the account
// name is turned into a file-system-safe name with SafeName.
func (p Paths) AccountDataDir(account string) (string, error) {
	safe, err := SafeName(account)
	if err != nil {
		return "", err
	}
	return filepath.Join(p.Data, safe), nil
}
