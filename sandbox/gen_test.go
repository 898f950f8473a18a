package sandbox

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/domain"
)

func TestGenerate_SameSeedSameWorld(t *testing.T) {
	a := startSandbox(t, nil)
	b := startSandbox(t, nil)
	other := startSandbox(t, func(o *Options) { o.Seed = 8 })
	for _, res := range domain.AllResources {
		assert.Equal(t, a.Checksum(AccountMain, res), b.Checksum(AccountMain, res), res)
	}
	assert.NotEqual(t, a.Checksum(AccountMain, domain.ResTickets), other.Checksum(AccountMain, domain.ResTickets))
	assert.Equal(t, a.Accounts(), b.Accounts(), "keys derive from the seed")
	assert.NotEqual(t, a.Accounts()[0].AK, other.Accounts()[0].AK)
}

func TestGenerate_CoversEveryKindAndState(t *testing.T) {
	srv := startSandbox(t, func(o *Options) { o.Orders = 3000; o.Tickets = 300; o.Supervision = 200; o.Alerts = 200 })
	seen := map[string]bool{}
	odd := 0
	for _, r := range srv.Records(AccountMain, domain.ResOrders) {
		o := r.(domain.Order)
		seen["type/"+string(o.Type)] = true
		seen["status/"+string(o.Status)] = true
		seen["mode/"+string(o.Lines[0].ChargingMode)] = true
		if strings.ContainsAny(o.Buyer.CustomerName, "=\"🚀@+") || len([]rune(o.Buyer.CustomerName)) > 60 {
			odd++
		}
	}
	for _, r := range srv.Records(AccountMain, domain.ResTickets) {
		seen["ticket/"+string(r.(domain.Ticket).Status)] = true
	}
	for _, r := range srv.Records(AccountMain, domain.ResAlerts) {
		a := r.(domain.InterfaceAlert)
		seen["alert/"+string(a.State)] = true
		seen["iface/"+string(a.Kind)] = true
	}
	for _, r := range srv.Records(AccountMain, domain.ResSupervision) {
		s := r.(domain.SupervisionTask)
		seen["kind/"+string(s.Kind)] = true
		if s.Frozen() {
			seen["frozen"] = true
		}
	}
	for _, k := range domain.OrderTypes {
		assert.True(t, seen["type/"+string(k)], k)
	}
	for _, k := range domain.OrderStatuses {
		assert.True(t, seen["status/"+string(k)], k)
	}
	for _, k := range []domain.ChargingMode{domain.ChargePeriod, domain.ChargeOneTime, domain.ChargeOnDemand, domain.ChargeOnDemandPack} {
		assert.True(t, seen["mode/"+string(k)], k)
	}
	for _, k := range domain.TicketStatuses {
		assert.True(t, seen["ticket/"+string(k)], k)
	}
	for _, k := range []domain.AlertState{domain.AlertRetrying, domain.AlertFailed, domain.AlertResolved, domain.AlertUnsubscribed} {
		assert.True(t, seen["alert/"+string(k)], k)
	}
	for _, k := range []domain.ProductKind{domain.KindLicense, domain.KindHardware, domain.KindOrchestration, domain.KindSaaSOffline} {
		assert.True(t, seen["kind/"+string(k)], k)
	}
	assert.True(t, seen["frozen"])
	assert.Positive(t, odd, "some customers have names that break careless code")
}
