package reports

import "github.com/koogallery/merchant-console/domain"

// Lang selects the language of headers and status labels.
type Lang string

// Supported languages. Anything else falls back to Chinese, the marketplace's
// own language.
const (
	LangZH Lang = "zh-Hans"
	LangEN Lang = "en"
)

// ParseLang maps user input ("zh", "zh-Hans", "en", "en-US") to a Lang.
func ParseLang(s string) Lang {
	if len(s) >= 2 && (s[:2] == "en" || s[:2] == "EN") {
		return LangEN
	}
	return LangZH
}

// Text is a string in both supported languages.
type Text struct{ ZH, EN string }

// In returns the text in lang.
func (t Text) In(lang Lang) string {
	if lang == LangEN {
		return t.EN
	}
	return t.ZH
}

// LabelMap maps an enum value (as its string) to its label in both languages.
type LabelMap map[string]Text

// Get returns the label of value in lang, or value itself when it is unknown,
// so a status added by the marketplace later still shows up readably.
func (m LabelMap) Get(lang Lang, value string) string {
	if t, ok := m[value]; ok {
		return t.In(lang)
	}
	return value
}

// Labels of the domain's codes: the domain's own words (domain/kinds.go and
// domain/labels.go), so an export says what the window says. The CLI reads
// them to parse and list status filters.
var (
	OrderStatusLabels       = statusLabels(domain.ResOrders)
	OrderTypeLabels         = codeLabels(domain.OrderTypes)
	ChargingModeLabels      = codeLabels(domain.ChargingModes)
	PeriodTypeLabels        = codeLabels(domain.PeriodTypes)
	BillStatusLabels        = statusLabels(domain.ResBills)
	BillTypeLabels          = codeLabels(domain.BillTypes)
	TransactionStatusLabels = statusLabels(domain.ResTransactions)
	TicketStatusLabels      = statusLabels(domain.ResTickets)
	AlertStateLabels        = statusLabels(domain.ResAlerts)
	InterfaceKindLabels     = codeLabels(domain.InterfaceKinds)
	ProductKindLabels       = codeLabels(domain.ProductKinds)
	NodeLabels              = statusLabels(domain.ResSupervision)
	PartyLabels             = codeLabels(domain.Parties)
	AppealStatusLabels      = codeLabels(domain.AppealStatuses)
	MessageCategoryLabels   = statusLabels(domain.ResMessages)
)

// StatusLabels returns the status labels of a resource.
func StatusLabels(r domain.Resource) LabelMap { return statusLabels(r) }

func statusLabels(r domain.Resource) LabelMap {
	m := LabelMap{}
	for _, s := range domain.KindOf(r).Statuses {
		m[s.Code] = Text{ZH: s.Label.Zh, EN: s.Label.En}
	}
	return m
}

// codeLabels maps each code to its domain.Label.
func codeLabels[C interface {
	~string
	Label() domain.Label
}](codes []C) LabelMap {
	m := make(LabelMap, len(codes))
	for _, c := range codes {
		l := c.Label()
		m[string(c)] = Text{ZH: l.Zh, EN: l.En}
	}
	return m
}

// Labels computed by this package.
var (
	// SLAStateLabels label the SLA states computed by SLAState.
	SLAStateLabels = LabelMap{
		SLARunning:  {"计时中", "Running"},
		SLAPaused:   {"已暂停", "Paused"},
		SLABreached: {"已超时", "Breached"},
		SLANone:     {"不适用", "n/a"},
	}
)

// Small words used in cells.
var (
	textYes  = Text{"是", "yes"}
	textNo   = Text{"否", "no"}
	textNone = Text{"无", "none"}
)

func yesNo(lang Lang, b bool) string {
	if b {
		return textYes.In(lang)
	}
	return textNo.In(lang)
}
