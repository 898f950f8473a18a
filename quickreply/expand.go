package quickreply

import (
	"regexp"
	"slices"

	"github.com/koogallery/merchant-console/domain"
)

// Variable names a reply may use, each also under its Chinese name.
const (
	VarCustomer = "customer" // 客户: the ticket's customer name
	VarOrder    = "order"    // 订单: the ticket's order ID
	VarProduct  = "product"  // 商品: the ticket's product name
	VarAgent    = "agent"    // 客服: the agent's display name
)

// aliases maps every accepted spelling to its variable.
var aliases = map[string]string{
	VarCustomer: VarCustomer, "客户": VarCustomer,
	VarOrder: VarOrder, "订单": VarOrder,
	VarProduct: VarProduct, "商品": VarProduct,
	VarAgent: VarAgent, "客服": VarAgent,
}

// placeholder is {name}: up to 32 characters without braces or spaces, so
// prose with braces ("{ 1, 2 }") is not taken for a variable.
var placeholder = regexp.MustCompile(`\{([^{}\s]{1,32})\}`)

// Values are what the variables stand for in one insertion.
type Values map[string]string

// ValuesFor fills the variables from a ticket and the agent's display name.
func ValuesFor(t domain.Ticket, agent string) Values {
	return Values{VarCustomer: t.CustomerName, VarOrder: t.OrderID, VarProduct: t.ProductName, VarAgent: agent}
}

// Expansion is a reply's text with its variables filled in.
type Expansion struct {
	Text string
	// Unknown lists placeholders that name no variable ({cutsomer}); they
	// stay in Text as written, for the agent to fix.
	Unknown []string
	// Missing lists variables with no value here (a ticket without an
	// order); they too stay visible in Text.
	Missing []string
}

// Complete reports whether every placeholder was filled.
func (e Expansion) Complete() bool { return len(e.Unknown) == 0 && len(e.Missing) == 0 }

// Expand fills text's variables from v. Nothing is ever dropped: a
// placeholder it cannot fill stays as written and is reported, each name once.
func Expand(text string, v Values) Expansion {
	var out Expansion
	out.Text = placeholder.ReplaceAllStringFunc(text, func(m string) string {
		name := m[1 : len(m)-1]
		canon, ok := aliases[name]
		switch {
		case !ok:
			out.Unknown = appendOnce(out.Unknown, name)
		case v[canon] == "":
			out.Missing = appendOnce(out.Missing, canon)
		default:
			return v[canon]
		}
		return m
	})
	return out
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
