package localstore

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestApplyPage_StoresRecordsAndCursorTogether(t *testing.T) {
	// given a fresh cache
	s := openTemp(t)

	// when a page of orders is applied with its cursor
	changes, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: orders(0, 10, 1), Cursor: "c1"})

	// then every order is new, readable, carries the account, and the cursor is stored
	require.NoError(t, err)
	require.Len(t, changes, 10)
	for _, c := range changes {
		assert.Equal(t, domain.ChangeNew, c.Kind)
		assert.Equal(t, testAccount, c.Account)
		assert.Nil(t, c.Before)
	}
	got, ok, err := Get[domain.Order](s, order(3, 1).ID)
	require.NoError(t, err)
	require.True(t, ok)
	want := order(3, 1)
	want.Account = testAccount
	assert.Equal(t, want.ID, got.ID)
	assert.Equal(t, want.Buyer, got.Buyer)
	assert.True(t, want.CreatedAt.Equal(got.CreatedAt))
	assert.Equal(t, testAccount, got.Account)
	cur, err := s.Cursor(domain.ResOrders)
	require.NoError(t, err)
	assert.Equal(t, "c1", cur)
}
