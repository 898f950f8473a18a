package tickets

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

// draftRun is one run of the console over the cache file at path: the
// account's store opened and a ticket pane on it, as a start builds them.
type draftRun struct {
	store *localstore.Store
	pane  *ticketDetail
}

func startDraftRun(t *testing.T, loop *uitest.Loop, path string) draftRun {
	t.Helper()
	s, err := localstore.Open(path, uitest.Account, localstore.Options{NoSync: true})
	require.NoError(t, err)
	d := newTicketDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)
	return draftRun{store: s, pane: d}
}

// show selects a ticket and waits until the pane has its fresh copy.
func (r draftRun) show(t *testing.T, loop *uitest.Loop, tk domain.Ticket) {
	t.Helper()
	r.pane.Load(tk)
	gen := r.pane.f.Gen
	r.pane.f.Jobs.Wait()
	for loop.Pending() > 0 && gen == r.pane.f.Gen {
		loop.RunOne(t)
	}
}

// quit closes the pane and then the store, in the shell's order on quit.
func (r draftRun) quit(t *testing.T) {
	t.Helper()
	r.pane.Close()
	require.NoError(t, r.store.Close())
}

func draftCache(t *testing.T, tickets ...domain.Record) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := localstore.Open(path, uitest.Account, localstore.Options{NoSync: true})
	require.NoError(t, err)
	uitest.PutRecords(t, s, tickets...)
	require.NoError(t, s.Close())
	return path
}

func TestDrafts_RepliesTypedBeforeAQuitAreBackAfterTheRestart(t *testing.T) {
	// given two tickets being worked on
	t7, t8 := uitest.Ticket("T7", "退款", domain.TicketProcessing), uitest.Ticket("T8", "发票", domain.TicketProcessing)
	path := draftCache(t, t7, t8)
	loop := uitest.NewLoop(t)
	run := startDraftRun(t, loop, path)

	// when the agent types a reply on T7, switches to T8, types there, and quits
	run.show(t, loop, t7)
	test.Type(run.pane.reply, "退款正在处理")
	run.show(t, loop, t8)
	test.Type(run.pane.reply, "发票已开出")
	run.quit(t)

	// then after a restart each ticket's box holds what was typed for it
	run = startDraftRun(t, loop, path)
	run.show(t, loop, t8)
	assert.Equal(t, "发票已开出", run.pane.reply.Text, "the draft in the box at quit")
	run.show(t, loop, t7)
	assert.Equal(t, "退款正在处理", run.pane.reply.Text, "the draft kept when switching")
	run.quit(t)
}

func TestDrafts_AReplySentIsNoLongerADraftAfterTheRestart(t *testing.T) {
	// given a draft on T7 that a previous run saved
	t7 := uitest.Ticket("T7", "退款", domain.TicketProcessing)
	path := draftCache(t, t7)
	loop := uitest.NewLoop(t)
	run := startDraftRun(t, loop, path)
	run.show(t, loop, t7)
	test.Type(run.pane.reply, "退款正在处理")
	run.quit(t)
	run = startDraftRun(t, loop, path)
	run.show(t, loop, t7)
	require.Equal(t, "退款正在处理", run.pane.reply.Text)

	// when the agent sends it and the console stops without closing its
	// panes (a crash, a kill): what was saved at the send is what counts
	test.Tap(uitest.FindButton(t, run.pane.root, "Send reply"))
	run.pane.f.Jobs.Wait()
	acts, err := run.store.ActionsFor(domain.ResTickets, "T7")
	require.NoError(t, err)
	require.Len(t, acts, 1, "the reply is queued")
	require.NoError(t, run.store.Close())

	// then after a restart T7's box is empty
	run = startDraftRun(t, loop, path)
	run.show(t, loop, t7)
	assert.Empty(t, run.pane.reply.Text)
	run.quit(t)
}

func TestDrafts_SwitchingTicketsSavesTheDraftLeftEvenIfTheConsoleThenDies(t *testing.T) {
	// given a reply typed on T7
	t7, t8 := uitest.Ticket("T7", "退款", domain.TicketProcessing), uitest.Ticket("T8", "发票", domain.TicketProcessing)
	path := draftCache(t, t7, t8)
	loop := uitest.NewLoop(t)
	run := startDraftRun(t, loop, path)
	run.show(t, loop, t7)
	test.Type(run.pane.reply, "退款正在处理")

	// when the agent moves to T8 and the console is killed before it closes its panes
	run.show(t, loop, t8)
	run.pane.f.Jobs.Wait()
	require.NoError(t, run.store.Close())

	// then after a restart T7's draft is back, and T8 has none
	run = startDraftRun(t, loop, path)
	run.show(t, loop, t8)
	assert.Empty(t, run.pane.reply.Text)
	run.show(t, loop, t7)
	assert.Equal(t, "退款正在处理", run.pane.reply.Text)
	run.quit(t)
}
