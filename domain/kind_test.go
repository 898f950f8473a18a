package domain

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryResourceHasOneKindInFirstSyncOrder(t *testing.T) {
	// when the kinds are listed
	ks := Kinds()

	// then there is one per resource, in AllResources' order
	require.Len(t, ks, len(AllResources))
	for i, k := range ks {
		assert.Equal(t, AllResources[i], k.Resource)
	}
}

func TestEveryKindIsFullyDescribed(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k.Resource), func(t *testing.T) {
			assert.NotEmpty(t, k.Label.Zh)
			assert.NotEmpty(t, k.Label.En)
			assert.NotEmpty(t, k.TimeField)
			assert.NotEmpty(t, k.TimeLabel.Zh)
			assert.NotEmpty(t, k.TimeLabel.En)
			assert.Contains(t, SyncClasses, k.Sync)
			require.NotEmpty(t, k.Statuses)
			seen := map[string]bool{}
			for _, s := range k.Statuses {
				assert.False(t, seen[s.Code], "status %s twice", s.Code)
				seen[s.Code] = true
				assert.NotEmpty(t, s.Label.Zh, s.Code)
				assert.NotEmpty(t, s.Label.En, s.Code)
				assert.NotEqual(t, s.Code, s.Label.En, "%s has no English words", s.Code)
				if s.Final {
					for _, a := range s.Actions {
						assert.True(t, a.Annotates(), "%s is final but offers %s, which moves the record", s.Code, a)
					}
				} else {
					assert.NotEmpty(t, s.Actor, "%s waits on nobody", s.Code)
				}
			}
		})
	}
}

func TestStatusAndTimeAreReadFromTheRecord(t *testing.T) {
	at := time.Date(2026, 10, 3, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		rec    Record
		status string
	}{
		{Order{Status: OrderCancelled, CreatedAt: at}, "CANCELLED"},
		{SupervisionTask{Current: NodeShip, CreatedAt: at}, "SHIP"},
		{Ticket{Status: TicketRevoked, CreatedAt: at}, "REVOKED"},
		{InterfaceAlert{State: AlertFailed, FirstFailureAt: at}, "FAILED"},
		{Bill{Status: BillPaid, GeneratedAt: at}, "PAID"},
		{TransactionDetail{Status: TxBilled, TradeTime: at}, "BILLED"},
		{Message{Category: MsgTrade, CreatedAt: at}, "TRADE"},
	}
	require.Len(t, tests, len(AllResources), "one case per kind")
	for _, tt := range tests {
		t.Run(string(tt.rec.Resource()), func(t *testing.T) {
			assert.Equal(t, tt.status, StatusOf(tt.rec))
			assert.Equal(t, at, TimeOf(tt.rec))
			assert.True(t, KindOf(tt.rec.Resource()).Known(tt.status))
		})
	}
}

func TestUnknownCodesReadAsThemselves(t *testing.T) {
	// given codes the marketplace might add later
	// then they label as themselves instead of vanishing
	assert.Equal(t, Label{"NEW_STATE", "NEW_STATE"}, KindOf(ResBills).Status("NEW_STATE").Label)
	assert.Equal(t, "FUTURE", OrderType("FUTURE").Label().En)
	assert.False(t, KindOf(ResBills).Known("NEW_STATE"))
}

func TestLabelPicksTheLanguage(t *testing.T) {
	l := Label{"变更/升级", "Change/upgrade"}
	assert.Equal(t, "Change/upgrade", l.In("en"))
	assert.Equal(t, "Change/upgrade", l.In("en-US"))
	assert.Equal(t, "变更/升级", l.In("zh-Hans"))
	assert.Equal(t, "变更/升级", l.In("zh"))
	assert.Equal(t, "变更/升级", l.Pick(false))
}

func TestSyncIntervalsComeFromTheClasses(t *testing.T) {
	// when the defaults are read
	iv := DefaultIntervals()

	// then each resource syncs at its class's default; messages are slow like orders
	require.Len(t, iv, len(AllResources))
	assert.Equal(t, 30*time.Second, iv[ResTickets])
	assert.Equal(t, 30*time.Second, iv[ResAlerts])
	assert.Equal(t, 2*time.Minute, iv[ResMessages])
	assert.Equal(t, iv[ResOrders], iv[ResMessages])
	assert.Equal(t, 30*time.Minute, iv[ResBills])

	// and a chosen class interval applies to every resource of the class
	got := IntervalsByClass(map[SyncClass]time.Duration{SyncSlow: 5 * time.Minute})
	assert.Equal(t, 5*time.Minute, got[ResMessages])
	assert.Equal(t, 5*time.Minute, got[ResSupervision])
	assert.Equal(t, 30*time.Second, got[ResTickets])
}

func TestUrgentWhenTheCountdownIsClose(t *testing.T) {
	now := time.Date(2026, 10, 3, 9, 0, 0, 0, time.UTC)
	alert := InterfaceAlert{State: AlertRetrying, UnsubscribeAt: now.Add(20 * time.Minute)}
	assert.True(t, Urgent(alert, now))
	alert.UnsubscribeAt = now.Add(2 * time.Hour)
	assert.False(t, Urgent(alert, now))
	alert.State, alert.UnsubscribeAt = AlertResolved, now.Add(time.Minute)
	assert.False(t, Urgent(alert, now), "a resolved alert is not urgent")

	ticket := Ticket{Status: TicketProcessing, SLADue: now.Add(10 * time.Minute)}
	assert.True(t, Urgent(ticket, now))
	ticket.Status, ticket.SLAPausedAt = TicketAwaitingCustomer, now
	assert.False(t, Urgent(ticket, now), "a paused SLA waits on the customer")

	assert.False(t, Urgent(Order{Status: OrderProcessing}, now), "orders have no countdown")
}

func TestActionsFollowTheStatus(t *testing.T) {
	// a ticket waiting for the customer's confirmation takes no reply
	assert.False(t, Allows(Ticket{Status: TicketAwaitingConfirm}, ActTicketReply))
	assert.True(t, Allows(Ticket{Status: TicketAwaitingCustomer}, ActTicketReply))
	assert.True(t, Allows(&Ticket{Status: TicketPendingAccept}, ActTicketAccept), "pointers too")

	// a License flow has no requirement step to reject back to
	lic := SupervisionTask{Kind: KindLicense, Current: NodeConfirmRequirement}
	assert.ElementsMatch(t, []ActionName{ActConfirmRequirement, ActAppeal}, Actions(lic))
	manual := SupervisionTask{Kind: KindManualService, Current: NodeConfirmRequirement}
	assert.ElementsMatch(t, []ActionName{ActConfirmRequirement, ActRejectRequirement, ActAppeal}, Actions(manual))

	// an open appeal freezes everything
	manual.Appeal = &Appeal{Status: AppealOpen}
	assert.Empty(t, Actions(manual))

	// a finished flow takes nothing; a customer step only an appeal
	assert.Empty(t, Actions(SupervisionTask{Current: NodeDone}))
	assert.Equal(t, []ActionName{ActAppeal}, Actions(SupervisionTask{Current: NodeAcceptance}))
	assert.Empty(t, Actions(Order{Status: OrderProcessing}))
}

func TestTypedStatusListsFollowTheKinds(t *testing.T) {
	assert.Equal(t, []OrderStatus{OrderProcessing, OrderCompleted, OrderCancelled}, OrderStatuses)
	assert.Equal(t, []AlertState{AlertRetrying, AlertFailed, AlertRestarting, AlertResolved, AlertUnsubscribed}, AlertStates)
	assert.Len(t, Nodes, 10)
	assert.Equal(t, []TransactionStatus{TxUnbilled, TxBilled}, TransactionStatuses)
	assert.Len(t, MessageCategories, 5)
}
