// Package screentest wires a screens.Backend over a fixture cache, for the
// screen packages' tests. Only tests import it.
package screentest

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

// NewBackend wires a backend over the store with the fixed clock and
// an agent name, as the app would.
func NewBackend(t *testing.T, s *localstore.Store) *screens.Backend {
	t.Helper()
	return &screens.Backend{
		Store:   func() *localstore.Store { return s },
		Agent:   func() string { return "李四" },
		Now:     func() time.Time { return uitest.Now },
		DataDir: t.TempDir(),
	}
}

// EnqueueAction puts an action in the store's outbox, as a pane would
// have, for tests that need one already queued; it returns it as stored.
func EnqueueAction(b *screens.Backend, res domain.Resource, id string, name domain.ActionName, p domain.ActionParams) (domain.Action, error) {
	s := b.CurrentStore()
	actionSeq++
	a := domain.Action{Key: fmt.Sprintf("test-key-%d", actionSeq), Account: s.Account(), Resource: res, RecordID: id,
		Name: name, Params: p, State: domain.ActionPending, CreatedAt: b.Time()}
	if _, err := s.Enqueue(a); err != nil {
		return a, err
	}
	acts, err := s.ActionsFor(res, id)
	if err != nil || len(acts) == 0 {
		return a, err
	}
	return acts[len(acts)-1], nil
}

var actionSeq int

// WaitLoad blocks until the screen's table applied a load.
func WaitLoad[T domain.Record](t *testing.T, s *screens.RecordScreen[T]) {
	t.Helper()
	select {
	case <-s.Loaded():
	case <-time.After(10 * time.Second):
		t.Fatal("the list never loaded")
	}
}

// Show waits for the first page, then puts the screen in a small window
// (so later changes load one page each), like the table's own tests.
func Show[T domain.Record](t *testing.T, s *screens.RecordScreen[T]) fyne.Window {
	t.Helper()
	t.Cleanup(s.Close)
	WaitLoad(t, s)
	w := test.NewTempWindow(t, s.Object())
	w.Resize(fyne.NewSize(1000, 320))
	return w
}

// RowIDs are the IDs of the rows the screen's list holds, in order.
func RowIDs[T domain.Record](s *screens.RecordScreen[T]) []string {
	var ids []string
	for i := range s.Table().Total() {
		r, _, ok := s.Table().Row(i)
		if ok {
			ids = append(ids, r.RecordMeta().ID)
		}
	}
	return ids
}
