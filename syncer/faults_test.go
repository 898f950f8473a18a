package syncer

import (
	"context"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/sandbox"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPull_ConvergesUnderFaultMix(t *testing.T) {
	// given a sandbox failing 20% with 500, 5% with 429 + Retry-After 1s,
	// truncating 5% of bodies and slowing 5% beyond the client's timeout
	sb := startSandbox(t, sandbox.Options{Seed: 7, Orders: 1500, Tickets: 300, Faults: sandbox.Faults{
		ErrorRate: 0.20, RateLimitRate: 0.05, RetryAfter: time.Second,
		TruncateRate: 0.05, LatencyRate: 0.05, Latency: 1500 * time.Millisecond,
	}})
	var waits []time.Duration
	r := newRig(t, sb, "", func(o *Options) {
		o.PageSize, o.Timeout, o.MaxAttempts = 100, 500*time.Millisecond, 8
		o.Sleep = func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return sleepCtx(ctx, d) }
	})

	// when it syncs, retrying rounds as the scheduler would
	rounds, err := syncUntilDone(context.Background(), r.eng, 5)

	// then the cache converged to exactly the sandbox's state
	require.NoError(t, err, "after %d rounds", rounds)
	assertConverged(t, sb, r.acct.ID, r.store)
	assert.True(t, waitedAbout(waits, time.Second), "a Retry-After of 1s was waited out: %v", waits)

	// and a second sync over the same faults changes nothing
	sum, err := r.eng.Sync(context.Background())
	require.NoError(t, err)
	for _, rs := range sum.Resources {
		assert.Zero(t, rs.New+rs.Changed+rs.Removed, "%s", rs.Resource)
	}
	assertConverged(t, sb, r.acct.ID, r.store)
}

// waitedAbout reports a wait of d measured from the reply's arrival: the
// client sleeps until arrival+d, so the sleep is d less the microseconds
// spent between reading the reply and starting to wait.
func waitedAbout(waits []time.Duration, d time.Duration) bool {
	for _, w := range waits {
		if w <= d && w > d-10*time.Millisecond {
			return true
		}
	}
	return false
}
