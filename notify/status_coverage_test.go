package notify

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// inStatus builds a record of the kind in one status, fresh at now.
func inStatus(t *testing.T, res domain.Resource, code string, now time.Time) domain.Record {
	t.Helper()
	m := domain.Meta{ID: "R-" + code, Account: "acct-1", Version: 2}
	switch res {
	case domain.ResOrders:
		return domain.Order{Meta: m, Status: domain.OrderStatus(code), CreatedAt: now}
	case domain.ResSupervision:
		return domain.SupervisionTask{Meta: m, Current: domain.Node(code), CreatedAt: now, NodeEnteredAt: now}
	case domain.ResTickets:
		return domain.Ticket{Meta: m, Status: domain.TicketStatus(code), CreatedAt: now}
	case domain.ResAlerts:
		return domain.InterfaceAlert{Meta: m, State: domain.AlertState(code), FirstFailureAt: now}
	case domain.ResBills:
		return domain.Bill{Meta: m, Status: domain.BillStatus(code), GeneratedAt: now}
	case domain.ResTransactions:
		return domain.TransactionDetail{Meta: m, Status: domain.TransactionStatus(code), TradeTime: now}
	case domain.ResMessages:
		return domain.Message{Meta: m, Category: domain.MessageCategory(code), CreatedAt: now}
	}
	t.Fatalf("no record for %s", res)
	return nil
}

// entered is a change that brings the record into its status: new for the
// kinds announced on arrival, a status change for bills.
func entered(t *testing.T, res domain.Resource, code string, now time.Time) domain.Change {
	after := inStatus(t, res, code, now)
	c := domain.Change{Account: "acct-1", Resource: res, Kind: domain.ChangeNew, ID: after.RecordMeta().ID, After: after}
	if res == domain.ResBills {
		c.Kind, c.Before = domain.ChangeUpdated, inStatus(t, res, "SOME_EARLIER_STATUS", now)
	}
	return c
}

func TestEveryStatusHasANotificationDecision(t *testing.T) {
	now := time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)
	for _, k := range domain.Kinds() {
		for _, st := range k.Statuses {
			t.Run(string(k.Resource)+"/"+st.Code, func(t *testing.T) {
				// given the domain's decision for the status (for the
				// message centre, notify's decision by category)
				want := Kind(st.Notice)
				if k.Resource == domain.ResMessages {
					want = messageRule(domain.MessageCategory(st.Code))
				}
				if want != "" {
					require.Contains(t, AllKinds, want, "the notice has a rule the settings show")
					require.Contains(t, defaultRules, want, "the notice has a default")
				}

				// when a record arrives in (or enters) the status
				evs := changeEvents(entered(t, k.Resource, st.Code, now), now)

				// then notify raises exactly the domain's notice, or nothing
				var got []Kind
				for _, ev := range evs {
					got = append(got, ev.kind)
				}
				if want == "" {
					assert.Empty(t, got)
				} else {
					assert.Equal(t, []Kind{want}, got)
				}
			})
		}
	}
}

func TestEveryNoticeOfTheDomainIsARule(t *testing.T) {
	var notices []Kind
	for _, k := range domain.Kinds() {
		for _, st := range k.Statuses {
			if st.Notice != domain.NoticeNone && !slices.Contains(notices, Kind(st.Notice)) {
				notices = append(notices, Kind(st.Notice))
			}
		}
	}
	assert.ElementsMatch(t, []Kind{KindNewOrder, KindSupervisionWaiting, KindNewTicket, KindNewAlert, KindBillInvoice, KindPaymentRejected}, notices)
}
