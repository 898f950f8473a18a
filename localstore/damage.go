package localstore

import (
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/localstore/filecheck"
)

// The file-level checks (sidecar, meta pages, truncation) are
// localstore/filecheck's; here are the two that need the open file.

// noteState records the open file's transaction ID in the sidecar; synced
// marks that a cursor has been stored. Best effort: the sidecar only ever
// adds checks. db is passed in because Close calls it holding s.mu.
func (s *Store) noteState(db *bolt.DB, synced bool) {
	var txid int
	if db.View(func(tx *bolt.Tx) error { txid = tx.ID(); return nil }) != nil {
		return
	}
	old, _ := filecheck.ReadState(s.path)
	st := filecheck.State{Account: s.account, Synced: synced || old.Synced, TxID: txid, At: time.Now().UTC()}
	if err := filecheck.WriteState(s.path, st); err == nil {
		s.synced.Store(st.Synced)
	}
}

// checkAfterOpen catches a file older than the sidecar says it was (a
// damaged newer meta page, an old copy put back). A bbolt file without the
// cache's meta bucket is left to checkMeta, which names it foreign.
func checkAfterOpen(db *bolt.DB, path string) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = corruptErr(path, fmt.Errorf("a page of the file is damaged (bbolt panicked reading it: %v)", p))
		}
	}()
	var txid int
	var ours bool
	if err := db.View(func(tx *bolt.Tx) error {
		txid, ours = tx.ID(), tx.Bucket(bktMeta) != nil
		return nil
	}); err != nil || !ours {
		return err
	}
	if st, ok := filecheck.ReadState(path); ok && txid < st.TxID {
		why := fmt.Sprintf("it holds an older state (transaction %d) than when it was last used (%d)", txid, st.TxID)
		if m, err := filecheck.ReadMetas(path); err == nil && (!m[0].Valid || !m[1].Valid) {
			why += "; one of its two meta pages is damaged, so bbolt fell back to the older one"
		}
		return corruptErr(path, errors.New(why))
	}
	return nil
}
