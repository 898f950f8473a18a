// Package alerts is the Interface alerts screen: failed production calls,
// nearest automatic unsubscription first, with a live countdown and restart.
package alerts
