package syncer

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQueryOrder_AgainstSandbox(t *testing.T) {
	sb := startSandbox(t, sandbox.Options{Seed: 31})
	c := sandboxClient(t, sb, mainAccount(t, sb), nil)
	tests := []struct {
		name, id, line string
		wantType       domain.OrderType
		wantErr        string
	}{
		{"debug order", "MOCKPERIODYEARNEW", "", domain.OrderNew, ""},
		{"debug order with its line", "MOCKMONTYRENEW", "MOCKMONTYRENEW-000001", domain.OrderRenew, ""},
		{"unknown order", "NOPE-1", "", "", "no such order"},
		{"unknown line", "MOCKONDEMAND", "MOCKONDEMAND-999", "", "MKT.9001"},
		{"no id", "  ", "", "", "an order ID is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := c.QueryOrder(context.Background(), tt.id, tt.line)
			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.id, o.ID)
			assert.Equal(t, tt.wantType, o.Type)
			require.Len(t, o.Lines, 1)
			assert.Equal(t, tt.id+"-000001", o.Lines[0].ID)
			assert.False(t, o.CreatedAt.IsZero())
		})
	}
}

func TestQueryOrder_ResultCodesExplained(t *testing.T) {
	// given the open API's error answers as the real service sends them
	tests := []struct {
		status int
		code   string
		want   string
	}{
		{400, marketapi.CodeBadParam, "check the order ID"},
		{401, marketapi.CodeAuthFailed, "check the AK/SK and this computer's clock"},
		{403, marketapi.CodeNotAllowed, "may not query"},
		{404, marketapi.CodeNotFound, "no such order"},
		{200, "MKT.4242", "unknown result code MKT.4242"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, r *http.Request) {
				assert.Equal(t, marketapi.OrderQueryPath, r.URL.Path)
				assert.Equal(t, "X1", r.URL.Query().Get("orderId"))
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, `{"resultCode":"`+tt.code+`","resultMsg":"server words"}`)
			})
			c := newTestClient(t, srv.URL, nil)

			_, err := c.QueryOrder(context.Background(), "X1", "")

			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), tt.code)
		})
	}
}
