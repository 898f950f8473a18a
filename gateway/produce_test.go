package gateway

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/gateway/produce"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// activityBodies is one correctly shaped call of each activity.
var activityBodies = map[string]string{
	produce.ActNewInstance:          newInstanceBody("CSNEW01"),
	produce.ActRefreshInstance:      `{"activity":"refreshInstance","scene":"RENEWAL","orderId":"CSREN01","orderLineId":"CSREN01-000001","instanceId":"INST-1","productId":"P1","expireTime":"20271122101500","testFlag":"0"}`,
	produce.ActUpdateInstanceStatus: `{"activity":"updateInstanceStatus","instanceId":"INST-1","status":"FREEZE","testFlag":"0"}`,
	produce.ActUpgradeInstance:      `{"activity":"upgradeInstance","orderId":"CSUPG01","orderLineId":"CSUPG01-000001","instanceId":"INST-1","productId":"P2","testFlag":"0"}`,
	produce.ActReleaseInstance:      `{"activity":"releaseInstance","orderId":"CSREL01","orderLineId":"CSREL01-000001","instanceId":"INST-1","testFlag":"0"}`,
	produce.ActQueryInstance:        `{"activity":"queryInstance","instanceIds":["INST-1"],"testFlag":"0"}`,
	produce.ActOrderNotify:          `{"activity":"orderNotify","orderId":"CSNOT01","orderLineId":"CSNOT01-000001","testFlag":"0"}`,
}

func TestEachActivityIsForwardedAndAnsweredUnchanged(t *testing.T) {
	for activity, body := range activityBodies {
		t.Run(activity, func(t *testing.T) {
			// given an upstream with its own answer, status and content type
			r := newRig(t, Config{})
			answer := `{"resultCode":"000000","resultMsg":"ok from ` + activity + `","instanceId":"INST-1","extra":[1,2]}`
			r.up.set(func(w http.ResponseWriter, _ []byte) {
				w.Header().Set("Content-Type", "application/json; charset=gbk")
				w.WriteHeader(http.StatusAccepted)
				_, _ = w.Write([]byte(answer))
			})
			q := signedQuery(testKey, []byte(body), r.clock.Now(), nextNonce())
			q.Set("extraParam", "kept")
			// when KooGallery calls the gateway
			got := r.post(t, q, []byte(body))
			// then the upstream saw the same method, query and body
			reqs := r.up.requests()
			require.Len(t, reqs, 1)
			assert.Equal(t, http.MethodPost, reqs[0].Method)
			assert.Equal(t, q.Encode(), reqs[0].Query)
			assert.Equal(t, body, string(reqs[0].Body))
			// and KooGallery got the upstream's answer as it was
			assert.Equal(t, http.StatusAccepted, got.Status)
			assert.Equal(t, "application/json; charset=gbk", got.ContentType)
			assert.Equal(t, answer, string(got.Body))
			// and the call is recorded
			calls, err := r.store.Calls()
			require.NoError(t, err)
			require.Len(t, calls, 1)
			assert.Equal(t, activity, calls[0].Call.Activity)
			assert.Equal(t, body, string(calls[0].Body))
		})
	}
}

func TestRefusedCallsAreAnswered000001AndNeitherForwardedNorRecorded(t *testing.T) {
	body := newInstanceBody("CSBAD01")
	r := newRig(t, Config{})
	now := r.clock.Now()
	replayed := signedQuery(testKey, []byte(body), now, "REPLAY-1")
	require.Equal(t, "000000", r.post(t, replayed, []byte(body)).Code) // the original is fine
	malformed := `{"activity":"newInstance",`
	unknown := `{"activity":"deleteEverything","orderId":"X"}`
	cases := map[string]struct {
		q    func() map[string][]string
		body string
	}{
		"a wrong signature": {func() map[string][]string { return signedQuery("wrong-key", []byte(body), now, nextNonce()) }, body},
		"a stale timestamp": {func() map[string][]string {
			return signedQuery(testKey, []byte(body), now.Add(-61*time.Second), nextNonce())
		}, body},
		"a replayed nonce":             {func() map[string][]string { return replayed }, body},
		"a malformed body":             {func() map[string][]string { return signedQuery(testKey, []byte(malformed), now, nextNonce()) }, malformed},
		"an unknown activity":          {func() map[string][]string { return signedQuery(testKey, []byte(unknown), now, nextNonce()) }, unknown},
		"no signature at all":          {func() map[string][]string { return map[string][]string{} }, body},
		"a body changed after signing": {func() map[string][]string { return signedQuery(testKey, []byte(body), now, nextNonce()) }, strings.Replace(body, "CSBAD01", "CSBAD02", 1)},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			// when the call arrives
			got := r.post(t, c.q(), []byte(c.body))
			// then it is refused with 000001
			assert.Equal(t, produce.CodeAuthFailed, got.Code, string(got.Body))
		})
	}
	// and only the original reached the upstream and the store
	assert.Len(t, r.up.requests(), 1)
	calls, err := r.store.Calls()
	require.NoError(t, err)
	assert.Len(t, calls, 1)
}

func TestAStoreFailureStillForwardsAndAnswersAndTheCallIsReplayedLater(t *testing.T) {
	// given a gateway whose store has failed (closed under it)
	r := newRig(t, Config{})
	require.NoError(t, r.store.Close())
	// when a call arrives
	body := newInstanceBody("CSSTORE1")
	q := signedQuery(testKey, []byte(body), r.clock.Now(), nextNonce())
	resp, err := http.Post(r.url+ProducePath+"?"+q.Encode(), "application/json", strings.NewReader(body))
	require.NoError(t, err)
	resp.Body.Close()
	// then it was forwarded and answered
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Len(t, r.up.requests(), 1)
	// and once the store is opened again, the journal replays the call into it
	st, _ := openStoreAndJournal(t, r.dir)
	calls, err := st.Calls()
	require.NoError(t, err)
	require.Len(t, calls, 1)
	assert.Equal(t, "CSSTORE1", calls[0].Call.OrderID)
}

func TestANonceStaysUsedAcrossARestart(t *testing.T) {
	// given a call accepted by a gateway that then stopped
	r := newRig(t, Config{})
	body := newInstanceBody("CSNONCE")
	q := signedQuery(testKey, []byte(body), r.clock.Now(), "NONCE-RESTART")
	require.Equal(t, "000000", r.post(t, q, []byte(body)).Code)
	// when a new gateway on the same store gets the same call again within the window
	cfg := r.gw.cfg
	g2, err := New(cfg)
	require.NoError(t, err)
	srv := httptest.NewServer(g2)
	defer srv.Close()
	r.url = srv.URL
	got := r.post(t, q, []byte(body))
	// then it is refused as a replay and not forwarded again
	assert.Equal(t, produce.CodeAuthFailed, got.Code)
	assert.Contains(t, string(got.Body), "nonce")
	assert.Len(t, r.up.requests(), 1)
}

func TestAJournalFailureStillForwardsAndAnswers(t *testing.T) {
	// given a gateway whose journal file is gone (disk failure)
	r := newRig(t, Config{})
	require.NoError(t, r.gw.cfg.Journal.f.Close())
	// when a call arrives
	got := r.call(t, newInstanceBody("CSJFAIL"))
	// then it was still forwarded and the upstream's answer came back
	assert.Equal(t, produce.CodeOK, got.Code)
	assert.Len(t, r.up.requests(), 1)
}
