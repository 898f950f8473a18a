package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBillShareMismatches_FlagsALineSettledAtAnotherRate(t *testing.T) {
	// given the sandbox's ¥20,000.00 × 75% line settled as ¥16,000.00, a
	// line a fen off after rounding, and a refund mirroring a right line
	wrong := BillLine{ID: "L1", OrderAmount: 2_000_000, ShareRate: 0.75, Amount: 1_600_000}
	rounded := BillLine{ID: "L2", OrderAmount: 199, ShareRate: 0.7, Amount: 140} // 139.3 fen
	refund := BillLine{ID: "L3", OrderAmount: -199, ShareRate: 0.7, Amount: -139}
	b := Bill{Lines: []BillLine{rounded, wrong, refund}}

	// when the bill is checked line by line
	got := b.ShareMismatches()

	// then only the wrong line is flagged, with what it should have settled
	assert.Equal(t, []ShareMismatch{{Line: wrong, Expected: 1_500_000, Diff: 100_000}}, got)
	assert.Equal(t, Money(0), rounded.ShareDifference(), "a fen of rounding is not a mismatch")
	assert.Equal(t, Money(-139), refund.ShareAmount())
}

func TestBillShareMismatches_ShortSettlementIsNegative(t *testing.T) {
	// given a line settled ¥10.00 under its share
	l := BillLine{OrderAmount: 10_000, ShareRate: 0.8, Amount: 7_000}

	// then the difference says it fell short
	assert.Equal(t, Money(-1_000), l.ShareDifference())
	assert.Len(t, Bill{Lines: []BillLine{l}}.ShareMismatches(), 1)
}

func TestBillStatusNeedsMerchant(t *testing.T) {
	want := map[BillStatus]bool{
		BillPendingInvoice:   true,  // invoice Huawei Cloud against the 开票清单
		BillInvoiceReview:    false, // Huawei Cloud reviews
		BillInvoiceError:     true,
		BillInvoiceApproved:  false,
		BillPaymentInfoError: true,
		BillPaymentAppFailed: true,
		BillPaymentRejected:  true, // submit a ticket with the payment application number
		BillPaid:             false,
	}
	assert.Len(t, BillStatuses, len(want))
	for _, s := range BillStatuses {
		t.Run(string(s), func(t *testing.T) {
			w, known := want[s]
			assert.True(t, known)
			assert.Equal(t, w, s.NeedsMerchant())
		})
	}
}

func TestBillLinesTotal(t *testing.T) {
	tests := []struct {
		name  string
		lines []BillLine
		want  Money
	}{
		{"no lines", nil, 0},
		{"one line", []BillLine{{Amount: 70000}}, 70000},
		{"with a refund", []BillLine{{Amount: 70000}, {Amount: 12345}, {Amount: -5000}}, 77345},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Bill{Amount: 1, Lines: tt.lines}.LinesTotal())
		})
	}
}
