package sandbox

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestLiving_FastClockMovesTheWorldByItself(t *testing.T) {
	// given a sandbox whose clock runs an hour per real second
	srv, err := Start(context.Background(), Options{Seed: 5, Speed: 3600, TickEvery: 10 * time.Millisecond,
		Rates: Rates{OrdersPerHour: 20}})
	require.NoError(t, err)
	defer srv.Close()
	seq := srv.Seq(AccountMain)
	orders := srv.Count(AccountMain, domain.ResOrders)
	// then, without any request, orders arrive and versions move on
	assert.Eventually(t, func() bool {
		return srv.Count(AccountMain, domain.ResOrders) > orders && srv.Seq(AccountMain) > seq
	}, 10*time.Second, 20*time.Millisecond)
}

func TestLiving_StopsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := Start(ctx, Options{Seed: 5})
	require.NoError(t, err)
	cancel()
	require.Eventually(t, func() bool {
		_, _, err := send(t, srv, "/")
		return err != nil
	}, 5*time.Second, 20*time.Millisecond)
	assert.NoError(t, srv.Close())
}
