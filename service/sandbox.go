package service

import (
	"fmt"
	"log/slog"
	"path/filepath"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/sandbox"
)

// startSandbox runs the built-in sandbox marketplace in-process, on the
// world the last launch saved when there is one, and maps its accounts
// (all, or the one Options.SandboxAccount names) to local accounts.
func (s *Service) startSandbox() ([]accountSpec, error) {
	opts := sandbox.Options{Seed: 1}
	if s.opts.SandboxOptions != nil {
		opts = *s.opts.SandboxOptions
	}
	srv, fresh, err := s.startSandboxServer(opts)
	if err != nil {
		return nil, fmt.Errorf("start the sandbox: %w", err)
	}
	s.sandbox = srv
	slog.Info("running on the built-in sandbox", "url", srv.URL())
	var specs []accountSpec
	for _, c := range srv.Accounts() {
		name := config.SandboxAccountName(c.ID)
		sp, err := s.sandboxSpec(srv, c, name, fresh)
		if err != nil {
			return nil, err
		}
		if o := s.opts.SandboxAccount; o != "" && o != c.ID && o != c.Name && o != name {
			if fresh { // its cache mirrors a world that is gone
				if err := s.forgetSandboxCache(sp); err != nil {
					return nil, err
				}
			}
			continue
		}
		specs = append(specs, sp)
	}
	if len(specs) == 0 {
		return nil, fmt.Errorf("the sandbox has no account %q", s.opts.SandboxAccount)
	}
	return specs, nil
}

func (s *Service) sandboxSpec(srv *sandbox.Server, c sandbox.AccountCred, name string, fresh bool) (accountSpec, error) {
	cache, err := s.cachePath(name)
	if err != nil {
		return accountSpec{}, err
	}
	if s.opts.SandboxData != "" {
		safe, err := config.SafeName(name)
		if err != nil {
			return accountSpec{}, err
		}
		cache = filepath.Join(s.opts.SandboxData, safe, config.CacheFileName)
	}
	return accountSpec{remote: c.ID, keys: apig.Signer{AK: c.AK, SK: c.SK}, cache: cache, reset: fresh,
		cfg:  config.Account{Name: name, Site: config.SiteCustom, BaseURL: srv.URL(), SubAccount: c.SubAccount},
		info: Account{Name: name, Label: c.Name, Site: sandboxSite(c.Site), Sandbox: true}}, nil
}

// sandboxSite names the site a sandbox account plays, as config names sites.
func sandboxSite(host string) string {
	switch host {
	case sandbox.SiteChina:
		return string(config.SiteChina)
	case sandbox.SiteIntl:
		return string(config.SiteIntl)
	}
	return string(config.SiteEurope)
}
