package kit

import (
	"slices"

	"github.com/koogallery/merchant-console/domain"
)

// The Label* functions give the users' words for domain codes: the domain's
// labels (domain/kinds.go, domain/labels.go), in the window's language, so
// the window says what the exports and notifications say.

// InWindowLanguage picks the side of a domain label the window shows.
func InWindowLanguage(l domain.Label) string { return l.Pick(!Chinese()) }

// LabelTicketStatus gives the window's words for the code, from the domain's label.
func LabelTicketStatus(s domain.TicketStatus) string { return InWindowLanguage(s.Label()) }

// LabelOrderStatus gives the window's words for the code, from the domain's label.
func LabelOrderStatus(s domain.OrderStatus) string { return InWindowLanguage(s.Label()) }

// LabelOrderType gives the window's words for the code, from the domain's label.
func LabelOrderType(t domain.OrderType) string { return InWindowLanguage(t.Label()) }

// LabelChargingMode gives the window's words for the code, from the domain's label.
func LabelChargingMode(m domain.ChargingMode) string { return InWindowLanguage(m.Label()) }

// LabelParty gives the window's words for the code, from the domain's label.
func LabelParty(p domain.Party) string { return InWindowLanguage(p.Label()) }

// LabelNode gives the window's words for the code, from the domain's label.
func LabelNode(n domain.Node) string { return InWindowLanguage(n.Label()) }

// LabelProductKind gives the window's words for the code, from the domain's label.
func LabelProductKind(k domain.ProductKind) string { return InWindowLanguage(k.Label()) }

// LabelAlertState gives the window's words for the code, from the domain's label.
func LabelAlertState(s domain.AlertState) string { return InWindowLanguage(s.Label()) }

// LabelInterface gives the window's words for the code, from the domain's label.
func LabelInterface(k domain.InterfaceKind) string { return InWindowLanguage(k.Label()) }

// LabelBillType shows a dash for bills older than their type field.
func LabelBillType(t domain.BillType) string {
	if !slices.Contains(domain.BillTypes, t) {
		return "—"
	}
	return InWindowLanguage(t.Label())
}

// LabelBillStatus gives the window's words for the code, from the domain's label.
func LabelBillStatus(s domain.BillStatus) string { return InWindowLanguage(s.Label()) }

// LabelText gives the window's side of any domain label (a result code's
// meaning, say).
func LabelText(l domain.Label) string { return InWindowLanguage(l) }

// LabelAction gives the window's words for a merchant action, from the domain's label.
func LabelAction(n domain.ActionName) string { return InWindowLanguage(n.Label()) }

// LabelDeadline names a supervision timer, from the domain's label.
func LabelDeadline(d domain.SupervisionDeadline) string { return InWindowLanguage(d.Label()) }

// ResourceLabel names a kind of record.
func ResourceLabel(r domain.Resource) string { return InWindowLanguage(domain.KindOf(r).Label) }

// ResourceLabels names each kind of record in rs.
func ResourceLabels(rs []domain.Resource) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = ResourceLabel(r)
	}
	return out
}

// StatusCodesFor lists a resource's status codes, in the order the
// marketplace shows them, for filters. Messages are filtered by nothing.
func StatusCodesFor(r domain.Resource) []string {
	if r == domain.ResMessages {
		return nil
	}
	return domain.KindOf(r).Codes()
}

// StatusLabel gives the words for any resource's status code.
func StatusLabel(r domain.Resource, code string) string {
	return InWindowLanguage(domain.KindOf(r).Status(code).Label)
}

// StatusLabelsFor gives the words for each of a resource's status codes, in StatusCodesFor's order.
func StatusLabelsFor(r domain.Resource) []string {
	cs := StatusCodesFor(r)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = StatusLabel(r, c)
	}
	return out
}
