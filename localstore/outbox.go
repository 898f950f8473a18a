package localstore

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// Outbox sub-buckets: all entries by Seq, Key → Seq, the Seqs not yet
// final, and (resource, record, Seq) for per-record history.
var (
	obSeq   = []byte("seq")
	obKeys  = []byte("keys")
	obOpen  = []byte("open")
	obByRec = []byte("byrec")
	obBad   = []byte("bad") // Seq → DamagedAction: entries that no longer decode

	outboxSubs = [][]byte{obSeq, obKeys, obOpen, obByRec, obBad}
)

func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

func recPrefix(res domain.Resource, id string) []byte {
	return []byte(string(res) + "\x00" + id + "\x00")
}

// Enqueue adds a user action to the outbox and returns it with its Seq.
// An action whose Key is already queued is not added again: the stored
// entry is returned, so a double click queues one action.
func (s *Store) Enqueue(a domain.Action) (domain.Action, error) {
	if a.Key == "" || a.RecordID == "" || a.Name == "" {
		return a, errors.New("localstore: enqueue: an action needs a Key, a RecordID and a Name")
	}
	if !a.Resource.Valid() {
		return a, fmt.Errorf("localstore: enqueue: unknown resource %q", a.Resource)
	}
	if a.Account == "" {
		a.Account = s.account
	} else if a.Account != s.account {
		return a, fmt.Errorf("localstore: enqueue: action of account %q in the cache of %q: %w", a.Account, s.account, ErrForeignAccount)
	}
	if a.State == "" {
		a.State = domain.ActionPending
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = time.Now()
	}
	err := s.update(func(tx *bolt.Tx) error {
		ob := tx.Bucket(bktOutbox)
		if seq := ob.Bucket(obKeys).Get([]byte(a.Key)); seq != nil {
			existing, err := loadAction(ob, seq)
			a = existing
			return err
		}
		seq, err := ob.Bucket(obSeq).NextSequence()
		if err != nil {
			return err
		}
		a.Seq = seq
		return putAction(ob, a, true)
	})
	if err != nil {
		return a, fmt.Errorf("localstore: enqueue %s: %w", a.Key, err)
	}
	return a, nil
}

// putAction stores a and keeps the key, open and per-record buckets in step.
func putAction(ob *bolt.Bucket, a domain.Action, isNew bool) error {
	data, err := json.Marshal(a)
	if err != nil {
		return err
	}
	sk := seqKey(a.Seq)
	if err := ob.Bucket(obSeq).Put(sk, data); err != nil {
		return err
	}
	if isNew {
		if err := ob.Bucket(obKeys).Put([]byte(a.Key), sk); err != nil {
			return err
		}
		if err := ob.Bucket(obByRec).Put(append(recPrefix(a.Resource, a.RecordID), sk...), nil); err != nil {
			return err
		}
	}
	if a.State.Final() {
		return ob.Bucket(obOpen).Delete(sk)
	}
	return ob.Bucket(obOpen).Put(sk, nil)
}

func loadAction(ob *bolt.Bucket, seq []byte) (domain.Action, error) {
	var a domain.Action
	data := ob.Bucket(obSeq).Get(seq)
	if data == nil {
		return a, fmt.Errorf("outbox entry %d missing", u64(seq))
	}
	if err := json.Unmarshal(data, &a); err != nil {
		return a, fmt.Errorf("outbox entry %d: %w", u64(seq), err)
	}
	return a, nil
}

// PendingActions returns the actions still to send (pending or sending), in
// Seq order. An entry that no longer decodes is quarantined (see
// DamagedActions) rather than blocking the others.
func (s *Store) PendingActions() ([]domain.Action, error) {
	var out []domain.Action
	var bad []DamagedAction
	err := s.view(func(tx *bolt.Tx) error {
		ob := tx.Bucket(bktOutbox)
		return ob.Bucket(obOpen).ForEach(func(k, _ []byte) error {
			a, err := loadAction(ob, k)
			if err != nil {
				bad = append(bad, damagedAction(k, ob.Bucket(obSeq).Get(k), err))
				return nil
			}
			out = append(out, a)
			return nil
		})
	})
	if err == nil && len(bad) > 0 {
		err = s.quarantine(bad)
	}
	if err != nil {
		return nil, fmt.Errorf("localstore: pending actions: %w", err)
	}
	return out, nil
}

// UpdateAction stores a's new state (found by Key), unless the entry was
// discarded meanwhile (ErrActionDiscarded); Seq, Account, Resource,
// RecordID and CreatedAt stay as first queued.
func (s *Store) UpdateAction(a domain.Action) error {
	err := s.update(func(tx *bolt.Tx) error {
		ob := tx.Bucket(bktOutbox)
		seq := ob.Bucket(obKeys).Get([]byte(a.Key))
		if seq == nil {
			return ErrUnknownAction
		}
		old, err := loadAction(ob, seq)
		if err != nil {
			return err
		}
		if old.State == domain.ActionDiscarded {
			return ErrActionDiscarded // the person dropped it meanwhile: it must not go out
		}
		a.Seq, a.Account, a.Resource, a.RecordID, a.CreatedAt = old.Seq, old.Account, old.Resource, old.RecordID, old.CreatedAt
		return putAction(ob, a, false)
	})
	if err != nil {
		return fmt.Errorf("localstore: update action %s: %w", a.Key, err)
	}
	return nil
}

// ActionsFor returns every action queued for one record, in Seq order.
func (s *Store) ActionsFor(res domain.Resource, id string) ([]domain.Action, error) {
	var out []domain.Action
	prefix := recPrefix(res, id)
	err := s.view(func(tx *bolt.Tx) error {
		ob := tx.Bucket(bktOutbox)
		c := ob.Bucket(obByRec).Cursor()
		for k, _ := c.Seek(prefix); k != nil && len(k) == len(prefix)+8 && string(k[:len(prefix)]) == string(prefix); k, _ = c.Next() {
			a, err := loadAction(ob, k[len(prefix):])
			if err != nil {
				continue // damaged: listed by DamagedActions
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: actions for %s %s: %w", res, id, err)
	}
	return out, nil
}

// RecentActions returns the n most recently queued actions, newest first.
func (s *Store) RecentActions(n int) ([]domain.Action, error) {
	var out []domain.Action
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bktOutbox).Bucket(obSeq).Cursor()
		for k, v := c.Last(); k != nil && len(out) < n; k, v = c.Prev() {
			var a domain.Action
			if json.Unmarshal(v, &a) != nil {
				continue // damaged: listed by DamagedActions
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: recent actions: %w", err)
	}
	return out, nil
}

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

// What a person may do with an outbox entry that did not go through: send
// it again, send it with changed inputs, or drop it. Only entries that the
// marketplace cannot have applied qualify: refused ones, and ones still
// waiting that never left (Attempts == 0). One that may be on the wire
// (sending, or pending after a lost reply) must go out under its own key,
// so the server answers it once.

var (
	// ErrActionDiscarded means the entry was discarded (or replaced by a
	// retried or edited copy) meanwhile; the sender skips it.
	ErrActionDiscarded = errors.New("the action was discarded")
	// ErrActionInFlight means the entry may already have reached the
	// marketplace, so it can be neither changed nor dropped.
	ErrActionInFlight = errors.New("the action is being sent and can no longer be changed")
)

// Amendable reports whether a can be retried, edited or discarded: it was
// refused, or it is waiting and was never sent.
func Amendable(a domain.Action) bool {
	return a.State == domain.ActionRejected || (a.State == domain.ActionPending && a.Attempts == 0)
}

// PendingCount is the number of actions still to send (pending or
// sending): exact, and cheap enough to read every second.
func (s *Store) PendingCount() (int, error) {
	n := 0
	err := s.view(func(tx *bolt.Tx) error {
		n = tx.Bucket(bktOutbox).Bucket(obOpen).Stats().KeyN
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("localstore: pending count: %w", err)
	}
	return n, nil
}

// DiscardAction drops an amendable entry: it is kept in the history as
// discarded and never sent.
func (s *Store) DiscardAction(key string) (domain.Action, error) {
	var out domain.Action
	err := s.amend(key, func(ob *bolt.Bucket, old domain.Action) error {
		old.State = domain.ActionDiscarded
		out = old
		return putAction(ob, old, false)
	})
	if err != nil {
		return out, fmt.Errorf("localstore: discard action %s: %w", key, err)
	}
	return out, nil
}

// ResendAction replaces an amendable entry by a fresh copy at the end of the
// outbox, under a new key (the marketplace remembers its answer to the old
// one), with params when given (an edit) or the old inputs (a retry). The
// old entry stays in the history as discarded.
func (s *Store) ResendAction(key string, params *domain.ActionParams, now time.Time) (domain.Action, error) {
	var out domain.Action
	fresh, err := domain.NewActionKey()
	if err != nil {
		return out, err
	}
	err = s.amend(key, func(ob *bolt.Bucket, old domain.Action) error {
		out = domain.Action{Key: fresh, Account: old.Account, Resource: old.Resource, RecordID: old.RecordID,
			Name: old.Name, Params: old.Params, State: domain.ActionPending, CreatedAt: now}
		if params != nil {
			out.Params = *params
		}
		seq, err := ob.Bucket(obSeq).NextSequence()
		if err != nil {
			return err
		}
		out.Seq = seq
		old.State = domain.ActionDiscarded
		if err := putAction(ob, old, false); err != nil {
			return err
		}
		return putAction(ob, out, true)
	})
	if err != nil {
		return out, fmt.Errorf("localstore: resend action %s: %w", key, err)
	}
	return out, nil
}

// amend runs fn on an amendable entry inside one transaction, so the sender
// cannot mark it sending between the check and the change.
func (s *Store) amend(key string, fn func(ob *bolt.Bucket, old domain.Action) error) error {
	return s.update(func(tx *bolt.Tx) error {
		ob := tx.Bucket(bktOutbox)
		seq := ob.Bucket(obKeys).Get([]byte(key))
		if seq == nil {
			return ErrUnknownAction
		}
		old, err := loadAction(ob, seq)
		switch {
		case err != nil:
			return err
		case old.State == domain.ActionDiscarded:
			return ErrActionDiscarded
		case !Amendable(old):
			return fmt.Errorf("%w (%s)", ErrActionInFlight, old.State)
		}
		return fn(ob, old)
	})
}
