// Package orders is the Orders screen: the order list and the order detail
// pane, with its live look-up on the open API.
package orders
