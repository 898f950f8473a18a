package localstore

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// refusedReply queues a reply and marks it refused by the marketplace.
func refusedReply(t *testing.T, s *Store, key string) domain.Action {
	t.Helper()
	a, err := s.Enqueue(action(key, "T1", domain.ActTicketReply))
	require.NoError(t, err)
	a.State, a.Attempts, a.ReasonCode, a.Reason = domain.ActionRejected, 1, "INVALID_STATE", "状态不允许"
	require.NoError(t, s.UpdateAction(a))
	return a
}

func TestResendAction_EditQueuesAFreshCopyLastAndRetiresTheRefusedOne(t *testing.T) {
	// given a refused reply followed by another queued action
	s := openTemp(t)
	old := refusedReply(t, s, "k1")
	_, err := s.Enqueue(action("k2", "T2", domain.ActTicketAccept))
	require.NoError(t, err)

	// when it is edited
	p := old.Params
	p.Message = "改过的回复"
	fresh, err := s.ResendAction("k1", &p, baseTime)
	require.NoError(t, err)

	// then a new pending entry with a new key and the new text goes last
	assert.NotEqual(t, "k1", fresh.Key)
	assert.Len(t, fresh.Key, 32)
	assert.Equal(t, uint64(3), fresh.Seq)
	assert.Equal(t, "改过的回复", fresh.Params.Message)
	pending, err := s.PendingActions()
	require.NoError(t, err)
	require.Len(t, pending, 2)
	assert.Equal(t, []string{"k2", fresh.Key}, []string{pending[0].Key, pending[1].Key})
	// and the refused one stays in the record's history, discarded
	hist, err := s.ActionsFor(domain.ResTickets, "T1")
	require.NoError(t, err)
	require.Len(t, hist, 2)
	assert.Equal(t, domain.ActionDiscarded, hist[0].State)
	assert.Equal(t, domain.ActionPending, hist[1].State)
}

func TestResendAction_RetryKeepsTheInputs(t *testing.T) {
	// given a refused reply
	s := openTemp(t)
	old := refusedReply(t, s, "k1")

	// when it is retried
	fresh, err := s.ResendAction("k1", nil, baseTime)

	// then the copy carries the same text and no trace of the refusal
	require.NoError(t, err)
	assert.Equal(t, old.Params, fresh.Params)
	assert.Empty(t, fresh.Reason)
	assert.Zero(t, fresh.Attempts)
	n, err := s.PendingCount()
	require.NoError(t, err)
	assert.Equal(t, 1, n)
}

func TestDiscardAction_AnUnsentActionIsNeverSent(t *testing.T) {
	// given a reply queued and not yet sent
	s := openTemp(t)
	a, err := s.Enqueue(action("k1", "T1", domain.ActTicketReply))
	require.NoError(t, err)

	// when it is discarded
	_, err = s.DiscardAction("k1")
	require.NoError(t, err)

	// then it leaves the outbox, and a sender holding the old copy cannot revive it
	n, err := s.PendingCount()
	require.NoError(t, err)
	assert.Zero(t, n)
	a.State, a.Attempts = domain.ActionSending, 1
	assert.ErrorIs(t, s.UpdateAction(a), ErrActionDiscarded)
	_, err = s.DiscardAction("k1")
	assert.ErrorIs(t, err, ErrActionDiscarded)
}

func TestAmend_RefusesAnActionThatMayHaveReachedTheMarketplace(t *testing.T) {
	// given a reply being sent, and one whose send failed without an answer
	s := openTemp(t)
	for _, key := range []string{"k1", "k2"} {
		a, err := s.Enqueue(action(key, "T1", domain.ActTicketReply))
		require.NoError(t, err)
		a.State, a.Attempts = domain.ActionSending, 1
		if key == "k2" {
			a.State = domain.ActionPending
		}
		require.NoError(t, s.UpdateAction(a))
	}

	for _, key := range []string{"k1", "k2"} {
		// when it is discarded or edited
		_, derr := s.DiscardAction(key)
		_, rerr := s.ResendAction(key, nil, baseTime)

		// then both are refused: only its own key may go out, once
		assert.ErrorIs(t, derr, ErrActionInFlight, key)
		assert.ErrorIs(t, rerr, ErrActionInFlight, key)
	}
	n, err := s.PendingCount()
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	_, err = s.DiscardAction("nope")
	assert.ErrorIs(t, err, ErrUnknownAction)
}
