package service

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/syncer"
)

// Health is what is wrong with an account's cache and its sync besides the
// last error, for the status bar and Settings → Data.
type Health struct {
	// Broken is why the cache could not be opened, even after a repair;
	// nil when it is open. A broken account is listed but not synced.
	Broken error
	// Repaired is what the repair at open found and saved; nil when the
	// cache opened whole.
	Repaired *localstore.RepairReport
	SetAside int       // records the server sent that the cache set aside
	Damaged  int       // quarantined outbox entries, never sent
	Held     time.Time // until when the server asked to wait (Retry-After); zero when not
	Offline  time.Time // when the next try is due after the server was unreachable; zero when none
}

// Health reads an account's cache health; quick enough to poll each second.
// An unknown account's is the zero Health.
func (s *Service) Health(name string) Health {
	a := s.account(name)
	if a == nil {
		return Health{}
	}
	h := Health{Broken: a.broken, Repaired: a.repaired}
	if a.store == nil {
		return h
	}
	var errs []error
	var err error
	h.SetAside, err = a.store.SetAsideCount()
	errs = append(errs, err)
	damaged, err := a.store.DamagedActions()
	h.Damaged = len(damaged)
	errs = append(errs, err)
	now := time.Now() // the waits are stored in wall-clock time
	h.Held, err = syncer.HeldUntil(a.store, now)
	errs = append(errs, err)
	h.Offline, err = syncer.OfflineUntil(a.store, now)
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		slog.Debug("cache health", "account", name, "err", err) // a closing cache during a repair
	}
	return h
}

// CheckAndRepair reads the account's whole cache (Store.Verify: about a
// second per 100,000 records, so call it off the UI's goroutine). A sound
// cache is left as it is and the report is nil. A damaged one, or one that
// could not be opened, is repaired (localstore.Repair): its sync stops, the
// file is moved aside, a fresh cache with its queued actions takes its
// place, and the account syncs again at once.
func (s *Service) CheckAndRepair(name string) (*localstore.RepairReport, error) {
	a, err := s.mustAccount(name)
	if err != nil {
		return nil, fmt.Errorf("check the cache: %w", err)
	}
	if a.store != nil {
		err := a.store.Verify()
		if err == nil {
			return nil, nil
		}
		if !errors.Is(err, localstore.ErrCorrupt) {
			return nil, fmt.Errorf("check the cache of %s: %w", name, err)
		}
	}
	return s.rebuild(a)
}

// rebuild closes an account, repairs its cache file when it is damaged (a
// file of another account or a newer version is never moved), and opens
// it again in the same place in the list.
func (s *Service) rebuild(old *account) (*localstore.RepairReport, error) {
	s.configMu.Lock()
	defer s.configMu.Unlock()
	name := old.info.Name
	s.schedMu.Lock()
	s.manager.Remove(name) // waits for a running sync: the file is about to move
	s.schedMu.Unlock()
	if s.notes != nil {
		s.notes.RemoveAccount(name)
	}
	if err := old.close(); err != nil {
		slog.Warn("close the damaged cache", "account", name, "err", err)
	}
	var rep *localstore.RepairReport
	var repairErr error
	if old.store != nil || errors.Is(old.broken, localstore.ErrCorrupt) {
		r, err := localstore.Repair(old.spec.cache, name)
		rep, repairErr = &r, err
	}
	sp := old.spec
	sp.reset = false // a sandbox cache is emptied at start only: keep what repair saved
	a, err := s.build(sp)
	if err != nil { // held by another copy meanwhile: listed as broken, like any unopened cache
		a = &account{info: sp.info, spec: sp, broken: err, unsynced: err}
		a.lastErr.Store(&err)
	}
	s.swap(old, a)
	if s.isStarted() {
		s.schedule(a)
		s.SyncNow(name)
	}
	if repairErr == nil && a.broken != nil {
		repairErr = a.broken
	}
	return rep, repairErr
}

// swap puts a rebuilt account where the old one was listed.
func (s *Service) swap(old, a *account) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, x := range s.accounts {
		if x == old {
			s.accounts[i] = a
			return
		}
	}
	s.accounts = append(s.accounts, a)
}
