package localstore

import (
	"encoding/binary"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

func TestSearchSegments_StayExactThroughSplitsUpdatesAndRemovals(t *testing.T) {
	// given 3000 orders arriving in shuffled pages (IDs below, between and
	// above the stored segments), then updates and removals spread over them
	s := openTemp(t)
	const n = 3000
	all := make([]domain.Order, n)
	perm := rand.New(rand.NewPCG(1, 2)).Perm(n)
	for from := 0; from < n; from += 400 {
		var page []domain.Record
		for _, i := range perm[from:min(from+400, n)] {
			all[i] = order(i, 1)
			all[i].Account = testAccount
			page = append(page, all[i])
		}
		_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: page})
		require.NoError(t, err)
	}
	var updates []domain.Record
	var removed []domain.Tombstone
	for i := 7; i < n; i += 13 {
		o := order(i, 2)
		o.Buyer.CustomerName = "新客户 Renamed"
		o.Status = domain.OrderCancelled
		o.Account = testAccount
		all[i] = o
		updates = append(updates, o)
	}
	for i := 5; i < n; i += 17 {
		removed = append(removed, domain.Tombstone{ID: all[i].ID, Version: 9})
	}
	_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: updates, Removed: removed})
	require.NoError(t, err)
	kept := all[:0:0]
	for i, o := range all {
		if i < 5 || (i-5)%17 != 0 {
			kept = append(kept, o)
		}
	}

	// then the segments hold exactly the rows, split below segMax, and
	// every query agrees with a naive filter
	requireConsistent(t, s, domain.ResOrders)
	listAgreesWithNaive(t, s, kept)
	page, total, err := List[domain.Order](s, Query{Search: "renamed 新客户", Limit: 1000})
	require.NoError(t, err)
	assert.Equal(t, len(updates)-countRemovedUpdates(), total)
	assert.Len(t, page, total)
}

// countRemovedUpdates is how many of the test's updated orders (every 13th
// from 7) it also removes (every 17th from 5).
func countRemovedUpdates() int {
	n := 0
	for i := 7; i < 3000; i += 13 {
		if (i-5)%17 == 0 {
			n++
		}
	}
	return n
}

func TestMigration_FromSchema2DropsUnreadIndexesAndBuildsSegments(t *testing.T) {
	// given a schema-2 cache: rows and indexes, the three unread indexes,
	// no search segments or dictionary
	path := filepath.Join(t.TempDir(), "v2.db")
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	all := seedOrders(t, s, 700)
	require.NoError(t, s.Close())
	db, err := bolt.Open(path, 0o600, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		b := resBucket(tx, domain.ResOrders)
		for _, sub := range [][]byte{subSeg, subDict} {
			if err := b.DeleteBucket(sub); err != nil {
				return err
			}
		}
		for _, sub := range [][]byte{subUpdated, subCustomer, subProduct} {
			ix, err := b.CreateBucket(sub)
			if err != nil {
				return err
			}
			if err := ix.Put([]byte("old-key"), nil); err != nil {
				return err
			}
		}
		return tx.Bucket(bktMeta).Put(keySchema, binary.BigEndian.AppendUint64(nil, 2))
	}))
	require.NoError(t, db.Close())

	// when it is opened
	s, err = Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()

	// then the old indexes are gone, the segments match the rows and
	// search answers as before
	require.NoError(t, s.view(func(tx *bolt.Tx) error {
		b := resBucket(tx, domain.ResOrders)
		for _, sub := range [][]byte{subUpdated, subCustomer, subProduct} {
			assert.Nil(t, b.Bucket(sub), "%s dropped", sub)
		}
		return nil
	}))
	requireConsistent(t, s, domain.ResOrders)
	listAgreesWithNaive(t, s, all)
}

func TestScan_InTimeOrderAgreesWithANaiveFilterAcrossBatches(t *testing.T) {
	// given 700 orders: more than two Scan batches
	s := openTemp(t)
	all := seedOrders(t, s, 700)
	proc := string(domain.OrderProcessing)
	for name, q := range map[string]Query{
		"everything, newest first":         {Desc: true},
		"offset and limit across batches":  {Offset: 250, Limit: 300},
		"search and status, newest first":  {Search: "acme", Statuses: []string{proc}, Desc: true},
		"time window, Chinese, limited":    {Search: "云", From: baseTime.Add(time.Hour), To: baseTime.Add(9 * time.Hour), Limit: 40},
		"customer filter, offset past end": {Customer: "深圳", Offset: 10_000},
	} {
		t.Run(name, func(t *testing.T) {
			// when the matches are scanned
			got := []string{}
			require.NoError(t, Scan(s, q, func(o domain.Order) error { got = append(got, o.ID); return nil }))

			// then they are the naive filter's, in its order
			want, _ := naive(all, q)
			assert.Equal(t, want, got)
		})
	}
}
