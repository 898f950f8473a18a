package localstore

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// DamagedAction is an outbox entry that no longer decodes (a damaged page,
// a flipped byte). It is quarantined: never sent, never blocking the other
// entries, and listed so the person can queue the action again.
type DamagedAction struct {
	Seq    uint64    `json:"seq"`
	Reason string    `json:"reason"`
	Raw    string    `json:"raw,omitempty"` // the start of the stored bytes, for support
	At     time.Time `json:"at"`            // when it was quarantined
}

// String is the line a person reads.
func (d DamagedAction) String() string {
	return fmt.Sprintf("queued action #%d is damaged and was not sent (%s); queue it again if it is still needed", d.Seq, d.Reason)
}

func damagedAction(seq, raw []byte, cause error) DamagedAction {
	return DamagedAction{Seq: u64(seq), Reason: Quote(cause.Error()), Raw: quoteN(string(raw), maxRawKept), At: time.Now().UTC()}
}

// quarantine takes damaged entries off the open list and records them.
func (s *Store) quarantine(bad []DamagedAction) error {
	return s.update(func(tx *bolt.Tx) error {
		ob := tx.Bucket(bktOutbox)
		for _, d := range bad {
			data, err := json.Marshal(d)
			if err != nil {
				return err
			}
			if err := ob.Bucket(obBad).Put(seqKey(d.Seq), data); err != nil {
				return err
			}
			if err := ob.Bucket(obOpen).Delete(seqKey(d.Seq)); err != nil {
				return err
			}
		}
		return nil
	})
}

// DamagedActions lists the quarantined outbox entries, oldest first.
func (s *Store) DamagedActions() ([]DamagedAction, error) {
	var out []DamagedAction
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bktOutbox).Bucket(obBad).ForEach(func(k, v []byte) error {
			var d DamagedAction
			if json.Unmarshal(v, &d) != nil {
				d = DamagedAction{Seq: u64(k), Reason: "its quarantine record is damaged too"}
			}
			out = append(out, d)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: damaged actions: %w", err)
	}
	return out, nil
}
