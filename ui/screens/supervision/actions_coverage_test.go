package supervision

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

func TestSupervisionDetail_OffersWhatTheDomainAllowsAtEveryNode(t *testing.T) {
	d := newSupervisionDetail(screentest.NewBackend(t, uitest.NewStore(t)))
	uitest.NewWindow(t, d.root)
	for _, pk := range domain.ProductKinds {
		for _, n := range domain.FlowFor(pk) {
			// given a task of each product kind at each node of its flow
			task := uitest.Task("S1", pk, n)

			// when shown
			d.show(task, nil)

			// then the enabled buttons are exactly the domain's actions (so a
			// License requirement offers no rejection, which the marketplace
			// refuses), the appeal only where the appeal rule allows it
			want := domain.Actions(task)
			if !domain.MerchantAppeal(task, uitest.Now).Allowed {
				want = slices.DeleteFunc(want, func(a domain.ActionName) bool { return a == domain.ActAppeal })
			}
			assert.ElementsMatch(t, screens.ActionNames(want), uitest.EnabledButtons(d.f.Buttons.Objects), "%s at %s", pk, n)
		}
	}
}
