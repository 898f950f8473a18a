package exports

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
)

// fileExport writes a small file per request, as the reports backend does,
// and records what it was asked.
func fileExport(dir string, got *backend.ExportRequest) func(context.Context, backend.ExportRequest, func(float64)) (string, error) {
	return func(ctx context.Context, req backend.ExportRequest, progress func(float64)) (string, error) {
		*got = req
		progress(0.5)
		p := filepath.Join(dir, string(req.Kind)+"."+req.Format)
		return p, os.WriteFile(p, []byte("id\n"), 0o600)
	}
}

func TestExportsScreen_ExportRecordsHistoryAndOpensFile(t *testing.T) {
	// given the exports screen over a backend that writes files
	test.NewTempApp(t)
	s := uitest.NewStore(t)
	b := screentest.NewBackend(t, s)
	var got backend.ExportRequest
	out := t.TempDir()
	b.Export = fileExport(out, &got)
	var opened []*url.URL
	b.OpenURL = func(u *url.URL) error { opened = append(opened, u); return nil }
	e := New(b)
	e.jobs.Wait()
	test.NewTempWindow(t, e.Object())

	// when bills are exported as csv, only the rejected ones
	e.kind.SetSelectedIndex(slices.Index(Kinds, domain.ResBills))
	e.format.SetSelected("csv")
	e.status.SetSelected(kit.LabelBillStatus(domain.BillPaymentRejected))
	e.Start()
	e.jobs.Wait()

	// then the backend got that request, the history keeps it and it can be opened
	assert.Equal(t, domain.ResBills, got.Kind)
	assert.Equal(t, []string{string(domain.BillPaymentRejected)}, got.Statuses)
	assert.Equal(t, "csv", got.Format)
	assert.False(t, got.To.Before(got.From))
	h, err := loadExportHistory(b.DataDir)
	require.NoError(t, err)
	require.Len(t, h, 1)
	assert.Equal(t, filepath.Join(out, "bills.csv"), h[0].Path)
	require.Len(t, e.history, 1)
	e.openPath(e.history[0].Path)
	require.Len(t, opened, 1)
	assert.Equal(t, "file", opened[0].Scheme)
	assert.False(t, e.start.Disabled())
}

func TestExportsScreen_CancelKeepsNoFileAndSaysSo(t *testing.T) {
	// given an export that runs until cancelled
	test.NewTempApp(t)
	b := screentest.NewBackend(t, uitest.NewStore(t))
	started := make(chan struct{})
	b.Export = func(ctx context.Context, _ backend.ExportRequest, _ func(float64)) (string, error) {
		close(started)
		<-ctx.Done()
		return "", ctx.Err()
	}
	e := New(b)
	e.jobs.Wait()
	test.NewTempWindow(t, e.Object())

	// when it starts and the user cancels
	e.Start()
	<-started
	e.Cancel()
	e.jobs.Wait()

	// then the history says cancelled and the form is ready again
	require.Len(t, e.history, 1)
	assert.True(t, e.history[0].Canceled)
	assert.Contains(t, e.message.Text, "cancelled")
	assert.False(t, e.start.Disabled())
}

func TestExportsScreen_EndBeforeStartIsRefused(t *testing.T) {
	test.NewTempApp(t)
	b := screentest.NewBackend(t, uitest.NewStore(t))
	e := New(b)
	e.jobs.Wait()
	from := uitest.Now
	to := uitest.Now.AddDate(0, 0, -3)
	e.from.SetDate(&from)
	e.to.SetDate(&to)

	_, err := e.Request()

	assert.Error(t, err)
}

func TestExportHistory_DamagedFileIsReportedNotLost(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, exportHistoryFile), []byte("{not json"), 0o600))

	_, err := loadExportHistory(dir)

	assert.ErrorContains(t, err, "damaged")
}
