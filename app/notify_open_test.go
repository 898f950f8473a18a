package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	uibackend "github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/kit"
	uiprefs "github.com/koogallery/merchant-console/ui/prefs"
	uishell "github.com/koogallery/merchant-console/ui/shell"
)

func TestPopupOpen_SwitchesToTheAccountItNames(t *testing.T) {
	// given a window showing shop A, with shop B's ticket cached in B's own file
	stores := map[string]*localstore.Store{}
	for _, id := range []string{"shop-a", "shop-b"} {
		s, err := localstore.Open(filepath.Join(t.TempDir(), id+".db"), id, localstore.Options{NoSync: true})
		require.NoError(t, err)
		t.Cleanup(func() { _ = s.Close() })
		stores[id] = s
	}
	now := time.Now()
	tk := domain.Ticket{Meta: domain.Meta{ID: "TK-B", Account: "shop-b", Version: 1, UpdatedAt: now},
		Subject: "B 的工单", Status: domain.TicketPendingAccept, CreatedAt: now, SLADue: now.Add(time.Hour)}
	_, err := stores["shop-b"].ApplyPage(localstore.Page{Resource: domain.ResTickets, Items: []domain.Record{tk}})
	require.NoError(t, err)
	ui := uiQueue(t)
	a := test.NewTempApp(t)
	accounts := []uibackend.AccountInfo{{ID: "shop-a", Label: "A", Site: "cn"}, {ID: "shop-b", Label: "B", Site: "cn"}}
	b := &uibackend.Backend{Accounts: func() []uibackend.AccountInfo { return accounts },
		Store: func(id string) *localstore.Store { return stores[id] }, DataDir: t.TempDir()}
	shell := uishell.NewShell(a, b, uiprefs.New(a.Preferences()))
	t.Cleanup(shell.Close)
	shell.SwitchAccount("shop-a")
	r := &relay{}
	r.attach(shell)

	// when the user clicks "Open" on B's popup (the D-Bus action's path)
	r.open("shop-b", domain.ResTickets, "TK-B")

	// then the window switched to B and shows its tickets
	runUI(t, ui, func() bool { return shell.Account() == "shop-b" })
	assert.Equal(t, uishell.ScreenTickets, shell.Current())
}

// uiQueue stands in for Fyne's goroutine: kit.Do queues and runUI runs the
// queue on the test goroutine, so widgets are touched by one goroutine only
// (ui/internal/uitest's Loop, which app cannot import).
func uiQueue(t *testing.T) chan func() {
	q := make(chan func(), 4096)
	old := kit.Do
	kit.Do = func(f func()) { q <- f }
	t.Cleanup(func() { kit.Do = old })
	return q
}

func runUI(t *testing.T, q chan func(), cond func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case f := <-q:
			f()
		case <-deadline:
			t.Fatal("condition not reached")
		}
	}
}
