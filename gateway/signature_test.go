package gateway

import (
	"strings"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/gateway/produce"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The vector was computed by hand with openssl, not with this package:
//
//	KEY='k3y-DEMO-0001'; NONCE='6F1C2A0B9E8D7C65'; TS='1795341300000'
//	BODY='{"activity":"newInstance",...}'   (vectorBody below)
//	BH=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$KEY" | awk '{print $2}')
//	printf '%s' "$KEY$NONCE$TS$BH" | openssl dgst -sha256 -hmac "$KEY"
const (
	vectorNonce     = "6F1C2A0B9E8D7C65"
	vectorTimestamp = "1795341300000"
	vectorBody      = `{"activity":"newInstance","orderId":"CS2611221015ABCDE","orderLineId":"CS2611221015ABCDE-000001","businessId":"b-0001","testFlag":"0"}`
	vectorSignature = "9475d7ee062a5cb16aa2eee7993af88344b0058e823f08844695decc047ffb6a"
)

var vectorTime = time.UnixMilli(1795341300000)

func TestSignatureMatchesTheHandComputedVector(t *testing.T) {
	assert.Equal(t, vectorSignature, produce.Signature(testKey, vectorNonce, vectorTimestamp, []byte(vectorBody)))
}

func TestVerifyAcceptsUpperCaseHexAsTheGuideShowsIt(t *testing.T) {
	// given the vector's signature in upper case, as the guide's examples write it
	n := NewNonces()
	// when it is verified at the call's own time
	err := n.Verify(testKey, []byte(vectorBody), strings.ToUpper(vectorSignature), vectorTimestamp, vectorNonce, vectorTime)
	// then it passes
	require.NoError(t, err)
}

func TestVerifyRefuses(t *testing.T) {
	body := []byte(vectorBody)
	cases := map[string]struct {
		key, sig, ts, nonce string
		body                []byte
		now                 time.Time
		want                error
	}{
		"a wrong key":                   {"other-key", vectorSignature, vectorTimestamp, vectorNonce, body, vectorTime, ErrBadSignature},
		"a changed body":                {testKey, vectorSignature, vectorTimestamp, vectorNonce, []byte(strings.Replace(vectorBody, "b-0001", "b-0002", 1)), vectorTime, ErrBadSignature},
		"another nonce":                 {testKey, vectorSignature, vectorTimestamp, "6F1C2A0B9E8D7C66", body, vectorTime, ErrBadSignature},
		"a timestamp 61 s old":          {testKey, vectorSignature, vectorTimestamp, vectorNonce, body, vectorTime.Add(61 * time.Second), ErrStaleTimestamp},
		"a timestamp 61 s ahead":        {testKey, vectorSignature, vectorTimestamp, vectorNonce, body, vectorTime.Add(-61 * time.Second), ErrStaleTimestamp},
		"a timestamp in seconds":        {testKey, vectorSignature, "1795341300", vectorNonce, body, vectorTime, ErrStaleTimestamp},
		"a timestamp that is no number": {testKey, vectorSignature, "soon", vectorNonce, body, vectorTime, ErrBadTimestamp},
		"no signature":                  {testKey, "", vectorTimestamp, vectorNonce, body, vectorTime, ErrMissingSignature},
		"no nonce":                      {testKey, vectorSignature, vectorTimestamp, "", body, vectorTime, ErrMissingSignature},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := NewNonces().Verify(c.key, c.body, c.sig, c.ts, c.nonce, c.now)
			assert.ErrorIs(t, err, c.want)
		})
	}
}

func TestVerifyAcceptsTheEdgesOfTheWindow(t *testing.T) {
	for _, off := range []time.Duration{-60 * time.Second, 60 * time.Second} {
		err := NewNonces().Verify(testKey, []byte(vectorBody), vectorSignature, vectorTimestamp, vectorNonce, vectorTime.Add(off))
		assert.NoError(t, err, "offset %s", off)
	}
}

func TestVerifyRefusesAReplayedNonceWithinTheWindow(t *testing.T) {
	// given a call accepted once
	n := NewNonces()
	require.NoError(t, n.Verify(testKey, []byte(vectorBody), vectorSignature, vectorTimestamp, vectorNonce, vectorTime))
	// when the very same call comes again 59 s later
	err := n.Verify(testKey, []byte(vectorBody), vectorSignature, vectorTimestamp, vectorNonce, vectorTime.Add(59*time.Second))
	// then it is a replay
	assert.ErrorIs(t, err, ErrReplayedNonce)
}

func TestAForgedCallDoesNotBurnARealNonce(t *testing.T) {
	// given a forged call that reuses the nonce of a real one still to come
	n := NewNonces()
	require.ErrorIs(t, n.Verify(testKey, []byte(vectorBody), strings.Repeat("0", 64), vectorTimestamp, vectorNonce, vectorTime), ErrBadSignature)
	// when the real call arrives
	err := n.Verify(testKey, []byte(vectorBody), vectorSignature, vectorTimestamp, vectorNonce, vectorTime)
	// then it is accepted
	assert.NoError(t, err)
}
