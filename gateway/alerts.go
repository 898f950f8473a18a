package gateway

import (
	"fmt"
	"strconv"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

func itoa(n int) string { return strconv.Itoa(n) }

// alertID is the alert of one activity on one order (or instance): its
// retries and restarts update the same alert.
func alertID(c Call) string { return "GW-" + string(c.Kind()) + "-" + c.Subject() }

// nextAlert applies one recorded call to the alert of its subject (prev,
// nil when there is none) and returns the alert to store, or nil when
// nothing changes: a success with no open alert, or a query.
//
// A failure opens an alert (or counts one more attempt on the open one)
// with the marketplace's published retry window for the activity: the
// marketplace retries by itself until FirstFailureAt+Window, then a create
// or upgrade is unsubscribed automatically and the rest wait for a manual
// restart. A success resolves the open alert.
func nextAlert(prev *domain.InterfaceAlert, r CallRecord) *domain.InterfaceAlert {
	kind := r.Call.Kind()
	if kind == "" {
		return nil
	}
	open := prev != nil && prev.State.Open()
	if !r.Failed() {
		if !open {
			return nil
		}
		a := *prev
		a.Attempts++
		a.LastAttemptAt, a.LastCode, a.LastMessage = r.ReceivedAt, r.Outcome.ResultCode, describe(r.Outcome)
		a.State, a.NextRetryAt = domain.AlertResolved, time.Time{}
		return &a
	}
	var a domain.InterfaceAlert
	if open {
		a = *prev
	} else {
		a = domain.InterfaceAlert{Meta: domain.Meta{ID: alertID(r.Call)}, OrderID: r.Call.OrderID,
			OrderLineID: r.Call.OrderLineID, Kind: kind, FirstFailureAt: r.ReceivedAt}
		if prev != nil { // a resolved alert failing again keeps its order's names
			a.ProductName, a.CustomerName = prev.ProductName, prev.CustomerName
		}
	}
	a.Attempts++
	a.LastAttemptAt, a.LastCode, a.LastMessage = r.ReceivedAt, r.Outcome.failureCode(), describe(r.Outcome)
	pol := domain.RetryPolicyFor(kind, a.License)
	if pol.AutoUnsubscribe {
		a.UnsubscribeAt = a.FirstFailureAt.Add(pol.Window)
	}
	a.State, a.NextRetryAt = domain.AlertRetrying, r.ReceivedAt.Add(pol.Interval)
	closeWindow(&a, r.ReceivedAt)
	return &a
}

// closeWindow moves an alert whose automatic retries are over to where the
// marketplace leaves it; it reports whether it changed anything.
func closeWindow(a *domain.InterfaceAlert, now time.Time) bool {
	if a.State != domain.AlertRetrying {
		return false
	}
	pol := domain.RetryPolicyFor(a.Kind, a.License)
	end := a.FirstFailureAt.Add(pol.Window)
	if now.Before(end) {
		if a.NextRetryAt.After(end) {
			a.NextRetryAt = end
		}
		return false
	}
	a.NextRetryAt = time.Time{}
	a.State = domain.AlertFailed
	if pol.AutoUnsubscribe {
		a.State = domain.AlertUnsubscribed
	}
	return true
}

// describe is an outcome in the words an alert shows.
func describe(o Outcome) string {
	switch {
	case o.Timeout:
		return fmt.Sprintf("上游超时 / the seller's server did not answer within %s", o.Latency.Round(time.Millisecond))
	case o.HTTPStatus == 0:
		return "上游不可达 / the seller's server is unreachable: " + o.Error
	case o.HTTPStatus != 200:
		return fmt.Sprintf("HTTP %d %s", o.HTTPStatus, o.ResultMsg)
	}
	if l, ok := domain.SellerResultCodes[o.ResultCode]; ok {
		m := l.Zh + " / " + l.En // the gateway's alert messages carry both languages
		if o.ResultMsg != "" {
			return m + ": " + o.ResultMsg
		}
		return m
	}
	return o.ResultCode + " " + o.ResultMsg
}
