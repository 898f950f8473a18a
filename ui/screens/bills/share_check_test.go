package bills

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

func TestBillDetail_FlagsALineSettledAtAnotherShare(t *testing.T) {
	// given a bill with one line settled right and one at the wrong share
	// (the sandbox's ¥20,000.00 × 75% = ¥16,000.00)
	b := uitest.Bill("B7", domain.BillPendingInvoice)
	b.Lines = []domain.BillLine{
		{ID: "L1", OrderID: "O1", OrderLineID: "O1-1", ProductName: "对", OrderAmount: 1000000, ShareRate: 0.8, Amount: 800000},
		{ID: "L2", OrderID: "O2", OrderLineID: "O2-1", ProductName: "错", OrderAmount: 2000000, ShareRate: 0.75, Amount: 1600000},
	}
	b.Amount = 2400000
	d := newBillDetail(screentest.NewBackend(t, uitest.NewStore(t, b)))
	uitest.NewWindow(t, d.root)

	// when it is shown
	d.Load(b)

	// then exactly the wrong line says what it should be, and the facts count it
	require.Len(t, d.rows, 2)
	assert.NotContains(t, d.rows[0], "⚠")
	assert.Contains(t, d.rows[1], "⚠")
	assert.Contains(t, d.rows[1], "15,000.00")
	flagged := false
	for _, l := range uitest.VisibleLabels(d.facts) {
		flagged = flagged || strings.Contains(l, "1 lines do not settle")
	}
	assert.True(t, flagged, "the share check counts the wrong line")
}
