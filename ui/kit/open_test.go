package kit

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openFailure runs OpenFile with the opener replaced and returns what it
// reported, waiting for the opener's verdict.
func openFailure(t *testing.T, opener, path string) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("the freedesktop opener is Linux's")
	}
	a := test.NewTempApp(t)
	old, oldDo := xdgOpen, Do
	t.Cleanup(func() { xdgOpen, Do = old, oldDo })
	got := make(chan string, 1)
	xdgOpen = opener
	Do = func(f func()) { f() }
	OpenFile(a, path, func(err error) { got <- err.Error() })
	select {
	case msg := <-got:
		return msg
	case <-time.After(2 * time.Second):
		return ""
	}
}

func TestOpenFile_SaysWhenNoProgramHandlesTheType(t *testing.T) {
	// given an opener that finds no handler (exits non-zero, as xdg-open does)
	// when an exported workbook is opened
	msg := openFailure(t, "false", filepath.Join(t.TempDir(), "orders.xlsx"))

	// then the window is told which type has no program and what to do
	require.NotEmpty(t, msg, "the failure was never reported")
	assert.Contains(t, msg, ".xlsx")
	assert.Contains(t, msg, "Open folder")
}

func TestOpenFile_SaysWhenThereIsNoOpenerAtAll(t *testing.T) {
	// given a desktop without xdg-open
	msg := openFailure(t, "no-such-opener-for-tests", "/tmp/orders.xlsx")

	// then the message names what to install
	assert.Contains(t, msg, "xdg-utils")
}

func TestOpenFile_ReportsNothingWhenTheFileOpens(t *testing.T) {
	// given an opener that succeeds
	msg := openFailure(t, "true", "/tmp/orders.xlsx")

	// then nothing is reported
	assert.Empty(t, msg)
}
