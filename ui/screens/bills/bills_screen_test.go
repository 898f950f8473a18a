package bills

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

func TestRecordScreen_OpenWithRecordIDShowsIt(t *testing.T) {
	// given bills, one of them rejected
	test.NewTempApp(t)
	st := uitest.NewStore(t, uitest.Bill("B1", domain.BillPaid), uitest.Bill("B2", domain.BillPaymentRejected))
	s := New(screentest.NewBackend(t, st))
	screentest.Show(t, s)

	// when a notification opens bill B2
	s.Open(screens.NavTarget{Resource: domain.ResBills, RecordID: "B2"})
	screentest.WaitLoad(t, s)
	s.Settle()

	// then its detail is shown with the guidance for a rejected payment
	d := s.Detail().(*billDetail)
	assert.Equal(t, "B2", d.bill.ID)
	assert.Contains(t, d.guidance.Text, "PA-B2")
}
