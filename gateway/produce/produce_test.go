package produce

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestSignSetsMillisecondsANonceAndTheUpperCaseSignature(t *testing.T) {
	// given a body and a moment
	body := []byte(`{"activity":"orderNotify","orderId":"CS1"}`)
	at := time.UnixMilli(1795341300123)
	q := url.Values{"keep": {"me"}}
	// when it is signed as KooGallery signs it
	Sign(q, "key", body, at, "NONCE1")
	// then the query carries ms, the nonce, and the guide's upper-case hex of the rule
	assert.Equal(t, "1795341300123", q.Get("timestamp"))
	assert.Equal(t, "NONCE1", q.Get("nonce"))
	assert.Equal(t, strings.ToUpper(Signature("key", "NONCE1", "1795341300123", body)), q.Get("signature"))
	assert.Equal(t, "me", q.Get("keep"))
}
