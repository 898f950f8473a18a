package localstore

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"

	"github.com/koogallery/merchant-console/domain"
)

// scanRaw finds JSON objects beginning {"key": in the file's bytes and keeps
// those that parse as outbox entries or notices.
func scanRaw(raw []byte) (actions []domain.Action, notices []Notice) {
	marker := []byte(`{"key":"`)
	for i := 0; ; {
		j := bytes.Index(raw[i:], marker)
		if j < 0 {
			return actions, notices
		}
		start := i + j
		i = start + len(marker)
		var msg json.RawMessage
		if json.NewDecoder(bytes.NewReader(raw[start:])).Decode(&msg) != nil {
			continue
		}
		var a domain.Action
		if json.Unmarshal(msg, &a) == nil && a.Seq > 0 && a.Name != "" && a.RecordID != "" {
			actions = append(actions, a)
			continue
		}
		var n Notice
		if json.Unmarshal(msg, &n) == nil && n.Title != "" {
			notices = append(notices, n)
		}
	}
}

// mergeActions dedupes by Key. bbolt's copy wins; among raw copies (a freed
// page may hold an older one) the most advanced wins: a final state, then
// more attempts. Sending an entry twice is harmless: its key makes the
// server apply it once.
func mergeActions(account string, fromBolt, fromRaw []domain.Action) []domain.Action {
	byKey := map[string]domain.Action{}
	trusted := map[string]bool{}
	for _, a := range fromBolt {
		byKey[a.Key], trusted[a.Key] = a, true
	}
	for _, a := range fromRaw {
		old, seen := byKey[a.Key]
		if trusted[a.Key] || (seen && !moreAdvanced(a, old)) {
			continue
		}
		byKey[a.Key] = a
	}
	var out []domain.Action
	for _, a := range byKey {
		if a.Account == "" || a.Account == account {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b domain.Action) int {
		if c := cmp.Compare(a.Seq, b.Seq); c != 0 {
			return c
		}
		return a.CreatedAt.Compare(b.CreatedAt)
	})
	return out
}

func moreAdvanced(a, b domain.Action) bool {
	if a.State.Final() != b.State.Final() {
		return a.State.Final()
	}
	return a.Attempts > b.Attempts
}

func mergeNotices(account string, fromBolt, fromRaw []Notice) []Notice {
	byKey := map[string]Notice{}
	for _, n := range fromRaw {
		if old, ok := byKey[n.Key]; !ok || n.Read && !old.Read {
			byKey[n.Key] = n
		}
	}
	for _, n := range fromBolt {
		byKey[n.Key] = n
	}
	var out []Notice
	for _, n := range byKey {
		if n.Account == "" || n.Account == account {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b Notice) int { return a.At.Compare(b.At) })
	return out
}
