package localstore

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

func TestApplyPage_SetsAsidePoisonRecordsAndKeepsTheRest(t *testing.T) {
	// given a page with good orders around every kind of record the cache cannot store
	s := openTemp(t)
	noStatus := order(2, 1)
	noStatus.Status = ""
	onlyIDVersion := domain.Order{Meta: domain.Meta{ID: "CS-bare", Version: 4}}
	longID := order(3, 1)
	longID.ID = strings.Repeat("X", 40<<10)
	badUTF8 := order(4, 1)
	badUTF8.ID = "CS\xff\xfe-4"
	noID := order(5, 1)
	noID.ID = ""
	page := Page{Resource: domain.ResOrders, Cursor: "c-after-poison",
		Items: []domain.Record{order(1, 1), noStatus, onlyIDVersion, longID, badUTF8, noID, order(6, 1)}}

	// when it is applied
	applied, err := s.ApplyPageReport(page)

	// then the good records and the cursor are stored, the five bad ones set aside with reasons
	require.NoError(t, err)
	assert.Len(t, applied.Changes, 2)
	assert.Len(t, applied.SetAside, 5)
	cur, err := s.Cursor(domain.ResOrders)
	require.NoError(t, err)
	assert.Equal(t, "c-after-poison", cur)
	_, total, err := List[domain.Order](s, Query{Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, 2, total)
	requireConsistent(t, s, domain.ResOrders)
	list, err := s.SetAsideRecords()
	require.NoError(t, err)
	require.Len(t, list, 5)
	reasons := map[string]string{}
	for _, e := range list {
		reasons[e.Reason] = e.ID
		assert.LessOrEqual(t, len(e.String()), 2*MaxQuoted+200, "a set-aside line stays short")
		assert.LessOrEqual(t, len(e.Raw), maxRawKept+64)
	}
	assert.Contains(t, reasons, "the record has no status")
	assert.Contains(t, reasons, "its id is not valid UTF-8")
	assert.Contains(t, reasons, "its id is 40960 bytes long (the cache stores at most 1024)")
	n, err := s.SetAsideCount()
	require.NoError(t, err)
	assert.Equal(t, 5, n)
}

func TestApplyPage_ALaterValidVersionReplacesASetAsideRecord(t *testing.T) {
	// given an order set aside at version 2 for having no status
	s := openTemp(t)
	bad := order(7, 2)
	bad.Status = ""
	apply(t, s, domain.ResOrders, bad)

	// when the same version is sent again, it stays aside
	apply(t, s, domain.ResOrders, bad)
	n, err := s.SetAsideCount()
	require.NoError(t, err)
	require.Equal(t, 1, n)

	// when the server sends a valid version 3
	apply(t, s, domain.ResOrders, order(7, 3))

	// then it is stored and no longer set aside
	n, err = s.SetAsideCount()
	require.NoError(t, err)
	assert.Zero(t, n)
	got, ok, err := Get[domain.Order](s, order(7, 3).ID)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, int64(3), got.Version)
}

func TestQuote_CutsLongAndInvalidValues(t *testing.T) {
	assert.Equal(t, "short", Quote("short"))
	long := Quote(strings.Repeat("长", 1000))
	assert.LessOrEqual(t, len(long), MaxQuoted+40)
	assert.Contains(t, long, "more bytes")
	assert.Equal(t, "a\uFFFDb", Quote("a\xffb"))
}

func TestApplyPage_ANewerVersionReplacesARecordThatNoLongerDecodes(t *testing.T) {
	// given an order whose stored bytes were damaged
	s := openTemp(t)
	apply(t, s, domain.ResOrders, order(8, 1))
	id := order(8, 1).ID
	require.NoError(t, s.update(func(tx *bolt.Tx) error {
		return resBucket(tx, domain.ResOrders).Bucket(subRec).Put([]byte(id), []byte("Z garbage"))
	}))
	require.ErrorIs(t, s.Verify(), ErrCorrupt)

	// when the server sends a newer version
	_, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: []domain.Record{order(8, 2)}})

	// then it replaces the damaged copy and the cache reads whole again
	require.NoError(t, err)
	got, ok, err := Get[domain.Order](s, id)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, int64(2), got.Version)
	require.NoError(t, s.Verify())
}
