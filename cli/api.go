package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
)

// apiMaxPrintedBody caps how much of a response body the api command reads
// and prints; a debugging tool must not flood the terminal or memory.
const apiMaxPrintedBody = 1 << 20

// apiTimeout bounds one request in addition to the caller's context.
const apiTimeout = 60 * time.Second

// apiUsage is printed for -h and argument errors.
const apiUsage = `usage: merchant-console api [--dry-run] [--date YYYYMMDDTHHMMSSZ] [--account NAME] METHOD URL [-H 'Key: Value']... [-d BODY|@FILE]

Sends one AK/SK-signed request and prints the status line, headers and body
(JSON pretty-printed). A URL starting with / is resolved against the
account's site. Credentials: the account's keyring entry, else
HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK. --dry-run prints the signed request
and its canonical request without sending anything.
`

// headerList collects repeated -H flags.
type headerList []string

func (h *headerList) String() string     { return strings.Join(*h, ", ") }
func (h *headerList) Set(v string) error { *h = append(*h, v); return nil }

// apiOptions is the parsed command line.
type apiOptions struct {
	dryRun  bool
	date    string
	account string
	headers headerList
	data    string
	method  string
	target  string
}

// RunAPI implements `merchant-console api`: a signed request to the
// marketplace (or a seller gateway / the sandbox), printed like `gh api`.
// It returns an error for bad arguments, transport failures and HTTP
// statuses of 400 and above (after printing the response).
func RunAPI(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	opts, err := parseAPIArgs(args, stderr)
	if err != nil {
		return err
	}
	req, body, err := buildAPIRequest(ctx, opts)
	if err != nil {
		return err
	}
	if opts.dryRun {
		return printDryRun(stdout, req, body)
	}
	return sendAPIRequest(req, stdout, stderr)
}

// parseAPIArgs parses flags that may appear before, between or after the
// METHOD and URL arguments, as in `api GET /x -H 'A: b'`.
func parseAPIArgs(args []string, stderr io.Writer) (apiOptions, error) {
	var o apiOptions
	fs := flag.NewFlagSet("api", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, apiUsage) }
	fs.BoolVar(&o.dryRun, "dry-run", false, "print the signed request, send nothing")
	fs.StringVar(&o.date, "date", "", "sign with this X-Sdk-Date (YYYYMMDDTHHMMSSZ) instead of now")
	fs.StringVar(&o.account, "account", "", "configured account whose site and AK/SK to use")
	fs.Var(&o.headers, "H", "request header 'Key: Value' (repeatable)")
	fs.StringVar(&o.data, "d", "", "request body, or @FILE to read it from a file")
	var positional []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return o, fmt.Errorf("api: %w", err)
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		positional, rest = append(positional, rest[0]), rest[1:]
	}
	if len(positional) != 2 {
		fs.Usage()
		return o, fmt.Errorf("api: want METHOD and URL, got %d argument(s)", len(positional))
	}
	o.method, o.target = strings.ToUpper(positional[0]), positional[1]
	if o.method == "" || strings.ContainsFunc(o.method, func(r rune) bool { return r < 'A' || r > 'Z' }) {
		return o, fmt.Errorf("api: method %q is not an HTTP method", positional[0])
	}
	return o, nil
}

// buildAPIRequest resolves the URL and credentials, builds the request and
// signs it. The returned body is exactly what was signed.
func buildAPIRequest(ctx context.Context, o apiOptions) (*http.Request, []byte, error) {
	account, err := selectAccount(o)
	if err != nil {
		return nil, nil, err
	}
	target, err := resolveURL(o.target, account)
	if err != nil {
		return nil, nil, err
	}
	body, err := readBody(o.data)
	if err != nil {
		return nil, nil, err
	}
	now, err := signingTime(o.date)
	if err != nil {
		return nil, nil, err
	}
	cred, err := credentials.Lookup(account.Name)
	if err != nil {
		return nil, nil, fmt.Errorf("api: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, o.method, target, bytes.NewReader(body))
	if err != nil {
		return nil, nil, fmt.Errorf("api: %w", err)
	}
	if err := applyHeaders(req, o.headers); err != nil {
		return nil, nil, err
	}
	if err := (apig.Signer{AK: cred.AK, SK: cred.SK}).Sign(req, body, now); err != nil {
		return nil, nil, fmt.Errorf("api: %w", err)
	}
	return req, body, nil
}

// selectAccount finds --account in the configured list; without it, a
// single configured account is used, and none at all means "environment
// credentials and an absolute URL".
func selectAccount(o apiOptions) (config.Account, error) {
	if o.account == "" && !strings.HasPrefix(o.target, "/") {
		return config.Account{}, nil
	}
	paths, err := config.DefaultPaths()
	if err != nil {
		return config.Account{}, fmt.Errorf("api: %w", err)
	}
	accounts, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return config.Account{}, fmt.Errorf("api: %w", err)
	}
	if o.account != "" {
		a, err := config.FindAccount(accounts, o.account)
		if err != nil {
			return config.Account{}, fmt.Errorf("api: %w (configured in %s)", err, paths.AccountsFile())
		}
		return a, nil
	}
	if len(accounts) == 1 {
		return accounts[0], nil
	}
	return config.Account{}, fmt.Errorf("api: relative URL %q needs --account NAME (%d accounts configured) or an absolute URL", o.target, len(accounts))
}

// resolveURL joins a relative target to the account's base URL and checks
// that plain http is used only towards loopback (strict TLS elsewhere).
func resolveURL(target string, account config.Account) (string, error) {
	if strings.HasPrefix(target, "/") {
		base := account.Endpoint()
		if base == "" {
			return "", fmt.Errorf("api: account %q has no base URL", account.Name)
		}
		target = strings.TrimSuffix(base, "/") + target
	}
	u, err := url.Parse(target)
	if err != nil {
		return "", fmt.Errorf("api: URL %q: %w", target, err)
	}
	if u.Host == "" {
		return "", fmt.Errorf("api: URL %q must be absolute (https://host/path) or start with /", target)
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && config.IsLoopback(u.Hostname()):
	default:
		return "", fmt.Errorf("api: URL %q: only https (or http to a loopback sandbox) is allowed", target)
	}
	return u.String(), nil
}

// readBody returns the -d value, reading it from a file for @FILE.
func readBody(data string) ([]byte, error) {
	name, isFile := strings.CutPrefix(data, "@")
	if !isFile {
		return []byte(data), nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("api: read body: %w", err)
	}
	return b, nil
}

// signingTime parses --date, or returns the current time.
func signingTime(date string) (time.Time, error) {
	if date == "" {
		return time.Now(), nil
	}
	t, err := time.Parse(apig.DateFormat, date)
	if err != nil {
		return time.Time{}, fmt.Errorf("api: --date %q is not YYYYMMDDTHHMMSSZ (e.g. 20191115T033655Z)", date)
	}
	return t, nil
}

// applyHeaders sets the -H headers; Host goes to req.Host because Go sends
// that, and Content-Type defaults to JSON, which the open API requires.
func applyHeaders(req *http.Request, headers []string) error {
	for _, h := range headers {
		key, value, ok := strings.Cut(h, ":")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || key == "" || strings.ContainsAny(key, " \t\r\n") || strings.ContainsAny(value, "\r\n") {
			return fmt.Errorf("api: header %q is not 'Key: Value'", h)
		}
		if strings.EqualFold(key, "Host") {
			req.Host = value
			continue
		}
		req.Header.Add(key, value)
	}
	if req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return nil
}

// printDryRun writes the request as it would go on the wire, then the
// canonical request and string to sign, for comparing with a server's
// "signature does not match" diagnostics.
func printDryRun(w io.Writer, req *http.Request, body []byte) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\n", req.Method, req.URL.RequestURI())
	fmt.Fprintf(&b, "Host: %s\n", hostOf(req))
	writeHeaders(&b, req.Header)
	b.WriteString("\n")
	if len(body) > 0 {
		b.Write(body)
		b.WriteString("\n")
	}
	canonical := apig.CanonicalRequest(req, body)
	fmt.Fprintf(&b, "\n--- canonical request ---\n%s\n", canonical)
	fmt.Fprintf(&b, "--- string to sign ---\n%s\n", apig.StringToSign(canonical, req.Header.Get(apig.HeaderDate)))
	_, err := io.WriteString(w, b.String())
	return err
}

// hostOf is the Host header value Go will send.
func hostOf(req *http.Request) string {
	if req.Host != "" {
		return req.Host
	}
	return req.URL.Host
}

// writeHeaders prints headers sorted by name, one line per value.
func writeHeaders(b *strings.Builder, h http.Header) {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		for _, v := range h[k] {
			fmt.Fprintf(b, "%s: %s\n", k, v)
		}
	}
}

// sendAPIRequest sends req over a client with Go's default, fully verifying
// TLS, does not follow redirects (a signed request is bound to its URL), and
// prints the response.
func sendAPIRequest(req *http.Request, stdout, stderr io.Writer) error {
	client := &http.Client{
		Timeout:       apiTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("api: %s %s: %w", req.Method, req.URL.Redacted(), err)
	}
	defer resp.Body.Close()
	if err := printResponse(resp, stdout, stderr); err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		return fmt.Errorf("api: server answered %s", resp.Status)
	}
	return nil
}

// printResponse writes the status line, headers and a bounded body.
func printResponse(resp *http.Response, stdout, stderr io.Writer) error {
	body, err := io.ReadAll(io.LimitReader(resp.Body, apiMaxPrintedBody+1))
	if err != nil {
		return fmt.Errorf("api: read response body: %w", err)
	}
	truncated := len(body) > apiMaxPrintedBody
	if truncated {
		body = body[:apiMaxPrintedBody]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", resp.Proto, resp.Status)
	writeHeaders(&b, resp.Header)
	b.WriteString("\n")
	b.WriteString(formatBody(body, truncated))
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return err
	}
	if truncated {
		fmt.Fprintf(stderr, "api: response body truncated to the first %d bytes\n", apiMaxPrintedBody)
	}
	return nil
}

// formatBody pretty-prints JSON, passes other text through, and describes
// binary content instead of printing it.
func formatBody(body []byte, truncated bool) string {
	if len(body) == 0 {
		return ""
	}
	if !truncated && json.Valid(body) {
		var out bytes.Buffer
		if err := json.Indent(&out, body, "", "  "); err == nil {
			return out.String() + "\n"
		}
	}
	if !utf8.Valid(body) && !truncated {
		return fmt.Sprintf("[%d bytes of non-text body not shown]\n", len(body))
	}
	s := string(body)
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}
