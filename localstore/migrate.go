package localstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
	bbolterr "go.etcd.io/bbolt/errors"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/segment"
	"github.com/koogallery/merchant-console/localstore/writebuf"
)

// Schema history:
//
//	1: each resource a flat bucket named after it (ID → JSON record, no
//	   indexes, counts found by scanning); "_outbox" a flat bucket of
//	   idempotency key → JSON action without sequence numbers; "_cursors"
//	   and "_meta" as today; no notification log.
//	2: per-resource buckets with rows, indexes and counts; the outbox
//	   ordered by Seq; besides ix/time, ix/status and ix/deadline, indexes
//	   by update time, customer and product that no query read.
//	3: the current layout (see the package doc): those three indexes
//	   dropped; search segments and a name dictionary per resource.

// migrate upgrades a file from schema `from` to SchemaVersion inside tx;
// the caller stamps the new version when it succeeds, so a failure leaves
// the file as it was.
func migrate(tx *bolt.Tx, from int, account string) error {
	switch from {
	case 0: // a new, empty file: nothing to carry over
		return nil
	case 1:
		return migrateV1(tx, account) // writes segments as a sync does
	case 2:
		return migrateV2(tx)
	}
	return fmt.Errorf("no migration from schema %d", from)
}

// migrateV1 moves schema-1 records into the indexed layout and gives the
// outbox entries sequence numbers in the order they were created.
func migrateV1(tx *bolt.Tx, account string) error {
	actions, err := readV1Outbox(tx)
	if err != nil {
		return err
	}
	if err := ensureLayout(tx, account); err != nil {
		return err
	}
	for _, res := range domain.AllResources {
		if err := migrateV1Resource(tx, res, account); err != nil {
			return fmt.Errorf("%s: %w", res, err)
		}
	}
	ob := tx.Bucket(bktOutbox)
	for _, a := range actions {
		if a.Seq, err = ob.Bucket(obSeq).NextSequence(); err != nil {
			return err
		}
		if err := putAction(ob, a, true); err != nil {
			return fmt.Errorf("outbox %s: %w", a.Key, err)
		}
	}
	return nil
}

// readV1Outbox reads and drops the flat schema-1 outbox, oldest first.
func readV1Outbox(tx *bolt.Tx) ([]domain.Action, error) {
	old := tx.Bucket(bktOutbox)
	if old == nil {
		return nil, nil
	}
	var actions []domain.Action
	err := old.ForEach(func(k, v []byte) error {
		if v == nil {
			return nil // already a sub-bucket: not schema 1
		}
		var a domain.Action
		if err := json.Unmarshal(v, &a); err != nil {
			return fmt.Errorf("outbox entry %q: %w", k, err)
		}
		actions = append(actions, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(actions, func(a, b domain.Action) int { return a.CreatedAt.Compare(b.CreatedAt) })
	if err := tx.DeleteBucket(bktOutbox); err != nil {
		return nil, fmt.Errorf("drop schema-1 outbox: %w", err)
	}
	return actions, nil
}

// migrateV1Resource re-applies a flat bucket's records through the normal
// write path, so rows, indexes and counts are built exactly as a sync would.
func migrateV1Resource(tx *bolt.Tx, res domain.Resource, account string) error {
	old := tx.Bucket([]byte(res))
	if old == nil {
		return nil
	}
	c, err := codecFor(res)
	if err != nil {
		return err
	}
	w := newResWriter(tx, c, account, nil)
	err = old.ForEach(func(k, v []byte) error {
		rec, err := c.decode(append([]byte{encJSON}, v...))
		if err != nil {
			return fmt.Errorf("record %q: %w", k, err)
		}
		p, err := c.prepare(rec, account)
		if err != nil {
			return err
		}
		_, _, err = w.upsert(&p)
		return err
	})
	if err != nil {
		return err
	}
	if err := w.flush(); err != nil {
		return err
	}
	return tx.DeleteBucket([]byte(res))
}

// migrateV2 drops the indexes no query read and builds each resource's
// search segments and dictionary from its rows, in ID order, as a first
// sync would have written them.
func migrateV2(tx *bolt.Tx) error {
	for _, res := range domain.AllResources {
		b := resBucket(tx, res)
		if b == nil {
			continue
		}
		if err := migrateV2Resource(b); err != nil {
			return fmt.Errorf("%s: %w", res, err)
		}
	}
	return nil
}

func migrateV2Resource(b *bolt.Bucket) error {
	for _, name := range [][]byte{subUpdated, subCustomer, subProduct} {
		if err := b.DeleteBucket(name); err != nil && !errors.Is(err, bbolterr.ErrBucketNotFound) {
			return fmt.Errorf("drop %s: %w", name, err)
		}
	}
	for _, name := range [][]byte{subSeg, subDict} {
		if _, err := b.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	var a writebuf.Arena
	w := segment.NewWriter(b.Bucket(subSeg), b.Bucket(subDict), &a)
	w.Bucket().FillPercent = 1.0
	c := b.Bucket(subRow).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		r, ok := parseRow(v)
		if !ok {
			continue // a damaged row: its record is missing from search, as it was from filters
		}
		f := fields{status: string(r.status), customer: string(r.customer), product: string(r.product),
			search: string(r.search), amount: r.amount,
			at: keyTime(r.at), updated: keyTime(r.updated), deadline: keyTime(r.deadline)}
		if err := w.Put(segEntry(string(k), &f)); err != nil {
			return err
		}
		if w.Pending() >= 4*segment.Target {
			if err := w.Flush(); err != nil {
				return err
			}
		}
	}
	return w.Flush()
}

// Relabel moves the cache at path from local account name from to to (an
// account was renamed): the meta bucket, every record, outbox entry and
// notice name their account, and all of them are rewritten in one
// transaction, so the file belongs wholly to one name or the other. The
// marketplace account it is pinned to is unchanged. The file must not be
// open elsewhere (ErrLocked).
func Relabel(path, from, to string) error {
	if to == "" {
		return fmt.Errorf("localstore: relabel %s: empty account name", path)
	}
	s, err := Open(path, from, Options{AutoCompactFreeBytes: -1})
	if err != nil {
		return err
	}
	defer s.Close()
	err = s.update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bktMeta).Put(keyAccount, []byte(to)); err != nil {
			return err
		}
		for res, c := range codecs {
			if err := relabelRecords(tx, res, c, to); err != nil {
				return err
			}
		}
		ob := tx.Bucket(bktOutbox).Bucket(obSeq)
		if err := rewriteJSON(ob, func(a *domain.Action) { a.Account = to }); err != nil {
			return fmt.Errorf("outbox: %w", err)
		}
		nt := tx.Bucket(bktNotices).Bucket(ntByKey)
		if err := rewriteJSON(nt, func(n *Notice) { n.Account = to }); err != nil {
			return fmt.Errorf("notices: %w", err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("localstore: relabel %s from %q to %q: %w", path, from, to, err)
	}
	return nil
}

// relabeler rewrites one stored record with another account name.
type relabeler interface {
	relabel(b []byte, to string) ([]byte, error)
}

func (k *kind[T]) relabel(b []byte, to string) ([]byte, error) {
	v, err := k.decodeT(b)
	if err != nil {
		return nil, err
	}
	k.meta(&v).Account = to
	return k.encode(&v, nil)
}

func relabelRecords(tx *bolt.Tx, res domain.Resource, c codec, to string) error {
	rb := tx.Bucket(resBucketName(string(res)))
	if rb == nil || rb.Bucket(subRec) == nil {
		return nil
	}
	rl, ok := c.(relabeler)
	if !ok {
		return fmt.Errorf("%s: records cannot be relabelled", res)
	}
	return rewrite(rb.Bucket(subRec), func(v []byte) ([]byte, error) { return rl.relabel(v, to) })
}

// rewriteJSON rewrites every JSON value of b through edit.
func rewriteJSON[T any](b *bolt.Bucket, edit func(*T)) error {
	if b == nil {
		return nil
	}
	return rewrite(b, func(v []byte) ([]byte, error) {
		var x T
		if err := json.Unmarshal(v, &x); err != nil {
			return nil, err
		}
		edit(&x)
		return json.Marshal(x)
	})
}

// rewrite replaces every value of b (not nested buckets) by fn's result;
// the pairs are collected first because bbolt cursors must not see writes.
func rewrite(b *bolt.Bucket, fn func([]byte) ([]byte, error)) error {
	type kv struct{ k, v []byte }
	var out []kv
	err := b.ForEach(func(k, v []byte) error {
		if v == nil {
			return nil
		}
		nv, err := fn(v)
		if err != nil {
			return fmt.Errorf("entry %x: %w", k, err)
		}
		out = append(out, kv{append([]byte(nil), k...), nv})
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range out {
		if err := b.Put(p.k, p.v); err != nil {
			return err
		}
	}
	return nil
}
