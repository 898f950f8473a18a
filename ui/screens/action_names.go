package screens

import "github.com/koogallery/merchant-console/domain"

// ActionNames gives the button text of each action, in order.
func ActionNames(acts []domain.ActionName) []string {
	out := []string{}
	for _, a := range acts {
		out = append(out, ActionName(a))
	}
	return out
}
