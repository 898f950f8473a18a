package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/quickreply"
)

func TestAQuickReplyIsFoundAndExpandedForACachedTicket(t *testing.T) {
	// given a synced console whose agent saved a personal reply
	sb := startShop(t)
	c := agentConsole(t, sb)
	_, err := c.SyncOnce(context.Background(), shop)
	require.NoError(t, err)
	tk := processingTicket(t, sb)
	_, err = c.QuickReplies().Add(quickreply.Reply{Title: "开通进度", Category: "订单", Text: "{customer}您好，{product}正在开通 {oops}"})
	require.NoError(t, err)

	// when the agent searches for it and inserts it into the ticket's reply
	found, errs := c.FindQuickReplies("zh", "开通")
	require.Empty(t, errs)
	require.NotEmpty(t, found)
	got, err := c.ExpandQuickReply(shop, tk.ID, found[0].Text, "小李")
	require.NoError(t, err)
	_, missing := c.ExpandQuickReply(shop, "NO-SUCH", found[0].Text, "小李")

	// then the personal reply ranks first, is filled from the ticket, and the typo is kept and named
	assert.Equal(t, quickreply.ScopePersonal, found[0].Scope)
	assert.Equal(t, tk.CustomerName+"您好，"+tk.ProductName+"正在开通 {oops}", got.Text)
	assert.Equal(t, []string{"oops"}, got.Unknown)
	assert.ErrorContains(t, missing, "not in the cache")
	// and the personal set is a private file in the console's config folder
	st, err := os.Stat(filepath.Join(c.Paths().Config, quickreply.PersonalFile))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
}
