package export

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/reports"
)

// fiveOrders is a cache with orders O1…O5.
func fiveOrders(t *testing.T) *localstore.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := localstore.Open(path, "shop", localstore.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	created := time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC)
	var items []domain.Record
	for _, id := range []string{"O1", "O2", "O3", "O4", "O5"} {
		items = append(items, domain.Order{Meta: domain.Meta{ID: id, Account: "shop", Version: 1, UpdatedAt: created},
			Status: domain.OrderCompleted, CreatedAt: created, Currency: "CNY"})
		created = created.Add(time.Hour)
	}
	_, err = s.ApplyPage(localstore.Page{Resource: domain.ResOrders, Items: items})
	require.NoError(t, err)
	return s
}

// write exports from the cache as the service does, at the wall clock.
func write(t *testing.T, s *localstore.Store, req Request) (reports.Result, error) {
	t.Helper()
	return Write(context.Background(), s, s.Account(), t.TempDir(), time.Now(), req)
}

// csvOrderIDs reads the first column under the header of an orders CSV.
func csvOrderIDs(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	require.NoError(t, err)
	var ids []string
	for _, row := range rows[1:] {
		ids = append(ids, row[0])
	}
	return ids
}

func TestExportOfASelectionWritesExactlyThePickedRecords(t *testing.T) {
	// given five cached orders
	cache := fiveOrders(t)
	out := filepath.Join(t.TempDir(), "o.csv")

	// when two of them, and one the cache does not hold, are exported
	res, err := write(t, cache, Request{Kind: domain.ResOrders, Format: "csv",
		IDs: []string{"O4", "O2", "GONE"}, Out: out})

	// then exactly the two held are written, and counted
	require.NoError(t, err)
	assert.Equal(t, 2, res.Records)
	assert.ElementsMatch(t, []string{"O2", "O4"}, csvOrderIDs(t, out))
}

func TestExportWithoutASelectionWritesTheWholeQuery(t *testing.T) {
	// given five cached orders, when exported with no selection
	cache := fiveOrders(t)
	res, err := write(t, cache, Request{Kind: domain.ResOrders, Format: "csv",
		Out: filepath.Join(t.TempDir(), "o.csv")})

	// then all five are written
	require.NoError(t, err)
	assert.Equal(t, 5, res.Records)
}
