package service

import (
	"time"
)

// maxGather is how long a launch or an account's first sync may hold the
// desktop's popups back before the summary goes out anyway: a sync that
// hangs on a dead network must not keep an unsubscription countdown silent.
const maxGather = 90 * time.Second

// launchHold is held from Start until the first deadline check ran.
const launchHold = "launch"

// firstSyncHold is held until an account's first scheduled sync ends.
func firstSyncHold(name string) string { return "first-sync:" + name }

// holdForLaunch makes the launch, and every account's first sync, raise one
// summary popup rather than one per rule and account.
func (s *Service) holdForLaunch() {
	if s.notes == nil {
		return
	}
	s.notes.HoldLaunch(launchHold)
	for _, a := range s.snapshot() {
		if a.engine != nil {
			s.notes.Hold(firstSyncHold(a.info.Name))
		}
	}
	s.releaseLater()
}

// holdForFirstSync gathers an account added while running until its first
// sync ends.
func (s *Service) holdForFirstSync(name string) {
	if s.notes == nil {
		return
	}
	s.notes.Hold(firstSyncHold(name))
	s.releaseLater()
}

// releaseLater ends every hold after maxGather, unless Close came first.
func (s *Service) releaseLater() {
	notes := s.notes
	s.background.Go(func() {
		select {
		case <-s.ctx.Done():
		case <-time.After(maxGather):
			notes.ReleaseAll()
		}
	})
}

// synced ends an account's first-sync hold (a no-op after the first).
func (s *Service) synced(name string) {
	if s.notes != nil && s.ctx.Err() == nil { // a sync cut short by Close summarises nothing
		s.notes.Release(firstSyncHold(name))
	}
}
