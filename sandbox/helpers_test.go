package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// testStart is a fixed moment: 2026-11-02 10:00 CST, the day before a bill.
var testStart = time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC)

// startSandbox runs a small sandbox on a stopped clock, so only Advance
// moves time, and nothing arrives by itself.
func startSandbox(t testing.TB, mod func(*Options)) *Server {
	t.Helper()
	opts := Options{Seed: 7, Clock: NewClock(testStart, 0), NoArrivals: true}
	if mod != nil {
		mod(&opts)
	}
	srv, err := Start(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

func cred(t testing.TB, srv *Server, id string) AccountCred {
	t.Helper()
	for _, a := range srv.Accounts() {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("no account %s", id)
	return AccountCred{}
}

// client signs requests as one account.
type client struct {
	t      testing.TB
	base   string
	signer apig.Signer
	now    func() time.Time
}

func newClient(t testing.TB, srv *Server, account string) *client {
	c := cred(t, srv, account)
	return &client{t: t, base: srv.URL(), signer: apig.Signer{AK: c.AK, SK: c.SK}, now: time.Now}
}

// do sends a signed request and returns the status and raw body.
func (c *client) do(method, path string, body []byte, header map[string]string) (int, []byte) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(body))
	require.NoError(c.t, err)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	require.NoError(c.t, c.signer.Sign(req, body, c.now()))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	return resp.StatusCode, raw
}

func decode[T any](t testing.TB, raw []byte) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(raw, &v), string(raw))
	return v
}

// changes fetches one page of a resource, decoding items as T.
func changes[T any](c *client, res domain.Resource, cursor string, limit int) (int, marketapi.ChangesPage[T]) {
	c.t.Helper()
	path := marketapi.ChangesPath(res) + "?cursor=" + url.QueryEscape(cursor)
	if limit != 0 {
		path += "&limit=" + strconv.Itoa(limit)
	}
	st, raw := c.do(http.MethodGet, path, nil, nil)
	return st, decode[marketapi.ChangesPage[T]](c.t, raw)
}

// all drains every page of a resource.
func all[T any](c *client, res domain.Resource, cursor string) ([]T, []domain.Tombstone, string) {
	c.t.Helper()
	var items []T
	var removed []domain.Tombstone
	for {
		st, p := changes[T](c, res, cursor, 0)
		require.Equal(c.t, http.StatusOK, st, p.ResultMsg)
		items, removed, cursor = append(items, p.Items...), append(removed, p.Removed...), p.NextCursor
		if !p.HasMore {
			return items, removed, cursor
		}
	}
}

// act posts an action with an idempotency key.
func act[T any](c *client, res domain.Resource, id string, a domain.ActionName, key string, p domain.ActionParams) (int, marketapi.ActionResult[T]) {
	c.t.Helper()
	body, err := json.Marshal(p)
	require.NoError(c.t, err)
	st, raw := c.do(http.MethodPost, marketapi.ActionPath(res, id, a), body, map[string]string{marketapi.HeaderIdempotencyKey: key})
	return st, decode[marketapi.ActionResult[T]](c.t, raw)
}

// find picks the first record of type T (by ID order) that matches.
func find[T domain.Record](t testing.TB, srv *Server, account string, res domain.Resource, ok func(T) bool) T {
	t.Helper()
	var best T
	found := false
	for _, r := range srv.Records(account, res) {
		v := r.(T)
		if ok(v) && (!found || strings.Compare(v.RecordMeta().ID, best.RecordMeta().ID) < 0) {
			best, found = v, true
		}
	}
	require.True(t, found, "no matching %s in %s", res, account)
	return best
}

func rec[T domain.Record](t testing.TB, srv *Server, account string, res domain.Resource, id string) T {
	t.Helper()
	r, ok := srv.Record(account, res, id)
	require.True(t, ok, "%s %s gone", res, id)
	return r.(T)
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
