package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"

	"github.com/koogallery/merchant-console/domain"
)

// Count is the number of live records of a resource in an account; it lets
// tests and the demo window compare with what a client synced.
func (s *Server) Count(account string, res domain.Resource) int {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	b := s.w.books[account]
	if b == nil {
		return 0
	}
	return len(b.tables[res].live)
}

// Checksum is sha256 over the sorted "id:version" lines of an account's live
// records of a resource: two sides that agree on it hold the same versions.
func (s *Server) Checksum(account string, res domain.Resource) string {
	s.w.mu.Lock()
	b := s.w.books[account]
	var lines []string
	if b != nil {
		lines = make([]string, 0, len(b.tables[res].live))
		for id, r := range b.tables[res].live {
			lines = append(lines, id+":"+strconv.FormatInt(r.RecordMeta().Version, 10))
		}
	}
	s.w.mu.Unlock()
	return ChecksumOf(lines)
}

// ChecksumOf computes the checksum of "id:version" lines (in any order), so
// a client can compute the same figure from its own copy.
func ChecksumOf(lines []string) string {
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Record returns a live record as the sandbox holds it, for tests.
func (s *Server) Record(account string, res domain.Resource, id string) (domain.Record, bool) {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	b := s.w.books[account]
	if b == nil {
		return nil, false
	}
	r, ok := b.tables[res].live[id]
	return r, ok
}

// Records returns every live record of a resource in an account, in no
// particular order, for tests that pick a record in a given state.
func (s *Server) Records(account string, res domain.Resource) []domain.Record {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	b := s.w.books[account]
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
func (s *Server) Applied(account string) int {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	if b := s.w.books[account]; b != nil {
		return b.applied
	}
	return 0
}

// Seq is an account's current sequence number (its newest version).
func (s *Server) Seq(account string) int64 {
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	if b := s.w.books[account]; b != nil {
		return b.seq
	}
	return 0
}
