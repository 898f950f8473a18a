package localstore

import (
	"errors"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

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

// Verify reads the whole open cache: every bucket and key (a damaged page
// makes bbolt panic, caught as ErrCorrupt) and every record and outbox
// entry through its decoder. It is slower than Open (a full read) and is
// meant for the repair command and a check after Open, not every start.
func (s *Store) Verify() error {
	var problems []string
	err := s.view(func(tx *bolt.Tx) error {
		for _, res := range domain.AllResources {
			c, _ := codecFor(res)
			_ = tx.Bucket(resBucketName(string(res))).Bucket(subRec).ForEach(func(k, v []byte) error {
				if _, err := c.decode(v); err != nil {
					problems = append(problems, fmt.Sprintf("%s %s does not decode (%v)", res, Quote(string(k)), err))
				}
				return nil
			})
		}
		_ = tx.Bucket(bktOutbox).Bucket(obSeq).ForEach(func(k, v []byte) error {
			if _, err := loadAction(tx.Bucket(bktOutbox), k); err != nil {
				problems = append(problems, fmt.Sprintf("queued action #%d does not decode", u64(k)))
			}
			return nil
		})
		return walkAll(tx)
	})
	if err != nil {
		return err
	}
	for _, res := range domain.AllResources {
		if len(problems) == 0 {
			if err := s.CheckIndexes(res); err != nil {
				problems = append(problems, err.Error())
			}
		}
	}
	if len(problems) > 0 {
		more := ""
		if len(problems) > 3 {
			more = fmt.Sprintf(" and %d more", len(problems)-3)
			problems = problems[:3]
		}
		return corruptErr(s.path, fmt.Errorf("%d damaged entries: %v%s", len(problems), problems, more))
	}
	return nil
}

// walkAll touches every key of every bucket, nested ones included.
func walkAll(tx *bolt.Tx) error {
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				if sub := b.Bucket(k); sub != nil {
					return walk(sub)
				}
			}
			return nil
		})
	}
	return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walk(b) })
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
