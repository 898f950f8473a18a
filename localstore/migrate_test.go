package localstore

import (
	"encoding/binary"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// writeSchema1 writes a cache in the schema-1 layout (see migrate.go): flat
// JSON buckets per resource, a flat outbox keyed by idempotency key.
func writeSchema1(t *testing.T, path string, ords []domain.Order, tickets []domain.Ticket, actions []domain.Action) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket(bktMeta)
		_ = meta.Put(keyAccount, []byte(testAccount))
		_ = meta.Put(keySchema, binary.BigEndian.AppendUint64(nil, 1))
		cursors, _ := tx.CreateBucket(bktCursors)
		_ = cursors.Put([]byte(domain.ResOrders), []byte("v1-cursor-42"))
		ob, _ := tx.CreateBucket(bktOutbox)
		for _, a := range actions {
			data, _ := json.Marshal(a)
			_ = ob.Put([]byte(a.Key), data)
		}
		put := func(res domain.Resource, id string, v any) error {
			b, err := tx.CreateBucketIfNotExists([]byte(res))
			if err != nil {
				return err
			}
			data, _ := json.Marshal(v)
			return b.Put([]byte(id), data)
		}
		for _, o := range ords {
			if err := put(domain.ResOrders, o.ID, o); err != nil {
				return err
			}
		}
		for _, tk := range tickets {
			if err := put(domain.ResTickets, tk.ID, tk); err != nil {
				return err
			}
		}
		return nil
	}))
}

func TestMigration_FromSchema1(t *testing.T) {
	// given a schema-1 cache with orders, tickets, a cursor and an outbox
	path := filepath.Join(t.TempDir(), "old.db")
	var ords []domain.Order
	for i := range 50 {
		ords = append(ords, order(i, 1))
	}
	tickets := []domain.Ticket{
		ticket("T1", 2, domain.TicketPendingAccept, "发票开错了", baseTime.Add(2*time.Hour)),
		ticket("T2", 1, domain.TicketCompleted, "已解决", baseTime),
	}
	later := action("second", "T1", domain.ActTicketReply)
	later.CreatedAt = baseTime.Add(time.Minute)
	writeSchema1(t, path, ords, tickets, []domain.Action{later, action("first", "T1", domain.ActTicketAccept)})

	// when today's console opens it
	s, err := Open(path, testAccount, Options{})
	require.NoError(t, err)
	defer s.Close()

	// then records, indexes, counts, cursor and outbox are all in the new layout
	page, total, err := List[domain.Order](s, Query{Sort: SortTime, Desc: true, Limit: 5})
	require.NoError(t, err)
	assert.Equal(t, 50, total)
	assert.Equal(t, ords[49].ID, page[0].ID)
	requireConsistent(t, s, domain.ResOrders)
	requireConsistent(t, s, domain.ResTickets)
	ov, err := s.Overview(baseTime)
	require.NoError(t, err)
	assert.Equal(t, 1, ov.TicketsWaiting)
	cur, err := s.Cursor(domain.ResOrders)
	require.NoError(t, err)
	assert.Equal(t, "v1-cursor-42", cur)
	pending, err := s.PendingActions()
	require.NoError(t, err)
	assert.Equal(t, []string{"first", "second"}, keysOf(pending), "ordered by creation")
	assert.Equal(t, []uint64{1, 2}, []uint64{pending[0].Seq, pending[1].Seq})
	require.NoError(t, s.view(func(tx *bolt.Tx) error {
		assert.Nil(t, tx.Bucket([]byte(domain.ResOrders)), "the flat bucket is gone")
		assert.Equal(t, uint64(SchemaVersion), binary.BigEndian.Uint64(tx.Bucket(bktMeta).Get(keySchema)))
		return nil
	}))
}
