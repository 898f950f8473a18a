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

	"github.com/koogallery/merchant-console/app"
	"github.com/koogallery/merchant-console/cli"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/service"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	// Ctrl-C and SIGTERM end a command or close the window cleanly.
	ctx, stop := service.Interrupted(context.Background())
	defer stop()
	if len(args) == 0 {
		return report(app.Run(ctx, app.Options{LogOutput: os.Stderr}))
	}
	switch args[0] {
	case "--version", "-version", "version":
		fmt.Println("merchant-console", config.Version)
		return 0
	case "help", "-h", "--help":
		usage(os.Stdout)
		return 0
	}
	cmd, ok := cli.Find(args[0])
	if !ok {
		fmt.Fprintf(os.Stderr, "merchant-console: unknown command %q\n\n", args[0])
		usage(os.Stderr)
		return 2
	}
	return report(cmd.Run(ctx, args[1:], os.Stdout, os.Stderr))
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
	for _, c := range cli.Commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.Name, c.Help)
	}
	fmt.Fprintln(w, "  version  print the version")
	fmt.Fprintln(w, "\nRun 'merchant-console COMMAND -h' for a command's flags.")
}
