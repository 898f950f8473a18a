package service

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/syncer"
)

func TestServedIsWhatTheCacheLearntFromWhoami(t *testing.T) {
	// given a console synced with the sandbox, which publishes everything
	sb := startShop(t)
	c := agentConsole(t, sb)
	_, err := c.SyncOnce(context.Background(), shop)
	require.NoError(t, err)

	// then nothing is left out
	assert.Nil(t, c.Served(shop))

	// when the account's server says it publishes orders and alerts only (a gateway)
	require.NoError(t, c.Store(shop).SetMeta(syncer.MetaServes, "orders,alerts"))

	// then the screens hear exactly that, and an unknown account hears nothing
	assert.Equal(t, []domain.Resource{domain.ResOrders, domain.ResAlerts}, c.Served(shop))
	assert.Nil(t, c.Served("no-such"))
}

func TestSellerCenterURLFollowsTheAccountsSite(t *testing.T) {
	// given the sandbox's account (a custom base URL)
	sb := startShop(t)
	c := agentConsole(t, sb)

	// then it gets the China site's seller center, as a gateway does by default
	assert.Equal(t, config.SiteChina.SellerCenterURL(), c.SellerCenterURL(shop))
	assert.Empty(t, c.SellerCenterURL("no-such"))
}
