package localstore

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

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
