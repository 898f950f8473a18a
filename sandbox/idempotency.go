package sandbox

// storedReply is the answer given to an action with an idempotency key; a
// repeated key gets it back (marked Replayed) and nothing is applied again.
type storedReply struct {
	status int
	body   any // a marketapi.ActionResult or an error envelope
}

// idemKey scopes a key to its account: two accounts may pick the same key.
func idemKey(account, key string) string { return account + "\x00" + key }
