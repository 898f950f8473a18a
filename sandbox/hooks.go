package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"

	"github.com/koogallery/merchant-console/domain"
)

// Count is the number of live records of a resource in an account; it lets
// tests and the demo window compare with what a client synced.
func (s *Server) Count(account string, res domain.Resource) int { return s.w.Count(account, res) }

// Checksum is sha256 over the sorted "id:version" lines of an account's live
// records of a resource: two sides that agree on it hold the same versions.
func (s *Server) Checksum(account string, res domain.Resource) string {
	return ChecksumOf(s.w.Versions(account, res))
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
	return s.w.Record(account, res, id)
}

// Records returns every live record of a resource in an account, in no
// particular order, for tests that pick a record in a given state.
func (s *Server) Records(account string, res domain.Resource) []domain.Record {
	return s.w.Records(account, res)
}

// Applied is how many actions an account had applied (replays and refusals
// not counted): the outbox tests check that nothing was applied twice.
func (s *Server) Applied(account string) int { return s.w.Applied(account) }

// Seq is an account's current sequence number (its newest version).
func (s *Server) Seq(account string) int64 { return s.w.Seq(account) }
