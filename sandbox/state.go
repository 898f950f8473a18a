package sandbox

import (
	"io"
	"time"

	"github.com/koogallery/merchant-console/sandbox/world"
)

// ErrStateMismatch says a saved world cannot be continued: another format,
// or made with other options (seed, sizes), so its records would not be
// the world these options describe.
var ErrStateMismatch = world.ErrStateMismatch

// SaveState writes the world (gzip-compressed JSON) so that Start with
// Options.State continues it. Call it after Close, or while serving: it
// holds the world's lock while it copies.
func (s *Server) SaveState(out io.Writer) error {
	return s.w.Save(out, s.opts.world(), s.epoch, s.clock.Now())
}

// openWorld generates the world, or continues the one opts.State saved:
// its clock goes on from the saved time plus the wall time it was away,
// unless opts.Clock is given.
func openWorld(opts Options) (*world.World, *Clock, uint64, error) {
	speed := opts.Speed
	if speed <= 0 {
		speed = 1
	}
	if opts.State == nil {
		clock := opts.Clock
		if clock == nil {
			start := opts.Start
			if start.IsZero() {
				start = time.Now()
			}
			clock = NewClock(start, speed)
		}
		return world.New(opts.world(), clock.Now()), clock, uint64(time.Now().UnixNano()), nil
	}
	w, saved, err := world.Restore(opts.State, opts.world())
	if err != nil {
		return nil, nil, 0, err
	}
	clock := opts.Clock
	if clock == nil {
		clock = NewClock(saved.SimNow.Add(max(0, time.Since(saved.SavedAt))), speed)
	}
	return w, clock, saved.Epoch, nil
}
