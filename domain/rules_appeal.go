package domain

import (
	"fmt"
	"time"
)

// MerchantAppealRule is whether the merchant may appeal a supervision flow
// now, why (in plain words), and since or from when.
type MerchantAppealRule struct {
	Allowed bool
	Reason  Label
	// At is when the appeal became allowed (Allowed) or will become allowed
	// if nothing else happens (not Allowed); zero when no such time is in
	// sight (the merchant has the turn, the flow is done or frozen).
	At time.Time
}

// MerchantAppeal applies the marketplace's rule to a flow: the merchant may
// appeal once the user has stalled the flow for more than MerchantStallAppeal
// (the user's node entered that long ago) or has rejected it more than
// MaxRejectionsAppeal times. A frozen flow takes no second appeal and a done
// one none at all.
func MerchantAppeal(t SupervisionTask, now time.Time) MerchantAppealRule {
	days := int(MerchantStallAppeal / (24 * time.Hour))
	switch {
	case t.Current == NodeDone:
		return MerchantAppealRule{Reason: Label{"服务监管已完成，无需申诉", "Supervision is done: nothing to appeal"}}
	case t.Frozen():
		return MerchantAppealRule{Reason: Label{"申诉处理中，流程已冻结", "An appeal is open: the flow is frozen"}}
	case t.UserRejections() > MaxRejectionsAppeal:
		return MerchantAppealRule{Allowed: true, At: t.rejectionAt(MaxRejectionsAppeal + 1), Reason: Label{
			Zh: fmt.Sprintf("用户已驳回 %d 次（超过 %d 次），可以申诉", t.UserRejections(), MaxRejectionsAppeal),
			En: fmt.Sprintf("The customer rejected %d times (more than %d): you may appeal", t.UserRejections(), MaxRejectionsAppeal)}}
	}
	if NodeActor(t.Current) != PartyUser {
		return MerchantAppealRule{Reason: Label{
			Zh: fmt.Sprintf("当前由%s处理；用户停滞超过 %d 天或驳回超过 %d 次后才可申诉", actorZh(t.Current), days, MaxRejectionsAppeal),
			En: fmt.Sprintf("It is %s turn; you may appeal once the customer stalls more than %d days or rejects more than %d times", actorEn(t.Current), days, MaxRejectionsAppeal)}}
	}
	at := t.NodeEnteredAt.Add(MerchantStallAppeal)
	if now.After(at) {
		return MerchantAppealRule{Allowed: true, At: at, Reason: Label{
			Zh: fmt.Sprintf("用户已停滞超过 %d 天，可以申诉", days),
			En: fmt.Sprintf("The customer has stalled more than %d days: you may appeal", days)}}
	}
	return MerchantAppealRule{At: at, Reason: Label{
		Zh: fmt.Sprintf("用户停滞超过 %d 天后可申诉（还剩 %s）", days, DurationLabel(at.Sub(now)).Zh),
		En: fmt.Sprintf("You may appeal once the customer has stalled more than %d days (%s left)", days, DurationLabel(at.Sub(now)).En)}}
}

// EventUserReject is the NodeEvent action of a user rejecting the delivery.
const EventUserReject = "reject"

// UserRejections counts the user's rejections of the delivery in the
// flow's history. Rejections counts the merchant's rejected requirements
// too, which give the merchant no ground to appeal.
func (t SupervisionTask) UserRejections() int {
	n := 0
	for _, e := range t.History {
		if e.By == PartyUser && e.Action == EventUserReject {
			n++
		}
	}
	return n
}

// rejectionAt is when the user's n-th rejection happened, or zero.
func (t SupervisionTask) rejectionAt(n int) time.Time {
	for _, e := range t.History {
		if e.By == PartyUser && e.Action == EventUserReject {
			if n--; n == 0 {
				return e.At
			}
		}
	}
	return time.Time{}
}

func actorZh(n Node) string {
	if NodeActor(n) == PartyMerchant {
		return "商家"
	}
	return "系统"
}

func actorEn(n Node) string {
	if NodeActor(n) == PartyMerchant {
		return "your"
	}
	return "the system's"
}

// DurationLabel says a span in days and hours (or hours and minutes under
// a day), in both languages; a negative span reads as its size.
func DurationLabel(d time.Duration) Label {
	d = max(d, -d).Round(time.Minute)
	days, hours, mins := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour), int(d%time.Hour/time.Minute)
	if days > 0 {
		return Label{fmt.Sprintf("%d 天 %d 小时", days, hours), fmt.Sprintf("%dd %dh", days, hours)}
	}
	return Label{fmt.Sprintf("%d 小时 %d 分钟", hours, mins), fmt.Sprintf("%dh %dm", hours, mins)}
}

// Countdown is a deadline and the time left before it; Remaining is
// negative once it has passed. Running is false when no such deadline
// applies (then the other fields are zero).
type Countdown struct {
	Deadline  time.Time
	Remaining time.Duration
	Running   bool
}

// Passed reports whether a running deadline is behind now.
func (c Countdown) Passed() bool { return c.Running && c.Remaining <= 0 }

func countdownTo(deadline, now time.Time) Countdown {
	if deadline.IsZero() {
		return Countdown{}
	}
	return Countdown{Deadline: deadline, Remaining: deadline.Sub(now), Running: true}
}

// UnacceptedWarningCountdown counts down to the 180-day warning for a flow
// not yet accepted (stopped once done).
func UnacceptedWarningCountdown(t SupervisionTask, now time.Time) Countdown {
	return countdownTo(t.WarningAt(), now)
}

// AutoAcceptCountdown counts down to a hardware delivery's automatic
// acceptance, 10 days after the courier delivery is signed for; it does not
// run before sign-off, for other products, or when the recipient's phone
// does not match the logistics record (then the user must accept by hand).
func AutoAcceptCountdown(t SupervisionTask, now time.Time) Countdown {
	return countdownTo(t.AutoAcceptAt(), now)
}
