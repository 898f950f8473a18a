package domain

// AlertRank is where an interface alert stands in the most-urgent-first
// order: a running unsubscription countdown first (an order is about to
// be lost), then a call that only a manual restart can fix, then calls the
// marketplace is still retrying (or restarting), then finished ones.
func AlertRank(a InterfaceAlert) int {
	switch {
	case !a.State.Open():
		return 3
	case !a.UnsubscribeAt.IsZero():
		return 0
	case a.State == AlertFailed:
		return 1
	}
	return 2
}

// CompareAlertUrgency orders alerts most urgent first: by AlertRank, then
// the nearest unsubscription, then the newest failure; the ID keeps the
// order stable.
func CompareAlertUrgency(a, b InterfaceAlert) int {
	if ra, rb := AlertRank(a), AlertRank(b); ra != rb {
		return ra - rb
	}
	if c := a.UnsubscribeAt.Compare(b.UnsubscribeAt); c != 0 {
		return c
	}
	if c := b.FirstFailureAt.Compare(a.FirstFailureAt); c != 0 {
		return c
	}
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}
