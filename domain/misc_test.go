package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMessageCategoryCode(t *testing.T) {
	tests := []struct {
		cat  MessageCategory
		want int
	}{
		{MsgProductOpen, 101}, {MsgOperations, 501}, {MsgOther, 901},
		{MsgTrade, 0}, {MsgTicket, 0}, {"UNKNOWN", 0},
	}
	for _, tt := range tests {
		t.Run(string(tt.cat), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.cat.Code())
		})
	}
}

func TestResourceValid(t *testing.T) {
	for _, r := range AllResources {
		assert.True(t, r.Valid(), r)
	}
	for _, r := range []Resource{"", "order", "Orders", "orders/", "whoami", "changes"} {
		assert.False(t, r.Valid(), "%q", r)
	}
}

func TestRecordsNameTheirResource(t *testing.T) {
	records := map[Resource]Record{
		ResOrders: Order{}, ResSupervision: SupervisionTask{}, ResTickets: Ticket{},
		ResAlerts: InterfaceAlert{}, ResBills: Bill{}, ResTransactions: TransactionDetail{},
		ResMessages: Message{},
	}
	assert.Len(t, records, len(AllResources))
	for res, rec := range records {
		assert.Equal(t, res, rec.Resource())
	}
}
