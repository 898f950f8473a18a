package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewActionKey_IsFreshEveryTime(t *testing.T) {
	a, err := NewActionKey()
	require.NoError(t, err)
	b, err := NewActionKey()
	require.NoError(t, err)
	assert.Regexp(t, `^[0-9a-f]{32}$`, a, "128 bits in hex")
	assert.NotEqual(t, a, b, "two actions never share a key")
}

func TestActionLabels_EveryActionIsNamedInBothLanguages(t *testing.T) {
	for _, r := range AllResources {
		for _, a := range ActionsFor(r) {
			l := a.Label()
			assert.NotEqual(t, string(a), l.En, "%s has no English name", a)
			assert.NotEqual(t, string(a), l.Zh, "%s has no Chinese name", a)
		}
	}
}

func TestActionsFor(t *testing.T) {
	tests := []struct {
		res  Resource
		want []ActionName
	}{
		{ResTickets, []ActionName{ActTicketAccept, ActTicketNote, ActTicketReply, ActTicketAwaitCustomer, ActTicketResolve}},
		{ResSupervision, []ActionName{ActConfirmRequirement, ActRejectRequirement, ActUploadReport, ActShip, ActConfirmCompletion, ActAppeal}},
		{ResAlerts, []ActionName{ActRestart}},
		{ResOrders, nil},
		{ResBills, nil},
		{ResTransactions, nil},
		{ResMessages, nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.res), func(t *testing.T) {
			assert.ElementsMatch(t, tt.want, ActionsFor(tt.res))
		})
	}
}

func TestActionStateFinal(t *testing.T) {
	tests := []struct {
		s    ActionState
		want bool
	}{
		{ActionPending, false}, {ActionSending, false}, {ActionDone, true}, {ActionRejected, true},
	}
	for _, tt := range tests {
		t.Run(string(tt.s), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.s.Final())
		})
	}
}
