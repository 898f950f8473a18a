package sandbox

import (
	"sync"
	"time"
)

// Clock is the sandbox's notion of now: real time scaled by a speed factor,
// plus whatever tests added with Advance. Speed 0 stops it between Advances.
type Clock struct {
	mu       sync.Mutex
	base     time.Time // simulated time at realBase
	realBase time.Time
	speed    float64
	offset   time.Duration
}

// NewClock starts a clock at start running speed times real time; speed 0
// gives a stopped clock that moves only by Advance.
func NewClock(start time.Time, speed float64) *Clock {
	return &Clock{base: start.Round(0).UTC(), realBase: time.Now(), speed: speed}
}

// RealClock is a clock that follows the wall clock.
func RealClock() *Clock { return NewClock(time.Now(), 1) }

// Now is the simulated current time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	elapsed := time.Duration(float64(time.Since(c.realBase)) * c.speed)
	return c.base.Add(elapsed + c.offset)
}

// Advance moves the clock forward by d at once.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.offset += d
	c.mu.Unlock()
}

// Speed is the clock's speed factor.
func (c *Clock) Speed() float64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.speed
}
