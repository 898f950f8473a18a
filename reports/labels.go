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

// Pick is a label in lang: English for LangEN, Chinese for anything else.
func (l Lang) Pick(label domain.Label) string { return label.Pick(l == LangEN) }

// LabelMap maps an enum value (as its string) to its label in both languages.
type LabelMap map[string]domain.Label

// Get returns the label of value in lang, or value itself when it is unknown,
// so a status added by the marketplace later still shows up readably.
func (m LabelMap) Get(lang Lang, value string) string {
	if l, ok := m[value]; ok {
		return lang.Pick(l)
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
		m[s.Code] = s.Label
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
		m[string(c)] = c.Label()
	}
	return m
}

// Labels computed by this package.
var (
	// SLAStateLabels label the SLA states computed by SLAState.
	SLAStateLabels = LabelMap{
		SLARunning:  {Zh: "计时中", En: "Running"},
		SLAPaused:   {Zh: "已暂停", En: "Paused"},
		SLABreached: {Zh: "已超时", En: "Breached"},
		SLANone:     {Zh: "不适用", En: "n/a"},
	}
)

// yesNo is a flag's cell: "是" / "yes", "否" / "no" (the i18n catalogue's
// export words, lower case as a cell reads).
func yesNo(lang Lang, b bool) string {
	if b {
		return phrase("export|yes").In(lang)
	}
	return phrase("export|no").In(lang)
}
