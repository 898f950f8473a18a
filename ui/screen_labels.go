package ui

import (
	"slices"
	"strings"

	"github.com/koogallery/merchant-console/domain"
)

// The label* functions give the users' words for domain codes: the domain's
// labels (domain/kinds.go, domain/labels.go), in the window's language, so
// the window says what the exports and notifications say.

// inWindowLanguage picks the side of a domain label the window shows.
func inWindowLanguage(l domain.Label) string { return l.Pick(!Chinese()) }

func labelTicketStatus(s domain.TicketStatus) string { return inWindowLanguage(s.Label()) }

func labelOrderStatus(s domain.OrderStatus) string { return inWindowLanguage(s.Label()) }

func labelOrderType(t domain.OrderType) string { return inWindowLanguage(t.Label()) }

func labelChargingMode(m domain.ChargingMode) string { return inWindowLanguage(m.Label()) }

func labelParty(p domain.Party) string { return inWindowLanguage(p.Label()) }

func labelNode(n domain.Node) string { return inWindowLanguage(n.Label()) }

func labelProductKind(k domain.ProductKind) string { return inWindowLanguage(k.Label()) }

func labelAlertState(s domain.AlertState) string { return inWindowLanguage(s.Label()) }

func labelInterface(k domain.InterfaceKind) string { return inWindowLanguage(k.Label()) }

// labelBillType shows a dash for bills older than their type field.
func labelBillType(t domain.BillType) string {
	if !slices.Contains(domain.BillTypes, t) {
		return "—"
	}
	return inWindowLanguage(t.Label())
}

func labelBillStatus(s domain.BillStatus) string { return inWindowLanguage(s.Label()) }

// pickLanguage picks one side of a bilingual "中文 / English" text.
func pickLanguage(both string) string {
	zh, en, ok := strings.Cut(both, " / ")
	if !ok {
		return both
	}
	if Chinese() {
		return zh
	}
	return en
}

// resourceLabel names a kind of record.
func resourceLabel(r domain.Resource) string { return inWindowLanguage(domain.KindOf(r).Label) }

func resourceLabels(rs []domain.Resource) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = resourceLabel(r)
	}
	return out
}

// statusCodesFor lists a resource's status codes, in the order the
// marketplace shows them, for filters. Messages are filtered by nothing.
func statusCodesFor(r domain.Resource) []string {
	if r == domain.ResMessages {
		return nil
	}
	return domain.KindOf(r).Codes()
}

// statusLabel gives the words for any resource's status code.
func statusLabel(r domain.Resource, code string) string {
	return inWindowLanguage(domain.KindOf(r).Status(code).Label)
}

func statusLabelsFor(r domain.Resource) []string {
	cs := statusCodesFor(r)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = statusLabel(r, c)
	}
	return out
}
