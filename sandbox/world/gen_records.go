package world

import (
	"strconv"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/sandbox/rules"
)

var cnAgents = []string{"客服-王磊", "客服-李娜", "客服-张伟", "客服-陈静"}
var enAgents = []string{"Agent Emma", "Agent Noah", "Agent Priya"}

func (g *generator) agent() string {
	if g.a.english {
		return pick(g.r, enAgents)
	}
	return pick(g.r, cnAgents)
}

func (g *generator) text(cn, en []string) string {
	if g.a.english {
		return pick(g.r, en)
	}
	return pick(g.r, cn)
}

func (g *generator) message(t *domain.Ticket, from domain.Party, author, body string, at time.Time) {
	t.Messages = append(t.Messages, domain.TicketMessage{
		ID: t.ID + "-M" + strconv.Itoa(len(t.Messages)+1), From: from, Author: author, Body: body, At: at,
	})
}

// AttachmentKinds are the file types generated tickets attach, by name
// extension and MIME type; the sandbox serves content of each type.
var AttachmentKinds = []struct{ Ext, MIME string }{
	{"png", "image/png"}, {"pdf", "application/pdf"}, {"log", "text/plain"}, {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
}

// newTicket is a ticket just opened by a customer at the given time.
func (g *generator) newTicket(at time.Time) domain.Ticket {
	p := pick(g.r, g.a.catalog)
	c := pick(g.r, g.customers)
	t := domain.Ticket{
		Meta:         domain.Meta{ID: g.id("TK")},
		Subject:      g.text(cnSubjects, enSubjects),
		CustomerName: c.CustomerName,
		ProductID:    p.id,
		ProductName:  p.name,
		Status:       domain.TicketPendingAccept,
		CreatedAt:    at,
		SLADue:       at.Add(TicketSLA),
	}
	g.message(&t, domain.PartyUser, c.UserName, t.Subject+"。"+g.text(cnCustomerReplies, enCustomerReplies), at)
	if g.chance(0.4) {
		k := pick(g.r, AttachmentKinds)
		t.Attachments = append(t.Attachments, domain.Attachment{
			ID: t.ID + "-A1", MessageID: t.Messages[0].ID, Name: "截图_" + strconv.Itoa(g.r.IntN(1000)) + "." + k.Ext,
			Size: 1024 + g.r.Int64N(8<<20), MIME: k.MIME, At: at,
		})
	}
	return t
}

// ticket is a ticket in a random state as of now.
func (g *generator) ticket(now time.Time) domain.Ticket {
	x := g.r.IntN(100)
	switch {
	case x < 25: // pending: some already past the SLA
		return g.newTicket(now.Add(-g.between(time.Minute, 30*time.Hour)))
	case x < 45:
		return g.ticketAccepted(now, domain.TicketProcessing)
	case x < 58:
		return g.ticketAccepted(now, domain.TicketAwaitingCustomer)
	case x < 68:
		return g.ticketAccepted(now, domain.TicketAwaitingConfirm)
	case x < 92:
		return g.ticketAccepted(now, domain.TicketCompleted)
	}
	t := g.newTicket(now.Add(-g.between(time.Hour, 20*24*time.Hour)))
	t.Status, t.ClosedAt = domain.TicketRevoked, now.Add(-g.between(0, 10*24*time.Hour))
	if t.ClosedAt.Before(t.CreatedAt) {
		t.ClosedAt = t.CreatedAt.Add(time.Minute)
	}
	return t
}

func (g *generator) ticketAccepted(now time.Time, st domain.TicketStatus) domain.Ticket {
	age := g.between(2*time.Hour, 6*24*time.Hour)
	if st == domain.TicketCompleted {
		age = g.between(2*24*time.Hour, 200*24*time.Hour)
	}
	t := g.newTicket(now.Add(-age))
	t.Status, t.Assignee = st, g.agent()
	t.AcceptedAt = t.CreatedAt.Add(g.between(5*time.Minute, time.Hour))
	g.message(&t, domain.PartyMerchant, t.Assignee, g.text(cnReplies, enReplies), t.AcceptedAt)
	switch st {
	case domain.TicketAwaitingCustomer:
		t.SLAPausedAt = now.Add(-g.between(0, CustomerReplyAfter))
		if t.SLAPausedAt.Before(t.AcceptedAt) {
			t.SLAPausedAt = t.AcceptedAt
		}
	case domain.TicketAwaitingConfirm, domain.TicketCompleted:
		t.ResolvedAt = t.AcceptedAt.Add(g.between(10*time.Minute, time.Hour))
		if st == domain.TicketAwaitingConfirm {
			t.ResolvedAt = now.Add(-g.between(0, CustomerConfirmAfter))
		}
		t.Cause, t.Solution = g.text([]string{"配置错误", "网络抖动", "账号权限不足"}, []string{"misconfiguration", "network glitch", "missing permission"}),
			g.text([]string{"已修正配置并验证", "已重试成功", "已授予权限"}, []string{"fixed the configuration", "retried successfully", "granted the permission"})
		if st == domain.TicketCompleted {
			t.ClosedAt = t.ResolvedAt.Add(CustomerConfirmAfter)
		}
	}
	return t
}

// task makes the supervision task of an order, at a random node.
func (g *generator) task(o *domain.Order, p product, now time.Time) domain.SupervisionTask {
	flow := domain.FlowFor(p.kind)
	t := domain.SupervisionTask{
		Meta:    domain.Meta{ID: g.id("SV")},
		OrderID: o.ID, ProductID: p.id, ProductName: p.name, CustomerName: o.Buyer.CustomerName,
		Kind: p.kind, CreatedAt: o.CreatedAt,
	}
	i := g.r.IntN(len(flow))
	if now.Sub(o.CreatedAt) > 30*24*time.Hour && g.chance(0.6) {
		i = len(flow) - 1 // old orders are mostly done
	}
	t.Current = flow[i]
	at := o.CreatedAt
	for _, n := range flow[:i] {
		at = at.Add(g.between(time.Hour, 24*time.Hour))
		t.History = append(t.History, domain.NodeEvent{Node: n, By: domain.NodeActor(n), Action: "done", At: at})
	}
	t.NodeEnteredAt = later(at, now.Add(-g.between(0, 6*24*time.Hour)))
	if t.NodeEnteredAt.After(now) {
		t.NodeEnteredAt = now
	}
	g.taskExtras(&t, now)
	if t.Current != domain.NodeDone {
		o.Status = domain.OrderProcessing
	}
	return t
}

func (g *generator) taskExtras(t *domain.SupervisionTask, now time.Time) {
	if t.Current == domain.NodeInTransit {
		t.SignedForAt = now.Add(-g.between(0, 11*24*time.Hour))
		t.PhoneMismatch = g.chance(0.1)
	}
	if t.Current != domain.NodeDone && g.chance(0.08) {
		t.Appeal = &domain.Appeal{By: pick(g.r, []domain.Party{domain.PartyUser, domain.PartyMerchant}),
			Reason:   g.text([]string{"商家超过5天未处理", "用户多次驳回验收"}, []string{"merchant idle for 5 days", "user rejected the delivery 4 times"}),
			OpenedAt: now.Add(-g.between(0, 2*24*time.Hour)), Status: domain.AppealOpen}
	}
	if t.Current != domain.NodeDone && g.chance(0.05) {
		t.CreatedAt = now.Add(-domain.UnacceptedWarning + g.between(-24*time.Hour, 5*24*time.Hour)) // near the 180-day warning
	}
	t.Rejections = g.r.IntN(2)
}

// ifaceFor is the interface the marketplace calls for an order type.
func ifaceFor(t domain.OrderType) domain.InterfaceKind {
	switch t {
	case domain.OrderChange:
		return domain.IfaceUpgrade
	case domain.OrderRenew:
		return domain.IfaceRenew
	case domain.OrderUnsubscribe:
		return domain.IfaceRelease
	case domain.OrderTrialToFormal:
		return domain.IfaceUpdateStatus
	}
	return domain.IfaceCreateInstance
}

// newAlert is a call that failed for the first time at first.
func (g *generator) newAlert(o *domain.Order, kind domain.InterfaceKind, license bool, first time.Time) domain.InterfaceAlert {
	pol := domain.RetryPolicyFor(kind, license)
	a := domain.InterfaceAlert{
		Meta: domain.Meta{ID: g.id("AL")}, OrderID: o.ID, ProductName: o.ProductName, CustomerName: o.Buyer.CustomerName,
		Kind: kind, License: license, Attempts: 1, FirstFailureAt: first, LastAttemptAt: first,
		NextRetryAt: first.Add(pol.Interval), State: domain.AlertRetrying,
	}
	if len(o.Lines) > 0 {
		a.OrderLineID = o.Lines[0].ID
	}
	a.LastCode = pick(g.r, rules.FailureCodes)
	a.LastMessage = domain.SellerResultCodes[a.LastCode].Zh
	if pol.AutoUnsubscribe {
		a.UnsubscribeAt = first.Add(pol.Window)
	}
	return a
}

// alert makes a failure alert for an order, in a random state as of now.
func (g *generator) alert(o *domain.Order, p product, now time.Time) domain.InterfaceAlert {
	kind := ifaceFor(o.Type)
	if g.chance(0.15) {
		kind = pick(g.r, []domain.InterfaceKind{domain.IfaceOrderNotify, domain.IfaceExpire, domain.IfaceUpdateStatus})
	}
	pol := domain.RetryPolicyFor(kind, p.license)
	x := g.r.IntN(100)
	var first time.Time
	switch {
	case x < 15: // close to automatic unsubscription
		first = now.Add(-pol.Window + g.between(2*time.Minute, 20*time.Minute))
	case x < 50:
		first = now.Add(-g.between(time.Minute, pol.Window))
	default:
		first = now.Add(-pol.Window - g.between(time.Minute, 20*24*time.Hour))
	}
	a := g.newAlert(o, kind, p.license, first)
	a.Attempts = 1 + int(earlier(now, first.Add(pol.Window)).Sub(first)/pol.Interval)
	a.LastAttemptAt = first.Add(time.Duration(a.Attempts-1) * pol.Interval)
	a.NextRetryAt = a.LastAttemptAt.Add(pol.Interval)
	o.Status = domain.OrderProcessing
	if !first.Add(pol.Window).After(now) {
		g.closeAlert(&a, o, pol, x)
	}
	return a
}

// closeAlert settles an alert whose retry window is over.
func (g *generator) closeAlert(a *domain.InterfaceAlert, o *domain.Order, pol domain.RetryPolicy, x int) {
	a.NextRetryAt = time.Time{}
	switch {
	case x < 70:
		a.State, a.LastCode, a.LastMessage = domain.AlertResolved, "000000", domain.SellerResultCodes["000000"].Zh
		o.Status = domain.OrderCompleted
	case pol.AutoUnsubscribe:
		a.State = domain.AlertUnsubscribed
		unsubscribeOrder(o)
	default:
		a.State = domain.AlertFailed
	}
}

// unsubscribeOrder marks an order the marketplace gave up on.
func unsubscribeOrder(o *domain.Order) {
	o.Status = domain.OrderCancelled
	o.Extend = append(o.Extend[:len(o.Extend):len(o.Extend)], domain.Param{Name: "cancelReason", Value: "UNSUBSCRIBED_AFTER_INTERFACE_FAILURE"})
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
