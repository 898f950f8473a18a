package world

import (
	"math/rand/v2"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// book is one account's share of the world. A sub-account has its own
// book holding the records of its delegated products: the marketplace routes
// those products' orders, tickets and supervision to it, and the main
// account's book never holds them, so no record is served to two accounts.
type book struct {
	acct     *account
	seq      int64
	tables   map[domain.Resource]*table
	idem     map[string]storedReply
	applied  int    // actions applied (not replayed, not refused)
	billed   string // the last month billed, "2006-01"
	warned   map[string]bool
	arrivals float64 // fractional orders due
	tickets  float64 // fractional tickets due
	gen      *generator
}

func newBook(a *account) *book {
	b := &book{acct: a, tables: map[domain.Resource]*table{}, idem: map[string]storedReply{}, warned: map[string]bool{}}
	for _, r := range domain.AllResources {
		b.tables[r] = newTable()
	}
	return b
}

// touch stamps a record's Meta with the account's next version.
func (b *book) touch(m *domain.Meta, now time.Time) {
	b.seq++
	m.Version = b.seq
	m.UpdatedAt = now
	m.Account = b.acct.ID
}

func (b *book) put(r domain.Record) { b.tables[r.Resource()].put(r) }

// removeRecord tombstones a record with the next version.
func (b *book) removeRecord(res domain.Resource, id string) {
	if _, ok := b.tables[res].live[id]; !ok {
		return
	}
	b.seq++
	b.tables[res].remove(id, b.seq)
}

// get returns a live record of type T.
func get[T domain.Record](b *book, res domain.Resource, id string) (T, bool) {
	r, ok := b.tables[res].live[id]
	if !ok {
		var zero T
		return zero, false
	}
	t, ok := r.(T)
	return t, ok
}

// World is everything the sandbox marketplace knows, behind one mutex:
// every account's records, the simulation's random source and rates, and
// when it last stepped.
type World struct {
	mu       sync.Mutex
	books    map[string]*book
	order    []string // account IDs in a stable order
	byAK     map[string]*account
	rng      *rand.Rand
	rngSrc   *rand.PCG // rng's source, kept so a saved world resumes its sequence
	rates    Rates
	arrivals bool
	lastStep time.Time
}

// SecretFor finds a secret key by access key, for signature checks;
// accounts never change, so no lock is taken.
func (w *World) SecretFor(ak string) (string, bool) {
	a, ok := w.byAK[ak]
	if !ok {
		return "", false
	}
	return a.SK, true
}
