package localstore

import (
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

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
