package notify

import (
	"errors"
	"fmt"
	"time"
)

// Lang selects the language of notification texts.
type Lang string

// Supported languages.
const (
	LangZH Lang = "zh"
	LangEN Lang = "en"
)

// RuleSetting is how one rule behaves.
type RuleSetting struct {
	On     bool `json:"on"`     // off: the event is neither shown nor logged
	Popup  bool `json:"popup"`  // false: silent, only the in-app centre and its badge
	Urgent bool `json:"urgent"` // breaks through quiet hours
	// Persistent popups stay until dismissed (mode.go): a missed one costs
	// an order or an SLA.
	Persistent bool `json:"persistent,omitempty"`
}

// QuietHours silence non-urgent popups between Start and End (local "HH:MM",
// wrapping midnight when Start > End). Silenced events still reach the centre.
type QuietHours struct {
	On    bool   `json:"on"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// Settings configure the engine. The UI persists them as JSON; a rule missing
// from Rules (say, one added in a later release) takes its default.
type Settings struct {
	Lang              Lang                 `json:"lang"`
	Rules             map[Kind]RuleSetting `json:"rules"`
	Quiet             QuietHours           `json:"quietHours"`
	AlertLeadMinutes  []int                `json:"alertLeadMinutes"`  // countdown alerts before auto-unsubscription
	SLALeadMinutes    int                  `json:"slaLeadMinutes"`    // ticket SLA warning ahead of breach
	HardwareLeadHours int                  `json:"hardwareLeadHours"` // ahead of hardware auto-acceptance
	WarningLeadDays   int                  `json:"warningLeadDays"`   // ahead of the 180-day supervision warning
	SyncFailMinutes   int                  `json:"syncFailMinutes"`   // failing this long before telling the user
}

// defaultRules are what a merchant would pick (as modes, mode.go): what
// costs an order or an SLA stays on screen until dismissed (interface
// failures, their countdowns, SLA warnings); tickets, replies, supervision
// steps and bills pop up; a new order is good news that needs only the
// badge; the 180-day warning is weeks ahead, so the badge too. Of the
// message centre's messages only those on an order's opening or
// unsubscription pop up (rules_message.go says why).
var defaultRules = map[Kind]RuleSetting{
	KindAlertCountdown:     {On: true, Popup: true, Urgent: true, Persistent: true},
	KindNewAlert:           {On: true, Popup: true, Persistent: true},
	KindNewTicket:          {On: true, Popup: true},
	KindCustomerReplied:    {On: true, Popup: true},
	KindTicketSLA:          {On: true, Popup: true, Persistent: true},
	KindSupervisionWaiting: {On: true, Popup: true},
	KindHardwareAccept:     {On: true, Popup: true},
	KindSupervision180:     {On: true, Popup: false},
	KindBillInvoice:        {On: true, Popup: true},
	KindPaymentRejected:    {On: true, Popup: true},
	KindNewOrder:           {On: true, Popup: false},
	KindSyncFailing:        {On: true, Popup: true},
	KindMessageImportant:   {On: true, Popup: true},
	KindMessage:            {On: true, Popup: false},
}

// DefaultSettings returns the settings a new install starts with.
func DefaultSettings() Settings {
	rules := make(map[Kind]RuleSetting, len(defaultRules))
	for k, v := range defaultRules {
		rules[k] = v
	}
	return Settings{
		Lang:              LangZH,
		Rules:             rules,
		Quiet:             QuietHours{On: true, Start: "22:00", End: "08:00"},
		AlertLeadMinutes:  []int{30, 10},
		SLALeadMinutes:    30,
		HardwareLeadHours: 24,
		WarningLeadDays:   3,
		SyncFailMinutes:   30,
	}
}

// clone copies the settings so the engine never shares its maps and slices
// with the caller (the UI edits its copy while the ticker reads this one).
func (s Settings) clone() Settings {
	c := s
	c.Rules = make(map[Kind]RuleSetting, len(s.Rules))
	for k, v := range s.Rules {
		c.Rules[k] = v
	}
	c.AlertLeadMinutes = append([]int(nil), s.AlertLeadMinutes...)
	return c
}

// Rule returns the setting of kind, falling back to its default.
func (s Settings) Rule(kind Kind) RuleSetting {
	if r, ok := s.Rules[kind]; ok {
		return r
	}
	return defaultRules[kind]
}

// Validate reports the first setting the engine cannot use.
func (s Settings) Validate() error {
	var errs []error
	if s.Lang != LangZH && s.Lang != LangEN {
		errs = append(errs, fmt.Errorf("lang %q: want %q or %q", s.Lang, LangZH, LangEN))
	}
	for k := range s.Rules {
		if _, ok := defaultRules[k]; !ok {
			errs = append(errs, fmt.Errorf("unknown rule %q", k))
		}
	}
	if _, err := parseClock(s.Quiet.Start); err != nil {
		errs = append(errs, fmt.Errorf("quiet hours start: %w", err))
	}
	if _, err := parseClock(s.Quiet.End); err != nil {
		errs = append(errs, fmt.Errorf("quiet hours end: %w", err))
	}
	for _, m := range s.AlertLeadMinutes {
		if m <= 0 {
			errs = append(errs, fmt.Errorf("alert lead %d minutes: want > 0", m))
		}
	}
	for name, v := range map[string]int{
		"SLA lead minutes": s.SLALeadMinutes, "hardware lead hours": s.HardwareLeadHours,
		"warning lead days": s.WarningLeadDays, "sync fail minutes": s.SyncFailMinutes,
	} {
		if v < 0 {
			errs = append(errs, fmt.Errorf("%s %d: want >= 0", name, v))
		}
	}
	return errors.Join(errs...)
}

// parseClock reads "HH:MM" into minutes after midnight.
func parseClock(s string) (int, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, fmt.Errorf("%q: want HH:MM", s)
	}
	return t.Hour()*60 + t.Minute(), nil
}

// quiet reports whether t (already in the user's zone) falls in quiet hours.
// Settings are validated on the way in, so parse errors cannot happen here.
func (q QuietHours) quiet(t time.Time) bool {
	if !q.On {
		return false
	}
	start, _ := parseClock(q.Start)
	end, _ := parseClock(q.End)
	now := t.Hour()*60 + t.Minute()
	if start <= end {
		return now >= start && now < end
	}
	return now >= start || now < end
}
