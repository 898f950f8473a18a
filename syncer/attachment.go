package syncer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/reports"
)

// MaxAttachmentSize is the largest attachment the console downloads.
const MaxAttachmentSize = 50 << 20

// attachmentTimeout bounds one download: far longer than a listing's
// attempt, since 50 MiB over a slow line takes minutes.
const attachmentTimeout = 10 * time.Minute

// ErrAttachmentTooLarge is returned for an attachment over MaxAttachmentSize;
// nothing is left on disk.
var ErrAttachmentTooLarge = errors.New("attachment larger than 50 MB")

// AttachmentTarget says where a downloaded attachment goes.
type AttachmentTarget struct {
	Dir  string // the folder; created (0700) when missing
	Name string // the wanted file name (the attachment's); sanitised, made unique in Dir
	// Progress, when set, hears bytes written so far and the total (-1 when
	// the server did not say); it runs on the downloading goroutine.
	Progress func(done, total int64)
}

// DownloadAttachment saves one attachment of a ticket into target.Dir and
// returns the file's path. The body streams into a hidden temporary file
// (0600: attachments are customers' files) that is renamed only once
// complete, so a failed or cancelled download leaves nothing behind. It is
// sent once: the user retries by clicking again.
func (c *Client) DownloadAttachment(ctx context.Context, ticketID, attachmentID string, target AttachmentTarget) (string, error) {
	what := "attachment " + attachmentID
	if err := c.waitHold(ctx); err != nil {
		return "", err
	}
	actx, cancel := context.WithTimeout(withBody(ctx, nil), attachmentTimeout)
	defer cancel()
	resp, err := c.rc.R().SetContext(actx).SetHeader("Accept", "*/*").
		Execute(http.MethodGet, marketapi.AttachmentPath(ticketID, attachmentID))
	if err != nil {
		return "", &transportError{fmt.Errorf("download %s: %w", what, err)}
	}
	raw := resp.RawResponse
	defer func() { _ = raw.Body.Close() }()
	if raw.StatusCode < 200 || raw.StatusCode >= 300 {
		c.noteRetryAfter(&reply{status: raw.StatusCode, header: raw.Header})
		body, _ := readLimited(raw.Body, -1, 64<<10)
		return "", c.interpret(&request{what: what}, &reply{status: raw.StatusCode, header: raw.Header, body: body})
	}
	if raw.ContentLength > MaxAttachmentSize {
		return "", fmt.Errorf("%s (%d bytes): %w", what, raw.ContentLength, ErrAttachmentTooLarge)
	}
	name := target.Name
	if name == "" {
		name = dispositionName(raw.Header.Get("Content-Disposition"), attachmentID)
	}
	return saveStream(raw.Body, raw.ContentLength, target, name)
}

// dispositionName is the file name a Content-Disposition header offers,
// else fallback.
func dispositionName(h, fallback string) string {
	if _, params, err := mime.ParseMediaType(h); err == nil && params["filename"] != "" {
		return params["filename"]
	}
	return fallback
}

// saveStream copies body (at most MaxAttachmentSize bytes) into a new
// file in target.Dir named after name.
func saveStream(body io.Reader, total int64, target AttachmentTarget, name string) (path string, err error) {
	if err := os.MkdirAll(target.Dir, 0o700); err != nil {
		return "", fmt.Errorf("create folder %s: %w", target.Dir, err)
	}
	tmp, err := os.CreateTemp(target.Dir, ".download-*.part") // 0600
	if err != nil {
		return "", fmt.Errorf("write into %s: %w", target.Dir, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	w := io.Writer(tmp)
	if target.Progress != nil {
		w = &progressWriter{w: tmp, total: total, report: target.Progress}
	}
	n, err := io.Copy(w, io.LimitReader(body, MaxAttachmentSize+1))
	switch {
	case err != nil:
		return "", &transportError{fmt.Errorf("download %s: %w", name, err)}
	case n > MaxAttachmentSize:
		return "", fmt.Errorf("%s: %w", name, ErrAttachmentTooLarge)
	case total >= 0 && n != total:
		return "", &transportError{fmt.Errorf("download %s: %w", name, io.ErrUnexpectedEOF)}
	}
	if err = tmp.Sync(); err != nil {
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	return placeUnique(tmp.Name(), target.Dir, reports.SafeFileName(name))
}

// placeUnique renames tmp to dir/name, or to "name (2).ext", "name (3).ext"…
// when that is taken; an existing file is never replaced.
func placeUnique(tmp, dir, name string) (string, error) {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i < 1000; i++ {
		cand := name
		if i > 1 {
			cand = stem + " (" + strconv.Itoa(i) + ")" + ext
		}
		dst := filepath.Join(dir, cand)
		// Link fails when dst exists, unlike Rename: no race with another save.
		if err := os.Link(tmp, dst); err == nil {
			_ = os.Remove(tmp)
			return dst, nil
		} else if !errors.Is(err, os.ErrExist) {
			// a file system without hard links: check, then rename
			if _, serr := os.Lstat(dst); errors.Is(serr, os.ErrNotExist) {
				if rerr := os.Rename(tmp, dst); rerr != nil {
					return "", fmt.Errorf("save %s: %w", dst, rerr)
				}
				return dst, nil
			}
		}
	}
	return "", fmt.Errorf("save %s: too many files of that name in %s", name, dir)
}

type progressWriter struct {
	w      io.Writer
	done   int64
	total  int64
	report func(done, total int64)
}

func (p *progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.done += int64(n)
	p.report(p.done, p.total)
	return n, err
}
