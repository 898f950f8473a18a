package shell

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/notify"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

func TestNoticeCentre_AMessageAboutNoRecordOpensWholeInADialog(t *testing.T) {
	// given a message-centre message about no record, longer than a
	// notification shows, told by the notify engine into the account's log
	stores := shellStores(t, "acct-a")
	long := strings.Repeat("请于本月内完成整改，逾期将影响店铺评级。", 10)
	msg := domain.Message{Meta: domain.Meta{ID: "NT-1", Account: "acct-a", Version: 1, UpdatedAt: uitest.Now},
		Category: domain.MsgOther, Code: 901, Title: "店铺资质复核通知", Body: long, CreatedAt: uitest.Now.Add(-time.Minute)}
	changes, err := stores["acct-a"].ApplyPage(localstore.Page{Resource: domain.ResMessages, Items: []domain.Record{msg}})
	require.NoError(t, err)
	eng, err := notify.NewEngine(notify.Options{Settings: notify.DefaultSettings(), Now: func() time.Time { return uitest.Now },
		Deliver: func(notify.Notification) {}})
	require.NoError(t, err)
	eng.AddAccount(stores["acct-a"], "A")
	require.NoError(t, eng.HandleChanges(changes))
	h := newShellHarness(t, stores, []backend.AccountInfo{{ID: "acct-a", Label: "A", Site: "cn"}})

	// when the user opens the centre and clicks it
	c := h.openCentre(t)
	require.Len(t, c.entries, 1)
	assert.Equal(t, notify.KindMessage, c.entries[0].Kind)
	c.list.Select(0)

	// then a dialog shows the message whole, with its category, and the screen stays
	win := h.shell.Window()
	h.loop.RunUntil(t, func() bool { return win.Canvas().Overlays().Top() != nil })
	texts := objectTexts(t, win.Canvas().Overlays().Top())
	assert.Contains(t, texts, "店铺资质复核通知")
	assert.Contains(t, texts, long)
	assert.Contains(t, strings.Join(texts, "\n"), "Other")
	assert.Equal(t, ScreenOverview, h.shell.Current())
	h.loop.RunUntil(t, func() bool { return h.shell.todo["acct-a"].Unread == 0 })
}
