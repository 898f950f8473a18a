package syncer

import (
	"encoding/json"
	"testing"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/stretchr/testify/require"
)

// fuzzSeeds are valid, broken and hostile page bodies.
var fuzzSeeds = []string{
	okOrdersPage,
	`{"resultCode":"MKT.0000","items":[],"removed":[],"nextCursor":"","hasMore":false}`,
	`{"resultCode":"MKT.0101","resultMsg":"unknown cursor"}`,
	`{"resultCode":"MKT.0000","items":[{"id":"t1","version":1,"status":"PENDING_ACCEPT","messages":[{"id":"m","from":"USER","body":"你好"}]}],"hasMore":true,"nextCursor":"n"}`,
	`{"resultCode":"MKT.0000","items":[{"id":"b1","version":1,"lines":[{"id":"l","amount":"x"}]}]}`,
	`{"resultCode":"MKT.0000","items":null,"total":-1}`,
	`[`, `null`, `""`, `{"resultCode":1}`,
}

// fuzzDecoder checks the decoder's promises on any input: it never panics;
// success means a well-formed page (ids present, a cursor when more follows,
// the resource right); failure returns no records.
func fuzzDecoder(f *testing.F, res domain.Resource) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	dec, err := DecoderFor(res)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, body []byte) {
		page, err := dec(body, Owner{Remote: "a", Local: "local"})
		if err != nil {
			require.Empty(t, page.Items)
			require.Empty(t, page.Removed)
			return
		}
		require.True(t, json.Valid(body))
		require.Equal(t, res, page.Resource)
		for _, it := range page.Items {
			require.NotEmpty(t, it.RecordMeta().ID)
			require.Equal(t, res, it.Resource())
			require.Equal(t, "local", it.RecordMeta().Account, "records of the remote account are relabelled")
		}
		for _, r := range page.Removed {
			require.NotEmpty(t, r.ID)
		}
		if page.HasMore {
			require.NotEmpty(t, page.NextCursor)
		}
		var env marketapi.Envelope
		require.NoError(t, json.Unmarshal(body, &env))
		require.Equal(t, marketapi.CodeOK, env.ResultCode)
	})
}

func FuzzDecodeOrdersPage(f *testing.F)      { fuzzDecoder(f, domain.ResOrders) }
func FuzzDecodeTicketsPage(f *testing.F)     { fuzzDecoder(f, domain.ResTickets) }
func FuzzDecodeBillsPage(f *testing.F)       { fuzzDecoder(f, domain.ResBills) }
func FuzzDecodeSupervisionPage(f *testing.F) { fuzzDecoder(f, domain.ResSupervision) }
