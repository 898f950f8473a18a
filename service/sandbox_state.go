package service

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/koogallery/merchant-console/sandbox"
)

// sandboxStateFile holds the built-in sandbox's world between launches, in
// the directory of its caches, so a restart continues the same world (and
// does not bring back notices already read). It is taken away while the
// sandbox runs and written back by Close.
const sandboxStateFile = "sandbox-world.json.gz"

// The caches of a sandbox account mirror one world: a cache synced against
// another world holds records, versions and cursors the sandbox never
// issued, which the version rule would keep over the real ones. So:
//   - a restored world keeps its caches: they were synced against it;
//   - a new world empties every sandbox cache, also of accounts not opened
//     this time (the next launch restores this world for them too);
//   - the state file is removed as soon as it is read: after a crash there
//     is none, the world starts anew and the caches, possibly ahead of the
//     last save, are emptied.

// sandboxDir is where the sandbox's caches and state live.
func (s *Service) sandboxDir() string {
	if s.opts.SandboxData != "" {
		return s.opts.SandboxData
	}
	return s.paths.Data
}

// takeSandboxState reads and removes the saved world; nil when there is
// none or it cannot be taken (then the world starts anew).
func (s *Service) takeSandboxState() []byte {
	path := filepath.Join(s.sandboxDir(), sandboxStateFile)
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err == nil {
		err = os.Remove(path)
	}
	if err != nil {
		slog.Warn("the saved sandbox world cannot be read; starting a new one", "err", err)
		return nil
	}
	return raw
}

// startSandboxServer continues the saved world when there is one that fits
// opts, else generates one; fresh says which.
func (s *Service) startSandboxServer(opts sandbox.Options) (srv *sandbox.Server, fresh bool, err error) {
	if opts.State = s.takeSandboxState(); opts.State != nil {
		srv, err = sandbox.Start(s.ctx, opts)
		if err == nil {
			slog.Info("continuing the saved sandbox world")
			return srv, false, nil
		}
		slog.Warn("the saved sandbox world cannot be continued; starting a new one", "err", err)
		opts.State = nil
	}
	srv, err = sandbox.Start(s.ctx, opts)
	return srv, true, err
}

// forgetSandboxCache empties the cache of a sandbox account not opened
// this time, when the world is new.
func (s *Service) forgetSandboxCache(sp accountSpec) error {
	return removeIfUnlocked(sp.cache, sp.info.Name, s.opts.Store)
}

// saveSandbox writes the stopped sandbox's world for the next launch,
// atomically and readable by the user only.
func (s *Service) saveSandbox() error {
	var buf bytes.Buffer
	if err := s.sandbox.SaveState(&buf); err != nil {
		return err
	}
	dir := s.sandboxDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("save the sandbox world: %w", err)
	}
	tmp, err := os.CreateTemp(dir, sandboxStateFile+".*") // 0600
	if err != nil {
		return fmt.Errorf("save the sandbox world: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing left to remove
	_, err = tmp.Write(buf.Bytes())
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, sandboxStateFile))
	}
	if err != nil {
		return fmt.Errorf("save the sandbox world: %w", err)
	}
	return nil
}
