package sandbox

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestSim_SameSeedSameHistory(t *testing.T) {
	// given two sandboxes of the same seed, with arrivals, on stopped clocks
	world := func(o *Options) {
		o.NoArrivals = false
		o.Orders, o.Tickets, o.Supervision, o.Alerts = 2000, 400, 300, 300
		o.Rates = Rates{OrdersPerHour: 30, TicketsPerHour: 10}
	}
	a, b := startSandbox(t, world), startSandbox(t, world)

	// when both live the same three days in the same steps
	for range 12 {
		a.Advance(6 * time.Hour)
		b.Advance(6 * time.Hour)
	}

	// then every record reached the same version with the same content:
	// the simulation's random draws were taken in the same order
	for _, res := range domain.AllResources {
		assert.Equal(t, a.Checksum(AccountMain, res), b.Checksum(AccountMain, res), "versions of %s", res)
		assert.Empty(t, differing(t, a.Records(AccountMain, res), b.Records(AccountMain, res)), "records of %s that differ", res)
	}
}

// differing lists the IDs (at most 5) whose records differ between two
// listings, whatever their order.
func differing(t *testing.T, as, bs []domain.Record) []string {
	t.Helper()
	other := map[string][]byte{}
	for _, r := range bs {
		j, err := json.Marshal(r)
		require.NoError(t, err)
		other[r.RecordMeta().ID] = j
	}
	var out []string
	for _, r := range as {
		j, err := json.Marshal(r)
		require.NoError(t, err)
		if id := r.RecordMeta().ID; string(other[id]) != string(j) && len(out) < 5 {
			out = append(out, id)
		}
	}
	if len(as) != len(bs) {
		out = append(out, fmt.Sprintf("(%d records against %d)", len(as), len(bs)))
	}
	return out
}
