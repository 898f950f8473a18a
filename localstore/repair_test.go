package localstore

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/cachefile"
)

// damagedCache is one row of the matrix: how the file is damaged, what
// Open must say, and what Repair must carry into the fresh cache.
type damagedCache struct {
	damage     func(t *testing.T, path string)
	openSays   string   // part of Open's (or Verify's) error
	pending    []string // keys still to send after repair
	actions    int      // entries carried, answered ones included
	unreadable int
	binding    bool // the settings (marketplace account binding) carried
}

func TestRepair_DamagedCacheMatrix(t *testing.T) {
	matrix := map[string]damagedCache{
		"0 bytes": {damage: func(t *testing.T, path string) { require.NoError(t, os.Truncate(path, 0)) },
			openSays: "the file is empty although this account has synced before"},
		"truncated": {damage: func(t *testing.T, path string) {
			info, err := os.Stat(path)
			require.NoError(t, err)
			require.NoError(t, os.Truncate(path, info.Size()/2))
		}, openSays: "it is truncated", pending: []string{"k1", "k2"}, actions: 3, binding: true},
		"text file": {damage: func(t *testing.T, path string) {
			require.NoError(t, os.WriteFile(path, []byte(strings.Repeat("this is a text file\n", 2000)), 0o600))
		}, openSays: "it is not a database file at all"},
		"flipped meta page": {damage: func(t *testing.T, path string) {
			enqueueOne(t, path, "k5") // committed after the others: only the newer meta page knows it
			flipNewestMeta(t, path)
		}, openSays: "older state", pending: []string{"k1", "k2", "k5"}, actions: 4, binding: true},
		"flipped data page": {damage: func(t *testing.T, path string) { smashPageHolding(t, path, []byte("CS0000000100")) },
			openSays: "a page of the file is damaged", pending: []string{"k1", "k2"}, actions: 3, binding: true},
		"flipped outbox entry": {damage: func(t *testing.T, path string) { flipInFile(t, path, `{"key":"k2"`) },
			openSays: "queued action #2 does not decode", pending: []string{"k1"}, actions: 2, unreadable: 1, binding: true},
		"foreign file": {damage: func(t *testing.T, path string) {
			require.NoError(t, os.Remove(path))
			db, err := bolt.Open(path, 0o600, nil)
			require.NoError(t, err)
			require.NoError(t, db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err }))
			require.NoError(t, db.Close())
		}, openSays: "no meta bucket"},
	}
	for name, tc := range matrix {
		t.Run(name, func(t *testing.T) {
			// given a synced cache with queued actions, a notice and its binding, then damaged
			path := filepath.Join(t.TempDir(), "c.db")
			writeCacheWithOutbox(t, path)
			tc.damage(t, path)

			// when it is opened and read whole
			err := openAndVerify(path)

			// then the damage is reported, never taken for a new cache
			require.ErrorIs(t, err, ErrCorrupt)
			assert.Contains(t, problemOf(err), tc.openSays)

			// when it is repaired
			rep, err := Repair(path, testAccount)

			// then the file is kept aside and the fresh cache holds what could be read
			require.NoError(t, err)
			assert.FileExists(t, rep.MovedTo)
			assert.NotEmpty(t, rep.Problem)
			assert.Equal(t, tc.actions, rep.Actions)
			assert.Equal(t, len(tc.pending), rep.Pending)
			assert.Equal(t, tc.unreadable, rep.Unreadable)
			s, err := Open(path, testAccount, Options{})
			require.NoError(t, err)
			defer s.Close()
			require.NoError(t, s.Verify())
			pending, err := s.PendingActions()
			require.NoError(t, err)
			assert.Equal(t, tc.pending, keysOrNil(pending))
			binding, err := s.Meta("sync.remote-account")
			require.NoError(t, err)
			assert.Equal(t, tc.binding, binding == "remote-7", "binding carried")
			text := strings.Join(rep.Lines(), "\n")
			t.Log(text)
			assert.Contains(t, text, rep.MovedTo)
			if tc.actions == 0 {
				assert.Contains(t, text, "No queued actions were found")
			}
		})
	}
}

func TestRepair_RefusesAHealthyCacheOfAnotherAccount(t *testing.T) {
	// given a sound cache of another account
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(path, "someone-else", Options{})
	require.NoError(t, err)
	require.NoError(t, s.Close())

	// when it is repaired for this account
	_, err = Repair(path, testAccount)

	// then it is refused and left where it is
	require.ErrorIs(t, err, ErrForeignAccount)
	assert.FileExists(t, path)
}

func TestOpen_AnEmptyFileIsANewCacheUntilTheAccountHasSynced(t *testing.T) {
	// given an empty file for an account that never stored a cursor
	path := filepath.Join(t.TempDir(), "c.db")
	require.NoError(t, os.WriteFile(path, nil, 0o600))

	// when it is opened, then it is a new cache
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	require.NoError(t, s.Close())
}

func openAndVerify(path string) error {
	s, err := Open(path, testAccount, Options{AutoCompactFreeBytes: -1})
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Verify()
}

func keysOrNil(acts []domain.Action) []string {
	if len(acts) == 0 {
		return nil
	}
	return keysOf(acts)
}

func enqueueOne(t *testing.T, path, key string) {
	t.Helper()
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	_, err = s.Enqueue(action(key, "T5", domain.ActTicketAccept))
	require.NoError(t, err)
	require.NoError(t, s.Close())
}

// flipNewestMeta flips a byte inside the meta page with the higher
// transaction ID, so bbolt falls back to the older one.
func flipNewestMeta(t *testing.T, path string) {
	t.Helper()
	m, err := cachefile.ReadMetas(path)
	require.NoError(t, err)
	require.True(t, m[0].Valid && m[1].Valid)
	page := int64(0)
	if m[1].TxID > m[0].TxID {
		page = int64(m[0].PageSize)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	require.NoError(t, err)
	defer f.Close()
	b := make([]byte, 1)
	_, err = f.ReadAt(b, page+cachefile.PageHeaderSize+48) // a byte of its txid
	require.NoError(t, err)
	b[0] ^= 0x01
	_, err = f.WriteAt(b, page+cachefile.PageHeaderSize+48)
	require.NoError(t, err)
}

// smashPageHolding overwrites with junk every page that holds marker (a
// record's bytes), as a bad sector would.
func smashPageHolding(t *testing.T, path string, marker []byte) {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	ps := os.Getpagesize()
	n := 0
	for p := 2; (p+1)*ps <= len(raw); p++ {
		page := raw[p*ps : (p+1)*ps]
		if bytes.Contains(page, marker) {
			for i := range page {
				page[i] = byte(i*13 + 5)
			}
			n++
		}
	}
	require.Positive(t, n)
	require.NoError(t, os.WriteFile(path, raw, 0o600))
}

func TestOpenRepairing_ARolledBackCacheIsRepairedWithItsOutbox(t *testing.T) {
	// given a synced cache whose newest meta page was damaged after two more actions were queued
	path := filepath.Join(t.TempDir(), "c.db")
	writeCacheWithOutbox(t, path)
	enqueueOne(t, path, "k5")
	flipNewestMeta(t, path)

	// when the console opens it
	s, rep, err := OpenRepairing(path, testAccount, Options{})

	// then it opens a repaired cache, tells what happened, and nothing queued is lost
	require.NoError(t, err)
	defer s.Close()
	require.NotNil(t, rep)
	assert.Contains(t, strings.Join(rep.Lines(), " "), "Saved 4 queued actions (3 still to send")
	pending, err := s.PendingActions()
	require.NoError(t, err)
	assert.Equal(t, []string{"k1", "k2", "k5"}, keysOf(pending))
}

func TestOpenRepairing_ASoundCacheIsOpenedAsItIs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	writeCacheWithOutbox(t, path)
	s, rep, err := OpenRepairing(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()
	assert.Nil(t, rep)
}
