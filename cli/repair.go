package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/koogallery/merchant-console/service"
)

const repairUsage = `usage: merchant-console repair [--account NAME] [--cache PATH] [--force]

Reads the account's local cache whole and, when it is damaged, moves the file
aside (renamed with a timestamp) and puts a fresh cache in its place holding
every queued action, the notification log and the account's settings that
could still be read. The next sync fills it again from the marketplace.
A sound cache is left as it is unless --force is given. The window and the
other commands repair a cache they find damaged on their own; this command is
for checking by hand. Close the window first: a cache in use is not touched.
`

// repairArgs is the parsed command line.
type repairArgs struct {
	account, cache string
	force          bool
}

// RunRepair implements `merchant-console repair`.
func RunRepair(_ context.Context, args []string, stdout, stderr io.Writer) error {
	var a repairArgs
	fs := flag.NewFlagSet("repair", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, repairUsage); fs.PrintDefaults() }
	fs.StringVar(&a.account, "account", "", "account name (default: the only configured account)")
	fs.StringVar(&a.cache, "cache", "", "cache file to repair instead of the account's default one (needs --account)")
	fs.BoolVar(&a.force, "force", false, "rebuild the cache even when it reads back whole")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("repair: unexpected argument %q", fs.Arg(0))
	}
	rep, repaired, err := service.RepairCache(service.CacheOptions{Account: a.account, File: a.cache}, a.force)
	if err != nil {
		return fmt.Errorf("repair: %w", err)
	}
	if !repaired {
		fmt.Fprintln(stdout, "The cache reads back whole: nothing to repair, nothing was changed.")
		return nil
	}
	for _, line := range rep.Lines() {
		fmt.Fprintln(stdout, line)
	}
	return nil
}
