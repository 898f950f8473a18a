// Package notify turns the console's changes and stored deadlines into
// notifications a busy merchant can trust: one per event, never twice, quiet
// at night unless an order is about to be unsubscribed, and coalesced when a
// sync brings many of the same kind at once.
//
// The Engine reads rules from a plain Settings struct (the UI persists it as
// JSON), is fed by the sync engine ([Engine.HandleChanges], [Engine.SyncFailing])
// and by its own ticker over the cached records ([Engine.Run], [Engine.Tick]),
// so countdowns fire even while offline. Each notification's deterministic key
// goes into the cache's notification log first; a key already there is never
// shown again, across restarts too.
//
// The Notifier delivers: a desktop popup with a 64 px icon (on Linux
// straight over D-Bus, so that a countdown or SLA warning goes out critical,
// stays until dismissed and offers "Open", which calls
// [NotifierOptions.OnOpen]; elsewhere through beeep), a fallback (the UI
// passes Fyne's SendNotification) when no notification daemon answers, and
// always the in-app centre callback. While a launch or an account's first
// sync holds the engine ([Engine.Hold]), popups reach the centre silently
// and the desktop gets one summary when the last hold is released. The
// package imports no UI code.
package notify
