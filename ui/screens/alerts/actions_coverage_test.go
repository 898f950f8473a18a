package alerts

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

func TestAlertDetail_OffersRestartWhereTheDomainAllowsIt(t *testing.T) {
	d := newStillAlertDetail(t, screentest.NewBackend(t, uitest.NewStore(t)))
	for _, st := range domain.AlertStates {
		// given an alert in each state
		a := uitest.Alert("A1", st, time.Hour)

		// when shown
		d.show(a, nil)

		// then restart is on exactly where the marketplace takes it
		assert.ElementsMatch(t, screens.ActionNames(domain.Actions(a)), uitest.EnabledButtons(d.f.Buttons.Objects), st)
	}
}
