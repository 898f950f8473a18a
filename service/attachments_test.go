package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
)

// syncedTicketWithAttachment syncs the sandbox's main account and returns a
// cached ticket that has an attachment.
func syncedTicketWithAttachment(t *testing.T, s *Service, name string) domain.Ticket {
	t.Helper()
	_, err := s.SyncOnce(context.Background(), name)
	require.NoError(t, err)
	tks, _, err := localstore.List[domain.Ticket](s.Store(name), localstore.Query{Limit: 10000})
	require.NoError(t, err)
	for _, tk := range tks {
		if len(tk.Attachments) > 0 {
			return tk
		}
	}
	t.Fatal("no cached ticket has an attachment")
	return domain.Ticket{}
}

func TestSaveAttachmentWritesTheSandboxFileUnderItsNameIntoTheFolder(t *testing.T) {
	// given a synced sandbox account with a ticket that has an attachment
	opts := small
	opts.Tickets = 60
	s := open(t, Options{Paths: testPaths(t), SandboxOptions: &opts, SandboxAccount: sandbox.AccountMain})
	name := config.SandboxAccountName(sandbox.AccountMain)
	tk := syncedTicketWithAttachment(t, s, name)
	att := tk.Attachments[0]
	dir := filepath.Join(t.TempDir(), "chosen")

	// when it is saved into a folder
	path, err := s.SaveAttachment(context.Background(), name, tk.ID, att.ID, dir)

	// then the file is there under the attachment's name, of its (capped) size, owner-only
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, att.Name), path)
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, min(att.Size, sandbox.MaxAttachmentBytes), st.Size())
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
}

func TestSaveAttachmentOfAnUnknownAttachmentFailsAndWritesNothing(t *testing.T) {
	// given a synced sandbox account
	opts := small
	opts.Tickets = 60
	s := open(t, Options{Paths: testPaths(t), SandboxOptions: &opts, SandboxAccount: sandbox.AccountMain})
	name := config.SandboxAccountName(sandbox.AccountMain)
	tk := syncedTicketWithAttachment(t, s, name)
	dir := t.TempDir()

	// when an attachment the ticket does not have is saved
	_, err := s.SaveAttachment(context.Background(), name, tk.ID, "nope", dir)

	// then it fails and the folder stays empty
	require.Error(t, err)
	es, _ := os.ReadDir(dir)
	assert.Empty(t, es)
}
