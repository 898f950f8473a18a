package syncer

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const goodFirstPage = `{"resultCode":"MKT.0000","items":[{"id":"o1","account":"remote-1","version":3,"orderType":"NEW","status":"COMPLETED","createTime":"2026-11-01T08:00:00Z"}],"nextCursor":"c1","hasMore":true,"total":3}`

func TestPull_BadRepliesLeaveStoreUntouched(t *testing.T) {
	tests := []struct {
		name    string
		write   func(w http.ResponseWriter)
		wantErr func(t *testing.T, err error)
	}{
		{"malformed json", body(`{"resultCode":"MKT.0000","items":[{"id":"o2",}]}`), isDecode("malformed JSON")},
		{"wrong type in the envelope", body(`{"resultCode":"MKT.0000","items":[{"id":"o2","version":7}],"hasMore":"no"}`), isDecode("wrong type")},
		{"removed wrong type", body(`{"resultCode":"MKT.0000","items":[],"removed":[{"id":5}]}`), isDecode("wrong type")},
		{"truncated body", func(w http.ResponseWriter) {
			full := strings.Replace(goodFirstPage, "o1", "o2", 1)
			w.Header().Set("Content-Length", strconv.Itoa(len(full)))
			_, _ = io.WriteString(w, full[:len(full)/2])
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler)
		}, func(t *testing.T, err error) { assert.ErrorContains(t, err, "unexpected EOF") }},
		{"oversized", body(`{"resultCode":"MKT.0000","items":[],"pad":"` + strings.Repeat("é", 8<<10) + `"}`),
			func(t *testing.T, err error) { assert.ErrorIs(t, err, ErrTooLarge) }},
		{"envelope error", body(`{"resultCode":"MKT.0999","resultMsg":"boom"}`), func(t *testing.T, err error) {
			var me *marketapi.Error
			require.ErrorAs(t, err, &me)
			assert.Equal(t, marketapi.CodeInternal, me.Code)
		}},
		{"another seller's record", body(`{"resultCode":"MKT.0000","items":[{"id":"o9","account":"someone-else","version":1}]}`),
			func(t *testing.T, err error) {
				var ce *ContractError
				assert.ErrorAs(t, err, &ce)
				assert.ErrorContains(t, err, "someone-else")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// given a server whose first page is fine and whose second is bad
			srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, r *http.Request) {
				if r.URL.Query().Get("cursor") == "" {
					_, _ = io.WriteString(w, goodFirstPage)
					return
				}
				tt.write(w)
			})
			store := openStore(t, filepath.Join(t.TempDir(), "c.db"), "mine")
			defer store.Close()
			eng, err := NewEngine(EngineOptions{Store: store, RemoteAccount: "remote-1",
				Client: newTestClient(t, srv.URL, func(o *Options) { o.MaxBody, o.MaxAttempts = 16<<10, 3 })})
			require.NoError(t, err)

			// when the orders are pulled
			_, err = eng.Pull(context.Background(), domain.ResOrders)

			// then the error is clear, the good page is kept with its cursor, and nothing of the bad one
			require.Error(t, err)
			tt.wantErr(t, err)
			cursor, cerr := store.Cursor(domain.ResOrders)
			require.NoError(t, cerr)
			assert.Equal(t, "c1", cursor)
			orders, n, lerr := localstore.List[domain.Order](store, localstore.Query{})
			require.NoError(t, lerr)
			require.Equal(t, 1, n)
			assert.Equal(t, "o1", orders[0].ID)
			assert.Equal(t, "mine", orders[0].Account, "relabelled to the local account")
		})
	}
}

func body(s string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) { _, _ = io.WriteString(w, s) }
}

func isDecode(msg string) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		var de *DecodeError
		assert.ErrorAs(t, err, &de)
		assert.ErrorContains(t, err, msg)
	}
}
