// Package supervision is the Service supervision screen: the task list and
// the detail pane with the flow, the appeal and the merchant's actions.
package supervision
