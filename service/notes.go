package service

import (
	"errors"
	"fmt"
	"strings"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// Errors of a note refused before anything is queued.
var (
	ErrEmptyNote = errors.New("an internal note needs some text")
	ErrNoAgent   = errors.New("an internal note needs the agent's name")
)

// AddNote queues an internal note (内部备注) by agent on a cached ticket of
// account. It goes out through the outbox like a reply: queued when
// offline, sent exactly once under its own idempotency key. The marketplace
// keeps it in the ticket's conversation flagged internal; the customer
// never sees it. A note is refused here, before anything is queued, when
// the text or the agent is blank, the ticket is not cached or its status takes no notes.
func (s *Service) AddNote(account, ticketID, agent, text string) (domain.Action, error) {
	if strings.TrimSpace(text) == "" {
		return domain.Action{}, ErrEmptyNote
	}
	if strings.TrimSpace(agent) == "" {
		return domain.Action{}, ErrNoAgent // the marketplace would refuse it after the fact
	}
	a, err := s.cachedAccount(account)
	if err != nil {
		return domain.Action{}, fmt.Errorf("add note: %w", err)
	}
	t, ok, err := localstore.Get[domain.Ticket](a.store, ticketID)
	switch {
	case err != nil:
		return domain.Action{}, fmt.Errorf("add note: %w", err)
	case !ok:
		return domain.Action{}, fmt.Errorf("add note: ticket %q is not in the cache of %q", ticketID, account)
	case !domain.Allows(t, domain.ActTicketNote):
		return domain.Action{}, fmt.Errorf("add note: a %s ticket takes no notes", t.Status)
	}
	key, err := domain.NewActionKey()
	if err != nil {
		return domain.Action{}, err
	}
	return s.Enqueue(domain.Action{Key: key, Account: account, Resource: domain.ResTickets, RecordID: ticketID,
		Name: domain.ActTicketNote, Params: domain.ActionParams{Agent: agent, Message: text}, CreatedAt: s.Now()})
}
