package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/quickreply"
	"github.com/koogallery/merchant-console/reports"
	"github.com/koogallery/merchant-console/syncer"
)

// The ticket workspace beyond the reply box: internal notes, the quick-reply
// library, and opening a ticket's attachments.

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

// QuickReplies is the agent's quick-reply library: the personal set in
// <config>/quick-replies.json (0600), the shared sets in
// <config>/quick-replies-shared/*.json. The window edits, imports and
// exports through it (Add, Update, Delete, ImportPersonal, ImportShared,
// ExportPersonal, RemoveShared, SharedSets).
func (s *Service) QuickReplies() *quickreply.Library { return quickreply.Open(s.paths.Config) }

// QuickReplyIndex loads every reply the agent can insert (personal, shared,
// the examples in lang) ready to search as the agent types: build it when
// the picker opens and after an edit or import. Sets that cannot be read
// are left out and their errors returned.
func (s *Service) QuickReplyIndex(lang string) (*quickreply.Index, []error) {
	entries, errs := s.QuickReplies().List(lang)
	return quickreply.NewIndex(entries), errs
}

// FindQuickReplies lists the replies the agent can insert (personal, shared,
// the examples in lang) matching query, best first; an empty query lists
// all. Sets that cannot be read are left out and their errors returned.
func (s *Service) FindQuickReplies(lang, query string) ([]quickreply.Entry, []error) {
	ix, errs := s.QuickReplyIndex(lang)
	return ix.Search(query), errs
}

// ExpandQuickReply fills a reply's text for a cached ticket of account and
// the agent's display name, ready for the reply box. Placeholders it cannot
// fill stay in the text and are listed in the result.
func (s *Service) ExpandQuickReply(account, ticketID, text, agent string) (quickreply.Expansion, error) {
	a, err := s.cachedAccount(account)
	if err != nil {
		return quickreply.Expansion{}, fmt.Errorf("quick reply: %w", err)
	}
	t, ok, err := localstore.Get[domain.Ticket](a.store, ticketID)
	switch {
	case err != nil:
		return quickreply.Expansion{}, fmt.Errorf("quick reply: %w", err)
	case !ok:
		return quickreply.Expansion{}, fmt.Errorf("quick reply: ticket %q is not in the cache of %q", ticketID, account)
	}
	return quickreply.Expand(text, quickreply.ValuesFor(t, agent)), nil
}

// AttachmentsDir is where "Open" keeps an account's attachments:
// attachments/<account> under the data dir.
func (s *Service) AttachmentsDir(account string) string {
	return filepath.Join(s.paths.Data, "attachments", reports.SafeFileName(account))
}

// SaveAttachment downloads one attachment of a cached ticket of account
// into dir under the attachment's own (sanitised, de-duplicated) name and
// returns the file's path.
func (s *Service) SaveAttachment(ctx context.Context, account, ticketID, attachmentID, dir string) (string, error) {
	a, err := s.mustAccount(account)
	if err != nil {
		return "", err
	}
	if a.client == nil {
		return "", fmt.Errorf("download the attachment: %s does not connect: %w", account, a.unsynced)
	}
	name := ""
	if a.store != nil {
		// the cached metadata names the file; without it the server's
		// Content-Disposition would, so a lookup failure is no error
		if tk, ok, err := localstore.Get[domain.Ticket](a.store, ticketID); err == nil && ok {
			for _, at := range tk.Attachments {
				if at.ID == attachmentID {
					name = at.Name
				}
			}
		}
	}
	return a.client.DownloadAttachment(ctx, ticketID, attachmentID, syncer.AttachmentTarget{Dir: dir, Name: name})
}
