package domain

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// NewActionKey makes an action's idempotency key: 128 random bits, so two
// agents (or two copies of the app) never pick the same one and a resend
// is recognised by the server.
func NewActionKey() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("make idempotency key: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}
