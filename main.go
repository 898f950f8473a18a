// Command merchant-console is a desktop console for sellers on Huawei Cloud's
// KooGallery marketplace. With no arguments it opens the window; the
// subcommands work headless and never open one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/koogallery/merchant-console/app"
	"github.com/koogallery/merchant-console/cli"
	"github.com/koogallery/merchant-console/config"
)

// command is one subcommand: its one-line help and its entry point.
type command struct {
	help string
	run  func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"sandbox": {"serve the sandbox marketplace on loopback", cli.RunSandbox},
	"sync":    {"sync an account's cache and print a summary", cli.RunSync},
	"api":     {"send a signed request to the marketplace (like gh api)", cli.RunAPI},
	"export":  {"export a report from the local cache to xlsx or csv", cli.RunExport},
	"gateway": {"verify, forward and record KooGallery's production calls (docs/gateway.md)", cli.RunGateway},
}

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) == 0 {
		return report(app.Run(app.Options{LogOutput: os.Stderr}))
	}
	switch args[0] {
	case "--version", "-version", "version":
		fmt.Println("merchant-console", config.Version)
		return 0
	case "help", "-h", "--help":
		usage(os.Stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(os.Stderr, "merchant-console: unknown command %q\n\n", args[0])
		usage(os.Stderr)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return report(cmd.run(ctx, args[1:], os.Stdout, os.Stderr))
}

func report(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	default:
		fmt.Fprintln(os.Stderr, "merchant-console:", err)
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: merchant-console [command] [flags]")
	fmt.Fprintln(w, "\nWith no command, opens the console window.\n\nCommands:")
	for _, name := range []string{"sandbox", "sync", "api", "export"} {
		fmt.Fprintf(w, "  %-8s %s\n", name, commands[name].help)
	}
	fmt.Fprintln(w, "  version  print the version")
	fmt.Fprintln(w, "\nRun 'merchant-console COMMAND -h' for a command's flags.")
}
