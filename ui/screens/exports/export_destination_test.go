package exports

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/ui/backend"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
)

func TestExportsScreen_SavesInTheChosenFolder(t *testing.T) {
	// given the exports screen with a folder of the user's choosing
	test.NewTempApp(t)
	b := screentest.NewBackend(t, uitest.NewStore(t))
	var got backend.ExportRequest
	consoleDir, chosen := t.TempDir(), t.TempDir()
	b.Export = fileExport(consoleDir, &got)
	e := New(b)
	e.jobs.Wait()
	test.NewTempWindow(t, e.Object())
	e.dest.set(chosen)

	// when orders are exported
	e.Start()
	e.jobs.Wait()

	// then the file is in that folder, private, and the history points there
	want := filepath.Join(chosen, "orders.xlsx")
	info, err := os.Stat(want)
	require.NoError(t, err, e.message.Text)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	assert.NoFileExists(t, filepath.Join(consoleDir, "orders.xlsx"))
	require.Len(t, e.history, 1)
	assert.Equal(t, want, e.history[0].Path)
	assert.Contains(t, e.message.Text, want)
}

func TestExportsScreen_ExistingFileInTheChosenFolderIsKeptAndExplained(t *testing.T) {
	// given a chosen folder that already holds a file of that name
	test.NewTempApp(t)
	b := screentest.NewBackend(t, uitest.NewStore(t))
	var got backend.ExportRequest
	consoleDir, chosen := t.TempDir(), t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(chosen, "orders.xlsx"), []byte("old"), 0o600))
	b.Export = fileExport(consoleDir, &got)
	e := New(b)
	e.jobs.Wait()
	test.NewTempWindow(t, e.Object())
	e.dest.set(chosen)

	// when orders are exported
	e.Start()
	e.jobs.Wait()

	// then the old file is untouched, the new one stays in the console's folder, and the user is told
	old, err := os.ReadFile(filepath.Join(chosen, "orders.xlsx"))
	require.NoError(t, err)
	assert.Equal(t, "old", string(old))
	assert.FileExists(t, filepath.Join(consoleDir, "orders.xlsx"))
	assert.Contains(t, e.message.Text, "already exists")
}

func TestExportsScreen_OpenSaysWhenNothingOpensTheFile(t *testing.T) {
	// given a desktop with no program for the file
	test.NewTempApp(t)
	b := screentest.NewBackend(t, uitest.NewStore(t))
	b.OpenFile = func(path string, failed func(error)) {
		failed(errors.New("No program on this computer opens .xlsx files"))
	}
	e := New(b)
	e.jobs.Wait()
	test.NewTempWindow(t, e.Object())

	// when Open is pressed for an export
	e.openPath(filepath.Join(t.TempDir(), "orders.xlsx"))

	// then the window says so
	assert.Contains(t, e.message.Text, "No program on this computer opens .xlsx files")
}

func TestExportsScreen_DatesReadTheSameInBothLanguages(t *testing.T) {
	for _, l := range []i18n.Language{i18n.Chinese, i18n.English} {
		t.Run(string(l), func(t *testing.T) {
			// given the console in that language on 2026-12-02
			require.NoError(t, kit.ApplyLanguage(l))
			t.Cleanup(func() { _ = kit.ApplyLanguage(i18n.English) })
			test.NewTempApp(t)
			b := screentest.NewBackend(t, uitest.NewStore(t))
			b.Now = func() time.Time { return time.Date(2026, 12, 2, 10, 0, 0, 0, kit.DisplayLocation()) }

			// when the export form opens
			e := New(b)
			e.jobs.Wait()

			// then its dates are written as every list writes them
			assert.Equal(t, "2026-11-02", e.from.Text)
			assert.Equal(t, "2026-12-02", e.to.Text)
			assert.Equal(t, kit.FormatDate(b.Now()), e.to.Text)

			// when a date is typed day-first, then it is refused with how to write it
			e.from.SetText("02/11/2026")
			_, err := e.Request()
			require.Error(t, err)
			assert.Error(t, e.from.Validate())
			e.from.SetText("2026-11-02")
			req, err := e.Request()
			require.NoError(t, err)
			assert.Equal(t, 2, req.From.Day())
			assert.Equal(t, domain.ResOrders, req.Kind)
		})
	}
}
