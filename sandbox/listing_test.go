package sandbox

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

func TestChanges_PagesCoverEveryRecordOnce(t *testing.T) {
	// given a demo sandbox
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	// when the orders are listed 100 at a time
	seen := map[string]int64{}
	cursor := ""
	for {
		st, p := changes[domain.Order](c, domain.ResOrders, cursor, 100)
		require.Equal(t, http.StatusOK, st)
		assert.LessOrEqual(t, len(p.Items), 100)
		assert.Equal(t, srv.Count(AccountMain, domain.ResOrders), p.Total)
		for _, o := range p.Items {
			assert.NotContains(t, seen, o.ID)
			assert.Equal(t, AccountMain, o.Account)
			seen[o.ID] = o.Version
		}
		cursor = p.NextCursor
		if !p.HasMore {
			break
		}
	}
	// then every live order came exactly once with its current version
	assert.Len(t, seen, srv.Count(AccountMain, domain.ResOrders))
	for id, v := range seen {
		assert.Equal(t, v, rec[domain.Order](t, srv, AccountMain, domain.ResOrders, id).Version)
	}
	// and asking again from the final cursor gives nothing new
	_, p := changes[domain.Order](c, domain.ResOrders, cursor, 0)
	assert.Empty(t, p.Items)
	assert.False(t, p.HasMore)
}

func TestChanges_EveryResourceServesItsRecords(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	for _, res := range domain.AllResources {
		t.Run(string(res), func(t *testing.T) {
			items, _, _ := all[map[string]any](c, res, "")
			assert.NotEmpty(t, items)
			assert.Len(t, items, srv.Count(AccountMain, res))
		})
	}
}

func TestDetail_ReturnsRecordAndUnknownIs9001(t *testing.T) {
	srv := startSandbox(t, nil)
	c := newClient(t, srv, AccountMain)
	tk := find(t, srv, AccountMain, domain.ResTickets, func(domain.Ticket) bool { return true })
	st, raw := c.do(http.MethodGet, marketapi.DetailPath(domain.ResTickets, tk.ID), nil, nil)
	require.Equal(t, http.StatusOK, st)
	d := decode[marketapi.Detail[domain.Ticket]](t, raw)
	assert.Equal(t, tk.ID, d.Data.ID)
	assert.Equal(t, tk.Subject, d.Data.Subject)

	for _, id := range []string{"NOPE", "a/b", "50%off", "工单 1"} {
		st, raw = c.do(http.MethodGet, marketapi.DetailPath(domain.ResTickets, id), nil, nil)
		assert.Equal(t, http.StatusNotFound, st, id)
		assert.Equal(t, marketapi.CodeNotFound, decode[marketapi.Envelope](t, raw).ResultCode,
			"an ID needing escapes is looked up, not mistaken for another endpoint: %q", id)
	}
}
