package marketapi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestChangesPathRoundTrip(t *testing.T) {
	for _, r := range domain.AllResources {
		t.Run(string(r), func(t *testing.T) {
			// when
			p := ChangesPath(r)
			res, id, action, ok := ParseSellerPath(p)
			// then
			require.True(t, ok, p)
			assert.Equal(t, "/api/mkp-seller/v1/"+string(r)+"/changes", p)
			assert.Equal(t, r, res)
			assert.Empty(t, id)
			assert.Empty(t, action)
		})
	}
}

func TestDetailAndActionPathRoundTrip(t *testing.T) {
	ids := []struct {
		name string
		id   string
	}{
		{"plain", "CS1906271632YBNUD"},
		{"space", "order 42"},
		{"slash", "a/b/c"},
		{"chinese", "工单-001"},
		{"percent", "50%off"},
		{"encoded-looking", "a%2Fb"},
		{"question and hash", "x?y#z"},
		{"plus", "a+b"},
	}
	for _, tt := range ids {
		t.Run(tt.name, func(t *testing.T) {
			// given a detail path and an action path for that ID
			detail := DetailPath(domain.ResTickets, tt.id)
			act := ActionPath(domain.ResTickets, tt.id, domain.ActTicketAccept)

			// when they are parsed back
			res, id, action, ok := ParseSellerPath(detail)

			// then the same record comes out, and the ID stays one segment
			require.True(t, ok, detail)
			assert.Equal(t, domain.ResTickets, res)
			assert.Equal(t, tt.id, id)
			assert.Empty(t, action)

			res, id, action, ok = ParseSellerPath(act)
			require.True(t, ok, act)
			assert.Equal(t, domain.ResTickets, res)
			assert.Equal(t, tt.id, id)
			assert.Equal(t, domain.ActTicketAccept, action)
			assert.Equal(t, detail+"/actions/accept", act)
		})
	}
}

func TestParseSellerPathRejects(t *testing.T) {
	paths := []struct {
		name string
		path string
	}{
		{"empty", ""},
		{"prefix only", SellerPrefix},
		{"prefix slash", SellerPrefix + "/"},
		{"other API", "/api/mkp-openapi-public/global/v1/order/query"},
		{"prefix lookalike", "/api/mkp-seller/v10/orders/changes"},
		{"unknown resource", SellerPrefix + "/invoices/changes"},
		{"resource alone", SellerPrefix + "/orders"},
		{"empty id", SellerPrefix + "/orders/"},
		{"trailing slash", SellerPrefix + "/orders/changes/"},
		{"bad escape", SellerPrefix + "/orders/50%zz"},
		{"truncated escape", SellerPrefix + "/orders/abc%2"},
		{"empty id with action", SellerPrefix + "/tickets//actions/accept"},
		{"action without name", SellerPrefix + "/tickets/T1/actions/"},
		{"actions without name", SellerPrefix + "/tickets/T1/actions"},
		{"wrong action keyword", SellerPrefix + "/tickets/T1/act/accept"},
		{"too deep", SellerPrefix + "/tickets/T1/actions/accept/now"},
		{"whoami is not a resource", WhoAmIPath},
		{"escaped changes as an ID", SellerPrefix + "/orders/%63hanges"},
	}
	for _, tt := range paths {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, ok := ParseSellerPath(tt.path)
			assert.False(t, ok, tt.path)
		})
	}
}

func FuzzParseSellerPath(f *testing.F) {
	for _, s := range []string{
		ChangesPath(domain.ResOrders),
		DetailPath(domain.ResTickets, "工单 1/2%"),
		ActionPath(domain.ResAlerts, "A-1", domain.ActRestart),
		SellerPrefix + "/orders/%41",
		SellerPrefix + "/orders//actions/x",
		SellerPrefix + "/bills/x/actions/",
		SellerPrefix + "/orders/%63hanges",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		res, id, action, ok := ParseSellerPath(p)
		if !ok {
			return
		}
		// then rebuilding the path from its parts names the same thing
		var rebuilt string
		switch {
		case id == "":
			require.Empty(t, action)
			rebuilt = ChangesPath(res)
		case action == "":
			rebuilt = DetailPath(res, id)
		default:
			rebuilt = ActionPath(res, id, action)
		}
		r2, id2, a2, ok2 := ParseSellerPath(rebuilt)
		require.True(t, ok2, "rebuilt %q from %q", rebuilt, p)
		require.Equal(t, res, r2)
		require.Equal(t, id, id2)
		require.Equal(t, action, a2)
	})
}
