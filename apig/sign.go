package apig

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

const (
	// Algorithm is the scheme name in the Authorization header and the first
	// line of the string to sign.
	Algorithm = "SDK-HMAC-SHA256"
	// HeaderDate is the request-time header the signature covers.
	HeaderDate = "X-Sdk-Date"
	// DateFormat is the layout of HeaderDate (UTC, YYYYMMDDTHHMMSSZ).
	DateFormat = "20060102T150405Z"
)

// Signer signs requests with one access key (AK) and its secret key (SK).
type Signer struct {
	AK string
	SK string
}

// Sign sets X-Sdk-Date to now and Authorization to the signature of r and
// body. body must be exactly the bytes that will be sent (nil for none); Sign
// does not read r.Body. It signs every header r carries at this point plus
// host, and rewrites r.URL.RawQuery into its canonical form so the server
// parses exactly the parameters that were signed.
func (s Signer) Sign(r *http.Request, body []byte, now time.Time) error {
	if s.AK == "" || s.SK == "" {
		return errors.New("apig: sign: access key and secret key must both be set")
	}
	if r == nil || r.URL == nil {
		return errors.New("apig: sign: request has no URL")
	}
	if requestHost(r) == "" {
		return errors.New("apig: sign: request has no host")
	}
	r.Header.Del("Authorization")
	date := now.UTC().Format(DateFormat)
	r.Header.Set(HeaderDate, date)
	r.URL.RawQuery = canonicalQuery(r.URL.Query())

	signed := defaultSignedHeaders(r)
	sig := signature(s.SK, StringToSign(buildCanonical(r, body, signed), date))
	r.Header.Set("Authorization", authorizationValue(s.AK, signed, sig))
	return nil
}

// signature is hex(HMAC-SHA256(sk, stringToSign)).
func signature(sk, stringToSign string) string {
	mac := hmac.New(sha256.New, []byte(sk))
	mac.Write([]byte(stringToSign))
	return hex.EncodeToString(mac.Sum(nil))
}

// authorizationValue formats the Authorization header value.
func authorizationValue(ak string, signed []string, sig string) string {
	return fmt.Sprintf("%s Access=%s, SignedHeaders=%s, Signature=%s",
		Algorithm, ak, strings.Join(signed, ";"), sig)
}
