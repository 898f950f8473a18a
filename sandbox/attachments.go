package sandbox

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox/rules"
)

// MaxAttachmentBytes caps the generated content of one attachment: the
// sandbox declares sizes up to 8 MiB but serves at most this much, so a
// demo download stays quick.
const MaxAttachmentBytes = 1 << 20

// attachment serves the bytes of one attachment of one of acct's tickets.
// Another account's ticket is "not found", exactly like an unknown one.
func (s *Server) attachment(out *responder, acct, ticketID, attachmentID string) {
	a, ok := s.findAttachment(acct, ticketID, attachmentID)
	if !ok {
		out.refusal(rules.NotFound("attachment", ticketID+"/"+attachmentID))
		return
	}
	body := attachmentContent(a)
	h := out.w.Header()
	h.Set("Content-Type", a.MIME)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
	out.w.WriteHeader(http.StatusOK)
	if out.truncate {
		_, _ = out.w.Write(body[:len(body)/2])
		panic(http.ErrAbortHandler) // the connection closes mid-body
	}
	_, _ = out.w.Write(body)
}

func (s *Server) findAttachment(acct, ticketID, attachmentID string) (domain.Attachment, bool) {
	rec, ok := s.w.Record(acct, domain.ResTickets, ticketID)
	if !ok {
		return domain.Attachment{}, false
	}
	t, ok := rec.(domain.Ticket)
	if !ok {
		return domain.Attachment{}, false
	}
	for _, a := range t.Attachments {
		if a.ID == attachmentID {
			return a, true
		}
	}
	return domain.Attachment{}, false
}

// attachmentContent is a file of a's type, the same bytes on every call:
// a real PNG or PDF that a viewer opens, padded to the declared size
// (capped at MaxAttachmentBytes) the way those formats allow.
func attachmentContent(a domain.Attachment) []byte {
	size := int(min(max(a.Size, 1), MaxAttachmentBytes))
	var b bytes.Buffer
	pad := byte(' ')
	switch {
	case a.MIME == "image/png":
		writePNG(&b, a.ID)
		pad = 0 // bytes after IEND are ignored by viewers
	case a.MIME == "application/pdf":
		b.WriteString(minimalPDF(a.Name))
		pad = '\n'
	case strings.Contains(a.MIME, "spreadsheetml"):
		b.WriteString("PK\x03\x04") // a zip's signature: looks like an xlsx, opens as nothing
		pad = 0
	default:
		for b.Len() < size {
			b.WriteString("沙箱附件 sandbox attachment " + a.ID + " line " + strconv.Itoa(b.Len()) + "\n")
		}
		b.Truncate(size) // may cut the last line mid-rune: it is filler
	}
	for b.Len() < size {
		b.WriteByte(pad)
	}
	return b.Bytes()
}

func writePNG(b *bytes.Buffer, seed string) {
	h := fnv.New32a()
	_, _ = h.Write([]byte(seed))
	v := h.Sum32()
	img := image.NewNRGBA(image.Rect(0, 0, 48, 48))
	for y := range 48 {
		for x := range 48 {
			img.Set(x, y, color.NRGBA{R: uint8(v) + uint8(x*4), G: uint8(v >> 8), B: uint8(v>>16) + uint8(y*4), A: 0xff})
		}
	}
	_ = png.Encode(b, img)
}

func minimalPDF(title string) string {
	text := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '(' || r == ')' || r == '\\' {
			return '_'
		}
		return r
	}, "Sandbox attachment "+title)
	stream := "BT /F1 14 Tf 40 780 Td (" + text + ") Tj ET"
	return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
		"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
		"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
		"4 0 obj<</Length " + strconv.Itoa(len(stream)) + ">>stream\n" + stream + "\nendstream endobj\n" +
		"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n" +
		"trailer<</Root 1 0 R>>\n%%EOF\n"
}

func isAttachmentPath(r *http.Request) bool {
	_, _, ok := marketapi.ParseAttachmentPath(r.URL.EscapedPath())
	return ok
}
