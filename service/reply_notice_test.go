package service

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/sandbox"
)

func TestOneCustomerReplyGivesOneNoticeWhoseTitleAndBodyAgree(t *testing.T) {
	// given a synced sandbox account with a ticket waiting on its customer
	rules := notify.DefaultSettings()
	rules.Lang, rules.Quiet.On = notify.LangEN, false
	box := small
	box.Clock = sandbox.NewClock(desktopStart, 0)
	var mu sync.Mutex
	var got []notify.Notification
	s := open(t, Options{Paths: testPaths(t), SandboxOptions: &box, Notify: &rules,
		OnNotice: func(n notify.Notification) { mu.Lock(); got = append(got, n); mu.Unlock() }})
	name := config.SandboxAccountName(sandbox.AccountMain)
	_, err := s.SyncOnce(context.Background(), name)
	require.NoError(t, err)
	var waiting domain.Ticket
	for _, r := range s.sandbox.Records(sandbox.AccountMain, domain.ResTickets) {
		if tk := r.(domain.Ticket); tk.Status == domain.TicketAwaitingCustomer && !tk.SLAPausedAt.IsZero() {
			waiting = tk
		}
	}
	require.NotEmpty(t, waiting.ID, "a ticket waits on its customer")
	mu.Lock()
	got = nil
	mu.Unlock()

	// when the customer replies and the console syncs
	s.sandbox.Advance(waiting.SLAPausedAt.Add(sandbox.CustomerReplyAfter).Sub(s.Now()) + time.Minute)
	_, err = s.SyncOnce(context.Background(), name)
	require.NoError(t, err)
	require.NoError(t, s.CheckDeadlines())

	// then that ticket raised one notice, a reply, naming it in the body
	mu.Lock()
	defer mu.Unlock()
	var about []notify.Notification
	for _, n := range got {
		for _, id := range n.RecordIDs {
			if id == waiting.ID {
				about = append(about, n)
			}
		}
	}
	require.Len(t, about, 1, "%+v", about)
	n := about[0]
	assert.Equal(t, notify.KindCustomerReplied, n.Kind)
	assert.True(t, strings.HasSuffix(n.Title, "Customer replied"), n.Title)
	assert.Contains(t, n.Body, waiting.Subject)
	// and the SLA warning the reply brought rides on it: covered and urgent
	require.Len(t, n.Keys, 2, "the reply's key and the SLA warning's")
	assert.Contains(t, n.Keys[1], "ticket-sla:")
	assert.True(t, n.Critical)
	assert.Contains(t, n.Body, "SLA")
}
