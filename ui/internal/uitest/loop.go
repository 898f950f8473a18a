package uitest

import (
	"github.com/koogallery/merchant-console/ui/kit"
	"testing"
	"time"
)

// testLoop stands in for Fyne's main goroutine in widget tests: kit.Do queues
// callbacks and the test goroutine runs them, so widgets are only ever
// touched by the test goroutine (as they are only by the main one in the
// app) and -race stays quiet. Tests using it must not call t.Parallel.
type testLoop struct{ queue chan func() }

// newTestLoop swaps kit.Do for the queue until the test ends.
func newTestLoop(t testing.TB) *testLoop {
	l := &testLoop{queue: make(chan func(), 4096)}
	old := kit.Do
	kit.Do = func(f func()) { l.queue <- f }
	t.Cleanup(func() { kit.Do = old })
	return l
}

// runUntil runs queued callbacks until cond holds, failing after 10 s.
func (l *testLoop) runUntil(t testing.TB, cond func() bool) {
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

// runOne runs the next queued callback, failing after 10 s.
func (l *testLoop) runOne(t testing.TB) {
	t.Helper()
	select {
	case f := <-l.queue:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("nothing was handed to the UI goroutine")
	}
}
