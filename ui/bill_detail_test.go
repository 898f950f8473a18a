package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/domain"
)

func TestBillGuidance(t *testing.T) {
	cases := []struct {
		status domain.BillStatus
		want   string // a phrase the guidance must contain
	}{
		{domain.BillPaymentRejected, "submit a ticket quoting payment application number PA-B1"},
		{domain.BillPaymentRejected, "check that your invoice was issued"},
		{domain.BillInvoiceError, "correct the invoice and submit it again"},
		{domain.BillPendingInvoice, "开票清单"},
		{domain.BillPendingInvoice, "3rd"},
		{domain.BillPaid, ""},
	}
	for _, c := range cases {
		t.Run(string(c.status), func(t *testing.T) {
			g := billGuidance(fixtureBill("B1", c.status))
			if c.want == "" {
				assert.Empty(t, g)
				return
			}
			assert.Contains(t, g, c.want)
		})
	}
}

func TestBillDetail_ShowsLinesAndWarnsOnMismatch(t *testing.T) {
	// given a bill whose lines do not add up to its amount
	b := fixtureBill("B2", domain.BillInvoiceError)
	b.Amount = 99999
	s := newFixtureStore(t, b)
	d := newBillDetail(newFixtureBackend(t, s))
	newTestWindow(t, d.root)

	// when shown
	d.load(b)

	// then each line is listed and the mismatch is flagged
	assert.Len(t, d.rows, 1)
	assert.Contains(t, d.rows[0], "CS1/CS1-000001")
	assert.Contains(t, d.rows[0], "60%")
	assert.True(t, shows(d.root, "differs from the bill amount"))
	assert.True(t, d.guidance.Visible())
}
