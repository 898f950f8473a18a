package e2e

import (
	"sync"

	"github.com/koogallery/merchant-console/notify"
)

// collector is the in-app notification centre: it keeps what the notify
// engine delivers so the steps can count it.
type collector struct {
	mu   sync.Mutex
	seen []notify.Notification
}

func (c *collector) deliver(n notify.Notification) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen = append(c.seen, n)
}

// peek returns what was delivered since the last take, keeping it.
func (c *collector) peek() []notify.Notification {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]notify.Notification(nil), c.seen...)
}

// take returns what was delivered since the last take and forgets it.
func (c *collector) take() []notify.Notification {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.seen
	c.seen = nil
	return out
}

// ofKind keeps the notifications of one rule, and of one record when id is
// not empty (a coalesced one counts when it covers id).
func ofKind(ns []notify.Notification, kind notify.Kind, id string) []notify.Notification {
	var out []notify.Notification
	for _, n := range ns {
		if n.Kind != kind {
			continue
		}
		if id == "" || n.RecordID == id || containsString(n.RecordIDs, id) {
			out = append(out, n)
		}
	}
	return out
}

func containsString(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
