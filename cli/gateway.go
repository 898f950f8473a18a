package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/gateway"
	"github.com/koogallery/merchant-console/gateway/produce"
	"github.com/koogallery/merchant-console/service"
)

const gatewayUsage = `usage: merchant-console gateway --listen ADDR --upstream URL --data DIR
       [--tls-cert FILE --tls-key FILE] [--marketplace URL] [--account ID] [--upstream-timeout D]
       [--sync-each-call]
       merchant-console gateway keys add NAME --data DIR
       merchant-console gateway keys list --data DIR
       merchant-console gateway keys remove NAME --data DIR

Verifies KooGallery's production-interface calls at POST /produce (key from
` + produce.EnvKey + `), forwards them unchanged to --upstream, records
them under --data, and serves orders and interface alerts to consoles (each
agent with its own AK/SK from "keys add"). Orders are completed with the open
API's order/query using ` + credentials.EnvAK + `/` + credentials.EnvSK + `.
See docs/gateway.md.
`

type gatewayArgs struct {
	serve       gateway.ServeOptions
	upstream    string
	data        string
	marketplace string
	account     string
	timeout     time.Duration
	syncEach    bool
}

// RunGateway runs the production-interface gateway, or manages its keys.
func RunGateway(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "keys" {
		return runGatewayKeys(args[1:], stdout, stderr)
	}
	a, err := parseGatewayArgs(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(stderr, nil))
	g, closeAll, err := buildGateway(a, log)
	if err != nil {
		return err
	}
	defer closeAll()
	return gateway.Serve(ctx, g, a.serve, func(addr string) {
		scheme := "http"
		if a.serve.CertFile != "" {
			scheme = "https"
		}
		fmt.Fprintf(stdout, "gateway listening at %s://%s%s, forwarding to %s\n", scheme, addr, gateway.ProducePath, a.upstream)
	})
}

func parseGatewayArgs(args []string, stderr io.Writer) (gatewayArgs, error) {
	var a gatewayArgs
	fs := flag.NewFlagSet("gateway", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, gatewayUsage); fs.PrintDefaults() }
	fs.StringVar(&a.serve.Listen, "listen", "127.0.0.1:8443", "listen address")
	fs.StringVar(&a.upstream, "upstream", "", "the seller's real production endpoint")
	fs.StringVar(&a.data, "data", "", "directory of the gateway's store and agents file")
	fs.StringVar(&a.serve.CertFile, "tls-cert", "", "TLS certificate (PEM); required unless --listen is loopback")
	fs.StringVar(&a.serve.KeyFile, "tls-key", "", "TLS private key (PEM)")
	fs.StringVar(&a.marketplace, "marketplace", config.SiteChina.BaseURL(), "open API base URL for order/query")
	fs.StringVar(&a.account, "account", "seller", "account ID the gateway reports to consoles (whoami)")
	fs.DurationVar(&a.timeout, "upstream-timeout", 5*time.Second, "how long to wait for the upstream (KooGallery waits 5 s)")
	fs.BoolVar(&a.syncEach, "sync-each-call", false, "fsync the journal before every answer (survives power loss, adds the disk's fsync time)")
	if err := fs.Parse(args); err != nil {
		return a, err
	}
	switch {
	case fs.NArg() > 0:
		return a, fmt.Errorf("gateway: unexpected argument %q", fs.Arg(0))
	case a.upstream == "":
		return a, errors.New("gateway: --upstream is required")
	case a.data == "":
		return a, errors.New("gateway: --data is required")
	case a.timeout <= 0:
		return a, errors.New("gateway: --upstream-timeout must be positive")
	}
	return a, a.serve.CheckListen()
}

func buildGateway(a gatewayArgs, log *slog.Logger) (*gateway.Gateway, func(), error) {
	key := os.Getenv(produce.EnvKey)
	if strings.TrimSpace(key) == "" {
		return nil, nil, fmt.Errorf("gateway: set %s to the key from 卖家中心 > 应用工具 > 密钥管理", produce.EnvKey)
	}
	up, err := gateway.ParseUpstream(a.upstream)
	if err != nil {
		return nil, nil, err
	}
	orders, err := orderQuerier(a.marketplace, log)
	if err != nil {
		return nil, nil, err
	}
	store, err := gateway.OpenStore(a.data, a.account)
	if err != nil {
		return nil, nil, err
	}
	journal, err := gateway.OpenJournal(a.data, store, gateway.JournalOptions{SyncEachCall: a.syncEach, Log: log})
	if err != nil {
		store.Close()
		return nil, nil, err
	}
	closeAll := func() { journal.Close(); store.Close() }
	g, err := gateway.New(gateway.Config{Key: key, Store: store, Journal: journal, Keys: gateway.OpenKeys(a.data),
		Orders: orders, Account: a.account, Log: log,
		Forwarder: &gateway.Forwarder{Upstream: up, Client: &http.Client{}, Timeout: a.timeout}})
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	return g, closeAll, nil
}

// orderQuerier is the signed open-API client, or nil (with a warning) when
// no AK/SK is in the environment: calls are still recorded, orders stay
// as the calls describe them.
func orderQuerier(base string, log *slog.Logger) (gateway.OrderQuerier, error) {
	ak, sk := strings.TrimSpace(os.Getenv(credentials.EnvAK)), strings.TrimSpace(os.Getenv(credentials.EnvSK))
	if ak == "" || sk == "" {
		log.Warn("no " + credentials.EnvAK + "/" + credentials.EnvSK + ": orders will not be completed with order/query")
		return nil, nil
	}
	c, err := service.OrderQueryClient(base, credentials.Keys{AK: ak, SK: sk})
	if err != nil {
		return nil, fmt.Errorf("gateway: --marketplace: %w", err)
	}
	return c, nil
}

// runGatewayKeys is "keys add NAME | list | remove NAME", each with --data.
func runGatewayKeys(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gateway keys", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, gatewayUsage); fs.PrintDefaults() }
	data := fs.String("data", "", "the gateway's data directory")
	var pos []string
	for len(args) > 0 { // positional words and flags in any order
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
		if args = fs.Args(); len(args) > 0 {
			pos, args = append(pos, args[0]), args[1:]
		}
	}
	if *data == "" {
		return errors.New("gateway keys: --data is required")
	}
	keys := gateway.OpenKeys(*data)
	switch {
	case len(pos) == 2 && pos[0] == "add":
		a, err := keys.Add(pos[1], time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "agent %s\n  AK=%s\n  SK=%s\nthe SK is shown once; give it to the agent for the console's account settings\n", a.Name, a.AK, a.SK)
		return nil
	case len(pos) == 1 && pos[0] == "list":
		list, err := keys.List()
		for _, a := range list {
			fmt.Fprintf(stdout, "%-20s AK=%s added %s\n", a.Name, a.AK, a.CreatedAt.Format(time.RFC3339))
		}
		return err
	case len(pos) == 2 && pos[0] == "remove":
		if err := keys.Remove(pos[1]); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "agent %s removed\n", pos[1])
		return nil
	}
	return fmt.Errorf("gateway keys: want add NAME, list or remove NAME, got %q", strings.Join(pos, " "))
}
