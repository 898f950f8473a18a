// Package overview is the Overview screen: to-do cards per record kind that
// open their list pre-filtered, the nearest automatic unsubscription, and
// the 30-day orders and amounts chart.
package overview
