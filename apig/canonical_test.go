package apig

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCanonicalURIAndQuery_OddInputs(t *testing.T) {
	// Expected values are derived by hand from the guide's rules: unreserved
	// bytes (A-Z a-z 0-9 - _ . ~) stay, every other byte becomes %XY in upper
	// case; the URI ends with '/'; keys sort, repeated keys sort by value; a
	// missing value is an empty string after '='.
	tests := []struct {
		name      string
		rawURL    string
		wantURI   string
		wantQuery string
	}{
		{"empty path", "https://h", "/", ""},
		{"root", "https://h/", "/", ""},
		{"trailing slash kept single", "https://h/a/b/", "/a/b/", ""},
		{"repeated keys sorted by value", "https://h/p?b=2&a=z&a=y&a=x", "/p/", "a=x&a=y&a=z&b=2"},
		{"empty values keep '='", "https://h/p?flag&empty=&x=1", "/p/", "empty=&flag=&x=1"},
		{"space in query (both encodings)", "https://h/p?q=a+b&r=c%20d", "/p/", "q=a%20b&r=c%20d"},
		{"unicode key and value", "https://h/p?%E5%95%86%E5%93%81=%E4%BA%91", "/p/", "%E5%95%86%E5%93%81=%E4%BA%91"},
		{"reserved chars in value", "https://h/p?k=a%2Fb%3Dc%26d*", "/p/", "k=a%2Fb%3Dc%26d%2A"},
		{"unreserved untouched", "https://h/p?k=A-z_0.9~", "/p/", "k=A-z_0.9~"},
		{"space in path", "https://h/a%20b/c", "/a%20b/c/", ""},
		{"unicode path", "https://h/%E8%AE%A2%E5%8D%95/1", "/%E8%AE%A2%E5%8D%95/1/", ""},
		{"sub-delims in path are encoded", "https://h/a!b/(c)", "/a%21b/%28c%29/", ""},
		{"encoded slash stays in its segment", "https://h/a%2Fb/c", "/a%2Fb/c/", ""},
		{"lower-case escape normalised", "https://h/a%c3%a9", "/a%C3%A9/", ""},
		{"unicode keys sort by code point", "https://h/p?%C3%A9=1&z=2&A=3", "/p/", "A=3&z=2&%C3%A9=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// given a request for the URL
			r, err := http.NewRequest(http.MethodGet, tt.rawURL, nil)
			require.NoError(t, err)

			// when its canonical request is built
			lines := strings.Split(CanonicalRequest(r, nil), "\n")

			// then URI and query lines are as derived above
			assert.Equal(t, tt.wantURI, lines[1])
			assert.Equal(t, tt.wantQuery, lines[2])
		})
	}
}

func TestCanonicalRequest_HeadersAndBody(t *testing.T) {
	// given a POST with mixed-case, padded and repeated headers
	body := []byte(`{"a":1}`)
	r, err := http.NewRequest(http.MethodPost, "https://Mkt.Example.com:8443/x", nil)
	require.NoError(t, err)
	r.Header.Set("Content-Type", "  application/json  ")
	r.Header.Add("X-Multi", "b")
	r.Header.Add("X-Multi", "a")
	r.Header.Set("Content-Length", "7")

	// when the canonical request is built
	got := CanonicalRequest(r, body)

	// then names are lower-cased and sorted, values trimmed and sorted, host
	// (with port) is included, Content-Length is left out, and the last line
	// is the hex SHA-256 of the body. That hash is computed by hand:
	// sha256(`{"a":1}`) = 015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862.
	want := "POST\n/x/\n\n" +
		"content-type:application/json\n" +
		"host:Mkt.Example.com:8443\n" +
		"x-multi:a\n" +
		"x-multi:b\n" +
		"\n" +
		"content-type;host;x-multi\n" +
		"015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"
	assert.Equal(t, want, got)
}
