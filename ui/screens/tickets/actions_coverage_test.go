package tickets

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

func TestTicketDetail_EnablesWhatTheDomainAllowsInEveryStatus(t *testing.T) {
	d := newTicketDetail(screentest.NewBackend(t, uitest.NewStore(t)))
	uitest.NewWindow(t, d.root)
	for _, st := range domain.TicketStatuses {
		// given a ticket in each status
		tk := uitest.Ticket("T1", "无法登录", st)

		// when shown
		d.show(tk, nil)

		// then the buttons and the reply box follow the domain (no reply
		// while the customer confirms the result, as the marketplace refuses it)
		want := slices.DeleteFunc(domain.Actions(tk), func(a domain.ActionName) bool { return a == domain.ActTicketReply })
		assert.ElementsMatch(t, screens.ActionNames(want), uitest.EnabledButtons(d.f.Buttons.Objects), st)
		assert.Equal(t, domain.Allows(tk, domain.ActTicketReply), !d.reply.Disabled(), "reply box in %s", st)
		assert.Equal(t, domain.Allows(tk, domain.ActTicketReply), !d.send.Disabled(), "send button in %s", st)
	}
}
