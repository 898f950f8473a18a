package tickets

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

// sandboxAttachment starts a real sandbox and returns one of its tickets
// with an attachment and a download callback signed as its account.
func sandboxAttachment(t *testing.T) (domain.Ticket, func(ctx context.Context, tid, aid, dir string) (string, error)) {
	t.Helper()
	srv, err := sandbox.Start(context.Background(), sandbox.Options{Seed: 3, Tickets: 60, NoArrivals: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	acct := srv.Accounts()[0]
	c, err := syncer.NewClient(syncer.Options{BaseURL: srv.URL(), Signer: apig.Signer{AK: acct.AK, SK: acct.SK}})
	require.NoError(t, err)
	t.Cleanup(c.Close)
	for _, r := range srv.Records(acct.ID, domain.ResTickets) {
		if tk := r.(domain.Ticket); len(tk.Attachments) > 0 {
			tk.Account = uitest.Account // the test cache's own name for the account
			return tk, func(ctx context.Context, tid, aid, dir string) (string, error) {
				return c.DownloadAttachment(ctx, tid, aid, syncer.AttachmentTarget{Dir: dir, Name: tk.Attachments[0].Name})
			}
		}
	}
	t.Fatal("the sandbox has no ticket with an attachment")
	return domain.Ticket{}, nil
}

// answerFolder makes the folder dialog choose dir, for this test only.
func answerFolder(t *testing.T, dir string) {
	t.Helper()
	was := chooseFolder
	chooseFolder = func(_ fyne.Window, _ string, done func(string)) { done(dir) }
	t.Cleanup(func() { chooseFolder = was })
}

func TestAttachmentSave_WritesTheFileIntoTheChosenFolderAndRemembersIt(t *testing.T) {
	// given a sandbox ticket with an attachment shown in the detail pane, and a folder the user picks
	tk, download := sandboxAttachment(t)
	b := screentest.NewBackend(t, uitest.NewStore(t, tk))
	b.SaveAttachment = download
	d := newTicketDetail(b)
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	d.f.Jobs.Wait()
	chosen := t.TempDir()
	answerFolder(t, chosen)

	// when Save… is pressed
	test.Tap(uitest.FindButton(t, d.root, "Save…"))
	d.f.Jobs.Wait()

	// then the attachment is in that folder, owner-only, the pane says where, and the folder is remembered
	want := filepath.Join(chosen, tk.Attachments[0].Name)
	st, err := os.Stat(want)
	require.NoError(t, err, uitest.VisibleLabels(d.root))
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	assert.Equal(t, min(tk.Attachments[0].Size, sandbox.MaxAttachmentBytes), st.Size())
	assert.True(t, uitest.Shows(d.root, want), uitest.VisibleLabels(d.root))
	assert.Equal(t, chosen, fyne.CurrentApp().Preferences().String(prefLastAttachmentFolder))
}

func TestAttachmentSave_ADownloadFailureIsExplainedInThePane(t *testing.T) {
	// given an attachment the server does not have
	tk, download := sandboxAttachment(t)
	tk.Attachments = append([]domain.Attachment(nil), tk.Attachments...) // not the sandbox's own slice
	tk.Attachments[0].ID = "missing"
	b := screentest.NewBackend(t, uitest.NewStore(t, tk))
	b.SaveAttachment = download
	d := newTicketDetail(b)
	uitest.NewWindow(t, d.root)
	d.Load(tk)
	d.f.Jobs.Wait()
	chosen := t.TempDir()
	answerFolder(t, chosen)

	// when Save… is pressed
	test.Tap(uitest.FindButton(t, d.root, "Save…"))
	d.f.Jobs.Wait()

	// then nothing is written and the pane says the download failed
	es, _ := os.ReadDir(chosen)
	assert.Empty(t, es)
	assert.True(t, uitest.Shows(d.root, tk.Attachments[0].Name+" could not be downloaded"), uitest.VisibleLabels(d.root))
}
