// Package gateway sits in front of a seller's production endpoint: it
// verifies KooGallery's production-interface calls (SaaS access guide V2.0),
// forwards them unchanged to the seller's real server, records each call and
// its answer durably, turns failed answers into interface alerts with the
// marketplace's retry windows, completes orders with the open API's
// order/query, and serves orders and alerts to the team's consoles under the
// seller-gateway contract of docs/api.md.
//
// It cannot see what KooGallery does not send to the seller's server:
// tickets, service supervision, bills and the message centre stay in the
// seller center (whoami says which resources the gateway serves).
package gateway
