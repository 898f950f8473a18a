package alerts

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

func TestAlertsScreen_NearestUnsubscriptionFirst(t *testing.T) {
	// given open alerts with different deadlines and a resolved one
	test.NewTempApp(t)
	st := uitest.NewStore(t,
		uitest.Alert("A1", domain.AlertFailed, 3*time.Hour),
		uitest.Alert("A2", domain.AlertRetrying, 20*time.Minute),
		uitest.Alert("A3", domain.AlertFailed, 90*time.Minute),
		uitest.Alert("A4", domain.AlertResolved, time.Hour),
	)
	s := New(screentest.NewBackend(t, st))
	screentest.Show(t, s)

	// when the open ones are shown
	s.Open(screens.NavTarget{Resource: domain.ResAlerts, Statuses: screens.AlertsOpen})
	screentest.WaitLoad(t, s)

	// then the most urgent comes first, with its time left
	assert.Equal(t, []string{"A2", "A3", "A1"}, screentest.RowIDs(s))
	_, texts, ok := s.Table().Row(0)
	require.True(t, ok)
	assert.Equal(t, "0:20:00 left", texts[0])
}
