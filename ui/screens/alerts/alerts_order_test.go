package alerts

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

// alertAt is an alert that first failed failedAgo before uitest.Now; a zero
// unsubscribeIn means no automatic unsubscription runs.
func alertAt(id string, st domain.AlertState, unsubscribeIn, failedAgo time.Duration) domain.InterfaceAlert {
	a := uitest.Alert(id, st, unsubscribeIn)
	if unsubscribeIn == 0 {
		a.UnsubscribeAt = time.Time{}
	}
	a.FirstFailureAt = uitest.Now.Add(-failedAgo)
	return a
}

// urgencyAlerts are one alert of each kind of urgency; the newest failure
// is the least urgent, so newest-first and most-urgent-first disagree.
func urgencyAlerts() []domain.Record {
	return []domain.Record{
		alertAt("A-resolved", domain.AlertResolved, 0, time.Minute),
		alertAt("A-unsub", domain.AlertUnsubscribed, 0, 2*time.Minute),
		alertAt("A-retry", domain.AlertRetrying, 0, 3*time.Minute),
		alertAt("A-failed", domain.AlertFailed, 0, 4*time.Minute),
		alertAt("A-2h", domain.AlertRetrying, 2*time.Hour, 5*time.Minute),
		alertAt("A-10m", domain.AlertRetrying, 10*time.Minute, 6*time.Minute),
	}
}

func TestAlertsScreen_CountdownThenManualRestartThenRetryingThenFinished(t *testing.T) {
	// given alerts of every urgency
	test.NewTempApp(t)
	s := New(screentest.NewBackend(t, uitest.NewStore(t, urgencyAlerts()...)))
	screentest.Show(t, s)

	// then running countdowns come first (nearest first), then the call to
	// restart by hand, then the one still retrying, then finished ones, newest first
	assert.Equal(t, []string{"A-10m", "A-2h", "A-failed", "A-retry", "A-resolved", "A-unsub"}, screentest.RowIDs(s))
}

func TestAlertsScreen_UrgencyOrderPagesWithoutGapsOrRepeats(t *testing.T) {
	// given the urgency order over a real cache
	st := uitest.NewStore(t, urgencyAlerts()...)
	fetch := mostUrgentFirst(func() *localstore.Store { return st })
	q := localstore.Query{Sort: localstore.SortDeadline}

	// when it is read in pages of four that straddle the open/finished boundary
	var ids []string
	for off := 0; off < 8; off += 4 {
		q.Offset, q.Limit = off, 4
		page, total, err := fetch(q)
		require.NoError(t, err)
		assert.Equal(t, 6, total)
		for _, a := range page {
			ids = append(ids, a.ID)
		}
	}

	// then every alert comes once, in order
	assert.Equal(t, []string{"A-10m", "A-2h", "A-failed", "A-retry", "A-resolved", "A-unsub"}, ids)

	// when only finished alerts are asked for, then only they come
	q.Offset, q.Limit, q.Statuses = 0, 10, []string{string(domain.AlertResolved), string(domain.AlertUnsubscribed)}
	page, total, err := fetch(q)
	require.NoError(t, err)
	assert.Equal(t, 2, total)
	assert.Len(t, page, 2)
}
