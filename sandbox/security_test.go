package sandbox

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

func TestIsolation_EachAccountSeesOnlyItsOwnRecords(t *testing.T) {
	srv := startSandbox(t, nil)
	ids := map[string]map[string]bool{}
	for _, a := range srv.Accounts() {
		c := newClient(t, srv, a.ID)
		ids[a.ID] = map[string]bool{}
		for _, res := range domain.AllResources {
			items, _, _ := all[map[string]any](c, res, "")
			for _, it := range items {
				assert.Equal(t, a.ID, it["account"], "%s %v served to %s", res, it["id"], a.ID)
				ids[a.ID][string(res)+"/"+it["id"].(string)] = true
			}
		}
		assert.NotEmpty(t, ids[a.ID])
	}
	for a, mine := range ids {
		for b, theirs := range ids {
			if a == b {
				continue
			}
			for id := range mine {
				assert.False(t, theirs[id], "%s of %s also served to %s", id, a, b)
			}
		}
	}
}

func TestIsolation_SubAccountSeesOnlyDelegatedProducts(t *testing.T) {
	srv := startSandbox(t, nil)
	sub := cred(t, srv, AccountSub)
	require.True(t, sub.SubAccount)
	require.NotEmpty(t, sub.Products)
	c := newClient(t, srv, AccountSub)
	tickets, _, _ := all[domain.Ticket](c, domain.ResTickets, "")
	require.NotEmpty(t, tickets)
	for _, tk := range tickets {
		assert.Contains(t, sub.Products, tk.ProductID)
	}
	tasks, _, _ := all[domain.SupervisionTask](c, domain.ResSupervision, "")
	for _, s := range tasks {
		assert.Contains(t, sub.Products, s.ProductID)
	}
	orders, _, _ := all[domain.Order](c, domain.ResOrders, "")
	for _, o := range orders {
		assert.Contains(t, sub.Products, o.Lines[0].Products[0].ProductID)
	}
	// when the sub-account acts on a ticket of a product not delegated to it
	other := pendingTicket(t, srv, AccountMain)
	assert.NotContains(t, sub.Products, other.ProductID)
	st, res := act[domain.Ticket](c, domain.ResTickets, other.ID, domain.ActTicketAccept, "steal", domain.ActionParams{Agent: "子账号"})
	// then it is refused as not delegated, and the ticket is untouched
	assert.Equal(t, http.StatusForbidden, st)
	assert.Equal(t, marketapi.ReasonNotDelegated, res.Reason)
	assert.Equal(t, other, rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, other.ID))
	// and it cannot read it either
	st, _ = c.do(http.MethodGet, marketapi.DetailPath(domain.ResTickets, other.ID), nil, nil)
	assert.Equal(t, http.StatusNotFound, st)
}

func TestIsolation_ForeignRecordIsNotFound(t *testing.T) {
	srv := startSandbox(t, nil)
	intl := newClient(t, srv, AccountIntl)
	tk := pendingTicket(t, srv, AccountMain)
	st, res := act[domain.Ticket](intl, domain.ResTickets, tk.ID, domain.ActTicketAccept, "x", domain.ActionParams{Agent: "Emma"})
	assert.Equal(t, http.StatusNotFound, st)
	assert.Equal(t, marketapi.CodeNotFound, res.ResultCode)
	assert.Equal(t, tk, rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID))
}

// rawPost sends a POST built by hand, optionally signed.
func rawPost(t *testing.T, srv *Server, path string, body []byte, sign func(*http.Request)) (int, marketapi.Envelope) {
	req, err := http.NewRequest(http.MethodPost, srv.URL()+path, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set(marketapi.HeaderIdempotencyKey, "bad-"+time.Now().String())
	if sign != nil {
		sign(req)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var raw bytes.Buffer
	_, _ = raw.ReadFrom(resp.Body)
	return resp.StatusCode, decode[marketapi.Envelope](t, raw.Bytes())
}

func TestBadRequests_GetTheDocumentedErrorAndChangeNothing(t *testing.T) {
	srv := startSandbox(t, nil)
	main := cred(t, srv, AccountMain)
	tk := pendingTicket(t, srv, AccountMain)
	path := marketapi.ActionPath(domain.ResTickets, tk.ID, domain.ActTicketAccept)
	good := []byte(`{"agent":"客服-甲"}`)
	signWith := func(s apig.Signer, body []byte, at time.Time) func(*http.Request) {
		return func(r *http.Request) { require.NoError(t, s.Sign(r, body, at)) }
	}
	cases := []struct {
		name   string
		body   []byte
		sign   func(*http.Request)
		status int
		code   string
	}{
		{"unsigned", good, nil, http.StatusUnauthorized, marketapi.CodeAuthFailed},
		{"wrong secret", good, signWith(apig.Signer{AK: main.AK, SK: strings.Repeat("x", 40)}, good, time.Now()), http.StatusUnauthorized, marketapi.CodeAuthFailed},
		{"unknown key", good, signWith(apig.Signer{AK: "NOSUCHKEY", SK: main.SK}, good, time.Now()), http.StatusUnauthorized, marketapi.CodeAuthFailed},
		{"body changed after signing", good, signWith(apig.Signer{AK: main.AK, SK: main.SK}, []byte(`{"agent":"B"}`), time.Now()), http.StatusUnauthorized, marketapi.CodeAuthFailed},
		{"stale date", good, signWith(apig.Signer{AK: main.AK, SK: main.SK}, good, time.Now().Add(-20*time.Minute)), http.StatusUnauthorized, marketapi.CodeAuthFailed},
		{"future date", good, signWith(apig.Signer{AK: main.AK, SK: main.SK}, good, time.Now().Add(20*time.Minute)), http.StatusUnauthorized, marketapi.CodeAuthFailed},
		{"malformed JSON", []byte(`{"agent":`), signWith(apig.Signer{AK: main.AK, SK: main.SK}, []byte(`{"agent":`), time.Now()), http.StatusBadRequest, marketapi.CodeBadParam},
		{"oversized body", bytes.Repeat([]byte("a"), marketapi.MaxRequestBody+1), nil, http.StatusRequestEntityTooLarge, marketapi.CodeBadValue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			seq, applied := srv.Seq(AccountMain), srv.Applied(AccountMain)
			st, env := rawPost(t, srv, path, tc.body, tc.sign)
			assert.Equal(t, tc.status, st, env.ResultMsg)
			assert.Equal(t, tc.code, env.ResultCode)
			assert.Equal(t, seq, srv.Seq(AccountMain))
			assert.Equal(t, applied, srv.Applied(AccountMain))
			assert.Equal(t, tk, rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID))
		})
	}
}

func TestBadRequests_MissingIdempotencyKey(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	tk := pendingTicket(t, srv, AccountMain)
	st, raw := c.do(http.MethodPost, marketapi.ActionPath(domain.ResTickets, tk.ID, domain.ActTicketAccept), []byte(`{"agent":"A"}`), nil)
	assert.Equal(t, http.StatusBadRequest, st)
	assert.Equal(t, marketapi.CodeBadParam, decode[marketapi.Envelope](t, raw).ResultCode)
	assert.Equal(t, domain.TicketPendingAccept, rec[domain.Ticket](t, srv, AccountMain, domain.ResTickets, tk.ID).Status)
}

func TestCursor_ForeignMalformedOrUnknownIsRejected(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	_, _, mainCursor := all[domain.Ticket](c, domain.ResTickets, "")
	intl := newClient(t, srv, AccountIntl)
	_, _, intlCursor := all[domain.Ticket](intl, domain.ResTickets, "")
	_, _, ordersCursor := all[domain.Order](c, domain.ResOrders, "")
	cases := map[string]string{
		"another account's":   intlCursor,
		"another resource's":  ordersCursor,
		"malformed":           "%%%not-base64",
		"garbage base64":      "aGVsbG8",
		"from the future":     encodeCursor(AccountMain, domain.ResTickets, srv.Seq(AccountMain)+10, srv.epoch),
		"from an earlier run": encodeCursor(AccountMain, domain.ResTickets, 1, srv.epoch+1),
	}
	for name, cur := range cases {
		t.Run(name, func(t *testing.T) {
			st, p := changes[domain.Ticket](c, domain.ResTickets, cur, 0)
			assert.Equal(t, http.StatusBadRequest, st)
			assert.Equal(t, marketapi.CodeBadValue, p.ResultCode)
		})
	}
	st, p := changes[domain.Ticket](c, domain.ResTickets, mainCursor, 0)
	assert.Equal(t, http.StatusOK, st)
	assert.Empty(t, p.Items)
	st, p = changes[domain.Ticket](c, domain.ResTickets, "", -3)
	assert.Equal(t, http.StatusBadRequest, st)
	assert.Equal(t, marketapi.CodeBadParam, p.ResultCode)
}

func TestWhoAmI_AndOpenOrderQuery(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountSub)
	st, raw := c.do(http.MethodGet, marketapi.WhoAmIPath, nil, nil)
	require.Equal(t, http.StatusOK, st)
	who := decode[marketapi.WhoAmI](t, raw)
	assert.Equal(t, AccountSub, who.AccountID)
	assert.True(t, who.SubAccount)
	assert.Equal(t, cred(t, srv, AccountSub).Products, who.Products)

	main := newClient(t, srv, AccountMain)
	for _, id := range marketapi.MockOrderIDs {
		st, raw = main.do(http.MethodGet, marketapi.OrderQueryPath+"?orderId="+id+"&orderLineId="+id+"-000001", nil, nil)
		require.Equal(t, http.StatusOK, st, id)
		q := decode[marketapi.OrderQueryResponse](t, raw)
		require.NotNil(t, q.OrderInfo, id)
		assert.Equal(t, marketapi.CodeOK, q.ResultCode)
		o, err := marketapi.FromOpen(*q.OrderInfo)
		require.NoError(t, err)
		assert.Equal(t, id+"-000001", o.Lines[0].ID)
	}
	own := find(t, srv, AccountMain, domain.ResOrders, func(domain.Order) bool { return true })
	st, raw = main.do(http.MethodGet, marketapi.OrderQueryPath+"?orderId="+own.ID, nil, nil)
	require.Equal(t, http.StatusOK, st)
	q := decode[marketapi.OrderQueryResponse](t, raw)
	assert.Equal(t, marketapi.ToOpen(own), *q.OrderInfo)
	// another account's order is unknown here
	st, raw = newClient(t, srv, AccountIntl).do(http.MethodGet, marketapi.OrderQueryPath+"?orderId="+own.ID, nil, nil)
	assert.Equal(t, http.StatusNotFound, st)
	assert.Equal(t, marketapi.CodeNotFound, decode[marketapi.Envelope](t, raw).ResultCode)
}
