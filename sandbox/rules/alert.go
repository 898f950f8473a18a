package rules

import (
	"math/rand/v2"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// FailureCodes are the seller result codes a simulated seller's server
// fails a call with (domain.SellerResultCodes explains them).
var FailureCodes = []string{"000001", "000002", "000003", "000004", "000005", "000100", "000101", "000102", "000103", "000104", "000106", "000107"}

// callOutcome is one call to the seller's server: success, or a failure code.
func callOutcome(r *rand.Rand, success float64) (string, bool) {
	if r.Float64() < success {
		return "000000", true
	}
	return FailureCodes[r.IntN(len(FailureCodes))], false
}

// RestartAlert is 重新启动: the marketplace calls the seller's server again
// at once; the call may succeed or fail with a seller result code.
func RestartAlert(a domain.InterfaceAlert, r *rand.Rand, success float64, now time.Time) (domain.InterfaceAlert, bool, *Refusal) {
	if a.State == domain.AlertUnsubscribed {
		return a, false, Refuse(marketapi.ReasonDeadlinePassed,
			"订单已自动退订，无法重新启动 / the order was unsubscribed automatically; restart is no longer possible")
	}
	if !domain.Allows(a, domain.ActRestart) {
		return a, false, invalidState(a.State, domain.ActRestart)
	}
	code, ok := callOutcome(r, success)
	recordAttempt(&a, code, now)
	if ok {
		a.State, a.NextRetryAt = domain.AlertResolved, time.Time{}
	}
	return a, true, nil
}

func recordAttempt(a *domain.InterfaceAlert, code string, at time.Time) {
	a.Attempts++
	a.LastAttemptAt, a.LastCode, a.LastMessage = at, code, domain.SellerResultCodes[code].Zh
}

// RetryDue runs the marketplace's automatic retries that fell due up to now;
// it reports whether the alert changed and whether the order must be
// unsubscribed because the window closed on a create or upgrade call.
func RetryDue(a *domain.InterfaceAlert, r *rand.Rand, success float64, now time.Time) (changed, unsubscribe bool) {
	if a.State != domain.AlertRetrying {
		return false, false
	}
	pol := domain.RetryPolicyFor(a.Kind, a.License)
	end := a.FirstFailureAt.Add(pol.Window)
	for !a.NextRetryAt.IsZero() && !a.NextRetryAt.After(now) && !a.NextRetryAt.After(end) {
		at := a.NextRetryAt
		code, ok := callOutcome(r, success)
		recordAttempt(a, code, at)
		changed = true
		if ok {
			a.State, a.NextRetryAt = domain.AlertResolved, time.Time{}
			return true, false
		}
		a.NextRetryAt = at.Add(pol.Interval)
	}
	if now.Before(end) {
		return changed, false
	}
	a.NextRetryAt = time.Time{}
	if pol.AutoUnsubscribe {
		a.State = domain.AlertUnsubscribed
		return true, true
	}
	a.State = domain.AlertFailed
	return true, false
}
