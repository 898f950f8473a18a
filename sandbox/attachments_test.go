package sandbox

import (
	"bytes"
	"image/png"
	"io"
	"mime"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox/world"
)

// getAttachment downloads over real HTTP, signed as c's account.
func getAttachment(t *testing.T, c *client, ticketID, attID string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.base+marketapi.AttachmentPath(ticketID, attID), nil)
	require.NoError(t, err)
	require.NoError(t, c.signer.Sign(req, nil, c.now()))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, raw
}

func ticketWithAttachment(t *testing.T, srv *Server, account, mimeType string) (domain.Ticket, domain.Attachment) {
	t.Helper()
	tk := find(t, srv, account, domain.ResTickets, func(tk domain.Ticket) bool {
		return len(tk.Attachments) > 0 && tk.Attachments[0].MIME == mimeType
	})
	return tk, tk.Attachments[0]
}

func TestAttachmentRouteServesTheFileWithItsTypeNameAndCappedSize(t *testing.T) {
	// given a sandbox ticket with a PNG attachment
	srv := startSandbox(t, nil)
	acct := srv.Accounts()[0].ID
	tk, att := ticketWithAttachment(t, srv, acct, "image/png")

	// when its owner downloads it twice
	resp, body := getAttachment(t, newClient(t, srv, acct), tk.ID, att.ID)
	_, again := getAttachment(t, newClient(t, srv, acct), tk.ID, att.ID)

	// then it is a decodable PNG of the declared size (capped), named, typed, deterministic
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	assert.Equal(t, "image/png", resp.Header.Get("Content-Type"))
	_, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
	require.NoError(t, err)
	assert.Equal(t, att.Name, params["filename"])
	assert.Equal(t, int(min(att.Size, MaxAttachmentBytes)), len(body))
	_, err = png.Decode(bytes.NewReader(body))
	assert.NoError(t, err)
	assert.Equal(t, body, again)
}

func TestAttachmentRouteRefusesUnknownIDsAndAnotherAccountsTicket(t *testing.T) {
	// given a ticket attachment of the first account
	srv := startSandbox(t, nil)
	accts := srv.Accounts()
	require.GreaterOrEqual(t, len(accts), 2)
	tk, att := ticketWithAttachment(t, srv, accts[0].ID, "image/png")
	cases := map[string]struct {
		account, ticket, att string
	}{
		"unknown attachment":        {accts[0].ID, tk.ID, att.ID + "x"},
		"unknown ticket":            {accts[0].ID, "TK-nope", att.ID},
		"another account's ticket":  {accts[1].ID, tk.ID, att.ID},
		"attachment of another row": {accts[0].ID, tk.ID, "../" + att.ID},
	}
	for name, tc := range cases {
		// when it is asked for wrongly
		resp, body := getAttachment(t, newClient(t, srv, tc.account), tc.ticket, tc.att)

		// then the answer is a JSON 404 envelope, never the file
		assert.Equal(t, http.StatusNotFound, resp.StatusCode, name)
		assert.Equal(t, marketapi.CodeNotFound, decode[marketapi.Envelope](t, body).ResultCode, name)
	}
}

func TestAttachmentRouteRefusesAnUnsignedRequest(t *testing.T) {
	// given a ticket attachment
	srv := startSandbox(t, nil)
	acct := srv.Accounts()[0].ID
	tk, att := ticketWithAttachment(t, srv, acct, "image/png")

	// when it is fetched without a signature
	resp, err := http.Get(srv.URL() + marketapi.AttachmentPath(tk.ID, att.ID))
	require.NoError(t, err)
	defer resp.Body.Close()

	// then it is refused
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
}

func TestAttachmentContentHasTheFormatOfItsType(t *testing.T) {
	// given attachments of every kind the sandbox generates
	for _, k := range world.AttachmentKinds {
		a := domain.Attachment{ID: "TK1-A1", Name: "x." + k.Ext, MIME: k.MIME, Size: 5000}

		// when their content is generated
		b := attachmentContent(a)

		// then it starts like a file of that type
		assert.Equal(t, 5000, len(b), k.MIME)
		want := map[string]string{"png": "\x89PNG", "pdf": "%PDF", "log": "沙箱", "xlsx": "PK\x03\x04"}[k.Ext]
		assert.True(t, bytes.HasPrefix(b, []byte(want)), k.MIME)
	}
}
