package syncer

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
)

// hostileServer answers every resource's changes listing in its own bad way.
type hostileServer struct {
	*signedServer
	mu    sync.Mutex
	calls map[domain.Resource]int
	fixed bool // orders: the server has since fixed its record o2
}

const longID = "L" // repeated past bbolt's key limit in the orders page

// ordersPage1 holds good records around every kind of poison record.
var ordersPage1 = `{"resultCode":"MKT.0000","items":[` +
	`{"id":"o1","version":1,"status":"COMPLETED"},` +
	`{"id":"o2","version":1,"status":""},` +
	`{"id":"o3","version":2},` +
	"{\"id\":\"o4\xff\xfe\",\"version\":1,\"status\":\"COMPLETED\",\"buyer\":{\"customerName\":\"bad \xc3 utf8\"}}," +
	`{"id":"` + strings.Repeat(longID, 40<<10) + `","version":1,"status":"COMPLETED"},` +
	`{"id":"o6","version":"six","status":"COMPLETED"}` +
	`],"nextCursor":"o-c1","hasMore":true,"total":3}`

func (h *hostileServer) reply(res domain.Resource, cursor string) string {
	h.mu.Lock()
	h.calls[res]++
	n, fixed := h.calls[res], h.fixed
	h.mu.Unlock()
	switch res {
	case domain.ResOrders:
		switch {
		case cursor == "":
			return ordersPage1
		case cursor == "o-c1":
			return `{"resultCode":"MKT.0000","items":[{"id":"o7","version":3,"status":"COMPLETED"}],"nextCursor":"o-c2","total":3}`
		case fixed:
			return `{"resultCode":"MKT.0000","items":[{"id":"o2","version":4,"status":"COMPLETED"}],"nextCursor":"o-c3","total":4}`
		}
		return `{"resultCode":"MKT.0000","items":[],"nextCursor":"o-c2","total":3}`
	case domain.ResSupervision:
		return `{"resultCode":"MKT.0000","items":[],"total":-1}`
	case domain.ResTickets:
		return `{"resultCode":"MKT.0000","items":[{"id":"t1",]}`
	case domain.ResAlerts:
		return `{"resultCode":"MKT.0000","items":[],"hasMore":true}`
	case domain.ResBills:
		return fmt.Sprintf(`{"resultCode":"MKT.0000","items":[{"id":"b%03d","version":%d,"status":"PENDING_INVOICE"}],"nextCursor":"b-%d","hasMore":true,"total":2}`, n, n, n)
	case domain.ResTransactions:
		return `{"resultCode":"MKT.0000","items":[],"pad":"` + strings.Repeat("x", 300<<10) + `"}`
	case domain.ResMessages:
		return `{"resultCode":"MKT.0000","items":[{"id":"m1","account":"another-seller","version":1,"category":"OPERATIONS"}]}`
	}
	return `{"resultCode":"MKT.0999","resultMsg":"` + strings.Repeat("boom ", 10000) + `"}`
}

func newHostileServer(t *testing.T) *hostileServer {
	h := &hostileServer{calls: map[domain.Resource]int{}}
	h.signedServer = newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, r *http.Request) {
		for _, res := range domain.AllResources {
			if r.URL.Path == marketapi.ChangesPath(res) {
				_, _ = io.WriteString(w, h.reply(res, r.URL.Query().Get("cursor")))
				return
			}
		}
		w.WriteHeader(http.StatusNotFound)
	})
	return h
}

func (h *hostileServer) callsTo(res domain.Resource) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.calls[res]
}

func TestSync_AHostileServerNeverStopsTheOthersNorLosesGoodRecords(t *testing.T) {
	// given a server that sends poison records, malformed JSON, broken
	// contracts, an oversized body, another seller's record and endless pages
	h := newHostileServer(t)
	store := openStore(t, filepath.Join(t.TempDir(), "c.db"), "mine")
	defer store.Close()
	eng, err := NewEngine(EngineOptions{Store: store, RemoteAccount: "remote-1",
		Client: newTestClient(t, h.URL, func(o *Options) { o.MaxAttempts, o.MaxBody = 3, 256<<10 })})
	require.NoError(t, err)

	// when everything is synced
	sum, err := eng.Sync(context.Background())

	// then each bad resource is named in a short, plain error, and none stopped the others
	require.Error(t, err)
	for _, line := range strings.Split(err.Error(), "\n") {
		assert.Less(t, len(line), 1200, "an error line quotes at most ~200 characters of any value")
	}
	failed := map[domain.Resource]error{}
	for _, r := range sum.Resources {
		if r.Err != nil {
			failed[r.Resource] = r.Err
		}
	}
	var ce *ContractError
	var de *DecodeError
	var pe *PagingError
	assert.ErrorAs(t, failed[domain.ResSupervision], &ce)
	assert.ErrorContains(t, failed[domain.ResSupervision], "negative total")
	assert.ErrorAs(t, failed[domain.ResTickets], &de)
	assert.ErrorContains(t, failed[domain.ResTickets], "malformed JSON")
	assert.ErrorContains(t, failed[domain.ResAlerts], "hasMore without a nextCursor")
	require.ErrorAs(t, failed[domain.ResBills], &pe)
	assert.Equal(t, domain.ResBills, pe.Resource)
	t.Logf("told: %v", err)
	assert.ErrorIs(t, failed[domain.ResTransactions], ErrTooLarge)
	assert.ErrorContains(t, failed[domain.ResMessages], "another-seller")
	assert.Len(t, failed, 6, "orders synced")
	// and what cannot cure itself was asked once, a garbled body a few times
	assert.Equal(t, 1, h.callsTo(domain.ResSupervision), "a negative total is not retried")
	assert.Equal(t, 1, h.callsTo(domain.ResAlerts), "hasMore without a cursor is not retried")
	assert.Equal(t, 1, h.callsTo(domain.ResMessages), "another seller's record is not retried")
	assert.Equal(t, 1, h.callsTo(domain.ResTransactions), "an oversized body is not retried")
	assert.Equal(t, 3, h.callsTo(domain.ResTickets), "malformed JSON may be a broken connection")
	assert.Less(t, h.callsTo(domain.ResBills), 40, "endless paging is cut off near its total")

	// and the good orders are stored with the cursor past the poison, which is set aside
	orders, n, err := localstore.List[domain.Order](store, localstore.Query{})
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	ids := []string{}
	for _, o := range orders {
		ids = append(ids, o.ID)
	}
	assert.ElementsMatch(t, []string{"o1", "o4\uFFFD\uFFFD", "o7"}, ids, "invalid UTF-8 arrives as U+FFFD, never fatal")
	cursor, err := store.Cursor(domain.ResOrders)
	require.NoError(t, err)
	assert.Equal(t, "o-c2", cursor)
	aside, err := store.SetAsideRecords()
	require.NoError(t, err)
	reasons := map[string]string{}
	for _, a := range aside {
		reasons[a.ID] = a.Reason
		assert.Less(t, len(a.String()), 600)
	}
	assert.Equal(t, "the record has no status", reasons["o2"])
	assert.Equal(t, "the record has no status", reasons["o3"])
	assert.Contains(t, reasons["o6"], "wrong type")
	assert.Len(t, aside, 4, "the 40 KiB id is set aside too: %v", reasons)
	assert.Len(t, sum.Problems(), 6+4, "the person is told of every failed resource and every record set aside")
	// and the bills that did arrive are kept, with their cursor
	_, bills, err := localstore.List[domain.Bill](store, localstore.Query{})
	require.NoError(t, err)
	assert.Equal(t, pe.Pages, bills)
	for _, res := range []domain.Resource{domain.ResSupervision, domain.ResTickets, domain.ResAlerts, domain.ResTransactions, domain.ResMessages} {
		c, err := store.Cursor(res)
		require.NoError(t, err)
		assert.Empty(t, c, "%s: nothing of a bad reply is stored", res)
	}

	// when the server later sends a valid version of a set-aside record
	h.mu.Lock()
	h.fixed = true
	h.mu.Unlock()
	_, err = eng.Pull(context.Background(), domain.ResOrders)

	// then it replaces the set-aside entry
	require.NoError(t, err)
	o2, ok, err := localstore.Get[domain.Order](store, "o2")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, int64(4), o2.Version)
	left, err := store.SetAsideCount()
	require.NoError(t, err)
	assert.Equal(t, 3, left)
}

func TestPull_EndlessPagingWithoutATotalIsCutOffByTime(t *testing.T) {
	// given a server that always has more orders and never says how many
	var n atomic.Int32
	srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != marketapi.ChangesPath(domain.ResOrders) {
			w.WriteHeader(http.StatusNotFound) // no whoami: every resource is asked for
			return
		}
		i := n.Add(1)
		time.Sleep(2 * time.Millisecond)
		_, _ = fmt.Fprintf(w, `{"resultCode":"MKT.0000","items":[{"id":"o%05d","version":%d,"status":"COMPLETED"}],"nextCursor":"c%d","hasMore":true}`, i, i, i)
	})
	store := openStore(t, filepath.Join(t.TempDir(), "c.db"), "mine")
	defer store.Close()
	eng, err := NewEngine(EngineOptions{Store: store, RemoteAccount: "mine", MaxPullTime: 100 * time.Millisecond,
		Client: newTestClient(t, srv.URL, nil)})
	require.NoError(t, err)

	// when the orders are pulled
	_, err = eng.Pull(context.Background(), domain.ResOrders)

	// then paging stops at the time bound with an error naming the resource, keeping what arrived
	var pe *PagingError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, domain.ResOrders, pe.Resource)
	assert.Contains(t, err.Error(), "sync orders: stopped after")
	assert.Contains(t, err.Error(), "paging took longer than 100ms")
	_, stored, err := localstore.List[domain.Order](store, localstore.Query{})
	require.NoError(t, err)
	assert.Equal(t, pe.Pages, stored)
	cursor, err := store.Cursor(domain.ResOrders)
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprintf("c%d", pe.Pages), cursor, "the next sync continues from there")
}
