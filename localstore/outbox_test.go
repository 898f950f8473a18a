package localstore

import (
	"bytes"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func action(key, recordID string, name domain.ActionName) domain.Action {
	return domain.Action{Key: key, Resource: domain.ResTickets, RecordID: recordID, Name: name,
		Params: domain.ActionParams{Agent: "小王", Message: "您好，已收到"}, CreatedAt: baseTime}
}

func TestOutbox_SurvivesReopenInOrder(t *testing.T) {
	// given actions queued for two tickets, one of them sent and done
	s := openTemp(t)
	path := s.Path()
	for i, a := range []domain.Action{
		action("k1", "T1", domain.ActTicketAccept),
		action("k2", "T2", domain.ActTicketAccept),
		action("k3", "T1", domain.ActTicketReply),
		action("k4", "T1", domain.ActTicketResolve),
	} {
		got, err := s.Enqueue(a)
		require.NoError(t, err)
		assert.Equal(t, uint64(i+1), got.Seq)
		assert.Equal(t, domain.ActionPending, got.State)
		assert.Equal(t, testAccount, got.Account)
	}
	done := action("k2", "T2", domain.ActTicketAccept)
	done.State, done.Attempts = domain.ActionDone, 1
	require.NoError(t, s.UpdateAction(done))
	rejected := action("k4", "T1", domain.ActTicketResolve)
	rejected.State, rejected.Reason, rejected.ReasonCode = domain.ActionRejected, "工单已被他人受理", "ALREADY_ACCEPTED"
	require.NoError(t, s.UpdateAction(rejected))
	sending := action("k3", "T1", domain.ActTicketReply)
	sending.State, sending.Attempts = domain.ActionSending, 2
	require.NoError(t, s.UpdateAction(sending))

	// when the console restarts
	require.NoError(t, s.Close())
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()

	// then the unsent actions are still queued, in order, with their states
	pending, err := s.PendingActions()
	require.NoError(t, err)
	assert.Equal(t, []string{"k1", "k3"}, keysOf(pending))
	assert.Equal(t, domain.ActionSending, pending[1].State)
	assert.Equal(t, 2, pending[1].Attempts)
	forT1, err := s.ActionsFor(domain.ResTickets, "T1")
	require.NoError(t, err)
	assert.Equal(t, []string{"k1", "k3", "k4"}, keysOf(forT1))
	assert.Equal(t, "ALREADY_ACCEPTED", forT1[2].ReasonCode)
	recent, err := s.RecentActions(2)
	require.NoError(t, err)
	assert.Equal(t, []string{"k4", "k3"}, keysOf(recent))
}

func TestOutbox_EnqueueWithAnExistingKeyReturnsTheEntry(t *testing.T) {
	// given a queued accept
	s := openTemp(t)
	first, err := s.Enqueue(action("same", "T1", domain.ActTicketAccept))
	require.NoError(t, err)

	// when the user clicks again and the same key is queued
	again := action("same", "T1", domain.ActTicketAccept)
	again.Params.Message = "second click"
	second, err := s.Enqueue(again)

	// then the first entry is returned and nothing new is queued
	require.NoError(t, err)
	assert.Equal(t, first, second)
	pending, err := s.PendingActions()
	require.NoError(t, err)
	assert.Len(t, pending, 1)
}

func TestOutbox_RejectsBadInput(t *testing.T) {
	s := openTemp(t)
	tests := map[string]domain.Action{
		"no key":           {Resource: domain.ResTickets, RecordID: "T1", Name: domain.ActTicketAccept},
		"unknown resource": {Key: "k", Resource: "x", RecordID: "T1", Name: domain.ActTicketAccept},
		"other account":    {Key: "k", Account: "other", Resource: domain.ResTickets, RecordID: "T1", Name: domain.ActTicketAccept},
	}
	for name, a := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := s.Enqueue(a)
			require.Error(t, err)
		})
	}
	require.ErrorIs(t, s.UpdateAction(action("missing", "T1", domain.ActTicketAccept)), ErrUnknownAction)
}

func keysOf(as []domain.Action) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Key
	}
	return out
}

func TestNotices_NeverTwiceAcrossRestarts(t *testing.T) {
	// given two logged notices
	s := openTemp(t)
	path := s.Path()
	for i := range 2 {
		added, err := s.RecordNotice(Notice{Key: fmt.Sprintf("alerts/A%d/v1", i), Resource: domain.ResAlerts,
			RecordID: fmt.Sprintf("A%d", i), Title: "生产接口调用失败", Urgent: true, At: baseTime.Add(time.Duration(i) * time.Minute)})
		require.NoError(t, err)
		require.True(t, added)
	}
	require.NoError(t, s.MarkNoticeRead("alerts/A0/v1"))
	require.NoError(t, s.Close())

	// when the console restarts and the same change is synced again
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()
	added, err := s.RecordNotice(Notice{Key: "alerts/A1/v1", Title: "生产接口调用失败"})

	// then it is not logged (or notified) again, and read state survived
	require.NoError(t, err)
	assert.False(t, added)
	unread, err := s.UnreadNotices()
	require.NoError(t, err)
	assert.Equal(t, 1, unread)
	list, err := s.Notices(10)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, "alerts/A1/v1", list[0].Key, "newest first")
	assert.True(t, list[1].Read)
	assert.Equal(t, testAccount, list[0].Account)
	require.Error(t, s.MarkNoticeRead("never-logged"))
}

// flipInFile damages every copy of marker in a closed cache file by
// overwriting its second byte, as a bad sector or a stray write would.
func flipInFile(t *testing.T, path string, marker string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	n := 0
	for i := bytes.Index(raw, []byte(marker)); i >= 0; {
		raw[i+1] ^= 0x55
		n++
		j := bytes.Index(raw[i+1:], []byte(marker))
		if j < 0 {
			break
		}
		i += 1 + j
	}
	require.Positive(t, n, "marker %q is in the file", marker)
	require.NoError(t, os.WriteFile(path, raw, 0o600))
}

func TestOutbox_ADamagedEntryIsQuarantinedAndTheOthersStillGo(t *testing.T) {
	// given three queued actions, the middle one's stored bytes damaged on disk
	s := openTemp(t)
	path := s.Path()
	for _, k := range []string{"k1", "k2", "k3"} {
		_, err := s.Enqueue(action(k, "T-"+k, domain.ActTicketAccept))
		require.NoError(t, err)
	}
	require.NoError(t, s.Close())
	flipInFile(t, path, `{"key":"k2"`)
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()

	// when the sender asks for the pending actions
	pending, err := s.PendingActions()

	// then the other two come back, and the damaged one is quarantined and listed
	require.NoError(t, err)
	assert.Equal(t, []string{"k1", "k3"}, keysOf(pending))
	damaged, err := s.DamagedActions()
	require.NoError(t, err)
	require.Len(t, damaged, 1)
	assert.Equal(t, uint64(2), damaged[0].Seq)
	assert.Contains(t, damaged[0].String(), "queue it again")
	recent, err := s.RecentActions(10)
	require.NoError(t, err)
	assert.Equal(t, []string{"k3", "k1"}, keysOf(recent))
	again, err := s.PendingActions()
	require.NoError(t, err)
	assert.Equal(t, []string{"k1", "k3"}, keysOf(again), "quarantined once, not listed as pending again")
}
