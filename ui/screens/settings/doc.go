// Package settings is the Settings screen: accounts (add with a connection
// test, remove; keys go to the OS keyring on a worker), sync intervals,
// notification rules, language, theme, agent name and the data folder. It
// runs inside a Host, the small part of the window it needs.
package settings
