package service

import (
	"fmt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/quickreply"
)

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
	a, err := s.mustAccount(account)
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
