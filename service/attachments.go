package service

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/reports"
	"github.com/koogallery/merchant-console/syncer"
)

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
