package apig

import (
	"crypto/hmac"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// Errors returned by Verify; test with errors.Is. Each maps to one answer of
// the server (see the marketplace's MKT.015x codes).
var (
	// ErrUnsigned: no Authorization or no X-Sdk-Date header.
	ErrUnsigned = errors.New("apig: request is not signed")
	// ErrBadSignature: malformed Authorization/date or signature mismatch.
	ErrBadSignature = errors.New("apig: signature does not match")
	// ErrStale: X-Sdk-Date is further from now than the allowed skew.
	ErrStale = errors.New("apig: request date outside the allowed skew")
	// ErrUnknownKey: the access key is not known to the server.
	ErrUnknownKey = errors.New("apig: unknown access key")
)

// authorization is a parsed Authorization header.
type authorization struct {
	access        string
	signedHeaders []string
	signature     string
}

// parseAuthorization splits "SDK-HMAC-SHA256 Access=..., SignedHeaders=...,
// Signature=..." into its parts; the order of the three fields is free.
func parseAuthorization(v string) (authorization, error) {
	var a authorization
	rest, ok := strings.CutPrefix(v, Algorithm+" ")
	if !ok {
		return a, fmt.Errorf("%w: Authorization does not start with %q", ErrBadSignature, Algorithm)
	}
	for _, part := range strings.Split(rest, ",") {
		key, val, found := strings.Cut(strings.TrimSpace(part), "=")
		if !found {
			return a, fmt.Errorf("%w: Authorization field %q has no '='", ErrBadSignature, part)
		}
		switch key {
		case "Access":
			a.access = val
		case "SignedHeaders":
			a.signedHeaders = strings.Split(val, ";")
		case "Signature":
			a.signature = val
		default:
			return a, fmt.Errorf("%w: unknown Authorization field %q", ErrBadSignature, key)
		}
	}
	if a.access == "" || a.signature == "" || len(a.signedHeaders) == 0 {
		return a, fmt.Errorf("%w: Authorization lacks Access, SignedHeaders or Signature", ErrBadSignature)
	}
	return a, checkSignedHeaders(a.signedHeaders)
}

// checkSignedHeaders insists on a sorted, lower-case, duplicate-free list that
// covers host, so a signature cannot be replayed against another host.
func checkSignedHeaders(names []string) error {
	if !sort.StringsAreSorted(names) {
		return fmt.Errorf("%w: SignedHeaders not sorted", ErrBadSignature)
	}
	hasHost := false
	for i, n := range names {
		if n == "" || n != strings.ToLower(n) || (i > 0 && names[i-1] == n) {
			return fmt.Errorf("%w: bad SignedHeaders entry %q", ErrBadSignature, n)
		}
		hasHost = hasHost || n == "host"
	}
	if !hasHost {
		return fmt.Errorf("%w: SignedHeaders must include host", ErrBadSignature)
	}
	return nil
}

// Verify checks the SDK-HMAC-SHA256 signature of a received request whose
// body has already been read into body. secretFor maps an access key to its
// secret. It returns the access key on success. Checks run cheapest first:
// presence, format, date skew, key lookup, then the constant-time comparison.
func Verify(r *http.Request, body []byte, secretFor func(ak string) (sk string, ok bool), now time.Time, maxSkew time.Duration) (string, error) {
	header := r.Header.Get("Authorization")
	dateValue := r.Header.Get(HeaderDate)
	if header == "" || dateValue == "" {
		return "", ErrUnsigned
	}
	auth, err := parseAuthorization(header)
	if err != nil {
		return "", err
	}
	date, err := time.Parse(DateFormat, dateValue)
	if err != nil {
		return "", fmt.Errorf("%w: %s %q is not %s", ErrBadSignature, HeaderDate, dateValue, DateFormat)
	}
	if skew := now.Sub(date); skew > maxSkew || skew < -maxSkew {
		return "", fmt.Errorf("%w: %s is %s, server time %s", ErrStale, HeaderDate, dateValue, now.UTC().Format(DateFormat))
	}
	sk, ok := secretFor(auth.access)
	if !ok {
		return "", ErrUnknownKey
	}
	want := signature(sk, StringToSign(buildCanonical(r, body, auth.signedHeaders), dateValue))
	if !hmac.Equal([]byte(want), []byte(strings.ToLower(auth.signature))) {
		return "", ErrBadSignature
	}
	return auth.access, nil
}
