package syncer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
)

// Manager runs several accounts side by side, one Scheduler each; accounts
// never wait for one another.
type Manager struct {
	mu     sync.Mutex
	scheds map[string]*Scheduler
	cancel map[string]context.CancelFunc
	wg     sync.WaitGroup
	ctx    context.Context
}

// NewManager returns a manager whose schedulers run until ctx ends or
// Close is called.
func NewManager(ctx context.Context) *Manager {
	return &Manager{scheds: map[string]*Scheduler{}, cancel: map[string]context.CancelFunc{}, ctx: ctx}
}

// Add starts syncing an account. An account can be added once.
func (m *Manager) Add(s *Scheduler) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	acct := s.eng.Account()
	if _, dup := m.scheds[acct]; dup {
		return fmt.Errorf("account %q is already syncing", acct)
	}
	ctx, cancel := context.WithCancel(m.ctx)
	m.scheds[acct], m.cancel[acct] = s, cancel
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		_ = s.Run(ctx) // ends only with ctx; errors are in its State
	}()
	return nil
}

// Remove stops syncing an account (after its current sync step).
func (m *Manager) Remove(account string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if c, ok := m.cancel[account]; ok {
		c()
		delete(m.cancel, account)
		delete(m.scheds, account)
	}
}

// SyncNow asks every account (or the named one) to sync at once.
func (m *Manager) SyncNow(account string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if account == "" {
		for _, s := range m.scheds {
			s.SyncNow()
		}
		return nil
	}
	s, ok := m.scheds[account]
	if !ok {
		return errors.New("no such account: " + account)
	}
	s.SyncNow()
	return nil
}

// States returns every account's state, sorted by account.
func (m *Manager) States() []State {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]State, 0, len(m.scheds))
	for _, s := range m.scheds {
		out = append(out, s.State())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Account < out[j].Account })
	return out
}

// Close stops every scheduler and waits for them to return.
func (m *Manager) Close() {
	m.mu.Lock()
	for _, c := range m.cancel {
		c()
	}
	m.cancel, m.scheds = map[string]context.CancelFunc{}, map[string]*Scheduler{}
	m.mu.Unlock()
	m.wg.Wait()
}
