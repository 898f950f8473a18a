package world

import (
	"testing"
	"time"
)

// testStart is a fixed moment: 2026-11-02 10:00 CST, the day before a bill.
var testStart = time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC)

// testWorld is a generated world that only Advance moves, as a sandbox on
// a stopped clock is.
type testWorld struct {
	*World
	now time.Time
}

// startWorld generates a small world at testStart where nothing arrives by
// itself.
func startWorld(t testing.TB, mod func(*Options)) *testWorld {
	t.Helper()
	opts := Options{Seed: 7, NoArrivals: true}
	if mod != nil {
		mod(&opts)
	}
	return &testWorld{World: New(opts, testStart), now: testStart}
}

// Advance moves the world's time forward by d and steps it there.
func (w *testWorld) Advance(d time.Duration) {
	w.now = w.now.Add(d)
	w.Step(w.now)
}
