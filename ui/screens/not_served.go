package screens

import (
	"net/url"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/kit"
)

// ServedBy reports whether a server publishing served (nil: everything)
// publishes res.
func ServedBy(served []domain.Resource, res domain.Resource) bool {
	return served == nil || slices.Contains(served, res)
}

// IsGateway reports whether a server publishing served is a
// production-interface gateway: it publishes some resources but no tickets.
func IsGateway(served []domain.Resource) bool {
	return served != nil && !ServedBy(served, domain.ResTickets)
}

// ServedResources is what the account's server publishes; nil (everything)
// when the backend does not know. It reads one meta key of the cache.
func (b *Backend) ServedResources() []domain.Resource {
	if b == nil || b.Served == nil {
		return nil
	}
	return b.Served()
}

// SellerCenter is the seller center's address for the account, nil when
// unknown or malformed.
func (b *Backend) SellerCenter() *url.URL {
	if b == nil || b.SellerCenterURL == nil {
		return nil
	}
	u, err := url.Parse(b.SellerCenterURL())
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

// NotServedView stands in for a list whose records the account's server
// does not publish (a gateway publishes orders and interface alerts only),
// so the user reads why the list is empty and where the records are instead
// of an empty list that looks like nothing to do.
type NotServedView struct {
	Text *widget.Label
	Link *widget.Hyperlink
	root *fyne.Container
}

// NewNotServedView is a hidden view; Set shows it for a resource.
func NewNotServedView() *NotServedView {
	v := &NotServedView{Text: widget.NewLabel(""), Link: widget.NewHyperlink(lang.L("Open the seller center"), nil)}
	v.Text.Wrapping = fyne.TextWrapWord
	v.Text.Importance = widget.WarningImportance
	v.root = container.NewVBox(v.Text, v.Link)
	v.root.Hide()
	return v
}

// Object is the view's content.
func (v *NotServedView) Object() fyne.CanvasObject { return v.root }

// Set shows the view when served leaves res out, else hides it; it
// reports whether it shows.
func (v *NotServedView) Set(res domain.Resource, served []domain.Resource, seller *url.URL) bool {
	if ServedBy(served, res) {
		v.root.Hide()
		return false
	}
	v.Text.SetText(NotServedText(res, served))
	v.Link.SetURL(seller)
	v.Link.Hidden = seller == nil
	v.root.Show()
	v.root.Refresh()
	return true
}

// NotServedText says in plain words that the account's server does not
// publish res and where its records are.
func NotServedText(res domain.Resource, served []domain.Resource) string {
	if slices.Equal(slices.Sorted(slices.Values(served)), []domain.Resource{domain.ResAlerts, domain.ResOrders}) {
		switch res {
		case domain.ResTickets:
			return lang.L("This gateway publishes orders and interface alerts only; tickets are in the seller center.")
		case domain.ResSupervision:
			return lang.L("This gateway publishes orders and interface alerts only; supervision flows are in the seller center.")
		case domain.ResBills:
			return lang.L("This gateway publishes orders and interface alerts only; bills are in the seller center.")
		}
	}
	return lang.L("This account's server does not publish {{.Kind}}; they are in the seller center.", map[string]any{"Kind": kit.ResourceLabel(res)})
}

// checkServed swaps the list for the not-served view when the account's
// server does not publish the screen's records; the list calls it after
// every load. It reads on Fyne's goroutine on purpose: the answer is one
// meta key of the cache (a read-only transaction of microseconds), and
// reading it here keeps the swap in step with the list's own loads.
func (s *RecordScreen[T]) checkServed() {
	if s.b == nil || s.b.Served == nil {
		return
	}
	if s.notServed.Set(s.res, s.b.ServedResources(), s.b.SellerCenter()) {
		s.split.Hide()
	} else {
		s.split.Show()
	}
}
