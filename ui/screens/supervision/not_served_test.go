package supervision

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/syncer"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
)

// servedFromCache wires Served as the app does: what the cache's last
// whoami said.
func servedFromCache(b *screens.Backend, s *localstore.Store) {
	b.Served = func() []domain.Resource {
		rs, _ := syncer.ServedResources(s)
		return rs
	}
	b.SellerCenterURL = func() string { return "https://console.huaweicloud.com/marketplace/isv/" }
}

func TestSupervisionScreen_OnAGatewaySaysTheFlowsAreInTheSellerCenter(t *testing.T) {
	// given an account whose server said it publishes orders and alerts only
	s := uitest.NewStore(t)
	require.NoError(t, s.SetMeta(syncer.MetaServes, "orders,alerts"))
	b := screentest.NewBackend(t, s)
	servedFromCache(b, s)

	// when the supervision screen opens and its list loads
	scr := openOnLoop(t, b)

	// then it says so in plain words, links to the seller center, and hides the empty list
	assert.True(t, uitest.Shows(scr.Object(), "This gateway publishes orders and interface alerts only; supervision flows are in the seller center."), uitest.VisibleLabels(scr.Object()))
	assert.False(t, drawn(scr.Object(), scr.Table()), "the empty list is still drawn")
}

// openOnLoop builds the screen with a stand-in for Fyne's goroutine (the
// list's loads apply on the test goroutine, as on the main one in the
// app) and runs it until the first page is applied.
func openOnLoop(t *testing.T, b *screens.Backend) *screens.RecordScreen[domain.SupervisionTask] {
	t.Helper()
	loop := uitest.NewLoop(t)
	scr := New(b)
	t.Cleanup(scr.Close)
	loaded := false
	loop.RunUntil(t, func() bool {
		select {
		case <-scr.Loaded():
			loaded = true
		default:
		}
		return loaded
	})
	uitest.NewWindow(t, scr.Object())
	return scr
}

// drawn reports whether o is drawn somewhere under root.
func drawn(root, o fyne.CanvasObject) bool {
	found := false
	uitest.Walk(root, func(c fyne.CanvasObject) { found = found || c == o })
	return found
}

func TestSupervisionScreen_OnAFullServerShowsTheList(t *testing.T) {
	// given an account whose server publishes everything (no serves list)
	s := uitest.NewStore(t, uitest.Task("S1", domain.KindManualService, domain.NodeDeliver))
	b := screentest.NewBackend(t, s)
	servedFromCache(b, s)

	// when the supervision screen opens and its list loads
	scr := openOnLoop(t, b)

	// then the list is there and no not-served sentence
	assert.True(t, drawn(scr.Object(), scr.Table()))
	assert.False(t, uitest.Shows(scr.Object(), "seller center"))
}
