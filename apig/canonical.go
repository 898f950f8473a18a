package apig

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// unreserved reports whether c is an RFC 3986 unreserved character, the only
// bytes the signing guide leaves unencoded.
func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

// escape percent-encodes every byte of s that is not unreserved, with
// upper-case hex digits as the guide requires (space becomes %20, never '+').
func escape(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) * 3)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&0x0f])
	}
	return b.String()
}

// canonicalURI encodes each path segment and appends the trailing '/' the
// guide demands. It starts from the escaped path and decodes each segment
// itself, so an encoded '/' inside a segment (%2F) stays part of that segment
// and the sender's choice of which characters to escape does not matter.
func canonicalURI(u *url.URL) string {
	segments := strings.Split(u.EscapedPath(), "/")
	for i, seg := range segments {
		if raw, err := url.PathUnescape(seg); err == nil {
			seg = raw
		}
		segments[i] = escape(seg)
	}
	p := strings.Join(segments, "/")
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// canonicalQuery sorts parameters by key and, for a repeated key, by value,
// then encodes both. Sorting happens on the decoded strings, as Huawei's
// published signers do. A key without '=' counts as an empty value.
func canonicalQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(q))
	for _, k := range keys {
		values := append([]string(nil), q[k]...)
		sort.Strings(values)
		for _, v := range values {
			parts = append(parts, escape(k)+"="+escape(v))
		}
	}
	return strings.Join(parts, "&")
}

// requestHost is the host the request is (or was) addressed to: r.Host wins,
// as it does when Go's client writes the Host header and when its server
// reports the received one.
func requestHost(r *http.Request) string {
	if r.Host != "" {
		return r.Host
	}
	if r.URL != nil {
		return r.URL.Host
	}
	return ""
}

// canonicalHeaders renders one "name:value" line per value of every signed
// header, values sorted and trimmed, each line ending in a newline. Go keeps
// the Host header out of r.Header, so "host" is read from the request itself.
func canonicalHeaders(r *http.Request, signed []string) string {
	lower := make(map[string][]string, len(r.Header))
	for k, v := range r.Header {
		lk := strings.ToLower(k)
		lower[lk] = append(lower[lk], v...)
	}
	var b strings.Builder
	for _, name := range signed {
		values := lower[name]
		if name == "host" {
			values = []string{requestHost(r)}
		}
		values = append([]string(nil), values...)
		sort.Strings(values)
		for _, v := range values {
			b.WriteString(name)
			b.WriteByte(':')
			b.WriteString(strings.TrimSpace(v))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// unsignedHeaders are never signed: Authorization carries the signature, and
// the others are rewritten or dropped by HTTP transports and proxies.
var unsignedHeaders = map[string]bool{
	"authorization":     true,
	"content-length":    true,
	"transfer-encoding": true,
	"connection":        true,
}

// defaultSignedHeaders lists every header the request carries plus "host",
// lower-cased, sorted and without duplicates.
func defaultSignedHeaders(r *http.Request) []string {
	seen := map[string]bool{"host": true}
	names := []string{"host"}
	for k := range r.Header {
		lk := strings.ToLower(k)
		if seen[lk] || unsignedHeaders[lk] {
			continue
		}
		seen[lk] = true
		names = append(names, lk)
	}
	sort.Strings(names)
	return names
}

// hashHex is the lower-case hex SHA-256 of b.
func hashHex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// buildCanonical assembles the canonical request for the given signed headers.
func buildCanonical(r *http.Request, body []byte, signed []string) string {
	return strings.Join([]string{
		r.Method,
		canonicalURI(r.URL),
		canonicalQuery(r.URL.Query()),
		canonicalHeaders(r, signed),
		strings.Join(signed, ";"),
		hashHex(body),
	}, "\n")
}

// CanonicalRequest returns the canonical request string for r and body, for
// debugging output. When r already carries an SDK-HMAC-SHA256 Authorization
// header, the headers it names are used (so the result is what was signed);
// otherwise the headers Sign would choose.
func CanonicalRequest(r *http.Request, body []byte) string {
	signed := defaultSignedHeaders(r)
	if auth, err := parseAuthorization(r.Header.Get("Authorization")); err == nil {
		signed = auth.signedHeaders
	}
	return buildCanonical(r, body, signed)
}

// StringToSign returns the string the HMAC is computed over, for a canonical
// request and an X-Sdk-Date value.
func StringToSign(canonicalRequest, sdkDate string) string {
	return Algorithm + "\n" + sdkDate + "\n" + hashHex([]byte(canonicalRequest))
}
