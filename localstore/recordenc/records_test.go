package recordenc

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestBillsWrittenBeforeTheirTypeStillDecode(t *testing.T) {
	// given a bill stored by the layout-1 encoding, which had no Type
	at := time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)
	b := domain.Bill{Meta: domain.Meta{ID: "B1", Account: "acct", Version: 3}, Period: "2026-10",
		GeneratedAt: at, Status: domain.BillPaymentRejected, Amount: 12345, Currency: "CNY",
		PaymentAppNo: "PA-1", Lines: []domain.BillLine{{ID: "L1", OrderID: "O1", Amount: 12345}}}
	data := EncodeBill(nil, &b)
	// the layout byte and the fields before Type
	head := len(putTime(putStr(putMeta([]byte{billLayout}, &b.Meta), b.Period), b.GeneratedAt))
	require.Equal(t, byte(0), data[head], "an empty Type is one zero length byte")
	v1 := append([]byte{1}, data[1:head]...)
	v1 = append(v1, data[head+1:]...)

	// when it is read by today's decoder
	var got domain.Bill
	err := DecodeBill(v1, &got)

	// then every field is there and the type is simply unknown
	require.NoError(t, err)
	assert.Equal(t, b, got)
	assert.ErrorContains(t, DecodeBill(append([]byte{9}, data[1:]...), &got), "bill layout 9 not known")
}
