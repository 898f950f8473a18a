package localstore

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/segment"
)

// mappedKB is the resident size of the file's mapping, from /proc/self/smaps.
func mappedKB(t *testing.T, path string) int {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	inode := []byte(strconv.FormatUint(fi.Sys().(*syscall.Stat_t).Ino, 10))
	smaps, err := os.ReadFile("/proc/self/smaps")
	require.NoError(t, err)
	kb, in := 0, false
	for _, line := range bytes.Split(smaps, []byte("\n")) {
		f := bytes.Fields(line)
		switch {
		case len(f) >= 6 && bytes.Contains(f[0], []byte("-")):
			in = bytes.Equal(f[4], inode)
		case in && len(f) >= 2 && string(f[0]) == "Rss:":
			n, _ := strconv.Atoi(string(f[1]))
			kb += n
		}
	}
	return kb
}

func TestScan_LeavesTheFilesPagesOutOfTheResidentSet(t *testing.T) {
	// given a cache of 20k orders, all read once through the map
	s := openTemp(t)
	for from := 0; from < 20_000; from += 1000 {
		_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(from, 1000, 1)})
		require.NoError(t, err)
	}
	require.NoError(t, s.view(func(tx *bolt.Tx) error {
		return resBucket(tx, domain.ResOrders).Bucket(subRec).ForEach(func(_, _ []byte) error { return nil })
	}))
	before := mappedKB(t, s.Path())
	require.Greater(t, before, 2048, "the records were read through the map")

	// when a full scan runs
	n := 0
	require.NoError(t, Scan(s, Query{Sort: SortTime}, func(domain.Order) error { n++; return nil }))

	// then the map holds far less than the file's records, and every
	// record was still read whole
	assert.Equal(t, 20_000, n)
	assert.Less(t, mappedKB(t, s.Path()), before/2)
	page, total, err := List[domain.Order](s, Query{Search: "acme", Limit: 5})
	require.NoError(t, err)
	assert.Equal(t, 5000, total)
	assert.Equal(t, "Acme Corp", page[0].Buyer.CustomerName)
}

func TestApplyPage_LeavesTheFilesPagesOutOfTheResidentSet(t *testing.T) {
	// given a cache of 20k orders, all read once through the map
	s := openTemp(t)
	for from := 0; from < 20_000; from += 1000 {
		_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(from, 1000, 1)})
		require.NoError(t, err)
	}
	require.NoError(t, s.view(func(tx *bolt.Tx) error {
		return resBucket(tx, domain.ResOrders).Bucket(subRec).ForEach(func(_, _ []byte) error { return nil })
	}))
	before := mappedKB(t, s.Path())
	require.Greater(t, before, 2048, "the records were read through the map")

	// when a sync writes more than segment.ReleaseAfterRecords records
	for from := 20_000; from < 20_000+segment.ReleaseAfterRecords+1000; from += 1000 {
		_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(from, 1000, 1)})
		require.NoError(t, err)
	}

	// then the map holds less than the records read before, and they
	// still read back whole
	assert.Less(t, mappedKB(t, s.Path()), before)
	got, ok, err := Get[domain.Order](s, order(7, 1).ID)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, order(7, 1).Buyer.CustomerName, got.Buyer.CustomerName)
}
