package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"golang.org/x/text/width"
)

const accountUsage = `usage: merchant-console account add NAME --site cn|intl|eu|custom [--url URL] [--store keyring|file|env]
       merchant-console account list
       merchant-console account edit NAME [--name NEW] [--site SITE] [--url URL] [--store STORE] [--keys]
       merchant-console account remove NAME

Manages the seller accounts the window, sync and export use. AK/SK are read
from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or asked without echo on a
terminal. Key stores: keyring (the OS keyring; the default where it works),
file (an encrypted file, the default without a keyring; its passphrase comes
from MERCHANT_CONSOLE_PASSPHRASE or is asked), env (nothing stored: the SDK
variables are read at every run).
`

// RunAccount implements `merchant-console account`.
func RunAccount(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, accountUsage)
		if len(args) == 0 {
			return errors.New("account: want add, list, edit or remove")
		}
		return nil
	}
	paths, err := config.DefaultPaths()
	if err != nil {
		return fmt.Errorf("account: %w", err)
	}
	t := &terminal{stderr: stderr}
	switch args[0] {
	case "add":
		err = accountAdd(paths, args[1:], t, stdout)
	case "list":
		err = accountList(paths, args[1:], stdout)
	case "edit":
		err = accountEdit(paths, args[1:], t, stdout)
	case "remove":
		err = accountRemove(paths, args[1:], t, stdout)
	default:
		fmt.Fprint(stderr, accountUsage)
		return fmt.Errorf("account: unknown subcommand %q (want add, list, edit or remove)", args[0])
	}
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}

// accountFlags are the flags add and edit share.
type accountFlags struct {
	fs                     *flag.FlagSet
	name, site, url, store string
	keys                   bool
}

func newAccountFlags(cmd string, stderr io.Writer) *accountFlags {
	f := &accountFlags{fs: flag.NewFlagSet("account "+cmd, flag.ContinueOnError)}
	f.fs.SetOutput(stderr)
	f.fs.Usage = func() { fmt.Fprint(stderr, accountUsage); f.fs.PrintDefaults() }
	f.fs.StringVar(&f.site, "site", "", "marketplace site: cn, intl, eu or custom")
	f.fs.StringVar(&f.url, "url", "", "API base URL (required for custom; overrides the site's URL otherwise)")
	f.fs.StringVar(&f.store, "store", "", "where the AK/SK are kept: keyring, file or env")
	return f
}

// parse takes NAME before or after the flags and returns it.
func (f *accountFlags) parse(args []string) (string, error) {
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if err := f.fs.Parse(args); err != nil {
		return "", err
	}
	rest := f.fs.Args()
	if name == "" && len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 {
		return "", fmt.Errorf("%s: unexpected argument %q", f.fs.Name(), rest[0])
	}
	if name == "" {
		return "", fmt.Errorf("%s: want the account NAME", f.fs.Name())
	}
	return name, nil
}

// set reports whether a flag was given on the command line.
func (f *accountFlags) set(name string) bool {
	found := false
	f.fs.Visit(func(fl *flag.Flag) { found = found || fl.Name == name })
	return found
}

func accountAdd(paths config.Paths, args []string, t *terminal, stdout io.Writer) error {
	f := newAccountFlags("add", t.stderr)
	name, err := f.parse(args)
	if err != nil {
		return err
	}
	if f.site == "" {
		return errors.New("account add: --site is required (cn, intl, eu or custom)")
	}
	site, err := config.ParseSite(f.site)
	if err != nil {
		return fmt.Errorf("account add: %w", err)
	}
	acc := config.Account{Name: name, Site: site, BaseURL: f.url}
	if err := acc.Validate(); err != nil {
		return fmt.Errorf("account add: %w", err)
	}
	if acc.Store, err = chooseStore(paths, f.store, t); err != nil {
		return fmt.Errorf("account add: %w", err)
	}
	keys, err := keysFor(paths, acc.Store, t)
	if err != nil {
		return fmt.Errorf("account add: %w", err)
	}
	if err := credentials.AddAccount(paths, acc, keys); err != nil {
		return fmt.Errorf("account add: %w", err)
	}
	fmt.Fprintf(stdout, "Added %s: %s, %s, keys %s.\n", acc.Name, acc.Site.Label(), acc.Endpoint(), storePlace(paths, acc.Store))
	fmt.Fprintf(stdout, "Sync it with: merchant-console sync --once --account %q\n", acc.Name)
	return nil
}

func accountList(paths config.Paths, args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("account list: unexpected argument %q", args[0])
	}
	list, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return fmt.Errorf("account list: %w", err)
	}
	if len(list) == 0 {
		fmt.Fprintln(stdout, "No account is configured (the window runs on the built-in sandbox). Add one with: merchant-console account add NAME --site cn")
		return nil
	}
	rows := [][]string{{"NAME", "SITE", "URL", "STORE"}}
	for _, a := range list {
		rows = append(rows, []string{a.Name, string(a.Site), a.Endpoint(), a.Store.Label()})
	}
	_, err = io.WriteString(stdout, columns(rows))
	return err
}

// columns lays rows out in columns two spaces apart, by display width so
// that Chinese names (two cells a character) line up too.
func columns(rows [][]string) string {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, cell := range r {
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func accountEdit(paths config.Paths, args []string, t *terminal, stdout io.Writer) error {
	f := newAccountFlags("edit", t.stderr)
	f.fs.StringVar(&f.name, "name", "", "new name (carries the keys and the local cache)")
	f.fs.BoolVar(&f.keys, "keys", false, "replace the AK/SK (from the SDK variables or asked)")
	name, err := f.parse(args)
	if err != nil {
		return err
	}
	list, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return fmt.Errorf("account edit: %w", err)
	}
	prev, err := config.FindAccount(list, name)
	if err != nil {
		return fmt.Errorf("account edit: %w", err)
	}
	acc, err := editedAccount(prev, f)
	if err != nil {
		return fmt.Errorf("account edit: %w", err)
	}
	if f.set("store") {
		if acc.Store, err = chooseStore(paths, f.store, t); err != nil {
			return fmt.Errorf("account edit: %w", err)
		}
	}
	keys, err := editKeys(paths, prev, acc, f.keys, t)
	if err != nil {
		return fmt.Errorf("account edit: %w", err)
	}
	if err := credentials.EditAccount(paths, name, acc, keys); err != nil {
		return fmt.Errorf("account edit: %w", err)
	}
	fmt.Fprintf(stdout, "Saved %s: %s, %s, keys %s.\n", acc.Name, acc.Site.Label(), acc.Endpoint(), storePlace(paths, acc.Store))
	return nil
}

// editedAccount applies the flags given to prev. A new public site without
// --url drops the old URL override, which belonged to the old site.
func editedAccount(prev config.Account, f *accountFlags) (config.Account, error) {
	acc := prev
	if f.set("name") {
		acc.Name = f.name
	}
	if f.set("site") {
		site, err := config.ParseSite(f.site)
		if err != nil {
			return acc, err
		}
		if site != prev.Site && site != config.SiteCustom {
			acc.BaseURL = ""
		}
		acc.Site = site
	}
	if f.set("url") {
		acc.BaseURL = f.url
	}
	return acc, acc.Validate()
}

// editKeys unlocks the file store when the edit touches it and reads new
// keys when --keys asks for them (nil: keep the current ones).
func editKeys(paths config.Paths, prev, acc config.Account, replace bool, t *terminal) (*credentials.Keys, error) {
	moves := acc.Name != prev.Name || acc.Store != prev.Store
	touchesFile := prev.Store == config.KeyStoreFile || acc.Store == config.KeyStoreFile
	if touchesFile && (moves || replace) {
		if err := unlockFile(paths, t); err != nil {
			return nil, err
		}
	}
	if !replace || acc.Store == config.KeyStoreEnv {
		return nil, nil
	}
	k, err := readKeys(t)
	if err != nil {
		return nil, err
	}
	return &k, nil
}

func accountRemove(paths config.Paths, args []string, t *terminal, stdout io.Writer) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return errors.New("account remove: want exactly one account NAME")
	}
	list, err := config.LoadAccounts(paths.AccountsFile())
	if err != nil {
		return fmt.Errorf("account remove: %w", err)
	}
	acc, err := config.FindAccount(list, args[0])
	if err != nil {
		return fmt.Errorf("account remove: %w", err)
	}
	if acc.Store == config.KeyStoreFile {
		if err := unlockFile(paths, t); err != nil {
			return fmt.Errorf("account remove: %w", err)
		}
	}
	gone, err := credentials.RemoveAccount(paths, acc.Name)
	if err != nil {
		return fmt.Errorf("account remove: %w", err)
	}
	fmt.Fprintf(stdout, "Removed %s and its keys (%s).\n", acc.Name, acc.Store.Label())
	if gone.CacheKept {
		fmt.Fprintf(stdout, "Its local cache stays in %s, with its records and any actions not yet sent: "+
			"adding an account named %q again uses it; delete the folder to free the space.\n", gone.CacheDir, acc.Name)
	} else {
		fmt.Fprintln(stdout, "It had no local cache.")
	}
	return nil
}
