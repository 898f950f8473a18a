package localstore

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

func TestOpen_FileReadableByOwnerOnly(t *testing.T) {
	// given a directory path that does not exist yet
	dir := filepath.Join(t.TempDir(), "accounts")
	path := filepath.Join(dir, "a.db")

	// when the cache is created
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()

	// then the file is 0600 and its directory 0700
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	di, err := os.Stat(dir)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), di.Mode().Perm())
}

func TestOpen_TightensAWiderFileMode(t *testing.T) {
	s := openTemp(t)
	path := s.Path()
	require.NoError(t, s.Close())
	require.NoError(t, os.Chmod(path, 0o644))
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
}

func TestOpen_AnotherAccountsFileIsRefused(t *testing.T) {
	// given a cache of account A with an order
	s := openTemp(t)
	_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(0, 1, 1)})
	require.NoError(t, err)
	path := s.Path()
	require.NoError(t, s.Close())

	// when account B opens it
	_, err = Open(path, "acct-intl-2", Options{})

	// then it is refused, naming both accounts
	require.ErrorIs(t, err, ErrForeignAccount)
	assert.Contains(t, err.Error(), "acct-intl-2")
	assert.Contains(t, err.Error(), testAccount)
}

func TestOpen_NewerSchemaIsRefused(t *testing.T) {
	s := openTemp(t)
	path := s.Path()
	require.NoError(t, s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bktMeta).Put(keySchema, binary.BigEndian.AppendUint64(nil, SchemaVersion+1))
	}))
	require.NoError(t, s.Close())
	_, err := Open(path, testAccount, Options{})
	require.ErrorIs(t, err, ErrNewerSchema)
}

// TestHelperHolder is not a test: TestOpen_SecondCopyGetsErrLocked runs
// the test binary with it selected to hold a cache open in another process.
func TestHelperHolder(t *testing.T) {
	if os.Getenv(envHelper) != "holder" {
		t.Skip("helper process for TestOpen_SecondCopyGetsErrLocked")
	}
	s, err := Open(os.Getenv(envPath), testAccount, Options{})
	require.NoError(t, err)
	os.Stdout.WriteString("ready\n")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // hold until the parent says so
	require.NoError(t, s.Close())
}

func TestOpen_SecondCopyGetsErrLocked(t *testing.T) {
	// given another process holding the cache open
	path := filepath.Join(t.TempDir(), "held.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHolder$", "-test.count=1")
	cmd.Env = append(os.Environ(), envHelper+"=holder", envPath+"="+path)
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	require.Equal(t, "ready\n", line)

	// when this process opens it
	start := time.Now()
	_, err = Open(path, testAccount, Options{Timeout: 300 * time.Millisecond})

	// then it gives up after the timeout with a message a user understands
	require.ErrorIs(t, err, ErrLocked)
	assert.Contains(t, err.Error(), "is open in another copy of Merchant Console")
	assert.Less(t, time.Since(start), 5*time.Second)
	_, err = Repair(path, testAccount)
	require.ErrorIs(t, err, ErrLocked, "a file in use is never moved aside")
	assert.FileExists(t, path)

	// and once the other copy exits, the cache opens
	_, _ = stdin.Write([]byte("done\n"))
	require.NoError(t, cmd.Wait())
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	require.NoError(t, s.Close())
}

func TestOpen_DamagedOrForeignFilesAreCorrupt(t *testing.T) {
	tests := map[string]func(t *testing.T, path string){
		"not a bbolt file": func(t *testing.T, path string) {
			require.NoError(t, os.WriteFile(path, []byte("PK\x03\x04 this is a zip, not a cache"+string(make([]byte, 9000))), 0o600))
		},
		"bbolt file of another program": func(t *testing.T, path string) {
			db, err := bolt.Open(path, 0o600, nil)
			require.NoError(t, err)
			require.NoError(t, db.Update(func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("widgets"))
				if err != nil {
					return err
				}
				return b.Put([]byte("a"), []byte("b"))
			}))
			require.NoError(t, db.Close())
		},
		"cache with both meta pages destroyed": func(t *testing.T, path string) {
			writeCacheWithOutbox(t, path)
			smashMetaPages(t, path)
		},
	}
	for name, damage := range tests {
		t.Run(name, func(t *testing.T) {
			// given a damaged or foreign file where the cache should be
			path := filepath.Join(t.TempDir(), "c.db")
			damage(t, path)

			// when it is opened
			_, err := Open(path, testAccount, Options{})

			// then the error says so plainly
			require.ErrorIs(t, err, ErrCorrupt)
			assert.Contains(t, err.Error(), "damaged or is not a Merchant Console cache")
		})
	}
}

// writeCacheWithOutbox leaves a closed cache holding orders, 3 queued
// actions (one done) and a notice.
func writeCacheWithOutbox(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	_, err = s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(0, 200, 1), Cursor: "c"})
	require.NoError(t, err)
	for _, a := range []domain.Action{action("k1", "T1", domain.ActTicketAccept),
		action("k2", "T1", domain.ActTicketReply), action("k3", "T2", domain.ActTicketAccept)} {
		_, err := s.Enqueue(a)
		require.NoError(t, err)
	}
	done := action("k3", "T2", domain.ActTicketAccept)
	done.State = domain.ActionDone
	require.NoError(t, s.UpdateAction(done))
	_, err = s.RecordNotice(Notice{Key: "tickets/T1/new", Title: "新工单", At: baseTime})
	require.NoError(t, err)
	require.NoError(t, s.SetMeta("sync.remote-account", "remote-7"))
	require.NoError(t, s.Close())
}

// smashMetaPages overwrites bbolt's two meta pages, as a torn disk write might.
func smashMetaPages(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	require.NoError(t, err)
	junk := make([]byte, 2*os.Getpagesize())
	for i := range junk {
		junk[i] = byte(i * 7)
	}
	_, err = f.WriteAt(junk, 0)
	require.NoError(t, err)
	require.NoError(t, f.Close())
}

func TestRecover_KeepsEveryQueuedActionOfACorruptFile(t *testing.T) {
	// given a cache whose meta pages were destroyed
	path := filepath.Join(t.TempDir(), "c.db")
	writeCacheWithOutbox(t, path)
	smashMetaPages(t, path)
	_, err := Open(path, testAccount, Options{})
	require.ErrorIs(t, err, ErrCorrupt)

	// when it is recovered
	rec, err := Repair(path, testAccount)

	// then the damaged file is kept aside and the fresh cache has the outbox
	require.NoError(t, err)
	assert.FileExists(t, rec.MovedTo)
	assert.Equal(t, 3, rec.Actions)
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()
	pending, err := s.PendingActions()
	require.NoError(t, err)
	assert.Equal(t, []string{"k1", "k2"}, keysOf(pending))
	all, err := s.ActionsFor(domain.ResTickets, "T2")
	require.NoError(t, err)
	require.Len(t, all, 1)
	assert.Equal(t, domain.ActionDone, all[0].State)
	next, err := s.Enqueue(action("k4", "T3", domain.ActTicketAccept))
	require.NoError(t, err)
	assert.Greater(t, next.Seq, pending[1].Seq, "new entries queue after the salvaged ones")
	added, err := s.RecordNotice(Notice{Key: "tickets/T1/new", Title: "新工单"})
	require.NoError(t, err)
	assert.False(t, added, "a notice shown before the damage is not shown again")
	cur, err := s.Cursor(domain.ResOrders)
	require.NoError(t, err)
	assert.Empty(t, cur, "records are synced again from the start")
}

func TestRecover_ReadsAHealthyButForeignLayoutThroughBbolt(t *testing.T) {
	// given a file that bbolt opens but that lacks the cache's meta bucket,
	// holding an outbox entry
	path := filepath.Join(t.TempDir(), "c.db")
	db, err := bolt.Open(path, 0o600, nil)
	require.NoError(t, err)
	a := action("kk", "T9", domain.ActTicketAccept)
	a.Seq, a.State = 4, domain.ActionPending
	data, err := json.Marshal(a)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		ob, err := tx.CreateBucket(bktOutbox)
		if err != nil {
			return err
		}
		seqs, err := ob.CreateBucket(obSeq)
		if err != nil {
			return err
		}
		return seqs.Put(seqKey(4), data)
	}))
	require.NoError(t, db.Close())
	_, err = Open(path, testAccount, Options{})
	require.ErrorIs(t, err, ErrCorrupt)

	// when it is recovered
	rec, err := Repair(path, testAccount)

	// then the entry is carried over with its sequence number
	require.NoError(t, err)
	assert.Equal(t, 1, rec.Actions)
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()
	pending, err := s.PendingActions()
	require.NoError(t, err)
	require.Len(t, pending, 1)
	assert.Equal(t, uint64(4), pending[0].Seq)
}

func TestDamagedDataPages_GiveErrCorruptNotACrash(t *testing.T) {
	for seed := range 8 {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			// given a cache whose data pages were partly overwritten
			path := filepath.Join(t.TempDir(), "c.db")
			writeCacheWithOutbox(t, path)
			smashDataPages(t, path, seed)

			// when it is opened and read
			s, err := Open(path, testAccount, Options{AutoCompactFreeBytes: -1})
			if err == nil {
				_, _, err = List[domain.Order](s, Query{Search: "acme"})
				if err == nil {
					_, err = s.PendingActions()
				}
				_ = s.Close()
			}

			// then the damage surfaces as ErrCorrupt (a caught bbolt panic),
			// the file is released, and Recover moves it aside
			require.ErrorIs(t, err, ErrCorrupt)
			rec, err := Repair(path, testAccount)
			require.NoError(t, err)
			assert.FileExists(t, rec.MovedTo)
			s, err = Open(path, testAccount, Options{})
			require.NoError(t, err)
			require.NoError(t, s.Close())
		})
	}
}

// smashDataPages overwrites a third of the pages after the meta pages with junk.
func smashDataPages(t *testing.T, path string, seed int) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	ps := os.Getpagesize()
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	for p := 2; p*ps < len(data); p++ {
		if rng.IntN(3) == 0 {
			for i := p * ps; i < (p+1)*ps && i < len(data); i++ {
				data[i] = byte(rng.Uint32())
			}
		}
	}
	require.NoError(t, os.WriteFile(path, data, 0o600))
}
