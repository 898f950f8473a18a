package apig

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testAK = "AKTESTAKTESTAKTEST01"
	testSK = "skTestSecretKeyForRoundTripsOnly0123456"
)

var testNow = time.Date(2026, 3, 5, 8, 30, 0, 0, time.UTC)

// verifyingServer is a real loopback HTTP server that verifies each request
// with Verify and hands the outcome back to the test.
type verifyingServer struct {
	*httptest.Server
	results chan error
}

func newVerifyingServer(t *testing.T, serverNow time.Time) *verifyingServer {
	t.Helper()
	vs := &verifyingServer{results: make(chan error, 1)}
	secrets := func(ak string) (string, bool) { return testSK, ak == testAK }
	vs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err == nil {
			_, err = Verify(r, body, secrets, serverNow, 15*time.Minute)
		}
		vs.results <- err
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(vs.Close)
	return vs
}

// send delivers r with body and returns the server's verification result.
func (vs *verifyingServer) send(t *testing.T, r *http.Request, body []byte) error {
	t.Helper()
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	resp, err := vs.Client().Do(r)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	return <-vs.results
}

func newSignedRequest(t *testing.T, base, method, path string, body []byte) *http.Request {
	t.Helper()
	r, err := http.NewRequest(method, base+path, nil)
	require.NoError(t, err)
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("X-Idempotency-Key", "  key-1 ")
	require.NoError(t, Signer{AK: testAK, SK: testSK}.Sign(r, body, testNow))
	return r
}

func TestRoundTrip_OverRealServer(t *testing.T) {
	paths := []string{
		"/api/mkp-seller/v1/tickets/changes?cursor=&limit=500",
		"/api/mkp-seller/v1/tickets/T%201/actions/accept?a=2&a=1&a=&b",
		"/%E8%AE%A2%E5%8D%95/x?%E5%95%86%E5%93%81=%E4%BA%91+%E5%BA%97&sp=a+b",
		"/a%2Fb/(c)!?q=x%26y%3Dz",
		"",
	}
	vs := newVerifyingServer(t, testNow.Add(2*time.Minute))
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			// given a signed POST to an awkward path
			body := []byte(`{"remark":"已受理 ok"}`)
			r := newSignedRequest(t, vs.URL, http.MethodPost, p, body)

			// when it crosses a real HTTP connection
			err := vs.send(t, r, body)

			// then the server accepts it
			assert.NoError(t, err)
		})
	}
}

func TestRoundTrip_RejectsTampering(t *testing.T) {
	body := []byte(`{"amount":100}`)
	tests := []struct {
		name    string
		tamper  func(r *http.Request) []byte
		wantErr error
	}{
		{"body changed", func(*http.Request) []byte { return []byte(`{"amount":900}`) }, ErrBadSignature},
		{"query changed", func(r *http.Request) []byte { r.URL.RawQuery = "limit=501"; return body }, ErrBadSignature},
		{"query value added", func(r *http.Request) []byte { r.URL.RawQuery += "&x=1"; return body }, ErrBadSignature},
		{"path changed", func(r *http.Request) []byte { r.URL.Path = "/other"; return body }, ErrBadSignature},
		{"signed header changed", func(r *http.Request) []byte { r.Header.Set("X-Idempotency-Key", "key-2"); return body }, ErrBadSignature},
		{"host changed", func(r *http.Request) []byte { r.Host = "evil.example.com"; return body }, ErrBadSignature},
		{"method changed", func(r *http.Request) []byte { r.Method = http.MethodPut; return body }, ErrBadSignature},
		{"date changed", func(r *http.Request) []byte {
			r.Header.Set(HeaderDate, testNow.Add(time.Second).Format(DateFormat))
			return body
		}, ErrBadSignature},
		{"signature removed", func(r *http.Request) []byte { r.Header.Del("Authorization"); return body }, ErrUnsigned},
		{"date removed", func(r *http.Request) []byte { r.Header.Del(HeaderDate); return body }, ErrUnsigned},
		{"unknown key", func(r *http.Request) []byte {
			require.NoError(t, Signer{AK: "OTHERAK", SK: testSK}.Sign(r, body, testNow))
			return body
		}, ErrUnknownKey},
		{"wrong secret", func(r *http.Request) []byte {
			require.NoError(t, Signer{AK: testAK, SK: "not-the-secret"}.Sign(r, body, testNow))
			return body
		}, ErrBadSignature},
		{"host not signed", func(r *http.Request) []byte {
			r.Header.Set("Authorization", "SDK-HMAC-SHA256 Access="+testAK+", SignedHeaders=x-sdk-date, Signature=00")
			return body
		}, ErrBadSignature},
		{"garbage authorization", func(r *http.Request) []byte { r.Header.Set("Authorization", "Bearer x"); return body }, ErrBadSignature},
	}
	vs := newVerifyingServer(t, testNow)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// given a correctly signed request
			r := newSignedRequest(t, vs.URL, http.MethodPost, "/api/x?limit=500", body)

			// when it is altered after signing and sent
			sent := tt.tamper(r)
			err := vs.send(t, r, sent)

			// then the server rejects it with the matching error
			assert.ErrorIs(t, err, tt.wantErr)
		})
	}
}

func TestVerify_StaleDate(t *testing.T) {
	tests := []struct {
		name   string
		offset time.Duration
		want   error
	}{
		{"16 minutes late", 16 * time.Minute, ErrStale},
		{"16 minutes early", -16 * time.Minute, ErrStale},
		{"14 minutes late", 14 * time.Minute, nil},
		{"exactly at skew", 15 * time.Minute, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// given a server whose clock is offset from the signer's
			vs := newVerifyingServer(t, testNow.Add(tt.offset))
			r := newSignedRequest(t, vs.URL, http.MethodGet, "/x", nil)

			// when the request arrives
			err := vs.send(t, r, nil)

			// then only dates within 15 minutes pass
			if tt.want == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, tt.want)
			}
		})
	}
}

func TestSign_RejectsMissingKeysOrHost(t *testing.T) {
	r, err := http.NewRequest(http.MethodGet, "https://h/x", nil)
	require.NoError(t, err)
	assert.Error(t, Signer{AK: "a"}.Sign(r, nil, testNow))
	assert.Error(t, Signer{SK: "b"}.Sign(r, nil, testNow))
	r.URL.Host, r.Host = "", ""
	assert.Error(t, Signer{AK: "a", SK: "b"}.Sign(r, nil, testNow))
}

func BenchmarkSign(b *testing.B) {
	r, err := http.NewRequest(http.MethodGet, "https://mkt.example.com/api/mkp-seller/v1/orders/changes?cursor=abc&limit=500", nil)
	require.NoError(b, err)
	r.Header.Set("Content-Type", "application/json")
	s := Signer{AK: testAK, SK: testSK}
	for b.Loop() {
		if err := s.Sign(r, nil, testNow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	r, err := http.NewRequest(http.MethodGet, "https://mkt.example.com/api/mkp-seller/v1/orders/changes?cursor=abc&limit=500", nil)
	require.NoError(b, err)
	r.Header.Set("Content-Type", "application/json")
	require.NoError(b, Signer{AK: testAK, SK: testSK}.Sign(r, nil, testNow))
	secrets := func(ak string) (string, bool) { return testSK, ak == testAK }
	for b.Loop() {
		if _, err := Verify(r, nil, secrets, testNow, time.Minute); err != nil {
			b.Fatal(err)
		}
	}
}
