package cli

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
)

const (
	apiTestAK = "APITESTAKAPITESTAK01"
	apiTestSK = "apiTestSecretKeyWhichIsOnlyForThisTest01"
)

// signedServer is a loopback server that accepts only requests signed with
// apiTestAK/apiTestSK (checked by apig.Verify) and echoes what it received.
type signedServer struct {
	*httptest.Server
	hits    atomic.Int32
	lastErr atomic.Value
}

func newSignedServer(t *testing.T, reply func(w http.ResponseWriter)) *signedServer {
	t.Helper()
	s := &signedServer{}
	secrets := func(ak string) (string, bool) { return apiTestSK, ak == apiTestAK }
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		body, _ := io.ReadAll(r.Body)
		if _, err := apig.Verify(r, body, secrets, time.Now(), 15*time.Minute); err != nil {
			s.lastErr.Store(err.Error())
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"resultCode":"MKT.0154","resultMsg":"bad signature"}`)
			return
		}
		if reply != nil {
			reply(w)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"resultCode":"MKT.0000","method":"`+r.Method+`","query":"`+r.URL.RawQuery+`","key":"`+r.Header.Get("X-Idempotency-Key")+`","bodyLen":`+strconv.Itoa(len(body))+`}`)
	}))
	t.Cleanup(s.Close)
	return s
}

// isolate points the console at a private home, an in-memory keyring (the
// go-keyring library's own mock backend) and no SDK variables.
func isolate(t *testing.T) config.Paths {
	t.Helper()
	t.Setenv(config.HomeEnv, t.TempDir())
	t.Setenv(credentials.EnvAK, "")
	t.Setenv(credentials.EnvSK, "")
	keyring.MockInit()
	p, err := config.DefaultPaths()
	require.NoError(t, err)
	return p
}

func runAPI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := RunAPI(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestRunAPI_AccountRequestVerifiedByServer(t *testing.T) {
	// given a configured sandbox account with AK/SK in the keyring
	p := isolate(t)
	srv := newSignedServer(t, nil)
	require.NoError(t, config.SaveAccounts(p.AccountsFile(), []config.Account{{Name: "沙箱", Site: config.SiteCustom, BaseURL: srv.URL}}))
	require.NoError(t, credentials.Save("沙箱", apiTestAK, apiTestSK))

	// when a relative POST with flags after the arguments is run
	out, _, err := runAPI(t, "--account", "沙箱", "post", "/api/mkp-seller/v1/tickets/T 1/actions/accept?b=2&a=1&a=0",
		"-H", "X-Idempotency-Key: k-42", "-d", `{"remark":"已受理"}`)

	// then the server verified the signature and the answer is printed pretty
	require.NoError(t, err, "server said: %v", srv.lastErr.Load())
	assert.EqualValues(t, 1, srv.hits.Load())
	assert.True(t, strings.HasPrefix(out, "HTTP/1.1 200 OK\n"), out)
	assert.Contains(t, out, "Content-Type: application/json\n")
	assert.Contains(t, out, "\n  \"resultCode\": \"MKT.0000\",\n")
	assert.Contains(t, out, `"method": "POST"`)
	assert.Contains(t, out, `"query": "a=0&a=1&b=2"`)
	assert.Contains(t, out, `"key": "k-42"`)
	assert.Contains(t, out, `"bodyLen": `+strconv.Itoa(len(`{"remark":"已受理"}`)))
}

func TestRunAPI_EnvCredentialsAbsoluteURL(t *testing.T) {
	// given only the SDK environment variables
	isolate(t)
	t.Setenv(credentials.EnvAK, apiTestAK)
	t.Setenv(credentials.EnvSK, apiTestSK)
	srv := newSignedServer(t, nil)

	// when an absolute URL is requested
	out, _, err := runAPI(t, "GET", srv.URL+"/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKONETIMENEW")

	// then it is signed with them and accepted
	require.NoError(t, err, "server said: %v", srv.lastErr.Load())
	assert.Contains(t, out, `"resultCode": "MKT.0000"`)
}

func TestRunAPI_WrongSecretPrintsRefusalAndFails(t *testing.T) {
	// given a secret the server does not know
	isolate(t)
	t.Setenv(credentials.EnvAK, apiTestAK)
	t.Setenv(credentials.EnvSK, "not-the-secret")
	srv := newSignedServer(t, nil)

	// when a request is sent
	out, _, err := runAPI(t, "GET", srv.URL+"/x")

	// then the 401 answer is shown and the command fails
	require.Error(t, err)
	assert.Contains(t, err.Error(), "401")
	assert.True(t, strings.HasPrefix(out, "HTTP/1.1 401 Unauthorized\n"), out)
	assert.Contains(t, out, `"resultCode": "MKT.0154"`)
}

func TestRunAPI_DryRunPublishedExample(t *testing.T) {
	// given the key pair and request of Huawei Cloud's signing guide example
	isolate(t)
	t.Setenv(credentials.EnvAK, "QTWAOYTTINDUT2QVKYUC")
	t.Setenv(credentials.EnvSK, "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc")

	// when it is dry-run at the guide's date
	out, _, err := runAPI(t, "--dry-run", "--date", "20191115T033655Z", "GET",
		"https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0")

	// then the printed Authorization is the guide's published one
	require.NoError(t, err)
	assert.Contains(t, out, "GET /v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0 HTTP/1.1\n")
	assert.Contains(t, out, "\nAuthorization: SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe\n")
	assert.Contains(t, out, "--- string to sign ---\nSDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a\n")
}

func TestRunAPI_DryRunSendsNothingAndIsVerifiable(t *testing.T) {
	// given a server and env credentials
	isolate(t)
	t.Setenv(credentials.EnvAK, apiTestAK)
	t.Setenv(credentials.EnvSK, apiTestSK)
	srv := newSignedServer(t, nil)
	const date = "20260305T083000Z"

	// when a POST is dry-run with a fixed date
	out, _, err := runAPI(t, "--dry-run", "--date", date, "-d", `{"x":1}`, "POST", srv.URL+"/a b/订单?q=1", "-H", "X-Trace: t1")
	require.NoError(t, err)

	// then nothing reached the server
	assert.EqualValues(t, 0, srv.hits.Load())

	// and the printed request, replayed as written, verifies at that date
	req, canonical := parseDryRun(t, out)
	at, err := time.Parse(apig.DateFormat, date)
	require.NoError(t, err)
	secrets := func(ak string) (string, bool) { return apiTestSK, ak == apiTestAK }
	ak, err := apig.Verify(req, []byte(`{"x":1}`), secrets, at, time.Minute)
	require.NoError(t, err)
	assert.Equal(t, apiTestAK, ak)
	assert.Equal(t, date, req.Header.Get(apig.HeaderDate))
	assert.Equal(t, apig.CanonicalRequest(req, []byte(`{"x":1}`)), canonical)
}

// parseDryRun reads the request the dry run printed back into an
// http.Request (the way a server would) and returns the canonical section.
func parseDryRun(t *testing.T, out string) (*http.Request, string) {
	t.Helper()
	wire, rest, ok := strings.Cut(out, "\n--- canonical request ---\n")
	require.True(t, ok, out)
	canonical, _, ok := strings.Cut(rest, "\n--- string to sign ---\n")
	require.True(t, ok, out)
	req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(strings.Replace(wire, "\n", "\r\n", -1))))
	require.NoError(t, err)
	return req, canonical
}

func TestRunAPI_BadInput(t *testing.T) {
	p := isolate(t)
	t.Setenv(credentials.EnvAK, apiTestAK)
	t.Setenv(credentials.EnvSK, apiTestSK)
	require.NoError(t, config.SaveAccounts(p.AccountsFile(), []config.Account{
		{Name: "a", Site: config.SiteChina}, {Name: "b", Site: config.SiteIntl}}))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no arguments", nil, "want METHOD and URL"},
		{"bad method", []string{"G3T", "https://h/x"}, "not an HTTP method"},
		{"bad header", []string{"GET", "https://h/x", "-H", "NoColon"}, "Key: Value"},
		{"bad date", []string{"--date", "2026-03-05", "GET", "https://h/x"}, "YYYYMMDDTHHMMSSZ"},
		{"plain http off loopback", []string{"GET", "http://mkt.myhuaweicloud.com/x"}, "only https"},
		{"relative without account", []string{"GET", "/x"}, "needs --account"},
		{"unknown account", []string{"--account", "zz", "GET", "/x"}, "account not found"},
		{"missing body file", []string{"-d", "@/nonexistent/body.json", "POST", "https://h/x"}, "read body"},
		{"unknown flag", []string{"--insecure", "GET", "https://h/x"}, "not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runAPI(t, tt.args...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestRunAPI_NoCredentials(t *testing.T) {
	isolate(t)
	_, _, err := runAPI(t, "--dry-run", "GET", "https://h/x")
	assert.ErrorIs(t, err, credentials.ErrNotFound)
}

func TestRunAPI_LargeBodyTruncated(t *testing.T) {
	// given a server answering with more than the print limit
	isolate(t)
	t.Setenv(credentials.EnvAK, apiTestAK)
	t.Setenv(credentials.EnvSK, apiTestSK)
	big := bytes.Repeat([]byte("x"), apiMaxPrintedBody*2)
	srv := newSignedServer(t, func(w http.ResponseWriter) { _, _ = w.Write(big) })

	// when it is requested
	out, errOut, err := runAPI(t, "GET", srv.URL+"/big")

	// then only the limit is printed and stderr says so
	require.NoError(t, err)
	assert.Less(t, len(out), apiMaxPrintedBody+4096)
	assert.Contains(t, errOut, "truncated")
}
