package apig

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// FuzzSignVerify: whatever path, query, header value and body a caller signs,
// Verify must accept the unchanged request and reject a changed body.
func FuzzSignVerify(f *testing.F) {
	f.Add("/a b/订单", "k", "v", "x-val", []byte("{}"))
	f.Add("", "", "", "", []byte(nil))
	f.Add("/%2F/./..", "a&b", "c=d", " padded ", []byte("\x00\xff"))
	secrets := func(ak string) (string, bool) { return testSK, ak == testAK }
	f.Fuzz(func(t *testing.T, path, key, value, header string, body []byte) {
		u := &url.URL{Scheme: "https", Host: "mkt.example.com", Path: "/" + path}
		u.RawQuery = url.Values{key: {value}}.Encode()
		r := &http.Request{Method: http.MethodPost, URL: u, Host: u.Host, Header: http.Header{}}
		r.Header.Set("X-Custom", header)
		if err := (Signer{AK: testAK, SK: testSK}).Sign(r, body, testNow); err != nil {
			t.Fatalf("sign: %v", err)
		}
		// The receiver parses what the sender wrote on the wire.
		parsed, err := url.ParseRequestURI(r.URL.RequestURI())
		require.NoError(t, err)
		r.URL = parsed
		_, err = Verify(r, body, secrets, testNow, time.Minute)
		require.NoError(t, err)
		_, err = Verify(r, append(body, 'x'), secrets, testNow, time.Minute)
		require.ErrorIs(t, err, ErrBadSignature)
	})
}

// FuzzVerifyHeaders: arbitrary Authorization and date headers never panic
// and are never accepted, since none carries a valid signature over this body.
func FuzzVerifyHeaders(f *testing.F) {
	f.Add("SDK-HMAC-SHA256 Access=a, SignedHeaders=host, Signature=00", "20260305T083000Z")
	f.Add("SDK-HMAC-SHA256 ,,,", "x")
	f.Add("", "")
	secrets := func(string) (string, bool) { return testSK, true }
	f.Fuzz(func(t *testing.T, auth, date string) {
		r := &http.Request{Method: http.MethodGet, URL: &url.URL{Path: "/x"}, Host: "h", Header: http.Header{}}
		r.Header.Set("Authorization", auth)
		r.Header.Set(HeaderDate, date)
		if _, err := Verify(r, []byte("body"), secrets, testNow, 24*time.Hour); err == nil {
			t.Fatalf("accepted forged Authorization %q date %q", auth, date)
		}
	})
}
