package alerts

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/screens"
)

// sellerLink tells a gateway account's user that Restart re-sends the call
// to their own server, and links to the seller center's 生产接口消息 page
// for the marketplace's own restart, which only the seller center can do.
type sellerLink struct {
	link *widget.Hyperlink
	root *fyne.Container
}

func newSellerLink() *sellerLink {
	l := &sellerLink{link: widget.NewHyperlink(lang.L("Open 生产接口消息 in the seller center"), nil)}
	note := widget.NewLabel(lang.L("Restart here re-sends the recorded call to your server; the marketplace's own restart is in the seller center."))
	note.Wrapping = fyne.TextWrapWord
	l.root = container.NewVBox(note, l.link)
	l.root.Hide()
	return l
}

// sellerWork reads what the account's server publishes and the seller
// center's address (off Fyne's goroutine) and returns how to show them.
func (d *alertDetail) sellerWork() func() func() {
	return func() func() {
		served, seller := d.b.ServedResources(), d.b.SellerCenter()
		return func() { d.seller.set(screens.IsGateway(served), seller) }
	}
}

// set shows the link on a gateway account whose seller center is known.
func (l *sellerLink) set(gateway bool, seller *url.URL) {
	l.link.SetURL(seller)
	l.root.Hidden = !gateway || seller == nil
	l.root.Refresh()
}
