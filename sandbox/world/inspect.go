package world

import (
	"strconv"

	"github.com/koogallery/merchant-console/domain"
)

// Count is the number of live records of a resource in an account; it lets
// tests and the demo window compare with what a client synced.
func (w *World) Count(account string, res domain.Resource) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.books[account]
	if b == nil {
		return 0
	}
	return len(b.tables[res].live)
}

// Versions are the "id:version" lines of an account's live records of a
// resource, in no particular order: what the sandbox's checksum hashes.
func (w *World) Versions(account string, res domain.Resource) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.books[account]
	if b == nil {
		return nil
	}
	lines := make([]string, 0, len(b.tables[res].live))
	for id, r := range b.tables[res].live {
		lines = append(lines, id+":"+strconv.FormatInt(r.RecordMeta().Version, 10))
	}
	return lines
}

// Record returns a live record as the world holds it.
func (w *World) Record(account string, res domain.Resource, id string) (domain.Record, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.books[account]
	if b == nil {
		return nil, false
	}
	r, ok := b.tables[res].live[id]
	return r, ok
}

// Records returns every live record of a resource in an account, in no
// particular order, for tests that pick a record in a given state.
func (w *World) Records(account string, res domain.Resource) []domain.Record {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.books[account]
	if b == nil {
		return nil
	}
	out := make([]domain.Record, 0, len(b.tables[res].live))
	for _, r := range b.tables[res].live {
		out = append(out, r)
	}
	return out
}

// Applied is how many actions an account had applied (replays and refusals
// not counted): the outbox tests check that nothing was applied twice.
func (w *World) Applied(account string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	if b := w.books[account]; b != nil {
		return b.applied
	}
	return 0
}

// Seq is an account's current sequence number (its newest version).
func (w *World) Seq(account string) int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	if b := w.books[account]; b != nil {
		return b.seq
	}
	return 0
}

// Accounts lists the accounts with their sandbox credentials, in a stable
// order.
func (w *World) Accounts() []AccountCred {
	out := make([]AccountCred, 0, len(w.order))
	for _, id := range w.order {
		out = append(out, w.books[id].acct.AccountCred)
	}
	return out
}

// Account is the account with the given ID; accounts never change, so no
// lock is taken.
func (w *World) Account(id string) (AccountCred, bool) {
	b := w.books[id]
	if b == nil {
		return AccountCred{}, false
	}
	return b.acct.AccountCred, true
}

// AccountFor is the ID of the account with access key ak, "" if none.
func (w *World) AccountFor(ak string) string {
	if a, ok := w.byAK[ak]; ok {
		return a.ID
	}
	return ""
}

// Page is one page of an account's changes to a resource.
type Page struct {
	Items   []domain.Record
	Removed []domain.Tombstone
	Last    int64 // the version of the last change on the page
	More    bool  // more changes follow Last
	Seq     int64 // the account's sequence (newest version) when read
	Total   int   // live records of the resource
}

// Changes reads up to limit changes of an account's resource, in version
// order, after the version from gives. from runs under the world's lock
// with the account's current sequence, so it can refuse a cursor from the
// future; its error is returned as is.
func (w *World) Changes(account string, res domain.Resource, limit int, from func(seq int64) (int64, error)) (Page, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.books[account]
	after, err := from(b.seq)
	if err != nil {
		return Page{}, err
	}
	t := b.tables[res]
	p := Page{Seq: b.seq, Total: len(t.live)}
	p.Items, p.Removed, p.Last, p.More = t.since(after, limit)
	return p, nil
}
