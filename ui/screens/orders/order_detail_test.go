package orders

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

func TestOrderDetail_ShowsLinesAndBuyer(t *testing.T) {
	o := uitest.Order("CS9", "云备份", domain.OrderProcessing, 1, 19900)
	o.Buyer.Email = "a@example.com"
	s := uitest.NewStore(t, o)
	d := newOrderDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)

	d.Load(o)

	assert.True(t, uitest.Shows(d.root, "CS9-000001"))
	assert.True(t, uitest.Shows(d.root, "云备份 (SKU sku1, P1)"))
	assert.True(t, uitest.Shows(d.root, "a@example.com"))
	assert.False(t, d.lookup.Visible(), "no lookup without the backend's open-API callback")
}

// openAPIServer answers the order query as the real open API does.
func openAPIServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.URL.Query().Get("orderId")
		resp := marketapi.OrderQueryResponse{Envelope: marketapi.Envelope{ResultCode: marketapi.CodeNotFound, ResultMsg: "order not found"}}
		if id == "CS9" {
			info := marketapi.ToOpen(uitest.Order("CS9", "云备份", domain.OrderProcessing, 1, 19900))
			resp = marketapi.OrderQueryResponse{Envelope: marketapi.Envelope{ResultCode: marketapi.CodeOK}, OrderInfo: &info}
		}
		require.NoError(t, json.NewEncoder(w).Encode(resp))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func lookupOver(srv *httptest.Server) func(context.Context, string, string) (marketapi.OrderQueryResponse, error) {
	return func(ctx context.Context, id, line string) (marketapi.OrderQueryResponse, error) {
		var out marketapi.OrderQueryResponse
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+marketapi.OrderQueryPath+"?orderId="+id+"&orderLineId="+line, nil)
		if err != nil {
			return out, err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return out, err
		}
		defer resp.Body.Close()
		return out, json.NewDecoder(resp.Body).Decode(&out)
	}
}

func TestOrderDetail_LookUpOnTheOpenAPI(t *testing.T) {
	srv := openAPIServer(t)
	cases := []struct {
		id, want string
	}{
		{"CS9", "The marketplace knows order CS9"},
		{"CS404", "The marketplace answered MKT.9001: order not found"},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			o := uitest.Order(c.id, "云备份", domain.OrderProcessing, 1, 19900)
			s := uitest.NewStore(t, o)
			b := screentest.NewBackend(t, s)
			b.LookupOrder = lookupOver(srv)
			d := newOrderDetail(b)
			uitest.NewWindow(t, d.root)
			d.Load(o)

			d.lookUp()
			d.f.Jobs.Wait()

			assert.Contains(t, d.answer.Text, c.want)
			assert.False(t, d.lookup.Disabled())
		})
	}
}

func TestLookupText_NetworkFailureSaysWhatToDo(t *testing.T) {
	text := lookupText(marketapi.OrderQueryResponse{}, errors.New("dial tcp: timeout"))
	assert.Contains(t, text, "Check the network")
}
