// Package uitest is what the ui packages' tests share: a stand-in for
// Fyne's main goroutine, fixture records over a real cache file in a
// temporary folder, and helpers that read what a window shows. Only tests
// import it.
package uitest

import (
	"testing"
	"time"

	"github.com/koogallery/merchant-console/ui/kit"
)

// Loop stands in for Fyne's main goroutine in widget tests: kit.Do queues
// callbacks and the test goroutine runs them, so widgets are only ever
// touched by the test goroutine (as they are only by the main one in the
// app) and -race stays quiet. Tests using it must not call t.Parallel.
type Loop struct{ queue chan func() }

// NewLoop swaps kit.Do for the queue until the test ends.
func NewLoop(t testing.TB) *Loop {
	l := &Loop{queue: make(chan func(), 4096)}
	old := kit.Do
	kit.Do = func(f func()) { l.queue <- f }
	t.Cleanup(func() { kit.Do = old })
	return l
}

// RunUntil runs queued callbacks until cond holds, failing after 10 s.
func (l *Loop) RunUntil(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case f := <-l.queue:
			f()
		case <-deadline:
			t.Fatal("condition not reached: the UI goroutine had nothing more to run")
		}
	}
}

// RunOne runs the next queued callback, failing after 10 s.
func (l *Loop) RunOne(t testing.TB) {
	t.Helper()
	select {
	case f := <-l.queue:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("nothing was handed to the UI goroutine")
	}
}

// Pending is how many callbacks wait to run.
func (l *Loop) Pending() int { return len(l.queue) }
