package notify

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// centreMessage is a message-centre message about a record, created at created.
func centreMessage(id string, cat domain.MessageCategory, created time.Time, about domain.Resource, recordID string) domain.Message {
	return domain.Message{
		Meta: meta("acct-1", id, 1, created), Category: cat, Code: cat.Code(),
		Title: "订单开通失败，已自动退订 " + id, Body: "CS" + id + " 云主机安全",
		RecordKind: about, RecordID: recordID, CreatedAt: created,
	}
}

func TestANewMessageIsToldInItsDefaultModeAndNotWhenOff(t *testing.T) {
	// given the default rules, in English
	s := DefaultSettings()
	s.Lang = LangEN
	f := newFixture(t, s, noon)

	// when a sync brings an ordinary message and one on an order that failed to open
	got := f.sync(t, domain.ResMessages,
		centreMessage("NT1", domain.MsgOther, noon.Add(-time.Minute), "", ""),
		centreMessage("NT2", domain.MsgProductOpen, noon.Add(-time.Minute), domain.ResOrders, "CS9"))

	// then the ordinary one reaches only the badge and the centre, the
	// important one pops up and opens its order, both naming the account
	// and the message's title and category, never a code
	require.Len(t, got, 2)
	byKind := map[Kind]Notification{}
	for _, n := range got {
		byKind[n.Kind] = n
	}
	plain, important := byKind[KindMessage], byKind[KindMessageImportant]
	assert.False(t, plain.Popup, "ordinary messages default to the badge")
	assert.Equal(t, "New message", plain.Title)
	assert.Equal(t, "Shop One · “订单开通失败，已自动退订 NT1” · Other: CSNT1 云主机安全", plain.Body)
	assert.Equal(t, [2]string{string(domain.ResMessages), "NT1"}, [2]string{string(plain.Resource), plain.RecordID},
		"a message about nothing opens itself")
	assert.True(t, important.Popup, "a message on an order's opening pops up")
	assert.Equal(t, "Important message", important.Title)
	assert.Contains(t, important.Body, "Product creation and opening")
	assert.NotContains(t, important.Body, "101")
	assert.NotContains(t, important.Body, string(domain.MsgProductOpen))
	assert.Equal(t, [2]string{string(domain.ResOrders), "CS9"}, [2]string{string(important.Resource), important.RecordID})

	// when both kinds are turned off and two more messages arrive
	s.Rules[KindMessage] = s.Rule(KindMessage).WithMode(ModeOff)
	s.Rules[KindMessageImportant] = s.Rule(KindMessageImportant).WithMode(ModeOff)
	require.NoError(t, f.engine.SetSettings(s))
	got = f.sync(t, domain.ResMessages,
		centreMessage("NT3", domain.MsgOther, noon, "", ""),
		centreMessage("NT4", domain.MsgProductOpen, noon, domain.ResOrders, "CS10"))

	// then nothing is told, nor logged for the centre
	assert.Empty(t, got)
	unread, err := f.store.UnreadNotices()
	require.NoError(t, err)
	assert.Equal(t, 2, unread, "only the first two are in the log")
}

func TestAFirstSyncOfOldMessagesRaisesOneSummaryOfTheNewOnes(t *testing.T) {
	// given an account's first sync held, and a message centre of 500
	// messages: 480 of past weeks, then 15 on orders' opening and 5
	// ordinary ones of the last hour
	s := DefaultSettings()
	s.Lang = LangEN
	f := newFixture(t, s, noon)
	f.engine.Hold("first-sync:acct-1")
	var msgs []domain.Record
	for i := range 480 {
		cat := []domain.MessageCategory{domain.MsgProductOpen, domain.MsgOther}[i%2]
		msgs = append(msgs, centreMessage(fmt.Sprintf("OLD%d", i), cat, noon.Add(-time.Duration(i+25)*time.Hour), "", ""))
	}
	for i := range 15 {
		msgs = append(msgs, centreMessage(fmt.Sprintf("NEW%d", i), domain.MsgProductOpen, noon.Add(-time.Hour), domain.ResOrders, fmt.Sprintf("CS%d", i)))
	}
	for i := range 5 {
		msgs = append(msgs, centreMessage(fmt.Sprintf("NEWO%d", i), domain.MsgTrade, noon.Add(-time.Hour), "", ""))
	}

	// when the sync brings them
	got := f.sync(t, domain.ResMessages, msgs...)

	// then the centre gets one silent entry per kind, counting only the
	// new messages, and the log holds those 20 alone
	require.Len(t, got, 2)
	counts := map[Kind]int{}
	for _, n := range got {
		assert.False(t, n.Popup, "%s pops up during a first sync", n.Key)
		counts[n.Kind] = len(n.Keys)
	}
	assert.Equal(t, map[Kind]int{KindMessageImportant: 15, KindMessage: 5}, counts)
	unread, err := f.store.UnreadNotices()
	require.NoError(t, err)
	assert.Equal(t, 20, unread)

	// when the first sync ends, one summary counts the messages that would
	// have popped up (the ordinary ones were badge-only anyway)
	f.engine.Release("first-sync:acct-1")
	sum := f.inbox.Take()
	require.Len(t, sum, 1)
	assert.Equal(t, "15 new notifications", sum[0].Title)
	assert.Equal(t, "15 messages on order opening or unsubscription", sum[0].Body)
	assert.Equal(t, domain.ResOrders, sum[0].Resource, "it opens what the messages are about")
}
