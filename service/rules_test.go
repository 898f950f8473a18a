package service

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/sandbox"
)

func TestRulesAreReadFromTheSyncedCacheAtTheMarketplacesClock(t *testing.T) {
	// given a console synced with the sandbox's shop
	sb := startShop(t)
	c := agentConsole(t, sb)
	_, err := c.SyncOnce(context.Background(), shop)
	require.NoError(t, err)
	var alerts []domain.InterfaceAlert
	for _, r := range sb.Records(sandbox.AccountMain, domain.ResAlerts) {
		alerts = append(alerts, r.(domain.InterfaceAlert))
	}
	task := sb.Records(sandbox.AccountMain, domain.ResSupervision)[0].(domain.SupervisionTask)

	// when the delisting counter and a task's rules are asked for
	counts, err := c.Delisting(shop)
	require.NoError(t, err)
	rules, err := c.SupervisionRules(shop, task.ID)
	require.NoError(t, err)
	_, missing := c.SupervisionRules(shop, "NO-SUCH")

	// then they are the marketplace's records under the rules, at its time
	assert.Equal(t, domain.DelistingCounts(alerts, sb.Clock().Now()), counts)
	assert.Equal(t, inUTC(RulesFor(task, sb.Clock().Now())), inUTC(rules))
	assert.ErrorContains(t, missing, "not in the cache")
}

// inUTC puts the rules' times in one zone: the cache and the sandbox hand
// out the same instants under differently named zones.
func inUTC(r SupervisionRules) SupervisionRules {
	r.Appeal.At = r.Appeal.At.UTC()
	r.UnacceptedWarning.Deadline = r.UnacceptedWarning.Deadline.UTC()
	r.AutoAccept.Deadline = r.AutoAccept.Deadline.UTC()
	return r
}
