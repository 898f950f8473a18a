package reports

import (
	"context"
	"errors"
	"iter"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/koogallery/merchant-console/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errCacheBroken = errors.New("cache read failed")

// generated yields n synthetic orders, calling at(i) before each so a test
// can cancel or fail half-way.
func generated(n int, at func(i int) error) iter.Seq2[domain.Order, error] {
	return func(yield func(domain.Order, error) bool) {
		for i := range n {
			if err := at(i); err != nil {
				yield(domain.Order{}, err)
				return
			}
			if !yield(genOrder(i), nil) {
				return
			}
		}
	}
}

func TestFailedExportLeavesNothingBehind(t *testing.T) {
	for _, format := range []Format{FormatXLSX, FormatCSV} {
		for _, tc := range []struct {
			name  string
			setup func(cancel context.CancelFunc) func(i int) error
			want  error
		}{
			{"cancelled half-way", func(cancel context.CancelFunc) func(int) error {
				return func(i int) error {
					if i == 1000 {
						cancel()
					}
					return nil
				}
			}, context.Canceled},
			{"iterator fails half-way", func(context.CancelFunc) func(int) error {
				return func(i int) error {
					if i == 1000 {
						return errCacheBroken
					}
					return nil
				}
			}, errCacheBroken},
		} {
			t.Run(string(format)+"/"+tc.name, func(t *testing.T) {
				// given a directory holding an earlier export under the same name
				dir := t.TempDir()
				path := filepath.Join(dir, "orders."+string(format))
				require.NoError(t, os.WriteFile(path, []byte("earlier export"), 0o644))
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()

				// when an export of 2000 orders stops half-way
				_, err := ExportOrders(ctx, path, generated(2000, tc.setup(cancel)), Options{Format: format})

				// then the error says why, and only the earlier file remains, unchanged
				require.ErrorIs(t, err, tc.want)
				assert.Equal(t, []string{"orders." + string(format)}, dirEntries(t, dir))
				b, err := os.ReadFile(path)
				require.NoError(t, err)
				assert.Equal(t, "earlier export", string(b))
			})
		}
	}
}

func TestFailedBillsExportLeavesNothingBehind(t *testing.T) {
	// given bills that read fine and transaction details that fail
	bills, _ := sampleBills()
	dir := t.TempDir()
	txs := func(yield func(domain.TransactionDetail, error) bool) {
		yield(domain.TransactionDetail{}, errCacheBroken)
	}

	// when the bills are exported
	_, err := ExportBills(context.Background(), filepath.Join(dir, "bills.xlsx"), FromSlice(bills), txs, Options{})

	// then nothing is left
	require.ErrorIs(t, err, errCacheBroken)
	assert.Empty(t, dirEntries(t, dir))
}

// unwritableDir returns a directory the test process may not create files
// in: a 0500 directory for an ordinary user, /sys for root (whom file modes
// do not stop). It skips when neither is refused on this machine.
func unwritableDir(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "readonly")
	require.NoError(t, os.Mkdir(dir, 0o500))
	t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
	for _, d := range []string{dir, "/sys"} {
		f, err := os.CreateTemp(d, "probe-*")
		if err == nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
			continue
		}
		if errors.Is(err, os.ErrPermission) {
			return d
		}
	}
	t.Skip("no directory refuses writes to this user here")
	return ""
}

func TestPermissionErrorIsTypedWithPath(t *testing.T) {
	// given a directory we may not write to
	dir := unwritableDir(t)
	path := filepath.Join(dir, "orders.xlsx")

	// when exporting there
	_, err := ExportOrders(context.Background(), path, FromSlice(sampleOrders()), Options{})

	// then the error is a FileError for that path, classed as permission
	require.ErrorIs(t, err, ErrPermission)
	var fe *FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, path, fe.Path)
	assert.Contains(t, err.Error(), path)
	_, statErr := os.Stat(path)
	assert.True(t, os.IsNotExist(statErr) || errors.Is(statErr, os.ErrPermission))
}

func TestMissingDirectoryIsReportedWithPath(t *testing.T) {
	// given a target in a directory that does not exist
	path := filepath.Join(t.TempDir(), "no-such-dir", "orders.csv")

	// when exporting there
	_, err := ExportOrders(context.Background(), path, FromSlice(sampleOrders()), Options{Format: FormatCSV})

	// then the error names the path and is neither disk-full nor permission
	var fe *FileError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "create", fe.Op)
	assert.Equal(t, path, fe.Path)
	assert.NotErrorIs(t, err, ErrDiskFull)
	assert.NotErrorIs(t, err, ErrPermission)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestDiskFullIsClassified(t *testing.T) {
	// given the error the OS returns when a write hits a full disk
	osErr := &os.PathError{Op: "write", Path: "/data/.orders.xlsx.123.part", Err: syscall.ENOSPC}

	// when it is reported as a file error
	err := fileErr("write", "/data/orders.xlsx", osErr)

	// then callers can tell it apart and the message names the file
	assert.ErrorIs(t, err, ErrDiskFull)
	assert.ErrorIs(t, err, syscall.ENOSPC)
	assert.NotErrorIs(t, err, ErrPermission)
	assert.Contains(t, err.Error(), "/data/orders.xlsx")
	assert.Contains(t, err.Error(), "no space left")
}
