package localstore

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/koogallery/merchant-console/domain"
)

// RepairReport says what Repair found and what it carried into the fresh
// cache, in terms a person can check.
type RepairReport struct {
	Path    string
	MovedTo string // where the damaged file now lies ("" when there was none)
	// Problem is why the file could not be used, in plain words ("" when
	// it opened and read back whole: it was moved aside on request).
	Problem string
	// Actions are the outbox entries carried over; Pending of them are
	// still to send. Unreadable entries were seen but could not be read.
	Actions, Pending, Unreadable int
	Notices                      int      // notification-log entries carried (so nothing is notified twice)
	Settings                     []string // the settings carried over, by key (the marketplace account binding among them)

	openErr error
}

func (r *RepairReport) fill(sv salvaged) {
	r.Actions, r.Unreadable, r.Notices = len(sv.actions), sv.unread, len(sv.notices)
	for _, a := range sv.actions {
		if !a.State.Final() {
			r.Pending++
		}
	}
	for k := range sv.settings {
		r.Settings = append(r.Settings, k)
	}
	slices.Sort(r.Settings)
}

// Lines are the report in plain words, one sentence each, for the window
// and the repair command.
func (r RepairReport) Lines() []string {
	var out []string
	if r.Problem != "" {
		out = append(out, fmt.Sprintf("The cache %s was damaged: %s.", r.Path, r.Problem))
	}
	if r.MovedTo != "" {
		out = append(out, fmt.Sprintf("The damaged file was kept as %s; a fresh cache took its place and the next sync fills it again from the marketplace.", r.MovedTo))
	} else {
		out = append(out, "There was no cache file; a fresh one was created.")
	}
	switch {
	case r.Actions > 0:
		out = append(out, fmt.Sprintf("Saved %d queued actions (%d still to send, which the next sync sends; the rest already answered).", r.Actions, r.Pending))
	default:
		out = append(out, "No queued actions were found in the damaged file.")
	}
	if r.Unreadable > 0 {
		out = append(out, fmt.Sprintf("%d queued actions could not be read and are lost; queue them again if they are still needed.", r.Unreadable))
	}
	if r.Notices > 0 {
		out = append(out, fmt.Sprintf("Saved the log of %d notifications, so none is shown twice.", r.Notices))
	}
	if len(r.Settings) > 0 {
		out = append(out, fmt.Sprintf("Kept the account's settings (%d), including which marketplace account the cache belongs to.", len(r.Settings)))
	}
	return out
}

// problemOf is the plain cause inside a corruptErr, for the report.
func problemOf(err error) string {
	if err == nil {
		return ""
	}
	var ce *corruptError
	if errors.As(err, &ce) {
		return ce.cause.Error()
	}
	return err.Error()
}

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
