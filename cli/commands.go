// Package cli holds the subcommands: each parses its flags and runs on
// package service (or, for sandbox and api, on the sandbox and the signer).
package cli

import (
	"context"
	"io"
)

// Command is one subcommand: its name, one-line help and entry point. The
// context ends at Ctrl-C or SIGTERM (main listens, through service).
type Command struct {
	Name string
	Help string
	Run  func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// Commands are the subcommands, in the order help lists them. A new
// subcommand is one line here.
var Commands = []Command{
	{"sandbox", "serve the sandbox marketplace on loopback", RunSandbox},
	{"sync", "sync an account's cache and print a summary", RunSync},
	{"api", "send a signed request to the marketplace (like gh api)", RunAPI},
	{"export", "export a report from the local cache to xlsx or csv", RunExport},
	{"gateway", "verify, forward and record KooGallery's production calls (docs/gateway.md)", RunGateway},
	{"account", "add, list, edit or remove seller accounts and their keys", RunAccount},
	{"repair", "check an account's local cache and rebuild it when it is damaged", RunRepair},
}

// Find is the subcommand called name.
func Find(name string) (Command, bool) {
	for _, c := range Commands {
		if c.Name == name {
			return c, true
		}
	}
	return Command{}, false
}
