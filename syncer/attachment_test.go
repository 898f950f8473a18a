package syncer

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/marketapi"
)

// serveFile answers every signed request with body under the given headers.
func serveFile(t *testing.T, body string, header map[string]string) *Client {
	t.Helper()
	srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, _ *http.Request) {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		_, _ = io.WriteString(w, body)
	})
	return newTestClient(t, srv.URL, nil)
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestDownloadAttachmentSavesOwnerOnlyUnderASafeUniqueName(t *testing.T) {
	// given a server offering a file and a name that tries to escape the folder and disguise its type
	c := serveFile(t, "hello", map[string]string{"Content-Type": "text/plain"})
	dir := t.TempDir()
	hostile := "../../evil\u202Etxt.exe"

	// when it is downloaded twice
	p1, err1 := c.DownloadAttachment(context.Background(), "TK1", "A1", AttachmentTarget{Dir: dir, Name: hostile})
	p2, err2 := c.DownloadAttachment(context.Background(), "TK1", "A1", AttachmentTarget{Dir: dir, Name: hostile})

	// then both files sit in dir, named without separators or bidi controls, the second one numbered, 0600
	require.NoError(t, err1)
	require.NoError(t, err2)
	assert.Equal(t, dir, filepath.Dir(p1))
	assert.Equal(t, dir, filepath.Dir(p2))
	assert.NotContains(t, filepath.Base(p1), "\u202E")
	assert.NotContains(t, filepath.Base(p1), "/")
	assert.Equal(t, "_.._evil_txt (2).exe", filepath.Base(p2), "got %q, %q", p1, p2)
	assert.ElementsMatch(t, []string{filepath.Base(p1), filepath.Base(p2)}, dirEntries(t, dir))
	for _, p := range []string{p1, p2} {
		st, err := os.Stat(p)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
		b, _ := os.ReadFile(p)
		assert.Equal(t, "hello", string(b))
	}
}

func TestDownloadAttachmentTakesTheServersNameWhenNoneIsGiven(t *testing.T) {
	// given a server naming the file in Content-Disposition
	c := serveFile(t, "x", map[string]string{"Content-Disposition": `attachment; filename*=utf-8''%E6%88%AA%E5%9B%BE.png`})
	dir := t.TempDir()

	// when it is downloaded without a name
	p, err := c.DownloadAttachment(context.Background(), "TK1", "A1", AttachmentTarget{Dir: dir})

	// then the server's name is used
	require.NoError(t, err)
	assert.Equal(t, "截图.png", filepath.Base(p))
}

func TestDownloadAttachmentRefusesADeclaredSizeOver50MB(t *testing.T) {
	// given a server declaring more than the cap
	c := serveFile(t, "", map[string]string{"Content-Length": strconv.Itoa(MaxAttachmentSize + 1)})
	dir := t.TempDir()

	// when it is downloaded
	_, err := c.DownloadAttachment(context.Background(), "TK1", "A1", AttachmentTarget{Dir: dir, Name: "big.bin"})

	// then it is refused in words and nothing is left on disk
	require.ErrorIs(t, err, ErrAttachmentTooLarge)
	assert.Contains(t, err.Error(), "50 MB")
	assert.Empty(t, dirEntries(t, dir))
}

func TestDownloadAttachmentRefusesAnUndeclaredStreamOver50MB(t *testing.T) {
	// given a server streaming more than the cap without a length
	srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, _ *http.Request) {
		chunk := []byte(strings.Repeat("x", 1<<20))
		for range MaxAttachmentSize>>20 + 1 {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
		_, _ = w.Write([]byte("x"))
	})
	c := newTestClient(t, srv.URL, nil)
	dir := t.TempDir()

	// when it is downloaded
	_, err := c.DownloadAttachment(context.Background(), "TK1", "A1", AttachmentTarget{Dir: dir, Name: "big.bin"})

	// then it is refused and the partial file removed
	require.ErrorIs(t, err, ErrAttachmentTooLarge)
	assert.Empty(t, dirEntries(t, dir))
}

func TestDownloadAttachmentLeavesNothingWhenTheBodyIsCutShort(t *testing.T) {
	// given a server that promises 100 bytes and sends 10
	c := serveFile(t, "0123456789", map[string]string{"Content-Length": "100"})
	dir := t.TempDir()

	// when it is downloaded
	_, err := c.DownloadAttachment(context.Background(), "TK1", "A1", AttachmentTarget{Dir: dir, Name: "cut.txt"})

	// then it fails and no file (not even the temporary one) remains
	require.Error(t, err)
	assert.Empty(t, dirEntries(t, dir))
}

func TestDownloadAttachmentReportsTheServersRefusal(t *testing.T) {
	// given a server answering 404 with the envelope
	srv := newSignedServer(t, time.Now, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"resultCode":"MKT.9001","resultMsg":"attachment not found"}`)
	})
	c := newTestClient(t, srv.URL, nil)
	dir := t.TempDir()

	// when it is downloaded
	_, err := c.DownloadAttachment(context.Background(), "TK1", "A1", AttachmentTarget{Dir: dir, Name: "x.txt"})

	// then the marketplace's error comes back and no file is written
	var me *marketapi.Error
	require.True(t, errors.As(err, &me), "%v", err)
	assert.Equal(t, marketapi.CodeNotFound, me.Code)
	assert.Empty(t, dirEntries(t, dir))
	assert.Equal(t, marketapi.AttachmentPath("TK1", "A1"), srv.Seen()[0].Path)
}
