// Package quickreply holds the agents' quick replies (快捷短语, macros): a
// personal set each agent edits, shared sets a team distributes as JSON
// files, and example sets shipped in Chinese and English. A reply's text
// may carry variables ({customer}, {order}, {product}, {agent}) filled in
// from the ticket and the agent's name when it is inserted. The package
// knows nothing of windows; package service exposes it to the console.
package quickreply

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
)

// Reply is one quick reply.
type Reply struct {
	ID       string `json:"id,omitempty"`
	Title    string `json:"title"`
	Category string `json:"category,omitempty"`
	Text     string `json:"text"`
}

// Scope says which set a reply comes from.
type Scope string

// Scopes, in the order the console lists them.
const (
	ScopePersonal Scope = "personal" // the agent's own, editable
	ScopeShared   Scope = "shared"   // a team's file, read-only here
	ScopeExample  Scope = "example"  // shipped with the console, read-only
)

// Entry is a reply as listed: with where it comes from.
type Entry struct {
	Reply
	Scope  Scope  `json:"scope"`
	Source string `json:"source,omitempty"` // shared: the file's name; example: its language
}

// Editable reports whether the console may change or delete the entry.
func (e Entry) Editable() bool { return e.Scope == ScopePersonal }

// identity is what makes two replies the same one: the category and title,
// without case or surrounding spaces.
func (r Reply) identity() string {
	return strings.ToLower(strings.TrimSpace(r.Category)) + "\x00" + strings.ToLower(strings.TrimSpace(r.Title))
}

// newID is a fresh reply ID.
func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand does not fail on supported platforms
	return hex.EncodeToString(b[:])
}
