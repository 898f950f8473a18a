package shell

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

// logUrgent writes an urgent notice (an unsubscription countdown), as the
// notify engine does.
func logUrgent(t *testing.T, st *localstore.Store, key, title string, at time.Time) {
	t.Helper()
	added, err := st.RecordNotice(localstore.Notice{Key: key, Account: st.Account(), Resource: domain.ResAlerts,
		RecordID: "A1", Title: title, Body: "body of " + title, At: at, Urgent: true})
	require.NoError(t, err)
	require.True(t, added)
}

func centreTitles(c *noticeCentre) []string {
	var out []string
	for _, e := range c.entries {
		out = append(out, e.Title)
	}
	return out
}

func TestNoticeCentre_PinsUnreadUrgentOnTopUntilRead(t *testing.T) {
	// given an older urgent countdown notice and two newer ordinary ones
	stores := shellStores(t, "acct-a")
	st := stores["acct-a"]
	logUrgent(t, st, "alert-countdown:acct-a:A1", "10 min to unsubscription", uitest.Now.Add(-time.Hour))
	logNotice(t, st, "new-ticket:acct-a:1", "New ticket 1", uitest.Now.Add(-time.Minute))
	logNotice(t, st, "new-ticket:acct-a:2", "New ticket 2", uitest.Now)
	h := newShellHarness(t, stores, []backend.AccountInfo{{ID: "acct-a", Label: "A", Site: "cn"}})

	// when the centre opens
	c := h.openCentre(t)

	// then the unread urgent notice is pinned above the newer ones
	assert.Equal(t, []string{"10 min to unsubscription", "New ticket 2", "New ticket 1"}, centreTitles(c))

	// when it has been read, then it takes its place by time
	c.afterMarking(func() error { return markRead(st, c.entries[0].Keys) })
	h.loop.RunUntil(t, func() bool { return !c.entries[len(c.entries)-1].Unread })
	assert.Equal(t, []string{"New ticket 2", "New ticket 1", "10 min to unsubscription"}, centreTitles(c))
}

func TestNoticeCentre_ArrivalsWaitBehindNNewWhileOpen(t *testing.T) {
	// given the centre open on two notices
	stores := shellStores(t, "acct-a")
	st := stores["acct-a"]
	logNotice(t, st, "new-ticket:acct-a:1", "New ticket 1", uitest.Now.Add(-2*time.Minute))
	logNotice(t, st, "new-ticket:acct-a:2", "New ticket 2", uitest.Now.Add(-time.Minute))
	h := newShellHarness(t, stores, []backend.AccountInfo{{ID: "acct-a", Label: "A", Site: "cn"}})
	c := h.openCentre(t)
	require.Equal(t, []string{"New ticket 2", "New ticket 1"}, centreTitles(c))

	// when an urgent notice and an ordinary one arrive and the poll reloads
	logUrgent(t, st, "alert-countdown:acct-a:A1", "10 min to unsubscription", uitest.Now)
	logNotice(t, st, "new-ticket:acct-a:3", "New ticket 3", uitest.Now)
	c.reload()
	h.loop.RunUntil(t, func() bool { return c.arrived.Visible() })

	// then the rows under the pointer stay where they were, and a button says two are new
	assert.Equal(t, []string{"New ticket 2", "New ticket 1"}, centreTitles(c))
	assert.Contains(t, c.arrived.Text, "2")

	// when the user taps it, then the new list shows, the urgent one pinned on top
	test.Tap(c.arrived)
	assert.False(t, c.arrived.Visible())
	assert.Equal(t, "10 min to unsubscription", centreTitles(c)[0])
	assert.Len(t, c.entries, 4)
}
