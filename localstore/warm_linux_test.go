package localstore

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/cachefile"
)

func TestList_FirstUnfilteredPageMapsTheSearchSegmentsIn(t *testing.T) {
	// given a reopened cache of 20k orders whose mapped pages were dropped
	// (opening it reads some of them)
	s := openTemp(t)
	for from := 0; from < 20_000; from += 1000 {
		_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(from, 1000, 1)})
		require.NoError(t, err)
	}
	path := s.Path()
	require.NoError(t, s.Close())
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()
	segKB := 0
	require.NoError(t, s.view(func(tx *bolt.Tx) error {
		return resBucket(tx, domain.ResOrders).Bucket(subSeg).ForEach(func(_, v []byte) error {
			segKB += len(v) / 1024
			return nil
		})
	}))
	require.NoError(t, s.view(func(tx *bolt.Tx) error { cachefile.ReleaseMapped(tx, path); return nil }))
	before := mappedKB(t, path)

	// when the orders list shows its first page, with no filter
	_, _, err = List[domain.Order](s, Query{Sort: SortTime, Desc: true, Limit: 100})
	require.NoError(t, err)

	// then the segments the next search reads get mapped in the background
	require.Eventually(t, func() bool { return mappedKB(t, path)-before >= segKB }, 10*time.Second, 10*time.Millisecond,
		"segments %d KB, mapped before %d KB, now %d KB", segKB, before, mappedKB(t, path))
}
