package overview

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/screentest"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

// unsubscribed is n orders of product unsubscribed an hour ago (this month).
func unsubscribed(product string, n int) []domain.Record {
	var out []domain.Record
	for i := range n {
		a := uitest.Alert(fmt.Sprintf("%s-%d", product, i), domain.AlertUnsubscribed, -time.Hour)
		a.ProductName = product
		out = append(out, a)
	}
	return out
}

func delistingOverview(t *testing.T, recs ...domain.Record) *Screen {
	t.Helper()
	o := New(screentest.NewBackend(t, uitest.NewStore(t, recs...)))
	o.alerts.countdown.Interval = time.Hour
	t.Cleanup(o.Close)
	uitest.NewWindow(t, o.Object())
	o.Reload()
	o.jobs.Wait()
	return o
}

func TestOverview_ListsProductsAtTheDelistingWarningAndOver(t *testing.T) {
	// given 6 failed orders of 企业网盘, 3 of 云备份 and 2 of 短信服务 this month
	var recs []domain.Record
	recs = append(recs, unsubscribed("企业网盘", 6)...)
	recs = append(recs, unsubscribed("云备份", 3)...)
	recs = append(recs, unsubscribed("短信服务", 2)...)

	// when the overview loads
	o := delistingOverview(t, recs...)

	// then the section lists the product over the limit first, in red, then
	// the one at the warning, in orange, and leaves out the one below it
	require.True(t, o.delist.root.Visible())
	require.Len(t, o.delist.rows.Objects, 2)
	over, warn := o.delist.rows.Objects[0].(*widget.Label), o.delist.rows.Objects[1].(*widget.Label)
	assert.Contains(t, over.Text, "企业网盘 · Over the delisting limit · 6 of 5 orders failed")
	assert.Equal(t, widget.DangerImportance, over.Importance)
	assert.Contains(t, warn.Text, "云备份 · Warning · 3 of 5 orders failed")
	assert.Equal(t, widget.WarningImportance, warn.Importance)
	assert.False(t, uitest.Shows(o.Object(), "短信服务"))
}

func TestOverview_DelistingSectionHiddenBelowTheWarning(t *testing.T) {
	// given two failed orders of one product this month
	o := delistingOverview(t, unsubscribed("云备份", 2)...)

	// then the overview says nothing about delisting
	assert.False(t, o.delist.root.Visible())
}
