// Package rules is the sandbox marketplace's rules for the actions a seller
// takes and the calls it makes on a seller's server: how a ticket, a
// supervision task or a failed interface call answers each action, which
// node follows which, how the automatic retries run out, and the refusals
// (Refusal) the contract answers when an action is not allowed.
//
// The rules are pure: each takes a record and returns a changed copy, or a
// refusal and the record untouched. Which status allows which action is
// the domain's (domain.Allows); the rules add the inputs' checks and the
// marketplace's own moves. The sandbox's world (package world) applies them
// under its lock and stores what changed.
package rules
