package config

import "strings"

// CacheFileName is the name of an account's cache inside its data folder
// (Paths.AccountDataDir). The window, `sync` and `export` all use it.
const CacheFileName = "cache.db"

// SandboxAccountPrefix starts the local name of every account the built-in
// sandbox plays ("sandbox-cn-main-0001"): those accounts are never in the
// accounts file, but their caches live beside the real ones.
const SandboxAccountPrefix = "sandbox-"

// SandboxAccountName is the local name of the sandbox account with that ID.
func SandboxAccountName(id string) string { return SandboxAccountPrefix + id }

// IsSandboxAccount reports whether a local account name is a sandbox's.
func IsSandboxAccount(name string) bool { return strings.HasPrefix(name, SandboxAccountPrefix) }
