package gateway

import (
	"context"
	"net/http"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/syncer"
)

// console is a console's sync engine and cache, signed in with an agent's
// key from `keys add`.
type console struct {
	eng    *syncer.Engine
	store  *localstore.Store
	client *syncer.Client
}

func newConsole(t testing.TB, r *rig, agent string) console {
	t.Helper()
	a, err := r.gw.cfg.Keys.Add(agent, time.Now())
	require.NoError(t, err)
	c, err := syncer.NewClient(syncer.Options{BaseURL: r.url, Signer: apig.Signer{AK: a.AK, SK: a.SK}, MaxAttempts: 2})
	require.NoError(t, err)
	st, err := localstore.Open(filepath.Join(t.TempDir(), "cache.db"), "local-"+agent, localstore.Options{NoSync: true, Timeout: 5 * time.Second})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	eng, err := syncer.NewEngine(syncer.EngineOptions{Client: c, Store: st})
	require.NoError(t, err)
	return console{eng, st, c}
}

// versions is "id:version" of every record of T, sorted.
func consoleVersions[T domain.Record](t testing.TB, s *localstore.Store) []string {
	t.Helper()
	var out []string
	require.NoError(t, localstore.Scan[T](s, localstore.Query{}, func(r T) error {
		m := r.RecordMeta()
		out = append(out, m.ID+":"+strconv.FormatInt(m.Version, 10))
		return nil
	}))
	sort.Strings(out)
	return out
}

func gatewayVersions[T domain.Record](t testing.TB, s *Store, res domain.Resource) []string {
	t.Helper()
	p, err := s.Changes(res, 0, 100000)
	require.NoError(t, err)
	var out []string
	for _, raw := range p.Items {
		var r T
		require.NoError(t, jsonUnmarshal(raw, &r))
		m := r.RecordMeta()
		out = append(out, m.ID+":"+strconv.FormatInt(m.Version, 10))
	}
	sort.Strings(out)
	return out
}

func TestAConsoleSyncingFromTheGatewayConvergesToItsRecords(t *testing.T) {
	// given a gateway that saw failing and succeeding calls
	r := newRig(t, Config{})
	con := newConsole(t, r, "alice")
	r.up.answer(http.StatusOK, `{"resultCode":"000005","resultMsg":"down"}`)
	for i := range 7 {
		r.call(t, newInstanceBody("CSCONV"+strconv.Itoa(i)))
	}
	// when the console syncs everything (tickets, bills ... included)
	_, err := con.eng.Sync(context.Background())
	// then the resources the gateway does not serve are skipped without error
	require.NoError(t, err)
	served, err := syncer.ServedResources(con.store)
	require.NoError(t, err)
	assert.Equal(t, Served, served)
	// and after more calls and another sync, the console holds exactly the gateway's records
	r.up.answer(http.StatusOK, `{"resultCode":"000000","resultMsg":"ok"}`)
	for i := range 3 {
		r.call(t, newInstanceBody("CSCONV"+strconv.Itoa(i)))
	}
	_, err = con.eng.Sync(context.Background())
	require.NoError(t, err)
	assert.Equal(t, gatewayVersions[domain.Order](t, r.store, domain.ResOrders), consoleVersions[domain.Order](t, con.store))
	assert.Equal(t, gatewayVersions[domain.InterfaceAlert](t, r.store, domain.ResAlerts), consoleVersions[domain.InterfaceAlert](t, con.store))
	assert.Len(t, consoleVersions[domain.InterfaceAlert](t, con.store), 7)
	// and the resolved ones read as resolved
	a, ok, err := localstore.Get[domain.InterfaceAlert](con.store, "GW-CREATE_INSTANCE-CSCONV0/CSCONV0-000001")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, domain.AlertResolved, a.State)
}

func TestAConsoleWithoutAKeyOrWithARemovedKeyIsRefused(t *testing.T) {
	// given an agent whose key was removed
	r := newRig(t, Config{})
	con := newConsole(t, r, "bob")
	_, err := con.client.WhoAmI(context.Background())
	require.NoError(t, err)
	require.NoError(t, r.gw.cfg.Keys.Remove("bob"))
	// when the console asks again
	_, err = con.client.WhoAmI(context.Background())
	// then it is refused
	assert.ErrorContains(t, err, "MKT.0151")
}

func TestRestartResendsTheRecordedCallToTheUpstream(t *testing.T) {
	// given an alert from a failed call, and the seller has since fixed the server
	r := newRig(t, Config{})
	con := newConsole(t, r, "carol")
	r.up.answer(http.StatusOK, `{"resultCode":"000005","resultMsg":"down"}`)
	body := newInstanceBody("CSFAIL1")
	r.call(t, body)
	r.up.answer(http.StatusOK, `{"resultCode":"000000","resultMsg":"ok","instanceId":"INST-R"}`)
	// when an agent presses 重新启动 (twice with the same key: a retried send)
	act := domain.Action{Key: "restart-1", Resource: domain.ResAlerts, RecordID: newAlertID, Name: domain.ActRestart}
	out, err := con.client.Act(context.Background(), act)
	require.NoError(t, err)
	again, err := con.client.Act(context.Background(), act)
	require.NoError(t, err)
	// then the upstream got the same body once more, signed afresh
	reqs := r.up.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, body, string(reqs[1].Body))
	assert.NotEqual(t, reqs[0].Query, reqs[1].Query)
	// and the alert is resolved, the replay applied nothing twice
	assert.Equal(t, domain.AlertResolved, out.Record.(domain.InterfaceAlert).State)
	assert.True(t, again.Replayed)
	assert.Equal(t, domain.AlertResolved, r.alert(t, newAlertID).State)
}

func TestRestartAfterUnsubscriptionIsRefused(t *testing.T) {
	r := newRig(t, Config{})
	con := newConsole(t, r, "dave")
	r.up.answer(http.StatusOK, `{"resultCode":"000005","resultMsg":"down"}`)
	r.call(t, newInstanceBody("CSFAIL1"))
	_, err := r.store.Expire(r.clock.Now().Add(3 * time.Hour))
	require.NoError(t, err)
	_, err = con.client.Act(context.Background(), domain.Action{Key: "k", Resource: domain.ResAlerts, RecordID: newAlertID, Name: domain.ActRestart})
	assert.ErrorContains(t, err, "DEADLINE_PASSED")
	assert.Len(t, r.up.requests(), 1)
}
