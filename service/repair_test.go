package service

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
)

// twoShops are two configured accounts on one sandbox marketplace, each
// with its own cache, synced once: "good" and "hurt".
func twoShops(t *testing.T) (config.Paths, *sandbox.Server) {
	t.Helper()
	keyring.MockInit()
	srv, err := sandbox.Start(context.Background(), small)
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	var main sandbox.AccountCred
	for _, c := range srv.Accounts() {
		if c.ID == sandbox.AccountMain {
			main = c
		}
	}
	paths := testPaths(t)
	require.NoError(t, paths.Ensure())
	var list []config.Account
	for _, name := range []string{"good", "hurt"} {
		require.NoError(t, credentials.Save(name, main.AK, main.SK))
		list = append(list, config.Account{Name: name, Site: config.SiteCustom, BaseURL: srv.URL()})
	}
	require.NoError(t, config.SaveAccounts(paths.AccountsFile(), list))
	return paths, srv
}

// queueReplies queues a reply to each of two tickets that allow one, as
// the Reply button does, and returns their keys.
func queueReplies(t *testing.T, s *Service, name string) []string {
	t.Helper()
	tickets, _, err := localstore.List[domain.Ticket](s.Store(name), localstore.Query{Limit: 100})
	require.NoError(t, err)
	var keys []string
	for _, tk := range tickets {
		if len(keys) == 2 {
			break
		}
		if !domain.Allows(tk, domain.ActTicketReply) {
			continue
		}
		key := "reply-" + tk.ID
		_, err := s.Enqueue(domain.Action{Key: key, Account: name, Resource: domain.ResTickets, RecordID: tk.ID,
			Name: domain.ActTicketReply, Params: domain.ActionParams{Agent: "小王", Message: "您好，已收到"},
			State: domain.ActionPending, CreatedAt: s.Now()})
		require.NoError(t, err)
		keys = append(keys, key)
	}
	require.Len(t, keys, 2, "the sandbox has two tickets to reply to")
	return keys
}

func pendingKeys(t *testing.T, st *localstore.Store) []string {
	t.Helper()
	acts, err := st.PendingActions()
	require.NoError(t, err)
	var keys []string
	for _, a := range acts {
		keys = append(keys, a.Key)
	}
	return keys
}

// flipAfter flips the byte after each copy of marker in the file, as a
// bad sector inside that outbox entry would.
func flipAfter(t *testing.T, path, marker string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	n := bytes.Count(raw, []byte(marker))
	require.Positive(t, n, "%q is in the file", marker)
	for i := 0; ; {
		j := bytes.Index(raw[i:], []byte(marker))
		if j < 0 {
			break
		}
		raw[i+j+len(marker)] ^= 0x55
		i += j + len(marker)
	}
	require.NoError(t, os.WriteFile(path, raw, 0o600))
}

func TestADamagedCacheIsRepairedAndNeverStopsTheOtherAccount(t *testing.T) {
	matrix := map[string]struct {
		damage func(t *testing.T, path, orderID string)
		kept   int // queued actions the repair can still read
	}{
		"0 bytes after a sync": {damage: func(t *testing.T, path, _ string) {
			require.NoError(t, os.Truncate(path, 0))
		}},
		"a text file": {damage: func(t *testing.T, path, _ string) {
			require.NoError(t, os.WriteFile(path, []byte(strings.Repeat("this is a text file\n", 2000)), 0o600))
		}},
		"the newest meta page flipped": {damage: func(t *testing.T, path, _ string) { flipNewestMeta(t, path) }, kept: 2},
	}
	for name, tc := range matrix {
		t.Run(name, func(t *testing.T) {
			// given two synced accounts, the second with two replies queued, then its cache damaged
			paths, _ := twoShops(t)
			first := open(t, Options{Paths: paths})
			for _, acc := range []string{"good", "hurt"} {
				_, err := first.SyncOnce(context.Background(), acc)
				require.NoError(t, err)
			}
			queueReplies(t, first, "hurt")
			hurtFile, order := first.Store("hurt").Path(), anOrder(t, first.Store("hurt"))
			require.NoError(t, first.Close())
			tc.damage(t, hurtFile, order)

			// when the console opens again
			s := open(t, Options{Paths: paths})

			// then both accounts are listed, the damaged one repaired and the person told what was saved
			require.Len(t, s.Accounts(), 2)
			h := s.Health("hurt")
			require.NoError(t, h.Broken)
			require.NotNil(t, h.Repaired, "the repair is reported")
			assert.FileExists(t, h.Repaired.MovedTo, "the damaged file is kept")
			assert.Equal(t, tc.kept, h.Repaired.Pending)
			assert.Len(t, pendingKeys(t, s.Store("hurt")), tc.kept)
			assert.Nil(t, s.Health("good").Repaired)

			// when both sync
			_, goodErr := s.SyncOnce(context.Background(), "good")
			sum, hurtErr := s.SyncOnce(context.Background(), "hurt")

			// then the other account synced, and the repaired one filled again and sent what was kept
			require.NoError(t, goodErr)
			require.NoError(t, hurtErr)
			assert.Positive(t, orderCount(t, s.Store("good")))
			assert.Positive(t, orderCount(t, s.Store("hurt")), "re-synced from the marketplace")
			assert.Equal(t, tc.kept, sum.Push.Sent)
			assert.Empty(t, pendingKeys(t, s.Store("hurt")))
		})
	}
}

func TestAFlippedOutboxEntryIsQuarantinedAndTheOthersAreSent(t *testing.T) {
	// given a synced account with two replies queued, one of them then damaged on disk
	paths, _ := twoShops(t)
	first := open(t, Options{Paths: paths})
	_, err := first.SyncOnce(context.Background(), "hurt")
	require.NoError(t, err)
	keys := queueReplies(t, first, "hurt")
	hurtFile := first.Store("hurt").Path()
	require.NoError(t, first.Close())
	flipAfter(t, hurtFile, `{"key":"`+keys[1])

	// when the console opens again and the account syncs
	s := open(t, Options{Paths: paths})
	sum, err := s.SyncOnce(context.Background(), "hurt")

	// then the sound reply was sent, the damaged one is quarantined and shown
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Push.Sent)
	assert.Equal(t, 1, s.Health("hurt").Damaged)
	assert.NotEmpty(t, sum.Problems(), "sync says so")
	assert.Empty(t, pendingKeys(t, s.Store("hurt")))
}

func TestACacheThatCannotBeOpenedLeavesItsAccountListedAsBroken(t *testing.T) {
	// given two accounts, the second's cache a directory where a file belongs
	paths, _ := twoShops(t)
	hurt, err := (&Service{paths: paths}).cachePath("hurt")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(hurt, 0o700))

	// when the console opens
	s := open(t, Options{Paths: paths})

	// then both are listed, the broken one with its reason, and the other syncs
	require.Len(t, s.Accounts(), 2)
	assert.Error(t, s.Health("hurt").Broken)
	assert.Nil(t, s.Store("hurt"))
	assert.Error(t, s.State("hurt").Problem)
	_, err = s.SyncOnce(context.Background(), "hurt")
	assert.Error(t, err)
	_, err = s.SyncOnce(context.Background(), "good")
	assert.NoError(t, err)
}

func TestCheckAndRepairLeavesASoundCacheAndRebuildsADamagedOne(t *testing.T) {
	// given a synced account with a reply queued
	paths, _ := twoShops(t)
	s := open(t, Options{Paths: paths})
	_, err := s.SyncOnce(context.Background(), "hurt")
	require.NoError(t, err)
	keys := queueReplies(t, s, "hurt")

	// when its sound cache is checked
	rep, err := s.CheckAndRepair("hurt")

	// then nothing is moved
	require.NoError(t, err)
	assert.Nil(t, rep)

	// when the cache breaks under the running console and is checked again
	smashPageHolding(t, s.Store("hurt").Path(), anOrder(t, s.Store("hurt")))
	rep, err = s.CheckAndRepair("hurt")

	// then it is rebuilt in place with the queued replies, and syncs again
	require.NoError(t, err)
	require.NotNil(t, rep)
	assert.FileExists(t, rep.MovedTo)
	assert.ElementsMatch(t, keys, pendingKeys(t, s.Store("hurt")))
	assert.Equal(t, []string{"good", "hurt"}, []string{s.Accounts()[0].Name, s.Accounts()[1].Name})
	_, err = s.SyncOnce(context.Background(), "hurt")
	require.NoError(t, err)
	assert.Positive(t, orderCount(t, s.Store("hurt")))
}

// flipNewestMeta flips a byte of the transaction ID in the meta page with
// the higher one, so bbolt would silently fall back to the older state.
func flipNewestMeta(t *testing.T, path string) {
	t.Helper()
	const header, txidAt, sizeAt = 16, 48, 8 // bbolt's page header; txid and page size in its meta
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	page := int(binary.LittleEndian.Uint32(raw[header+sizeAt:]))
	newest := 0
	if binary.LittleEndian.Uint64(raw[page+header+txidAt:]) > binary.LittleEndian.Uint64(raw[header+txidAt:]) {
		newest = page
	}
	raw[newest+header+txidAt] ^= 0x01
	require.NoError(t, os.WriteFile(path, raw, 0o600))
}

func anOrder(t *testing.T, st *localstore.Store) string {
	t.Helper()
	orders, _, err := localstore.List[domain.Order](st, localstore.Query{Limit: 1})
	require.NoError(t, err)
	require.NotEmpty(t, orders)
	return orders[0].ID
}

// smashPageHolding overwrites the file page holding marker with junk, as a
// bad sector would; the cache may be open meanwhile.
func smashPageHolding(t *testing.T, path, marker string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	at := bytes.Index(raw, []byte(marker))
	require.Positive(t, at, "%q is in the file", marker)
	page := os.Getpagesize()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer f.Close()
	_, err = f.WriteAt(bytes.Repeat([]byte{0xA5}, page), int64(at/page*page))
	require.NoError(t, err)
}

func TestEmptyingTheSandboxCacheAtStartIsNotTakenForDamage(t *testing.T) {
	// given the sandbox's cache synced once
	paths := testPaths(t)
	first := open(t, Options{Paths: paths, SandboxOptions: &small, SandboxAccount: sandbox.AccountMain})
	name := config.SandboxAccountName(sandbox.AccountMain)
	_, err := first.SyncOnce(context.Background(), name)
	require.NoError(t, err)
	require.NoError(t, first.Close())

	// when the console starts again and empties it, as it does for the sandbox
	again := open(t, Options{Paths: paths, SandboxOptions: &small, SandboxAccount: sandbox.AccountMain})

	// then no repair is reported: the person is not told of damage that is not there
	assert.Nil(t, again.Health(name).Repaired)
	assert.NoError(t, again.Health(name).Broken)
}
