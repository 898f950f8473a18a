package rules

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// TicketAction applies a seller action to a ticket by the marketplace's
// rules: which status allows which action is the domain's (domain.Allows);
// the checks here are the inputs and who accepted first. It returns the
// changed copy; the stored ticket is never touched, so a refusal changes
// nothing.
func TicketAction(t domain.Ticket, name domain.ActionName, p domain.ActionParams, now time.Time) (domain.Ticket, bool, *Refusal) {
	t.Messages = slices.Clip(t.Messages) // appends must not write into a shared array
	switch name {
	case domain.ActTicketAccept:
		return acceptTicket(t, p, now)
	case domain.ActTicketReply:
		return replyTicket(t, p, now)
	case domain.ActTicketAwaitCustomer:
		return awaitCustomer(t, p, now)
	case domain.ActTicketResolve:
		return resolveTicket(t, p, now)
	case domain.ActTicketNote:
		return noteTicket(t, p, now)
	}
	return t, false, BadValue("工单不支持操作 %s / unknown ticket action %s", name, name)
}

func acceptTicket(t domain.Ticket, p domain.ActionParams, now time.Time) (domain.Ticket, bool, *Refusal) {
	agent := strings.TrimSpace(p.Agent)
	if agent == "" {
		return t, false, BadParam("受理需要 agent / accept needs agent")
	}
	if !domain.Allows(t, domain.ActTicketAccept) {
		if t.Assignee == agent && t.Status.Open() {
			return t, false, nil // the same agent again: already done, nothing to change
		}
		if t.Assignee != "" && t.Status.Open() {
			return t, false, Refuse(marketapi.ReasonAlreadyAccepted,
				"工单已被 %s 受理 / ticket already accepted by %s", t.Assignee, t.Assignee)
		}
		return t, false, invalidState(t.Status, domain.ActTicketAccept)
	}
	t.Status, t.Assignee, t.AcceptedAt = domain.TicketProcessing, agent, now
	return t, true, nil
}

func addMerchantMessage(t *domain.Ticket, p domain.ActionParams, body string, now time.Time) {
	author := p.Agent
	if author == "" {
		author = t.Assignee
	}
	t.Messages = append(t.Messages, domain.TicketMessage{
		ID: t.ID + "-M" + strconv.Itoa(len(t.Messages)+1), From: domain.PartyMerchant, Author: author, Body: body, At: now,
	})
}

func replyTicket(t domain.Ticket, p domain.ActionParams, now time.Time) (domain.Ticket, bool, *Refusal) {
	if strings.TrimSpace(p.Message) == "" {
		return t, false, BadParam("回复需要 message / reply needs message")
	}
	if !domain.Allows(t, domain.ActTicketReply) {
		return t, false, invalidState(t.Status, domain.ActTicketReply)
	}
	addMerchantMessage(&t, p, p.Message, now)
	return t, true, nil
}

func awaitCustomer(t domain.Ticket, p domain.ActionParams, now time.Time) (domain.Ticket, bool, *Refusal) {
	if !domain.Allows(t, domain.ActTicketAwaitCustomer) {
		return t, false, invalidState(t.Status, domain.ActTicketAwaitCustomer)
	}
	if p.Message != "" {
		addMerchantMessage(&t, p, p.Message, now)
	}
	t.Status, t.SLAPausedAt = domain.TicketAwaitingCustomer, now // the SLA clock stops
	return t, true, nil
}

// ResumeSLA restarts a paused SLA clock, moving the due time by the pause.
func ResumeSLA(t *domain.Ticket, at time.Time) {
	if t.SLAPausedAt.IsZero() {
		return
	}
	paused := at.Sub(t.SLAPausedAt)
	t.SLAPausedFor += paused
	t.SLADue = t.SLADue.Add(paused)
	t.SLAPausedAt = time.Time{}
}

func resolveTicket(t domain.Ticket, p domain.ActionParams, now time.Time) (domain.Ticket, bool, *Refusal) {
	if strings.TrimSpace(p.Cause) == "" || strings.TrimSpace(p.Solution) == "" {
		return t, false, BadParam("确认解决需要 cause 和 solution / resolve needs cause and solution")
	}
	if !domain.Allows(t, domain.ActTicketResolve) {
		return t, false, invalidState(t.Status, domain.ActTicketResolve)
	}
	ResumeSLA(&t, now)
	t.Status, t.Cause, t.Solution, t.ResolvedAt = domain.TicketAwaitingConfirm, p.Cause, p.Solution, now
	return t, true, nil
}
