package bills

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

func TestBillGuidance(t *testing.T) {
	cases := []struct {
		status domain.BillStatus
		want   string // a phrase the guidance must contain
	}{
		{domain.BillPaymentRejected, "submit a ticket quoting payment application number PA-B1"},
		{domain.BillInvoiceError, "correct the invoice and submit it again"},
		{domain.BillPendingInvoice, "开票清单"},
		{domain.BillPendingInvoice, "3rd"},
		{domain.BillPaid, ""},
	}
	for _, c := range cases {
		t.Run(string(c.status), func(t *testing.T) {
			g := billGuidance(uitest.Bill("B1", c.status))
			if c.want == "" {
				assert.Empty(t, g)
				return
			}
			assert.Contains(t, g, c.want)
		})
	}
}

func TestBillGuidance_RejectedPaymentDependsOnTheBillType(t *testing.T) {
	cases := []struct {
		typ  domain.BillType
		want string
	}{
		{domain.BillGeneral, "Huawei Cloud support will take it up"},
		{domain.BillJoint, "check that this bill was invoiced to Huawei Cloud"},
		{domain.BillHuawei, "check that this bill was invoiced to Huawei Cloud"},
		{"", "or check that your invoice was issued"},
	}
	for _, c := range cases {
		t.Run(string(c.typ), func(t *testing.T) {
			b := uitest.Bill("B1", domain.BillPaymentRejected)
			b.Type = c.typ
			g := billGuidance(b)
			assert.Contains(t, g, c.want)
			assert.Contains(t, g, "PA-B1", "the payment application number is quoted")
		})
	}
}

func TestBillDetail_ShowsLinesAndWarnsOnMismatch(t *testing.T) {
	// given a bill whose lines do not add up to its amount
	b := uitest.Bill("B2", domain.BillInvoiceError)
	b.Amount = 99999
	s := uitest.NewStore(t, b)
	d := newBillDetail(screentest.NewBackend(t, s))
	uitest.NewWindow(t, d.root)

	// when shown
	d.Load(b)

	// then each line is listed and the mismatch is flagged
	assert.Len(t, d.rows, 1)
	assert.Contains(t, d.rows[0], "CS1/CS1-000001")
	assert.Contains(t, d.rows[0], "60%")
	assert.True(t, uitest.Shows(d.root, "differs from the bill amount"))
	assert.True(t, d.guidance.Visible())
}
