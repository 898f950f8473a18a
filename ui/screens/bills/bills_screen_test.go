package bills

import (
	"strings"
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
	loop := uitest.NewLoop(t) // Open looks the record up on a worker; its hand-backs run here
	st := uitest.NewStore(t, uitest.Bill("B1", domain.BillPaid), uitest.Bill("B2", domain.BillPaymentRejected))
	s := New(screentest.NewBackend(t, st))
	t.Cleanup(s.Close)
	test.NewTempWindow(t, s.Object())
	loop.RunUntil(t, func() bool { return s.Table().Total() == 2 })

	// when a notification opens bill B2
	s.Open(screens.NavTarget{Resource: domain.ResBills, RecordID: "B2"})

	// then its detail is shown with the guidance for a rejected payment
	loop.RunUntil(t, func() bool { cur, ok := s.Detail().Current(); return ok && cur.ID == "B2" })
	d := s.Detail().(*billDetail)
	assert.Equal(t, "B2", d.bill.ID)
	assert.Contains(t, d.guidance.Text, "PA-B2")
}

func TestBills_SameMonthBillsAreToldApartByNumber(t *testing.T) {
	// given two bills of the same month
	test.NewTempApp(t)
	loop := uitest.NewLoop(t)
	st := uitest.NewStore(t, uitest.Bill("BL-2026-10-A", domain.BillPaid), uitest.Bill("BL-2026-10-B", domain.BillPaid))
	s := New(screentest.NewBackend(t, st))
	t.Cleanup(s.Close)
	test.NewTempWindow(t, s.Object())
	loop.RunUntil(t, func() bool { return s.Table().Total() == 2 })

	// when the list is read, then each row carries its bill number
	var numbers []string
	for row := range 2 {
		_, texts, ok := s.Table().Row(row)
		assert.True(t, ok)
		for _, cell := range texts {
			if strings.HasPrefix(cell, "BL-") {
				numbers = append(numbers, cell)
			}
		}
	}
	assert.ElementsMatch(t, []string{"BL-2026-10-A", "BL-2026-10-B"}, numbers)

	// when one is opened, then its title names it too
	s.Open(screens.NavTarget{Resource: domain.ResBills, RecordID: "BL-2026-10-B"})
	loop.RunUntil(t, func() bool { cur, ok := s.Detail().Current(); return ok && cur.ID == "BL-2026-10-B" })
	d := s.Detail().(*billDetail)
	assert.Contains(t, d.f.Title.Text, "BL-2026-10-B")
}
