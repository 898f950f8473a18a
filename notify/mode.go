package notify

// Mode is how loudly one kind of event is told, as Qianniu and Feige offer
// it per message type: not at all, a count on the badge and the in-app
// centre only, a popup that goes by itself, or a popup that stays until
// dismissed. A RuleSetting stores it as On, Popup and Persistent.
type Mode string

// The modes, quietest first.
const (
	ModeOff        Mode = "off"
	ModeBadge      Mode = "badge"
	ModePopup      Mode = "popup"
	ModePersistent Mode = "persistent"
)

// Modes lists the modes in the order a settings screen offers them.
var Modes = []Mode{ModeOff, ModeBadge, ModePopup, ModePersistent}

// Mode is the rule's mode.
func (r RuleSetting) Mode() Mode {
	switch {
	case !r.On:
		return ModeOff
	case !r.Popup:
		return ModeBadge
	case r.Persistent:
		return ModePersistent
	}
	return ModePopup
}

// WithMode is the rule told in mode m; whether it breaks through quiet
// hours (Urgent) stays as it was. An unknown mode leaves the rule as is.
func (r RuleSetting) WithMode(m Mode) RuleSetting {
	switch m {
	case ModeOff:
		r.On, r.Popup, r.Persistent = false, false, false
	case ModeBadge:
		r.On, r.Popup, r.Persistent = true, false, false
	case ModePopup:
		r.On, r.Popup, r.Persistent = true, true, false
	case ModePersistent:
		r.On, r.Popup, r.Persistent = true, true, true
	}
	return r
}
