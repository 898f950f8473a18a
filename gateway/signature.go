package gateway

import (
	"crypto/hmac"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/gateway/produce"
)

// MaxClockSkew is how far a call's timestamp may be from the gateway's clock.
const MaxClockSkew = 60 * time.Second

// Errors of Verify, each one reason a call is refused with 000001.
var (
	ErrMissingSignature = errors.New("signature, timestamp or nonce missing")
	ErrBadTimestamp     = errors.New("timestamp is not milliseconds since 1970")
	ErrStaleTimestamp   = errors.New("timestamp more than 60 s from the gateway's clock")
	ErrBadSignature     = errors.New("signature does not match the body")
	ErrReplayedNonce    = errors.New("nonce already used within the window")
)

// Verify checks one call as the SaaS access guide V2.0 requires ("HTTP
// Body Signature", the rule in produce.Signature): the signature over body (case-insensitive, in
// constant time), the timestamp (ms) within MaxClockSkew of now, and the
// nonce never seen within the window. A nonce is remembered only once the
// signature is good, so forged calls cannot burn real nonces.
func (n *Nonces) Verify(key string, body []byte, signature, timestamp, nonce string, now time.Time) error {
	if signature == "" || timestamp == "" || nonce == "" {
		return ErrMissingSignature
	}
	ms, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: %q", ErrBadTimestamp, timestamp)
	}
	if skew := now.Sub(time.UnixMilli(ms)); skew > MaxClockSkew || skew < -MaxClockSkew {
		return fmt.Errorf("%w (off by %s)", ErrStaleTimestamp, skew.Round(time.Second))
	}
	want := produce.Signature(key, nonce, timestamp, body)
	if !hmac.Equal([]byte(want), []byte(strings.ToLower(signature))) {
		return ErrBadSignature
	}
	if !n.claim(nonce, now) {
		return ErrReplayedNonce
	}
	return nil
}

// Nonces remembers the nonces of accepted calls for twice the skew window:
// a call older than that is refused by its timestamp anyway.
type Nonces struct {
	mu     sync.Mutex
	seen   map[string]time.Time
	pruned time.Time
}

// NewNonces returns an empty nonce memory.
func NewNonces() *Nonces { return &Nonces{seen: map[string]time.Time{}} }

func (n *Nonces) claim(nonce string, now time.Time) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if now.Sub(n.pruned) > MaxClockSkew {
		for k, at := range n.seen {
			if now.Sub(at) > 2*MaxClockSkew {
				delete(n.seen, k)
			}
		}
		n.pruned = now
	}
	if at, ok := n.seen[nonce]; ok && now.Sub(at) <= 2*MaxClockSkew {
		return false
	}
	n.seen[nonce] = now
	return true
}
