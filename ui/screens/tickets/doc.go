// Package tickets is the Tickets screen: the ticket list with SLA time left
// and the detail pane with the conversation, attachments and replies.
package tickets
